using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AwsAnalyzers.SampleChecker;

/// <summary>
/// A rule ID in the comment that ends a line of sample code: that rule must report a diagnostic covering the line.
/// <c>// AWS001</c> marks a shape the rule's code fix rewrites; <c>// AWS001 nofix</c> marks a shape the rule reports
/// but offers no fix for, so it must still be reported after <c>dotnet format</c>. One comment can name several rules
/// (<c>// AWS001 AWS004 nofix</c>); text after the IDs is free (<c>// AWS001: the key never varies</c>).
/// </summary>
internal sealed record Marker(string RuleId, string File, int Line, bool NoFix, string Text)
{
    public const string NoFixWord = "nofix";

    // The first `//` on the line, after code, that is followed by a rule ID; `//` inside a string literal before it
    // (a URL) is skipped because the text after it does not start with an ID.
    private static readonly Regex TrailingComment = new(@"^(?<code>.*?\S.*?)//\s*(?<markers>AWS[0-9]{3}\b.*)$", RegexOptions.Compiled);
    private static readonly Regex MarkerToken = new(@"\G[\s,]*(?<id>AWS[0-9]{3})\b(?:\s+(?<nofix>" + NoFixWord + @")\b)?", RegexOptions.Compiled);

    public string Location => $"{File}:{Line}";

    /// <summary>Every marker in the C# files under <paramref name="root"/>/samples, with paths relative to <paramref name="root"/>.</summary>
    public static List<Marker> Scan(string root)
    {
        var markers = new List<Marker>();
        foreach (string path in SampleFiles(root))
        {
            string relative = Paths.Relative(root, path);
            string[] lines = System.IO.File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                markers.AddRange(Parse(lines[i], relative, i + 1));
            }
        }

        return markers;
    }

    public static IEnumerable<Marker> Parse(string line, string file, int lineNumber)
    {
        Match comment = TrailingComment.Match(line);
        if (!comment.Success || comment.Groups["code"].Value.TrimStart().StartsWith("//", StringComparison.Ordinal))
        {
            yield break;
        }

        string text = comment.Groups["markers"].Value;
        for (Match token = MarkerToken.Match(text); token.Success; token = token.NextMatch())
        {
            yield return new Marker(token.Groups["id"].Value, file, lineNumber, token.Groups["nofix"].Success, line.Trim());
        }
    }

    private static IEnumerable<string> SampleFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !Paths.IsBuildOutput(Paths.Relative(root, path)))
            .OrderBy(path => path, StringComparer.Ordinal);
}
