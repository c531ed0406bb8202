using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AwsAnalyzers.Benchmarks.Corpus;

/// <summary>How a corpus is parsed and compiled: as a .NET 10 class library with nullable reference types on.</summary>
internal static class CorpusCompilation
{
    /// <summary>
    /// The symbols a Release build of a .NET 10 project defines, so a user's <c>#if NET8_0_OR_GREATER</c> code is the code
    /// measured (the generated corpora have no directive).
    /// </summary>
    public static CSharpParseOptions ParseOptions { get; } = new(
        LanguageVersion.Latest,
        preprocessorSymbols: new[] { "TRACE", "RELEASE", "NET", "NET10_0", "NETCOREAPP" }
            .Concat(new[] { "5_0", "6_0", "7_0", "8_0", "9_0", "10_0" }.Select(v => "NET" + v + "_OR_GREATER"))
            .Concat(new[] { "1_0", "1_1", "2_0", "2_1", "2_2", "3_0", "3_1" }.Select(v => "NETCOREAPP" + v + "_OR_GREATER")));

    /// <summary>
    /// A Release build's options, with our rules that are off by default (AWS020) turned on as a user who wants them
    /// does: the host does not run a rule nobody enabled, so it would otherwise never be measured.
    /// </summary>
    public static CSharpCompilationOptions Options(bool concurrentBuild) => new CSharpCompilationOptions(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: true,
        concurrentBuild: concurrentBuild)
        .WithSpecificDiagnosticOptions(OffByDefaultRules.Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn)));

    private static readonly string[] OffByDefaultRules = typeof(AwsAnalyzers.Core.RuleIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
        .SelectMany(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .Where(d => !d.IsEnabledByDefault)
        .Select(d => d.Id)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// The AWS-heavy corpus and a user's folder compile against what the tests' user code does (.NET 10, the real AWS
    /// SDK packages and the stubs); the corpus without Lambda against the same less the Lambda libraries; the AWS-free
    /// one against .NET 10, Polly and Newtonsoft.Json only.
    /// </summary>
    public static ImmutableArray<MetadataReference> References(CorpusFlavour flavour) => flavour switch
    {
        CorpusFlavour.AwsHeavy or CorpusFlavour.Folder => TestReferences.All,
        CorpusFlavour.AwsWithoutLambda => TestReferences.All.Where(r => !IsLambdaLibrary(r)).ToImmutableArray(),
        _ => Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(new[] { typeof(Polly.ResiliencePipeline), typeof(Newtonsoft.Json.JsonConvert) }
                .Select(t => (MetadataReference)MetadataReference.CreateFromFile(t.Assembly.Location)))
            .ToImmutableArray(),
    };

    /// <summary>The Amazon.Lambda.* libraries (stubbed: Core, Annotations, RuntimeSupport, the event types).</summary>
    private static bool IsLambdaLibrary(MetadataReference reference) =>
        reference is PortableExecutableReference executable
        && executable.GetMetadata() is AssemblyMetadata assembly
        && assembly.GetModules()[0].Name.StartsWith("Amazon.Lambda.", StringComparison.Ordinal);

    public static ImmutableArray<SyntaxTree> Parse(SourceCorpus corpus, CancellationToken cancellationToken) =>
        corpus.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path, cancellationToken: cancellationToken)).ToImmutableArray();

    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference> references, bool concurrentBuild) =>
        CSharpCompilation.Create("SensorPipeline.Corpus", trees, references, Options(concurrentBuild));

    /// <summary>Throws with the first errors when generated code does not compile: figures on broken code mean nothing.</summary>
    public static void EnsureNoErrors(IEnumerable<Diagnostic> diagnostics, string what)
    {
        List<Diagnostic> errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{what} does not compile ({errors.Count} errors):{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors.Take(15)));
        }
    }

    /// <summary>How many errors of each ID (CS0246…) the compiler reported: what a user's folder is measured with.</summary>
    public static Dictionary<string, int> ErrorsByCode(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Where(d => d.Severity == DiagnosticSeverity.Error)
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
