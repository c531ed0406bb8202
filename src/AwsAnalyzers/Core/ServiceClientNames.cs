using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Core;

/// <summary>
/// The simple names a creation of a service client can be written with: every class of the referenced SDK packages
/// that derives from <c>Amazon.Runtime.AmazonServiceClient</c> (<c>AmazonS3Client</c>, <c>AmazonS3EncryptionClientV2</c>),
/// and every type of the project whose name ends in <c>Client</c>, which may derive from one of them.
/// </summary>
/// <remarks>
/// A rule about client creations scopes its callbacks to the types that write one of these words (a
/// <see cref="WordSet"/>). The project's names are a superset: the callback still checks the base type. A package's
/// names are read once per assembly symbol, which compilations with the same references share, and only from its
/// namespaces that can declare a client: not <c>Model</c> or <c>Internal</c>, which hold thousands of request, response
/// and marshaller types.
/// </remarks>
internal static class ServiceClientNames
{
    private const string ClientSuffix = "Client";

    private static readonly ConditionalWeakTable<IAssemblySymbol, string[]> s_perAssembly = new();

    /// <summary>The names for <paramref name="types"/>' compilation, whose service client base type is <paramref name="serviceClient"/>.</summary>
    public static IReadOnlyCollection<string> Of(KnownTypes types, INamedTypeSymbol serviceClient)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (IAssemblySymbol assembly in types.ReferencesDeclaring("Amazon"))
        {
            names.UnionWith(s_perAssembly.GetValue(assembly, a => ClientsOf(a, serviceClient)));
        }

        names.UnionWith(types.SourceTypeNamesEndingWith(ClientSuffix));
        return names;
    }

    private static string[] ClientsOf(IAssemblySymbol assembly, INamedTypeSymbol serviceClient)
    {
        var clients = new List<string>();
        var pending = new Stack<INamespaceSymbol>();
        foreach (INamespaceSymbol outermost in assembly.GlobalNamespace.GetNamespaceMembers())
        {
            if (outermost.Name == "Amazon")
            {
                pending.Push(outermost);
            }
        }

        while (pending.Count > 0)
        {
            INamespaceSymbol current = pending.Pop();
            foreach (INamedTypeSymbol type in current.GetTypeMembers())
            {
                if (type is { TypeKind: TypeKind.Class, IsAbstract: false } && type.Name.EndsWith(ClientSuffix, StringComparison.Ordinal)
                    && type.IsOrDerivesFrom(serviceClient))
                {
                    clients.Add(type.Name);
                }
            }

            foreach (INamespaceSymbol nested in current.GetNamespaceMembers())
            {
                if (nested.Name is not ("Model" or "Internal"))
                {
                    pending.Push(nested);
                }
            }
        }

        return clients.ToArray();
    }
}
