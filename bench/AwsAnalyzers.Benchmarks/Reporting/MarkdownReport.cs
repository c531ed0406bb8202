using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AwsAnalyzers.Benchmarks.Analyzers;
using AwsAnalyzers.Benchmarks.Corpus;
using AwsAnalyzers.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwsAnalyzers.Benchmarks.Reporting;

/// <summary>
/// Turns the samples into the report: the baseline, each package, each of our rules against the peers' per-rule median,
/// the targets, and FixAll. A rule's time is its analyzer's time divided by the rules the analyzer reports (enabled
/// ones, for the peers), so packages that put several rules in one analyzer compare fairly.
/// </summary>
internal sealed class MarkdownReport
{
    /// <summary>Our total on the AWS-heavy corpus may cost at most this share of the compile time.</summary>
    public const double HeavyBudget = 0.01;

    /// <summary>Without any AWS reference our analyzers should all but vanish.</summary>
    public const double FreeBudget = 0.001;

    private readonly StringBuilder _text = new();

    public List<string> Misses { get; } = new();

    public override string ToString() => _text.ToString();

    public void Header(BenchmarkOptions options, IReadOnlyList<AnalyzerPackage> packages)
    {
        Line("# AwsAnalyzers benchmark");
        Line();
        Line($"- Host: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, "
            + $"Roslyn {typeof(Compilation).Assembly.GetName().Version}, {(options.Concurrent ? "concurrent" : "single-threaded")} compile and analysis.");
        Line($"- Iterations: {options.Warmup} warm-up (on the first {options.WarmupFiles} files), {options.Iterations} measured; figures are median (min–max) over the measured ones.");
        Line($"- Packages: {string.Join(", ", packages.Select(p => $"{p.Name} {p.Version} ({p.Analyzers.Length} analyzers)"))}.");
        Line();
    }

