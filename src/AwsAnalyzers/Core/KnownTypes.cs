using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Core;

/// <summary>
/// Looks up types by metadata name once per compilation. <see cref="Compilation.GetTypeByMetadataName"/> returns
/// null when two references define the same name (polyfills, internal copies, a stub beside the real package),
/// which would silently turn a rule off; this lookup picks the best candidate instead.
/// </summary>
internal sealed class KnownTypes
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _cache = new();

    private KnownTypes(Compilation compilation) => _compilation = compilation;

    private static readonly ConditionalWeakTable<Compilation, KnownTypes> s_perCompilation = new();

    /// <summary>The lookup shared by every rule that analyzes <paramref name="compilation"/>.</summary>
    public static KnownTypes For(Compilation compilation) =>
        s_perCompilation.GetValue(compilation, static c => new KnownTypes(c));

    /// <summary>
    /// The lookup for a compilation that references the AWS SDK, or null. Every service package, and so every type a
    /// rule looks for, builds on AWSSDK.Core's service client; a project without it pays this one lookup for all rules.
    /// </summary>
    public static KnownTypes? ForAwsSdk(Compilation compilation)
    {
        KnownTypes types = For(compilation);
        return types.Get(AwsSdkCoreMarkerName) is null ? null : types;
    }

    private const string AwsSdkCoreMarkerName = "Amazon.Runtime.AmazonServiceClient";

    /// <summary>The type named <paramref name="metadataName"/>, or null when no reference defines it.</summary>
    public INamedTypeSymbol? Get(string metadataName)
    {
        if (_cache.TryGetValue(metadataName, out INamedTypeSymbol? cached))
        {
            return cached;
        }

        return _cache.GetOrAdd(metadataName, Resolve(_compilation, metadataName));
    }

    private static INamedTypeSymbol? Resolve(Compilation compilation, string metadataName)
    {
        ImmutableArray<INamedTypeSymbol> candidates = compilation.GetTypesByMetadataName(metadataName);
        if (candidates.IsEmpty)
        {
            return null;
        }

        if (candidates.Length == 1)
        {
            return candidates[0];
        }

        // Prefer the compilation's own definition, then one it can see, then the first.
        INamedTypeSymbol? visible = null;
        foreach (INamedTypeSymbol candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            if (visible is null && compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly))
            {
                visible = candidate;
            }
        }

        return visible ?? candidates[0];
    }
}
