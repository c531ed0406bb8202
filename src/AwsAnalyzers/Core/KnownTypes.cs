using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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

        return _cache.GetOrAdd(metadataName, Resolve(metadataName));
    }

    private INamedTypeSymbol? Resolve(string metadataName)
    {
        Compilation compilation = _compilation;

        // The project's own source first, asked only when it declares a type of that simple name: the source
        // assembly's type names come from the declaration table, read once per compilation, where reading the
        // source's namespaces would build their symbols (the compiler's own declaration work, charged to the rule
        // that asked first). ContainsSymbolsWithName would answer too, but it walks every declaration at each call.
        if (compilation.Assembly.TypeNames.Contains(SimpleName(metadataName))
            && compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
        {
            return own;
        }

        // Then the references in the order Compilation.GetTypesByMetadataName asks them (the core library first): the
        // first definition the compilation can see, else the first. The search stops at the first one it can see: a
        // System type is found in the core library, and asking each of the hundred framework assemblies that also
        // declare System would make each of them read its namespaces down to the type's.
        INamedTypeSymbol? first = null;
        foreach (IAssemblySymbol assembly in AssembliesDeclaring(OutermostNamespace(metadataName)))
        {
            if (assembly.GetTypeByMetadataName(metadataName) is { } type)
            {
                if (IsVisibleFrom(type, compilation.Assembly))
                {
                    return type;
                }

                first ??= type;
            }
        }

        return first;
    }

    /// <summary>
    /// True when the compilation's code can name <paramref name="type"/>: public all the way out, or internal (or
    /// protected internal) in an assembly that gives the compilation access. What
    /// <see cref="Compilation.IsSymbolAccessibleWithin"/> answers for a type seen from an assembly, without its check
    /// that both belong to the compilation, which walks every reference at each call.
    /// </summary>
    private static bool IsVisibleFrom(INamedTypeSymbol type, IAssemblySymbol within)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal or Accessibility.ProtectedOrInternal when current.ContainingAssembly.GivesAccessTo(within):
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The name a type is declared with: <c>Task</c> for <c>System.Threading.Tasks.Task`1</c>, <c>Inner</c> for <c>N.Outer+Inner</c>.</summary>
    private static string SimpleName(string metadataName)
    {
        int start = Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+')) + 1;
        int arity = metadataName.IndexOf('`', start);
        return arity < 0 ? metadataName.Substring(start) : metadataName.Substring(start, arity - start);
    }

    /// <summary>The namespace a metadata name starts with (<c>Amazon</c> for <c>Amazon.S3.AmazonS3Client</c>), or null for a type in the global namespace.</summary>
    private static string? OutermostNamespace(string metadataName)
    {
        int nested = metadataName.IndexOf('+');
        int dot = metadataName.IndexOf('.');
        return dot > 0 && (nested < 0 || dot < nested) ? metadataName.Substring(0, dot) : null;
    }

    /// <summary>The compilation's own assembly.</summary>
    public IAssemblySymbol SourceAssembly => _compilation.Assembly;

    /// <summary>
    /// The simple names of the project's own types that end in <paramref name="suffix"/> (<c>TracedS3Client</c> for
    /// <c>Client</c>), from the declaration table: the names a subclass of an SDK type is likely written with.
    /// </summary>
    public IEnumerable<string> SourceTypeNamesEndingWith(string suffix)
    {
        foreach (string name in _compilation.Assembly.TypeNames)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return name;
            }
        }
    }

    /// <summary>
    /// The referenced assemblies whose global namespace holds <paramref name="outermostNamespace"/> (<c>Amazon</c>),
    /// in lookup order: what a rule reads when it needs every type of a family (the SDK's paginator factories), not
    /// one by name.
    /// </summary>
    public ImmutableArray<IAssemblySymbol> ReferencesDeclaring(string outermostNamespace) => AssembliesDeclaring(outermostNamespace);

    /// <summary>
    /// The assemblies a lookup asks, in the order <see cref="Compilation.GetTypesByMetadataName"/> asks them: every one
    /// for a type in the global namespace, else those whose global namespace holds <paramref name="outermostNamespace"/>.
    /// </summary>
    private ImmutableArray<IAssemblySymbol> AssembliesDeclaring(string? outermostNamespace)
    {
        AssemblyIndex index = _assemblies ??= AssemblyIndex.Read(_compilation);
        if (outermostNamespace is null)
        {
            return index.All;
        }

        return index.ByOutermostNamespace.TryGetValue(outermostNamespace, out ImmutableArray<IAssemblySymbol> declaring)
            ? declaring
            : ImmutableArray<IAssemblySymbol>.Empty;
    }

    private AssemblyIndex? _assemblies;

    /// <summary>The referenced assemblies in lookup order (the core library first), and which of them declare each outermost namespace; read once per compilation.</summary>
    private sealed class AssemblyIndex
    {
        /// <summary>The outermost namespaces of a referenced assembly, read once per assembly symbol (compilations that share a reference share it).</summary>
        private static readonly ConditionalWeakTable<IAssemblySymbol, string[]> s_namespacesPerAssembly = new();

        private AssemblyIndex(ImmutableArray<IAssemblySymbol> all, Dictionary<string, ImmutableArray<IAssemblySymbol>> byOutermostNamespace)
        {
            All = all;
            ByOutermostNamespace = byOutermostNamespace;
        }

        public ImmutableArray<IAssemblySymbol> All { get; }

        public Dictionary<string, ImmutableArray<IAssemblySymbol>> ByOutermostNamespace { get; }

        public static AssemblyIndex Read(Compilation compilation)
        {
            // The source assembly is not in the index: Candidates asks it first, through the declaration table.
            ImmutableArray<IAssemblySymbol>.Builder all = ImmutableArray.CreateBuilder<IAssemblySymbol>();
            IAssemblySymbol coreLibrary = compilation.ObjectType.ContainingAssembly;
            if (!ReferenceEquals(coreLibrary, compilation.Assembly))
            {
                all.Add(coreLibrary);
            }

            foreach (IAssemblySymbol referenced in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!ReferenceEquals(referenced, coreLibrary))
                {
                    all.Add(referenced);
                }
            }

            var building = new Dictionary<string, ImmutableArray<IAssemblySymbol>.Builder>(StringComparer.Ordinal);
            foreach (IAssemblySymbol assembly in all)
            {
                string[] namespaces = s_namespacesPerAssembly.GetValue(assembly, static a => OutermostNamespaces(a));
                foreach (string name in namespaces)
                {
                    if (!building.TryGetValue(name, out ImmutableArray<IAssemblySymbol>.Builder? declaring))
                    {
                        declaring = ImmutableArray.CreateBuilder<IAssemblySymbol>();
                        building.Add(name, declaring);
                    }

                    declaring.Add(assembly);
                }
            }

            var byOutermostNamespace = new Dictionary<string, ImmutableArray<IAssemblySymbol>>(building.Count, StringComparer.Ordinal);
            foreach (KeyValuePair<string, ImmutableArray<IAssemblySymbol>.Builder> entry in building)
            {
                byOutermostNamespace.Add(entry.Key, entry.Value.ToImmutable());
            }

            return new AssemblyIndex(all.ToImmutable(), byOutermostNamespace);
        }

        private static string[] OutermostNamespaces(IAssemblySymbol assembly)
        {
            var names = new List<string>();
            foreach (INamespaceSymbol member in assembly.GlobalNamespace.GetNamespaceMembers())
            {
                if (!names.Contains(member.MetadataName))
                {
                    names.Add(member.MetadataName);
                }
            }

            return names.ToArray();
        }
    }
}
