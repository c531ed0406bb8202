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
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace AwsAnalyzers.Benchmarks.Reporting;

/// <summary>
/// Turns the samples into the report: the baseline, each package, each of our rules against the yardstick (Meziantou's
/// median per active analyzer), the targets, and FixAll. A rule's time is its analyzer's time divided by the rules the
/// analyzer reports; each of ours reports one.
/// </summary>
internal sealed class MarkdownReport
{
    /// <summary>Our total on the AWS-heavy corpus may cost at most this share of the compile time.</summary>
    public const double HeavyBudget = 0.005;

    /// <summary>Without any AWS reference our analyzers should all but vanish.</summary>
    public const double FreeBudget = 0.0005;

    private readonly StringBuilder _text = new();
    private readonly bool _smoke;
    private int _judged;

    public MarkdownReport(BenchmarkOptions options) => _smoke = options.Smoke;

    /// <summary>Targets the run's figures miss: findings about the rules, not failures of the run.</summary>
    public List<string> Misses { get; } = new();

    /// <summary>What went wrong whatever the figures: an analyzer that threw, a fix that broke the code.</summary>
    public List<string> Failures { get; } = new();

    public override string ToString() => _text.ToString();

    public void Header(BenchmarkOptions options, IReadOnlyList<AnalyzerPackage> packages)
    {
        Line("# AwsAnalyzers benchmark");
        Line();
        if (_smoke)
        {
            Line("**Smoke run (`--smoke`): it only shows that the benchmark builds and runs. Its corpora are tiny and nothing is");
            Line("warmed up, so its figures mean nothing and no target is judged; docs/performance.md says how to measure.**");
            Line();
        }

        Line($"- Host: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, "
            + $"Roslyn {typeof(Compilation).Assembly.GetName().Version}, {(options.Concurrent ? "concurrent" : "single-threaded")} compile and analysis.");
        Line($"- Iterations: {options.Warmup} warm-up (on the first {options.WarmupFiles} files), {options.Iterations} measured; figures are median (min–max) over the measured ones.");
        Line($"- Packages: {string.Join(", ", packages.Select(p => $"{p.Name} {p.Version} ({p.Analyzers.Length} analyzers)"))}.");
        Line("- An analyzer is *active* on a corpus when it registered an action besides its compilation-start actions (Roslyn's");
        Line("  telemetry counts them) and spent time in at least one measured iteration; it *ran* when it spent time at all.");
        Line();
    }

