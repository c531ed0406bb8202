using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AwsAnalyzers.Benchmarks.Analyzers;
using AwsAnalyzers.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Benchmarks.Reporting;

/// <summary>
/// The <c>--diagnostics</c> file: every diagnostic our rules reported on each corpus, in file and line order, so that a
/// user can read what the rules would say about their own code next to what the benchmark says they cost.
/// </summary>
internal sealed class DiagnosticList
{
    private readonly string? _path;
    private readonly StringBuilder _text = new();

    public DiagnosticList(string? path) => _path = path;

    public void Corpus(AnalyzerResults results)
    {
        if (_path is null)
        {
            return;
        }

        KeyValuePair<AnalyzerPackage, IReadOnlyList<PackageSample>> ours = results.Samples.Single(s => s.Key.Role == PackageRole.Ours);
        IReadOnlyList<Diagnostic> diagnostics = ours.Value.Count == 0 ? new List<Diagnostic>() : ours.Value[ours.Value.Count - 1].Diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToList();

        _text.AppendLine($"# {results.Corpus.Title}: {diagnostics.Count} diagnostics");
        foreach (Diagnostic diagnostic in diagnostics)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            _text.AppendLine($"{diagnostic.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        _text.AppendLine();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        File.WriteAllText(_path, _text.ToString());
    }
}
