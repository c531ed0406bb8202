using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Benchmarks.Measurement;

/// <summary>One rule's FixAll measurement, or the reason it was skipped.</summary>
internal sealed record FixAllResult(
    string RuleId,
    string Provider,
    string? EquivalenceKey,
    int Documents,
    int Occurrences,
    IReadOnlyList<double> FixMs,
    double AnalysisMs,
    int RemainingDiagnostics,
    int ErrorsAfterFix,
    string? SkippedBecause);

/// <summary>
/// For every code fix provider of ours and every ID it fixes: a solution of documents that each hold the same number
/// of the rule's occurrences, the rule's diagnostics computed first, then the provider's FixAll over the solution,
/// timed from asking for the fix to the text of every changed document. After the last run the fixed solution is
/// checked: the rule no longer reports, and no compiler error appeared.
/// </summary>
internal sealed class FixAllBenchmark
{
    private readonly BenchmarkOptions _options;
    private readonly TextWriter _log;

    public FixAllBenchmark(BenchmarkOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
    }

    public async Task<IReadOnlyList<FixAllResult>> RunAsync(
        ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> providers, CancellationToken cancellationToken)
    {
        var results = new List<FixAllResult>();
        foreach (CodeFixProvider provider in providers)
        {
            foreach (string ruleId in provider.FixableDiagnosticIds.OrderBy(id => id, StringComparer.Ordinal))
            {
                FixAllResult result = await RunAsync(ruleId, provider, analyzers, cancellationToken).ConfigureAwait(false);
                _log.WriteLine(result.SkippedBecause is null
                    ? $"  FixAll {ruleId}: {result.Occurrences} occurrences, {Statistics.Median(result.FixMs):F0} ms"
                    : $"  FixAll {ruleId}: skipped, {result.SkippedBecause}");
                results.Add(result);
            }
        }

        return results;
    }

