using System;
using System.Collections.Generic;
using System.Text;
using AwsAnalyzers.Athena;
using AwsAnalyzers.Athena.Sql;
using Xunit;

namespace AwsAnalyzers.Tests.Athena;

/// <summary>
/// The rule's own step after the SQL reader, the push-down of outer predicates into derived tables and WITH queries:
/// it must answer for any statement the reader returns, however mangled the text, and never throw.
/// </summary>
public class AWS004PushdownFuzzTests
{
    private static readonly string[] Corpus =
    {
        "WITH e AS (SELECT * FROM sensor_data), f AS (SELECT * FROM e JOIN alerts a ON a.id = e.id) SELECT * FROM f x WHERE x.month = 1",
        "SELECT * FROM (SELECT * FROM (SELECT * FROM sensor_data) a JOIN logs l ON l.dt = a.dt) b WHERE day = 1",
        "WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT * FROM t, sensor_data s WHERE s.year = 1",
        "SELECT * FROM sensor_data WHERE id IN (SELECT id FROM (SELECT * FROM logs) z WHERE z.dt = '1')",
        "WITH a AS (SELECT * FROM b), b AS (SELECT * FROM a) SELECT * FROM a WHERE year = 1",
        "INSERT INTO t SELECT * FROM (SELECT * FROM sensor_data UNION ALL SELECT * FROM archive) u WHERE u.year = ?",
    };

    private static readonly string[] Pieces = { "(", ")", "SELECT", "FROM", "WHERE", "WITH", "AS", ",", "year", "x.", "JOIN", "ON", "=", "'", "--", "/*", "\uFFFF" };

    private static readonly IReadOnlyCollection<string> Columns = new[] { "year", "month", "day", "dt" };

    [Fact]
    public void Push_down_never_throws_on_mutated_queries()
    {
        var random = new Random(404);
        int analyzed = 0;
        for (int i = 0; i < 4000; i++)
        {
            var text = new StringBuilder(Corpus[random.Next(Corpus.Length)]);
            for (int edits = random.Next(1, 5); edits > 0; edits--)
            {
                int at = random.Next(text.Length + 1);
                if (random.Next(2) == 0 && at < text.Length)
                {
                    text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at));
                }
                else
                {
                    text.Insert(at, " " + Pieces[random.Next(Pieces.Length)] + " ");
                }
            }

            PartitionPruningResult result = PartitionPruningAnalysis.FindUnprunedTables(text.ToString(), _ => Columns);
            if (result.IsUnknown || result.Statement is not { } statement)
            {
                continue;
            }

            foreach (UnprunedTableRead read in result.UnprunedTables)
            {
                _ = PredicatePushdown.IsFilteredByReaders(read, statement);
                analyzed++;
            }
        }

        Assert.True(analyzed > 100, "too few mutated queries were readable: " + analyzed);
    }

    [Theory]
    [InlineData("WITH e AS (SELECT * FROM sensor_data) SELECT * FROM e WHERE year = 2025", true)]
    [InlineData("WITH e AS (SELECT * FROM sensor_data) SELECT * FROM e x WHERE x.year = 2025", true)]
    [InlineData("WITH e AS (SELECT * FROM sensor_data) SELECT * FROM e x JOIN devices d ON d.id = x.id WHERE d.year = 2025", false)]
    [InlineData("SELECT * FROM (SELECT * FROM sensor_data) t WHERE t.year = 2025", true)]
    [InlineData("SELECT * FROM (SELECT * FROM sensor_data) t JOIN devices d ON d.id = t.id WHERE d.year = 2025", false)]
    [InlineData("SELECT * FROM devices WHERE year = 2025 AND id IN (SELECT id FROM sensor_data)", false)]
    [InlineData("WITH a AS (SELECT * FROM sensor_data), b AS (SELECT * FROM a) SELECT * FROM b WHERE day = 1", true)]
    [InlineData("WITH a AS (SELECT * FROM sensor_data) SELECT * FROM a WHERE region = 'eu'", false)]
    public void Outer_predicates_count_only_through_derived_tables_and_with_queries(string sql, bool filtered)
    {
        PartitionPruningResult result = PartitionPruningAnalysis.FindUnprunedTables(
            sql, name => string.Equals(name, "sensor_data", StringComparison.OrdinalIgnoreCase) ? Columns : null);
        Assert.False(result.IsUnknown, result.UnknownReason);
        UnprunedTableRead read = Assert.Single(result.UnprunedTables);
        Assert.Equal(filtered, PredicatePushdown.IsFilteredByReaders(read, result.Statement!));
    }
}
