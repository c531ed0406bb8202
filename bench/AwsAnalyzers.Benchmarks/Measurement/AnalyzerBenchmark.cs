using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Benchmarks.Analyzers;
using AwsAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace AwsAnalyzers.Benchmarks.Measurement;

/// <summary>
/// The compiler's own cost on one iteration: parse, bind (all diagnostics), emit. A corpus with compiler errors cannot
/// be emitted (<see cref="EmitMs"/> is null) and its compile time is parse and bind.
/// </summary>
/// <param name="ErrorsByCode">The corpus's compiler errors by ID (CS0246…), empty for every generated corpus.</param>
internal sealed record CompileSample(
    double ParseMs, double BindMs, double? EmitMs, long BindAllocatedBytes, long TotalAllocatedBytes, IReadOnlyDictionary<string, int> ErrorsByCode)
{
    public double TotalMs => ParseMs + BindMs + (EmitMs ?? 0);

    public int Errors => ErrorsByCode.Values.Sum();
}

/// <summary>One package's pass on one iteration: wall time, allocations, and Roslyn's per-analyzer telemetry.</summary>
internal sealed record PackageSample(
    double WallMs,
    long AllocatedBytes,
    IReadOnlyDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo> Telemetry,
    IReadOnlyDictionary<string, int> DiagnosticCounts,
    IReadOnlyDictionary<DiagnosticAnalyzer, int> Exceptions)
{
    /// <summary>What the package reported, kept only for our own package when <c>--diagnostics</c> asks for the list.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = ImmutableArray<Diagnostic>.Empty;
}

internal sealed record AnalyzerResults(
    SourceCorpus Corpus,
    IReadOnlyList<CompileSample> Compile,
    IReadOnlyList<AnalyzerPackage> Packages,
    IReadOnlyDictionary<AnalyzerPackage, IReadOnlyList<PackageSample>> Samples);

/// <summary>
/// Compiles a corpus without analyzers (the baseline), then runs each package alone on a fresh compilation of the same
/// syntax trees through <see cref="CompilationWithAnalyzers"/> with <c>logAnalyzerExecutionTime</c>, the way a build's
/// <c>-p:ReportAnalyzer=true</c> does. Warm-up iterations run on the first files of the corpus and are thrown away.
/// </summary>
internal sealed class AnalyzerBenchmark
{
    private readonly BenchmarkOptions _options;
    private readonly TextWriter _log;

    public AnalyzerBenchmark(BenchmarkOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
    }

    public async Task<AnalyzerResults> RunAsync(SourceCorpus corpus, IReadOnlyList<AnalyzerPackage> packages, CancellationToken cancellationToken)
    {
        ImmutableArray<MetadataReference> references = CorpusCompilation.References(corpus.Flavour);
        var compile = new List<CompileSample>();
        var samples = packages.ToDictionary(p => p, _ => (IReadOnlyList<PackageSample>)new List<PackageSample>());
        // Warm-up only has to JIT the compiler and the analyzers, which a slice of the corpus does as well as all of it.
        SourceCorpus warmupCorpus = corpus.Take(_options.WarmupFiles);
        int total = _options.Warmup + _options.Iterations;
        for (int iteration = 0; iteration < total; iteration++)
        {
            bool measured = iteration >= _options.Warmup;
            (CompileSample compileSample, ImmutableArray<SyntaxTree> trees) = Compile(measured ? corpus : warmupCorpus, references, cancellationToken);
            _log.WriteLine($"  {(measured ? "iteration " + (iteration - _options.Warmup + 1) : "warm-up")}: compile {compileSample.TotalMs:F0} ms"
                + (compileSample.Errors > 0 ? $", {compileSample.Errors} compiler errors (not emitted)" : string.Empty));
            if (measured)
            {
                compile.Add(compileSample);
            }

            foreach (AnalyzerPackage package in packages)
            {
                PackageSample sample = await AnalyzeAsync(trees, references, package, cancellationToken).ConfigureAwait(false);
                _log.WriteLine($"    {package.Name}: pass {sample.WallMs:F0} ms, analyzers {sample.Telemetry.Values.Sum(t => t.ExecutionTime.TotalMilliseconds):F1} ms");
                if (measured)
                {
                    ((List<PackageSample>)samples[package]).Add(sample);
                }
            }
        }

        return new AnalyzerResults(corpus, compile, packages, samples);
    }

