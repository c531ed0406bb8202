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
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions Options(bool concurrentBuild) => new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release,
        concurrentBuild: concurrentBuild);

    /// <summary>
    /// The AWS-heavy corpus compiles against what the tests' user code does (.NET 10, the real AWS SDK packages and
    /// the stubs); the AWS-free one against .NET 10, Polly and Newtonsoft.Json only.
    /// </summary>
    public static ImmutableArray<MetadataReference> References(CorpusFlavour flavour) => flavour == CorpusFlavour.AwsHeavy
        ? TestReferences.All
        : Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(new[] { typeof(Polly.ResiliencePipeline), typeof(Newtonsoft.Json.JsonConvert) }
                .Select(t => (MetadataReference)MetadataReference.CreateFromFile(t.Assembly.Location)))
            .ToImmutableArray();

    public static ImmutableArray<SyntaxTree> Parse(GeneratedCorpus corpus, CancellationToken cancellationToken) =>
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
}
