using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AwsAnalyzers.Athena.Sql;

namespace AwsAnalyzers.Tests.Athena.Sql
{
    internal static class SqlTestHelpers
    {
        private static readonly Regex HolePattern = new Regex(@"\{[^{}]*\}", RegexOptions.CultureInvariant);

        /// <summary>Turns "a {x} b" into parts ["a ", hole, " b"], like a C# interpolated string.</summary>
        public static IReadOnlyList<SqlTextPart> Parts(string interpolated)
        {
            var parts = new List<SqlTextPart>();
            int last = 0;
            foreach (Match match in HolePattern.Matches(interpolated))
            {
                if (match.Index > last)
                {
                    parts.Add(SqlTextPart.FromText(interpolated.Substring(last, match.Index - last)));
                }

                parts.Add(SqlTextPart.Hole);
                last = match.Index + match.Length;
            }

            if (last < interpolated.Length)
            {
                parts.Add(SqlTextPart.FromText(interpolated.Substring(last)));
            }

            return parts;
        }

        public static SqlStatement Parse(string interpolated) => SqlParser.Parse(Parts(interpolated));

        public static readonly Dictionary<string, string[]> DefaultPartitions = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["events"] = new[] { "year", "month", "day" },
            ["logs"] = new[] { "dt" },
            ["clicks"] = new[] { "date" },
            ["orders"] = new[] { "region" },
            ["users"] = new string[0],
        };

        /// <summary>Looks a table up by its full lookup name, then by its last part.</summary>
        public static IReadOnlyCollection<string>? PartitionsOf(string name)
        {
            if (DefaultPartitions.TryGetValue(name, out var columns))
            {
                return columns;
            }

            int dot = name.LastIndexOf('.');
            if (dot >= 0 && DefaultPartitions.TryGetValue(name.Substring(dot + 1), out columns))
            {
                return columns;
            }

            return null;
        }

        public static PartitionPruningResult Analyze(string interpolated)
            => PartitionPruningAnalysis.FindUnprunedTables(Parts(interpolated), PartitionsOf);

        /// <summary>The lookup names of the unpruned tables; throws if the result is unknown.</summary>
        public static string[] Unpruned(string interpolated)
        {
            var result = Analyze(interpolated);
            if (result.IsUnknown)
            {
                throw new InvalidOperationException("Unexpected unknown result: " + result.UnknownReason + " for: " + interpolated);
            }

            return result.UnprunedTables.Select(t => t.LookupName).ToArray();
        }

        public static string TextOf(SqlStatement statement, int start, int end) => statement.Text.Substring(start, end - start);
    }
}