    public void Analyzers(AnalyzerResults results)
    {
        SourceCorpus corpus = results.Corpus;
        double kLines = corpus.Lines / 1000.0;
        double compileMs = Statistics.Median(results.Compile.Select(c => c.TotalMs));
        int errors = results.Compile.Max(c => c.Errors);
        Line($"## {corpus.Title}: {corpus.Files.Count:N0} files, {corpus.Lines:N0} lines");
        Line();
        foreach (string note in corpus.Notes)
        {
            Line(note);
            Line();
        }

        if (corpus.ToleratesErrors)
        {
            string most = string.Join(", ", results.Compile[0].ErrorsByCode.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Take(5).Select(e => $"{e.Key} ×{e.Value:N0}"));
            Line(errors == 0
                ? "Compiler errors: **0**; the corpus compiles against the benchmark's references."
                : $"Compiler errors: **{errors:N0}** (most frequent: {most}), tolerated: a folder is measured as it is, types its references "
                    + "do not define stay unresolved. Emit is not run on code with errors, so *compile time* below is parse and bind.");
            Line();
        }

        Line("| Compile without analyzers | Time | Allocated |");
        Line("|---|---:|---:|");
        Line($"| Parse | {Ms(results.Compile.Select(c => c.ParseMs))} | |");
        Line($"| Bind (all compiler diagnostics) | {Ms(results.Compile.Select(c => c.BindMs))} | {Mb(results.Compile.Select(c => (double)c.BindAllocatedBytes))} |");
        Line(results.Compile.All(c => c.EmitMs is not null)
            ? $"| Emit | {Ms(results.Compile.Select(c => c.EmitMs!.Value))} | |"
            : "| Emit | not run: the code has compiler errors | |");
        Line($"| **Total** | **{Ms(results.Compile.Select(c => c.TotalMs))}** | {Mb(results.Compile.Select(c => (double)c.TotalAllocatedBytes))} |");
        Line();

        Line("Each package alone, on a fresh compilation of the same trees. *Analyzer time* is Roslyn's telemetry summed over the");
        Line("package's analyzers; *pass* is the wall time and allocations of the whole analysis, which includes binding the");
        Line("code the analyzers ask about (compare with *Bind* above; a package that registers nothing binds nothing).");
        Line();
        Line("| Package | Analyzers active / ran / loaded | Analyzer time | per 1,000 lines | % of compile | Pass | Pass allocated | Diagnostics | Analyzer exceptions |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (AnalyzerPackage package in results.Packages)
        {
            IReadOnlyList<PackageSample> samples = results.Samples[package];
            IEnumerable<double> totals = samples.Select(s => s.Telemetry.Values.Sum(t => t.ExecutionTime.TotalMilliseconds));
            double total = Statistics.Median(totals);
            int active = package.Analyzers.Count(a => Active(samples, a));
            int ran = package.Analyzers.Count(a => Ran(samples, a));
            int exceptions = samples.Max(s => s.Exceptions.Values.Sum());
            int diagnostics = samples[0].DiagnosticCounts.Values.Sum();
            Line($"| {package.Name} | {active} / {ran} / {package.Analyzers.Length} | {Ms(totals)} | {total / kLines:F2} ms | {Percent(total / compileMs)} | "
                + $"{Ms(samples.Select(s => s.WallMs))} | {Mb(samples.Select(s => (double)s.AllocatedBytes))} | {diagnostics:N0} | {exceptions} |");
            if (package.Role == PackageRole.Ours && exceptions > 0)
            {
                Failures.Add($"{corpus.Title}: our analyzers threw {exceptions} times (AD0001).");
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

        CorpusFlavour flavour = results.Corpus.Flavour;
        string title = results.Corpus.Title;
        AnalyzerPackage? yardstickPackage = results.Packages.FirstOrDefault(p => p.IsYardstick);
        List<double> yardstickTimes = yardstickPackage is null ? new List<double>() : PerAnalyzer(results.Samples[yardstickPackage], yardstickPackage, Active);
        double yardstick = yardstickTimes.Count > 0 ? Statistics.Median(yardstickTimes) : double.NaN;
        Dictionary<string, double> gates = results.Packages.Where(p => p.GateOf is not null)
            .ToDictionary(p => p.GateOf!, p => Statistics.Median(results.Samples[p].Select(s => s.Telemetry.Values.Sum(t => t.ExecutionTime.TotalMilliseconds))), StringComparer.Ordinal);
        IReadOnlyList<PackageSample> samples = results.Samples[ours];

        Line(double.IsNaN(yardstick)
            ? "Our rules (no yardstick: Meziantou.Analyzer was not measured):"
            : $"Our rules against {yardstickPackage!.Name}'s median per active analyzer, **{yardstick:F2} ms** over its {yardstickTimes.Count} active analyzers"
                + (gates.Count > 0 ? ", and against the gate rows:" : ":"));
        Line();
        Line("| Rule | Analyzer | Time | per 1,000 lines | % of compile | × Meziantou's median per active analyzer | × its gate | Reported | Actions registered |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|---|");
        double total = 0;
        bool judged = !_smoke;
        foreach (DiagnosticAnalyzer analyzer in ours.Analyzers)
        {
            string[] ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal).ToArray();
            IEnumerable<double> perRule = samples.Select(s => s.Telemetry[analyzer].ExecutionTime.TotalMilliseconds / ids.Length);
            double median = Statistics.Median(perRule);
            total += median * ids.Length;
            foreach (string id in ids)
            {
                double ratio = median / yardstick;
                double gateRatio = gates.TryGetValue(id, out double gate) ? median / gate : double.NaN;
                int reported = samples[0].DiagnosticCounts.TryGetValue(id, out int count) ? count : 0;
                Line($"| {id} | {analyzer.GetType().Name} | {Ms(perRule, "F2")} | {median / kLines:F3} ms | {Percent(median / compileMs)} | "
                    + $"{Ratio(ratio)} | {Ratio(gateRatio)} | {reported:N0} | {Actions(samples[0].Telemetry[analyzer])} |");
                Judge(judged && flavour is (CorpusFlavour.AwsHeavy or CorpusFlavour.AwsFree), ratio,
                    $"{title}: {id} takes {ratio:F2}× Meziantou's median per active analyzer ({median:F2} ms against {yardstick:F2} ms).");
                Judge(judged && flavour == CorpusFlavour.AwsWithoutLambda, gateRatio, $"{title}: {id} takes {gateRatio:F2}× its gate ({median:F2} ms against {gate:F2} ms).");
            }
        }

        Line();
        double? budget = flavour switch
        {
            CorpusFlavour.AwsHeavy => HeavyBudget,
            CorpusFlavour.AwsFree => FreeBudget,
            _ => null,
        };
        string totalLine = $"Our total {total:F1} ms is {Percent(total / compileMs)} of the compile time";
        if (budget is null)
        {
            Line(flavour == CorpusFlavour.AwsWithoutLambda
                ? totalLine + "; the target on this corpus is AWS002 at most its gate (× its gate above)."
                : totalLine + "; no target on this corpus.");
        }
        else if (!judged)
        {
            Line(totalLine + $"; the budget is {Percent(budget.Value)}, not judged in a smoke run.");
        }
        else
        {
            bool met = total / compileMs <= budget.Value;
            Line($"Target: {totalLine}; the budget is {Percent(budget.Value)}: **{(met ? "met" : "missed")}**.");
            Judge(true, total / compileMs / budget.Value, $"{title}: our total is {Percent(total / compileMs)} of compile time, over the {Percent(budget.Value)} budget.");
        }

        Line();
    }

    /// <summary>Counts a target that applies and has figures to judge, and records a miss when its ratio is above 1.</summary>
    private void Judge(bool applies, double ratio, string miss)
    {
        if (!applies || double.IsNaN(ratio))
        {
            return;
        }

        _judged++;
        if (ratio > 1)
        {
            Misses.Add(miss);
        }
    }

    private void PeerDistribution(AnalyzerResults results)
    {
        List<AnalyzerPackage> peers = results.Packages.Where(p => p.Role == PackageRole.Peer).ToList();
        if (peers.Count == 0)
        {
            return;
        }

        Line("Peers: time per analyzer over their active analyzers (the yardstick is Meziantou's), and for comparison over every");
        Line("analyzer that ran and per rule (analyzer time divided by the rules it has enabled by default). An analyzer that");
        Line("stops at compilation start still runs, which is why NetAnalyzers' median over the analyzers that ran is near zero.");
        Line();
        Line("| Package | Analyzers active / ran | Median per active analyzer | Median per analyzer that ran | Per-rule median (ran) | 90th percentile (active) | Max | Costliest analyzers |");
        Line("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (AnalyzerPackage package in peers)
        {
            IReadOnlyList<PackageSample> samples = results.Samples[package];
            List<double> active = PerAnalyzer(samples, package, Active);
            List<double> ran = PerAnalyzer(samples, package, Ran);
            IEnumerable<double> perRule = package.Analyzers.Where(a => Ran(samples, a)).Select(a => MedianTime(samples, a) / EnabledRules(a));
            string costliest = string.Join(", ", package.Analyzers.Select(a => (Analyzer: a, Total: MedianTime(samples, a)))
                .OrderByDescending(r => r.Total).Take(3).Select(r => $"{r.Analyzer.GetType().Name} {r.Total:F0} ms"));
            Line($"| {package.Name}{(package.IsYardstick ? " (yardstick)" : string.Empty)} | {active.Count} / {ran.Count} | {Statistics.Median(active):F2} ms | "
                + $"{Statistics.Median(ran):F2} ms | {Statistics.Median(perRule):F2} ms | {Statistics.Percentile(active, 0.9):F2} ms | "
                + $"{(ran.Count > 0 ? ran.Max() : 0):F2} ms | {costliest} |");
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
                Failures.Add($"FixAll {result.RuleId}: the fixed solution has {result.ErrorsAfterFix} compiler errors.");
            }
        }

        Line();
    }

    public void Summary()
    {
        Line("## Targets");
        Line();
        if (_smoke)
        {
            Line("Smoke run: the figures above mean nothing and no target was judged.");
        }
        else if (_judged == 0)
        {
            Line("No target applies to the corpora measured (targets are set on the generated corpora).");
        }
        else if (Misses.Count == 0)
        {
            Line($"All {_judged} targets met.");
        }
        else
        {
            Line($"{_judged - Misses.Count} of {_judged} targets met.");
        }

        foreach (string miss in Misses)
        {
            Line("- MISSED: " + miss);
        }

        foreach (string failure in Failures)
        {
            Line("- FAILED: " + failure);
        }

        Line();
    }

    private static bool Ran(IReadOnlyList<PackageSample> samples, DiagnosticAnalyzer analyzer) =>
        samples.Any(s => s.Telemetry[analyzer].ExecutionTime > TimeSpan.Zero);

    /// <summary>Ran, and registered an action that runs on the code: not one that stopped at compilation start.</summary>
    private static bool Active(IReadOnlyList<PackageSample> samples, DiagnosticAnalyzer analyzer) =>
        Ran(samples, analyzer) && samples.Any(s => RegistersCodeActions(s.Telemetry[analyzer]));

    private static bool RegistersCodeActions(AnalyzerTelemetryInfo t) =>
        t.CompilationActionsCount + t.CompilationEndActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount
        + t.SyntaxNodeActionsCount + t.SyntaxTreeActionsCount + t.SemanticModelActionsCount + t.AdditionalFileActionsCount
        + t.OperationActionsCount + t.OperationBlockStartActionsCount + t.OperationBlockEndActionsCount + t.OperationBlockActionsCount
        + t.CodeBlockStartActionsCount + t.CodeBlockEndActionsCount + t.CodeBlockActionsCount + t.SuppressionActionsCount > 0;

    /// <summary>The median time of each analyzer of <paramref name="package"/> that <paramref name="counted"/> admits.</summary>
    private static List<double> PerAnalyzer(IReadOnlyList<PackageSample> samples, AnalyzerPackage package, Func<IReadOnlyList<PackageSample>, DiagnosticAnalyzer, bool> counted) =>
        package.Analyzers.Where(a => counted(samples, a)).Select(a => MedianTime(samples, a)).ToList();

    private static double MedianTime(IReadOnlyList<PackageSample> samples, DiagnosticAnalyzer analyzer) =>
        Statistics.Median(samples.Select(s => s.Telemetry[analyzer].ExecutionTime.TotalMilliseconds));

    private static string Ratio(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "–" : ratio.ToString("F2", CultureInfo.InvariantCulture);

    private static int EnabledRules(DiagnosticAnalyzer analyzer)
    {
        int enabled = analyzer.SupportedDiagnostics.Where(d => d.IsEnabledByDefault).Select(d => d.Id).Distinct(StringComparer.Ordinal).Count();
        return enabled > 0 ? enabled : Math.Max(1, analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
    }

    private static string Actions(AnalyzerTelemetryInfo telemetry)
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
