using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwsAnalyzers.Benchmarks.Analyzers;

internal enum PackageRole
{
    Ours,
    Peer,

    /// <summary>A yardstick, not a product: measured and shown, but neither ours nor counted among the peers.</summary>
    Reference,
}

/// <summary>One analyzer package as a build loads it: its name, version and C# analyzers.</summary>
/// <param name="IsYardstick">The peer whose median per active analyzer each of our rules is held to.</param>
/// <param name="GateOf">For a reference row that does only a rule's gate (its lookups at compilation start), that rule's ID.</param>
internal sealed record AnalyzerPackage(
    string Name, string Version, PackageRole Role, ImmutableArray<DiagnosticAnalyzer> Analyzers, bool IsYardstick = false, string? GateOf = null);

/// <summary>
/// Finds the analyzers to measure: ours by reflection over the AwsAnalyzers assembly (so every rule merged later is
/// measured with no change here), the peers from their restored NuGet packages, loaded the way a build loads them.
/// </summary>
internal static class AnalyzerPackages
{
    private static Assembly OurAnalyzerAssembly => typeof(AwsAnalyzers.Core.RuleIds).Assembly;

    private static Assembly OurCodeFixAssembly => typeof(AwsAnalyzers.Core.DocumentFixAllProvider).Assembly;

