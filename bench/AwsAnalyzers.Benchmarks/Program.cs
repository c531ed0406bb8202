using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Benchmarks;
using AwsAnalyzers.Benchmarks.Analyzers;
using AwsAnalyzers.Benchmarks.Corpus;
using AwsAnalyzers.Benchmarks.Measurement;
using AwsAnalyzers.Benchmarks.Reporting;

// Progress goes to stderr, the report to stdout (and --output), so the report can be piped on its own.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

TextWriter log = Console.Error;
CancellationToken cancellationToken = CancellationToken.None;

var packages = new List<AnalyzerPackage>
{
    AnalyzerPackages.Ours(), AnalyzerPackages.AssignmentFloor(), AnalyzerPackages.Aws001TypeLookups(), AnalyzerPackages.Aws002Gate(),
};
if (options.Peers)
{
    packages.Add(AnalyzerPackages.Meziantou());
    packages.Add(AnalyzerPackages.NetAnalyzers());
}

IEnumerable<Func<SourceCorpus>> corpora = options.Flavours
    .Select(flavour => (Func<SourceCorpus>)(() => CorpusGenerator.Generate(flavour, options.Files, options.LinesPerFile)))
    .Concat(options.Folders.Select(folder => (Func<SourceCorpus>)(() => FolderCorpus.Load(folder))));

var report = new MarkdownReport(options);
var diagnosticList = new DiagnosticList(options.DiagnosticsOutput);
report.Header(options, packages);
foreach (Func<SourceCorpus> load in corpora)
{
    SourceCorpus corpus;
    try
    {
        corpus = load();
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine(exception.Message);
        return 2;
    }

    log.WriteLine($"{corpus.Title}: {corpus.Files.Count} files, {corpus.Lines} lines");
    AnalyzerResults results = await new AnalyzerBenchmark(options, log).RunAsync(corpus, packages, cancellationToken);
    report.Analyzers(results);
    WriteOutput(report, options);
    diagnosticList.Corpus(results);
}

if (options.FixAll)
{
    log.WriteLine("FixAll");
    IReadOnlyList<FixAllResult> fixAll = await new FixAllBenchmark(options, log)
        .RunAsync(packages.Single(p => p.Role == PackageRole.Ours).Analyzers, AnalyzerPackages.OurCodeFixes(), cancellationToken);
    report.FixAll(fixAll, options);
}

report.Summary();
Console.Write(report.ToString());
WriteOutput(report, options);

// Missed targets are findings to report, not failures of the run: the exit code says only whether it ran.
return 0;

// A long run writes what it has after each corpus, so an interrupted run still leaves its figures.
static void WriteOutput(MarkdownReport report, BenchmarkOptions options)
{
    if (options.Output is not null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        File.WriteAllText(options.Output, report.ToString());
    }
}