    private async Task<FixAllResult> RunAsync(string ruleId, CodeFixProvider provider, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        string providerName = provider.GetType().Name;
        FixAllResult Skip(string reason) => new(ruleId, providerName, null, 0, 0, Array.Empty<double>(), 0, 0, 0, reason);

        ImmutableArray<DiagnosticAnalyzer> reporting = analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == ruleId)).ToImmutableArray();
        if (reporting.IsEmpty)
        {
            return Skip("no analyzer of ours reports it");
        }

        if (!AwsShapes.RuleIds.Contains(ruleId, StringComparer.Ordinal))
        {
            return Skip("the corpus generator has no shape for this rule yet");
        }

        FixAllProvider? fixAll = provider.GetFixAllProvider();
        if (fixAll is null)
        {
            return Skip("the provider has no FixAll");
        }

        Solution solution = CreateSolution(ruleId);
        ImmutableDictionary<string, ImmutableArray<Diagnostic>> diagnostics = await DiagnosticsAsync(solution.Projects.Single(), reporting, ruleId, cancellationToken).ConfigureAwait(false);
        int occurrences = diagnostics.Values.Sum(d => d.Length);
        if (occurrences == 0)
        {
            return Skip("the rule reports none of the generator's occurrences (its shape may differ from the rule's)");
        }

        Document first = FirstReported(solution, diagnostics);
        string? equivalenceKey = await FirstEquivalenceKeyAsync(provider, first, diagnostics[first.FilePath!][0], cancellationToken).ConfigureAwait(false);
        if (equivalenceKey is null)
        {
            return Skip("the provider offers no fix for the generator's occurrence");
        }

        var fixMs = new List<double>();
        var analysisMs = new List<double>();
        Solution? fixedSolution = null;
        for (int iteration = 0; iteration < _options.Warmup + _options.Iterations; iteration++)
        {
            // A fresh solution each time, analyzed first as the IDE has it when the user asks for "Fix all".
            solution = CreateSolution(ruleId);
            var watch = Stopwatch.StartNew();
            diagnostics = await DiagnosticsAsync(solution.Projects.Single(), reporting, ruleId, cancellationToken).ConfigureAwait(false);
            double analysis = watch.Elapsed.TotalMilliseconds;
            var context = new FixAllContext(
                FirstReported(solution, diagnostics), provider, FixAllScope.Solution, equivalenceKey, new[] { ruleId }, new PrecomputedDiagnostics(diagnostics), cancellationToken);
            watch.Restart();
            fixedSolution = await ApplyAsync(fixAll, context, solution, cancellationToken).ConfigureAwait(false);
            if (iteration >= _options.Warmup)
            {
                fixMs.Add(watch.Elapsed.TotalMilliseconds);
                analysisMs.Add(analysis);
            }
        }

        Project fixedProject = fixedSolution!.Projects.Single();
        ImmutableDictionary<string, ImmutableArray<Diagnostic>> remaining = await DiagnosticsAsync(fixedProject, reporting, ruleId, cancellationToken).ConfigureAwait(false);
        Compilation compilation = (await fixedProject.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        int errors = compilation.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        return new FixAllResult(ruleId, providerName, equivalenceKey, diagnostics.Count(d => !d.Value.IsEmpty), occurrences, fixMs, Statistics.Median(analysisMs), remaining.Values.Sum(d => d.Length), errors, null);
    }

    private static Document FirstReported(Solution solution, ImmutableDictionary<string, ImmutableArray<Diagnostic>> diagnostics) =>
        solution.Projects.Single().Documents.First(d => d.FilePath is not null && diagnostics.TryGetValue(d.FilePath, out var found) && !found.IsEmpty);

    private Solution CreateSolution(string ruleId)
    {
        var workspace = new AdhocWorkspace();
        ProjectId projectId = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "SensorPipeline.FixAll",
            "SensorPipeline.FixAll",
            LanguageNames.CSharp,
            compilationOptions: CorpusCompilation.Options(_options.Concurrent),
            parseOptions: CorpusCompilation.ParseOptions,
            metadataReferences: CorpusCompilation.References(CorpusFlavour.AwsHeavy)));
        for (int document = 0; document < _options.FixAllDocuments; document++)
        {
            string name = "Target" + document.ToString(CultureInfo.InvariantCulture) + ".cs";
            solution = solution.AddDocument(
                DocumentId.CreateNewId(projectId),
                name,
                SourceText.From(AwsShapes.FixAllDocument(ruleId, document, _options.FixAllOccurrencesPerDocument)),
                filePath: "/" + name);
        }

        return solution;
    }

    private static async Task<ImmutableDictionary<string, ImmutableArray<Diagnostic>>> DiagnosticsAsync(
        Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, string ruleId, CancellationToken cancellationToken)
    {
        Compilation compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        ImmutableArray<Diagnostic> all = await compilation
            .WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
            .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return all.Where(d => d.Id == ruleId && d.Location.SourceTree is not null)
            .GroupBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>The first fix the provider offers on one occurrence: the fix a user picks for "Fix all".</summary>
    private static async Task<string?> FirstEquivalenceKeyAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
        return actions.Select(a => a.EquivalenceKey).FirstOrDefault(k => k is not null);
    }

    private static async Task<Solution> ApplyAsync(FixAllProvider fixAll, FixAllContext context, Solution solution, CancellationToken cancellationToken)
    {
        CodeAction? action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
        if (action is null)
        {
            return solution;
        }

        Solution changed = solution;
        foreach (CodeActionOperation operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (operation is ApplyChangesOperation apply)
            {
                changed = apply.ChangedSolution;
            }
        }

        // The edit is done when every changed document's text exists, as when the IDE applies it.
        foreach (DocumentId id in changed.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
        {
            await changed.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    private sealed class PrecomputedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableDictionary<string, ImmutableArray<Diagnostic>> _byPath;

        public PrecomputedDiagnostics(ImmutableDictionary<string, ImmutableArray<Diagnostic>> byPath) => _byPath = byPath;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(document.FilePath is not null && _byPath.TryGetValue(document.FilePath, out var found) ? found : ImmutableArray<Diagnostic>.Empty);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_byPath.Values.SelectMany(d => d).ToList());
    }
}