    public static AnalyzerPackage Ours() => new(
        "AwsAnalyzers",
        OurAnalyzerAssembly.GetName().Version?.ToString(3) ?? "?",
        PackageRole.Ours,
        Instantiate<DiagnosticAnalyzer>(OurAnalyzerAssembly, t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp))));

    /// <summary>
    /// An analyzer whose callback on every simple assignment does nothing: what the driver alone charges a rule that
    /// registers on that operation kind, the floor under AWS001's time.
    /// </summary>
    public static AnalyzerPackage AssignmentFloor() =>
        new("Reference: empty callback on every assignment", "–", PackageRole.Reference, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAssignmentAnalyzer()));

    /// <summary>
    /// An analyzer that does only what AWS001 does at compilation start, the SDK check and the lookups of its two
    /// Kinesis types, and registers nothing: AWS001's time less this one is the time of its assignment callbacks.
    /// </summary>
    public static AnalyzerPackage Aws001TypeLookups() =>
        new("Reference: AWS001's type lookups alone", "–", PackageRole.Reference, ImmutableArray.Create<DiagnosticAnalyzer>(new TypeLookupAnalyzer(
            "BENCH002",
            AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyAnalyzer.PutRecordRequestName,
            AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyAnalyzer.PutRecordsRequestEntryName)));

    /// <summary>
    /// An analyzer that does only AWS002's gate, the lookups of the SDK and of the Lambda marker types at compilation
    /// start, and registers nothing: what a project with the SDK and no Lambda should pay AWS002 at most. The names are
    /// written out rather than read from the rule, so the row stays the same yardstick however the rule is arranged:
    /// the SDK's service client, the context, the Annotations attribute, the bootstrap.
    /// </summary>
    public static AnalyzerPackage Aws002Gate() =>
        new("Reference: AWS002's gate (its type lookups alone)", "–", PackageRole.Reference, ImmutableArray.Create<DiagnosticAnalyzer>(new TypeLookupAnalyzer(
            "BENCH003",
            "Amazon.Runtime.AmazonServiceClient",
            "Amazon.Lambda.Core.ILambdaContext",
            "Amazon.Lambda.Annotations.LambdaFunctionAttribute",
            "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder",
            "Amazon.Lambda.RuntimeSupport.HandlerWrapper")), GateOf: "AWS002");

    /// <summary>Every code fix provider of ours, including those of rules merged after this benchmark was written.</summary>
    public static ImmutableArray<CodeFixProvider> OurCodeFixes() =>
        Instantiate<CodeFixProvider>(OurCodeFixAssembly, t => t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)));

    public static AnalyzerPackage Meziantou()
    {
        string root = PackageRoot("MeziantouAnalyzerPackage");
        string folder = NewestRoslynFolderNotAbove(Path.Combine(root, "analyzers", "dotnet"), typeof(Compilation).Assembly.GetName().Version!);
        return Load("Meziantou.Analyzer", root, Path.Combine(folder, "cs", "Meziantou.Analyzer.dll")) with { IsYardstick = true };
    }

    public static AnalyzerPackage NetAnalyzers()
    {
        string root = PackageRoot("NetAnalyzersPackage");
        string folder = Path.Combine(root, "analyzers", "dotnet", "cs");
        return Load(
            "Microsoft.CodeAnalysis.NetAnalyzers",
            root,
            Path.Combine(folder, "Microsoft.CodeAnalysis.NetAnalyzers.dll"),
            Path.Combine(folder, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"));
    }

    private static ImmutableArray<T> Instantiate<T>(Assembly assembly, Func<Type, bool> exported)
        where T : class =>
        assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && exported(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The restored package folder, recorded at build time by the project file.</summary>
    private static string PackageRoot(string key)
    {
        string? root = typeof(AnalyzerPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
        {
            throw new InvalidOperationException($"The package recorded as {key} ('{root}') is not restored; run `dotnet restore` on the benchmark.");
        }

        return root;
    }

    /// <summary>Packages with analyzers/dotnet/roslynX.Y folders: the build picks the newest one the compiler can load.</summary>
    private static string NewestRoslynFolderNotAbove(string analyzersFolder, Version compiler) =>
        Directory.GetDirectories(analyzersFolder, "roslyn*")
            .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Substring("roslyn".Length), out Version? v) ? v : null))
            .Where(x => x.Version is not null && x.Version <= new Version(compiler.Major, compiler.Minor))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Folder)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"No analyzer folder in {analyzersFolder} loads on Roslyn {compiler}.");

    private static AnalyzerPackage Load(string name, string root, params string[] assemblies)
    {
        var loader = new AssemblyLoader();
        var analyzers = new List<DiagnosticAnalyzer>();
        foreach (string path in assemblies)
        {
            var reference = new AnalyzerFileReference(path, loader);
            reference.AnalyzerLoadFailed += (_, e) =>
                throw new InvalidOperationException($"{name}: {e.TypeName ?? path} does not load: {e.Message}", e.Exception);
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        return new AnalyzerPackage(name, Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)), PackageRole.Peer, analyzers.ToImmutableArray());
    }

    // Run in this process only and never shipped, so the rules for analyzer assemblies a compiler loads do not apply.
#pragma warning disable RS1012, RS1036, RS1038, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAssignmentAnalyzer : DiagnosticAnalyzer
    {
        // The driver skips an analyzer whose rules are all off, so this one has a rule it never reports.
        private static readonly DiagnosticDescriptor Never = new(
            "BENCH001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(static _ => { }, OperationKind.SimpleAssignment);
        }
    }

    /// <summary>What a rule does at compilation start, and nothing else: the SDK check, then its types' lookups.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class TypeLookupAnalyzer : DiagnosticAnalyzer
    {
        private readonly string[] _metadataNames;

        public TypeLookupAnalyzer(string id, params string[] metadataNames)
        {
            _metadataNames = metadataNames;
            SupportedDiagnostics = ImmutableArray.Create(new DiagnosticDescriptor(
                id, "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true));
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (AwsAnalyzers.Core.KnownTypes.ForAwsSdk(start.Compilation) is not { } types)
                {
                    return;
                }

                foreach (string name in _metadataNames)
                {
                    _ = types.Get(name);
                }
            });
        }
    }
#pragma warning restore RS1012, RS1036, RS1038, RS1041, RS2008

    /// <summary>Loads analyzer assemblies into the default context, resolving their dependencies next to them.</summary>
    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
