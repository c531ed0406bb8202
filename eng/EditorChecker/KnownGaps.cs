using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AwsAnalyzers.SampleChecker;

namespace AwsAnalyzers.EditorChecker;

/// <summary>
/// Markers the editor is known not to show yet, one per line as <c>file:line RULE reason</c> (lines starting with
/// <c>#</c> are comments). A listed marker that is not published is reported but does not fail the check; one that is
/// published is pointed out so the line can go. <c>--strict</c> ignores the list.
/// </summary>
internal sealed class KnownGaps
{
    public const string RelativePath = "eng/EditorChecker/known-gaps.txt";

    private readonly Dictionary<string, string> _reasons;

    private KnownGaps(Dictionary<string, string> reasons) => _reasons = reasons;

    public static KnownGaps None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public IEnumerable<string> Entries => _reasons.Keys;

    public static KnownGaps Read(string path)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.Exists(path) ? File.ReadLines(path) : Enumerable.Empty<string>())
        {
            string[] fields = line.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && !fields[0].StartsWith('#'))
            {
                reasons[fields[0] + " " + fields[1]] = fields.Length == 3 ? fields[2] : "no reason given";
            }
        }

        return new KnownGaps(reasons);
    }

    public string Key(Row row) => $"{row.Location} {row.RuleId}";

    public bool Explains(Row row) => _reasons.ContainsKey(Key(row));

    public string Reason(Row row) => _reasons[Key(row)];
}
