using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace AwsAnalyzers.SampleChecker;

/// <summary>The rules the package ships, read from the analyzer release-tracking files.</summary>
internal static class ReleaseTracking
{
    private static readonly Regex RuleRow = new(@"^\s*(?<id>AWS[0-9]{3})\s*\|", RegexOptions.Compiled);

    public static SortedSet<string> RuleIds(string root)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string name in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            bool removed = false;
            foreach (string line in File.ReadLines(Path.Combine(root, "src", "AwsAnalyzers", name)))
            {
                if (line.StartsWith("###", StringComparison.Ordinal))
                {
                    removed = line.Contains("Removed", StringComparison.OrdinalIgnoreCase);
                }
                else if (RuleRow.Match(line) is { Success: true } row)
                {
                    if (removed)
                    {
                        ids.Remove(row.Groups["id"].Value);
                    }
                    else
                    {
                        ids.Add(row.Groups["id"].Value);
                    }
                }
            }
        }

        return ids;
    }
}
