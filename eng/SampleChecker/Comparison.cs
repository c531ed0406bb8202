using System;
using System.Collections.Generic;
using System.Linq;

namespace AwsAnalyzers.SampleChecker;

/// <summary>One line of the expected/actual table: a marker, a reported diagnostic, or the two matched.</summary>
internal sealed record Row(string RuleId, string File, int Line, string Expected, string Actual, string? Failure)
{
    public string Location => $"{File}:{Line}";
}

/// <summary>Markers matched against the diagnostics of one build.</summary>
internal sealed class Comparison
{
    private Comparison(List<Row> rows) => Rows = rows;

    public List<Row> Rows { get; }

    public IEnumerable<string> Failures => Rows.Where(r => r.Failure is not null).Select(r => r.Failure!);

    /// <summary>
    /// Pairs each diagnostic with a marker of its rule on the line where it starts, or else on any line it covers (a
    /// diagnostic over several lines may carry its marker on any of them). <paramref name="expectsReport"/> says which
    /// markers must be reported in this build; the others must be silent.
    /// </summary>
    public static Comparison Match(IReadOnlyList<Marker> markers, Func<Marker, bool> expectsReport, IEnumerable<Reported> reported, string silentMarkerFailure)
    {
        List<Reported> results = reported.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.StartLine).ToList();
        var pairs = new Dictionary<Marker, Reported>(ReferenceEqualityComparer.Instance);
        var unpaired = new List<Reported>();
        foreach (Reported result in results.OrderBy(r => r.EndLine - r.StartLine))
        {
            Marker? marker = markers.FirstOrDefault(m => !pairs.ContainsKey(m) && result.Covers(m) && m.Line == result.StartLine)
                ?? markers.FirstOrDefault(m => !pairs.ContainsKey(m) && result.Covers(m));
            if (marker is null)
            {
                unpaired.Add(result);
            }
            else
            {
                pairs.Add(marker, result);
            }
        }

        var rows = new List<Row>();
        foreach (Marker marker in markers)
        {
            bool expected = expectsReport(marker);
            bool actual = pairs.ContainsKey(marker);
            string expectedText = expected ? (marker.NoFix ? "reported (nofix)" : "reported") : "not reported";
            string actualText = actual ? "reported" : "not reported";
            string? failure = (expected, actual) switch
            {
                (true, false) => $"{marker.Location}: {marker.RuleId} is marked on this line but was not reported",
                (false, true) => $"{marker.Location}: {marker.RuleId} {silentMarkerFailure}: {marker.Text}",
                _ => null,
            };
            rows.Add(new Row(marker.RuleId, marker.File, marker.Line, expectedText, actualText, failure));
        }

        foreach (Reported result in unpaired)
        {
            rows.Add(new Row(
                result.RuleId,
                result.File,
                result.StartLine,
                "not reported",
                $"reported ({result.Level})",
                $"{result.Location}: {result.RuleId} was reported but no marker names it on this line: {result.Message}"));
        }

        return new Comparison(rows);
    }

    public void Print()
    {
        if (Rows.Count == 0)
        {
            Console.WriteLine("  (no markers and no diagnostics)");
            return;
        }

        int width = Math.Max(40, Rows.Max(r => r.Location.Length));
        foreach (IGrouping<string, Row> rule in Rows.GroupBy(r => r.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int failures = rule.Count(r => r.Failure is not null);
            Console.WriteLine($"  {rule.Key}: {rule.Count(r => r.Expected != "not reported")} expected, {rule.Count(r => r.Actual != "not reported")} reported, {(failures == 0 ? "all as marked" : failures + " not as marked")}");
            Console.WriteLine($"    {"location".PadRight(width)}  {"expected",-18}  {"actual",-20}");
            foreach (Row row in rule.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line))
            {
                Console.WriteLine($"    {row.Location.PadRight(width)}  {row.Expected,-18}  {row.Actual,-20}{(row.Failure is null ? string.Empty : "  <-- MISMATCH")}");
            }
        }
    }
}
