using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Core;

/// <summary>File-name patterns with <c>*</c> and <c>?</c>, matched case-insensitively against the file name only.</summary>
internal static class FileNamePattern
{
    public static bool MatchesAny(string? path, ImmutableArray<string> patterns)
    {
        if (path is null)
        {
            return false;
        }

        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        string name = path.Substring(slash + 1);
        foreach (string pattern in patterns)
        {
            if (Matches(name, pattern))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Glob match without recursion: on a mismatch, retry from just after the last <c>*</c>.</summary>
    public static bool Matches(string name, string pattern)
    {
        int n = 0, p = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n])))
            {
                n++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