    private (CompileSample Sample, ImmutableArray<SyntaxTree> Trees) Compile(SourceCorpus corpus, ImmutableArray<MetadataReference> references, CancellationToken cancellationToken)
    {
        Settle();
        long start = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        ImmutableArray<SyntaxTree> trees = CorpusCompilation.Parse(corpus, cancellationToken);
        double parse = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        var compilation = CorpusCompilation.Create(trees, references, _options.Concurrent);
        ImmutableArray<Diagnostic> diagnostics = compilation.GetDiagnostics(cancellationToken);
        double bind = watch.Elapsed.TotalMilliseconds;
        long afterBind = GC.GetTotalAllocatedBytes(precise: true);
        Dictionary<string, int> errorsByCode = CorpusCompilation.ErrorsByCode(diagnostics);
        if (!corpus.ToleratesErrors)
        {
            CorpusCompilation.EnsureNoErrors(diagnostics, corpus.Title);
        }
        else if (errorsByCode.Count > 0)
        {
            // Emit stops at the first error, so its time on broken code would measure nothing.
            return (new CompileSample(parse, bind, null, afterBind - start, afterBind - start, errorsByCode), trees);
        }

        watch.Restart();
        using (var peStream = new MemoryStream())
        {
            var result = compilation.Emit(peStream, cancellationToken: cancellationToken);
            if (!result.Success && corpus.ToleratesErrors)
            {
                return (new CompileSample(parse, bind, null, afterBind - start, afterBind - start, CorpusCompilation.ErrorsByCode(result.Diagnostics)), trees);
            }

            CorpusCompilation.EnsureNoErrors(result.Diagnostics, corpus.Title);
        }

        double emit = watch.Elapsed.TotalMilliseconds;
        long end = GC.GetTotalAllocatedBytes(precise: true);
        return (new CompileSample(parse, bind, emit, afterBind - start, end - start, errorsByCode), trees);
    }

    private async Task<PackageSample> AnalyzeAsync(
        ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, AnalyzerPackage package, CancellationToken cancellationToken)
    {
        var exceptions = new ConcurrentDictionary<DiagnosticAnalyzer, int>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.AddOrUpdate(analyzer, 1, (_, n) => n + 1),
            concurrentAnalysis: _options.Concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

        // Binding the references is the compiler's work, done once per build whatever the analyzers; left lazy, it
        // would be charged to whichever analyzer first asks for a type at compilation start.
        // The analyzers see the copy of the compilation that WithAnalyzers makes (with the driver's event queue), whose
        // source assembly is bound anew: that is the one bound here.
        var withAnalyzers = CorpusCompilation.Create(trees, references, _options.Concurrent).WithAnalyzers(package.Analyzers, options);
        _ = withAnalyzers.Compilation.Assembly;

        Settle();
        long start = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        double wall = watch.Elapsed.TotalMilliseconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - start;

        var telemetry = new Dictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>();
        foreach (DiagnosticAnalyzer analyzer in package.Analyzers)
        {
            telemetry[analyzer] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
        }

        Dictionary<string, int> counts = diagnostics.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new PackageSample(wall, allocated, telemetry, counts, exceptions)
        {
            Diagnostics = _options.DiagnosticsOutput is not null && package.Role == PackageRole.Ours ? diagnostics : ImmutableArray<Diagnostic>.Empty,
        };
    }

    /// <summary>Starts each measurement from a collected heap, so one pass's garbage is not charged to the next.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