    public void Analyzers(AnalyzerResults results)
    {
        GeneratedCorpus corpus = results.Corpus;
        double kLines = corpus.Lines / 1000.0;
        double compileMs = Statistics.Median(results.Compile.Select(c => c.TotalMs));
        Line($"## {FlavourTitle(corpus.Flavour)}: {corpus.Files.Count:N0} files, {corpus.Lines:N0} lines");
        Line();
        Line("| Compile without analyzers | Time | Allocated |");
        Line("|---|---:|---:|");
        Line($"| Parse | {Ms(results.Compile.Select(c => c.ParseMs))} | |");
        Line($"| Bind (all compiler diagnostics) | {Ms(results.Compile.Select(c => c.BindMs))} | {Mb(results.Compile.Select(c => (double)c.BindAllocatedBytes))} |");
        Line($"| Emit | {Ms(results.Compile.Select(c => c.EmitMs))} | |");
        Line($"| **Total** | **{Ms(results.Compile.Select(c => c.TotalMs))}** | {Mb(results.Compile.Select(c => (double)c.TotalAllocatedBytes))} |");
        Line();

        Line("Each package alone, on a fresh compilation of the same trees. *Analyzer time* is Roslyn's telemetry summed over the");
        Line("package's analyzers; *pass* is the wall time and allocations of the whole analysis, which includes binding the");
        Line("code the analyzers ask about (compare with *Bind* above; a package that registers nothing binds nothing).");
        Line();
        Line("| Package | Analyzers run / loaded | Analyzer time | per 1,000 lines | % of compile | Pass | Pass allocated | Diagnostics | Analyzer exceptions |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (AnalyzerPackage package in results.Packages)
        {
            IReadOnlyList<PackageSample> samples = results.Samples[package];
            IEnumerable<double> totals = samples.Select(s => s.Telemetry.Values.Sum(t => t.ExecutionTime.TotalMilliseconds));
            double total = Statistics.Median(totals);
            int ran = package.Analyzers.Count(a => Ran(samples, a));
            int exceptions = samples.Max(s => s.Exceptions.Values.Sum());
            int diagnostics = samples[0].DiagnosticCounts.Values.Sum();
            Line($"| {package.Name} | {ran} / {package.Analyzers.Length} | {Ms(totals)} | {total / kLines:F2} ms | {Percent(total / compileMs)} | "
                + $"{Ms(samples.Select(s => s.WallMs))} | {Mb(samples.Select(s => (double)s.AllocatedBytes))} | {diagnostics:N0} | {exceptions} |");
            if (package.Role == PackageRole.Ours && exceptions > 0)
            {
                Misses.Add($"{FlavourTitle(corpus.Flavour)}: our analyzers threw {exceptions} times (AD0001).");
            }
        }

        Line();
        OurRules(results, compileMs, kLines);
        PeerDistribution(results);
    }

    private void OurRules(AnalyzerResults results, double compileMs, double kLines)
    {
        AnalyzerPackage? ours = results.Packages.FirstOrDefault(p => p.Role == PackageRole.Ours);
        if (ours is null)
        {
            return;
        }

        List<double> peerPerRule = results.Packages.Where(p => p.Role == PackageRole.Peer)
            .SelectMany(p => p.Analyzers.Where(a => Ran(results.Samples[p], a)).Select(a => PerRuleMedian(results.Samples[p], a, enabledOnly: true)))
            .ToList();
        double peerMedian = Statistics.Median(peerPerRule);
        IReadOnlyList<PackageSample> samples = results.Samples[ours];

        Line(peerPerRule.Count > 0
            ? $"Our rules against the peers' per-rule median ({peerMedian:F2} ms over {peerPerRule.Count} peer analyzers that ran):"
            : "Our rules (no peers measured):");
        Line();
        Line("| Rule | Analyzer | Time | per 1,000 lines | % of compile | × peers' per-rule median | Reported | Actions registered |");
        Line("|---|---|---:|---:|---:|---:|---:|---|");
        double total = 0;
        foreach (DiagnosticAnalyzer analyzer in ours.Analyzers)
        {
            string[] ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal).ToArray();
            IEnumerable<double> perRule = samples.Select(s => s.Telemetry[analyzer].ExecutionTime.TotalMilliseconds / ids.Length);
            double median = Statistics.Median(perRule);
            total += median * ids.Length;
            foreach (string id in ids)
            {
                double ratio = peerMedian > 0 ? median / peerMedian : double.NaN;
                int reported = samples[0].DiagnosticCounts.TryGetValue(id, out int count) ? count : 0;
                Line($"| {id} | {analyzer.GetType().Name} | {Ms(perRule, "F2")} | {median / kLines:F3} ms | {Percent(median / compileMs)} | "
                    + $"{(double.IsNaN(ratio) ? "–" : ratio.ToString("F2", CultureInfo.InvariantCulture))} | {reported:N0} | {Actions(samples[0].Telemetry[analyzer])} |");
                if (!double.IsNaN(ratio) && ratio > 1)
                {
                    Misses.Add($"{FlavourTitle(results.Corpus.Flavour)}: {id} takes {ratio:F2}× the peers' per-rule median.");
                }
            }
        }

        Line();
        double budget = results.Corpus.Flavour == CorpusFlavour.AwsHeavy ? HeavyBudget : FreeBudget;
        bool met = total / compileMs <= budget;
        Line($"Target: our total {total:F1} ms is {Percent(total / compileMs)} of the compile time; the budget is {Percent(budget)}: **{(met ? "met" : "missed")}**.");
        Line();
        if (!met)
        {
            Misses.Add($"{FlavourTitle(results.Corpus.Flavour)}: our total is {Percent(total / compileMs)} of compile time, over the {Percent(budget)} budget.");
        }
    }

    private void PeerDistribution(AnalyzerResults results)
    {
        List<AnalyzerPackage> peers = results.Packages.Where(p => p.Role == PackageRole.Peer).ToList();
        if (peers.Count == 0)
        {
            return;
        }

        Line("Peers, per rule (analyzer time divided by the rules it has enabled by default, over the analyzers that ran):");
        Line();
        Line("| Package | Rules enabled | Per-rule median | 90th percentile | Max | Costliest analyzers |");
        Line("|---|---:|---:|---:|---:|---|");
        foreach (AnalyzerPackage package in peers)
        {
            IReadOnlyList<PackageSample> samples = results.Samples[package];
            var ran = package.Analyzers.Where(a => Ran(samples, a))
                .Select(a => (Analyzer: a, PerRule: PerRuleMedian(samples, a, enabledOnly: true), Total: Statistics.Median(samples.Select(s => s.Telemetry[a].ExecutionTime.TotalMilliseconds))))
                .ToList();
            int rules = ran.Sum(r => EnabledRules(r.Analyzer));
            string costliest = string.Join(", ", ran.OrderByDescending(r => r.Total).Take(3).Select(r => $"{r.Analyzer.GetType().Name} {r.Total:F0} ms"));
            Line($"| {package.Name} | {rules} | {Statistics.Median(ran.Select(r => r.PerRule)):F2} ms | {Statistics.Percentile(ran.Select(r => r.PerRule), 0.9):F2} ms | "
                + $"{(ran.Count > 0 ? ran.Max(r => r.PerRule) : 0):F2} ms | {costliest} |");
        }

        Line();
    }

    public void FixAll(IReadOnlyList<FixAllResult> results, BenchmarkOptions options)
    {
        Line($"## FixAll: {options.FixAllOccurrencesPerDocument} occurrences in each of {options.FixAllDocuments} documents, solution scope");
        Line();
        Line("*Fix* is from asking the provider for the FixAll action to having the text of every changed document; *analysis*");
        Line("is computing the rule's diagnostics first (the IDE already has them). After the last run the fixed solution is");
        Line("analyzed again and compiled.");
        Line();
        Line("| Rule | Provider | Fix (equivalence key) | Occurrences | Fix time | per occurrence | Analysis | Left after fix | New compiler errors |");
        Line("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (FixAllResult result in results)
        {
            if (result.SkippedBecause is not null)
            {
                Line($"| {result.RuleId} | {result.Provider} | skipped: {result.SkippedBecause} | | | | | | |");
                continue;
            }

            double median = Statistics.Median(result.FixMs);
            Line($"| {result.RuleId} | {result.Provider} | {result.EquivalenceKey} | {result.Occurrences:N0} in {result.Documents} docs | {Ms(result.FixMs)} | "
                + $"{median / result.Occurrences:F2} ms | {result.AnalysisMs:F0} ms | {result.RemainingDiagnostics} | {result.ErrorsAfterFix} |");
            if (result.ErrorsAfterFix > 0)
            {
                Misses.Add($"FixAll {result.RuleId}: the fixed solution has {result.ErrorsAfterFix} compiler errors.");
            }
        }

        Line();
    }

    public void Summary()
    {
        Line("## Targets");
        Line();
        if (Misses.Count == 0)
        {
            Line("All targets met.");
        }

        foreach (string miss in Misses)
        {
            Line("- MISSED: " + miss);
        }

        Line();
    }

    private static string FlavourTitle(CorpusFlavour flavour) => flavour == CorpusFlavour.AwsHeavy ? "AWS-heavy corpus" : "AWS-free corpus";

    private static bool Ran(IReadOnlyList<PackageSample> samples, DiagnosticAnalyzer analyzer) =>
        samples.Any(s => s.Telemetry[analyzer].ExecutionTime > TimeSpan.Zero);

    private static int EnabledRules(DiagnosticAnalyzer analyzer)
    {
        int enabled = analyzer.SupportedDiagnostics.Where(d => d.IsEnabledByDefault).Select(d => d.Id).Distinct(StringComparer.Ordinal).Count();
        return enabled > 0 ? enabled : Math.Max(1, analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
    }

    private static double PerRuleMedian(IReadOnlyList<PackageSample> samples, DiagnosticAnalyzer analyzer, bool enabledOnly)
    {
        int rules = enabledOnly ? EnabledRules(analyzer) : analyzer.SupportedDiagnostics.Length;
        return Statistics.Median(samples.Select(s => s.Telemetry[analyzer].ExecutionTime.TotalMilliseconds)) / rules;
    }

    private static string Actions(Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo telemetry)
    {
        var parts = new List<string>();
        void Add(string name, int count)
        {
            if (count > 0)
            {
                parts.Add($"{name} {count}");
            }
        }

        Add("compilation start", telemetry.CompilationStartActionsCount);
        Add("compilation", telemetry.CompilationActionsCount);
        Add("compilation end", telemetry.CompilationEndActionsCount);
        Add("symbol", telemetry.SymbolActionsCount);
        Add("symbol start", telemetry.SymbolStartActionsCount);
        Add("syntax node", telemetry.SyntaxNodeActionsCount);
        Add("syntax tree", telemetry.SyntaxTreeActionsCount);
        Add("semantic model", telemetry.SemanticModelActionsCount);
        Add("operation", telemetry.OperationActionsCount);
        Add("operation block start", telemetry.OperationBlockStartActionsCount);
        Add("operation block", telemetry.OperationBlockActionsCount);
        Add("code block start", telemetry.CodeBlockStartActionsCount);
        Add("additional file", telemetry.AdditionalFileActionsCount);
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private static string Ms(IEnumerable<double> values, string format = "F0")
    {
        double[] all = values.ToArray();
        if (all.Length == 0)
        {
            return "–";
        }

        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return all.Length == 1 ? $"{F(all[0])} ms" : $"{F(Statistics.Median(all))} ms ({F(all.Min())}–{F(all.Max())})";
    }

    private static string Mb(IEnumerable<double> bytes) => $"{Statistics.Median(bytes) / (1024 * 1024):F0} MB";

    private static string Percent(double fraction) => (fraction * 100).ToString(fraction < 0.001 ? "F4" : "F2", CultureInfo.InvariantCulture) + "%";

    private void Line(string text = "") => _text.AppendLine(text);
}
