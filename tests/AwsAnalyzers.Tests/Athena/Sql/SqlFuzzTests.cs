using System;
using System.Collections.Generic;
using System.Text;
using AwsAnalyzers.Athena.Sql;
using Xunit;

namespace AwsAnalyzers.Tests.Athena.Sql
{
    /// <summary>
    /// Random inputs with fixed seeds: the reader must never throw, and what it returns must be
    /// consistent (spans inside the text, in order). Time is not asserted; every call must simply end.
    /// </summary>
    public class SqlFuzzTests
    {
        private const char Hole = SqlSourceText.HoleMarker;

        private static readonly string[] Corpus =
        {
            "SELECT * FROM events WHERE year = 2024 AND month = 1",
            "SELECT e.id, count(*) FROM analytics.events e WHERE e.day BETWEEN 1 AND 7 GROUP BY e.id HAVING count(*) > 1 ORDER BY 2 DESC LIMIT 10",
            "WITH recent (a, b) AS (SELECT a, b FROM events WHERE year = ?) SELECT * FROM recent r JOIN logs l ON r.a = l.a AND l.dt = ?",
            "WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT n FROM t",
            "SELECT * FROM (SELECT * FROM events WHERE year = 1) AS s (a, b) WHERE s.a = 1",
            "SELECT * FROM events WHERE id IN (SELECT id FROM orders WHERE region = 'eu') AND EXISTS (SELECT 1 FROM users u WHERE u.id = events.uid)",
            "SELECT * FROM events a INNER JOIN logs b ON a.id = b.id LEFT OUTER JOIN orders c USING (id) CROSS JOIN UNNEST(a.tags) AS t (tag)",
            "SELECT id FROM events WHERE year = 1 UNION ALL SELECT id FROM logs EXCEPT SELECT id FROM users INTERSECT DISTINCT SELECT id FROM clicks",
            "INSERT INTO target (a, b) SELECT a, b FROM events WHERE year = 2024",
            "CREATE TABLE IF NOT EXISTS db.t WITH (format = 'PARQUET', partitioned_by = ARRAY['dt']) AS SELECT * FROM logs WHERE dt > '2024'",
            "CREATE TABLE t AS SELECT * FROM logs WITH NO DATA",
            "SHOW PARTITIONS events",
            "DESCRIBE \"db\".\"events\"",
            "MSCK REPAIR TABLE events",
            "ALTER TABLE events ADD IF NOT EXISTS PARTITION (year = '2024', month = '01') LOCATION 's3://bucket/events/2024/01/'",
            "EXPLAIN ANALYZE SELECT * FROM events",
            "UNLOAD (SELECT * FROM events WHERE year = 2024) TO 's3://bucket/out/' WITH (format = 'PARQUET')",
            "SELECT * FROM \"AwsDataCatalog\".\"analytics\".\"events\" AS \"E\" WHERE \"E\".\"year\" = '2024' -- trailing comment",
            "SELECT `col` FROM `db`.`events` /* block 'comment' */ WHERE `year` = 2024;",
            "SELECT * FROM events WHERE name = 'it''s year = 2024' AND note LIKE '%x%' ESCAPE '\\'",
            "SELECT * FROM events FOR TIMESTAMP AS OF TIMESTAMP '2024-01-01 00:00:00 UTC' e TABLESAMPLE BERNOULLI (10) WHERE e.year = 1",
            "SELECT a IS DISTINCT FROM b, listagg(x, ',') WITHIN GROUP (ORDER BY x), row_number() OVER (PARTITION BY p ORDER BY q) FROM events",
            "SELECT * FROM events WHERE ts > current_timestamp - INTERVAL '7' DAY AND CAST(x AS varchar) = 'a' AND extract(YEAR FROM ts) = 2024",
            "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (k, n) JOIN events e ON e.k = v.k, TABLE(sequence(1, 3)) s",
            "SELECT * FROM " + Hole + " WHERE year = " + Hole + " AND month IN (" + Hole + ", " + Hole + ")",
            "SELECT * FROM " + Hole + ".events_" + Hole + " e WHERE e." + Hole + " = 1 " + Hole,
            "SELECT * FROM events " + Hole + " ORDER BY " + Hole + " LIMIT " + Hole,
            "(SELECT a FROM events ORDER BY a LIMIT 1) UNION (SELECT a FROM logs OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY)",
            "SELECT * FROM (events a JOIN logs b ON a.id = b.id) LEFT JOIN (SELECT * FROM orders) o ON o.id = a.id WHERE x = X'0A' AND y = U&'caf\\00E9'",
            "SELECT * FROM events e, LATERAL (SELECT * FROM logs l WHERE l.id = e.id) x WHERE e.year = 1 AND (e.month = 1 OR e.month = 2)",
            "VALUES 1, 2, 3",
            "TABLE events",
        };

        private static readonly string[] Vocabulary =
        {
            "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "EXISTS", "JOIN", "LEFT", "RIGHT", "FULL", "OUTER", "INNER",
            "CROSS", "NATURAL", "ON", "USING", "WITH", "RECURSIVE", "AS", "UNION", "INTERSECT", "EXCEPT", "ALL", "DISTINCT",
            "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "OFFSET", "FETCH", "FIRST", "ROWS", "ONLY", "INSERT", "INTO", "CREATE",
            "TABLE", "VALUES", "UNNEST", "LATERAL", "ORDINALITY", "BETWEEN", "LIKE", "IS", "NULL", "CASE", "WHEN", "THEN",
            "ELSE", "END", "CAST", "INTERVAL", "DAY", "TO", "DATE", "EXTRACT", "FOR", "VERSION", "OF", "TABLESAMPLE",
            "MATCH_RECOGNIZE", "WINDOW", "NO", "DATA", "EXPLAIN", "ANALYZE", "SHOW", "UNLOAD", "year", "month", "events",
            "logs", "e", "t", "x", "\"year\"", "\"a\"\"b\"", "`tbl`", "'str'", "'it''s'", "X'0A'", "42", "1.5e3", ".5",
            "?", "(", "(", ")", ")", ",", ".", ";", "=", "<>", "<=", "||", "->", "+", "-", "*", "/", "[", "]",
            "--c\n", "/*c*/", Hole.ToString(), Hole + "x", "\"" + Hole + "\"", "'", "\"", "`", "/*", "*/",
        };

        private static readonly string[] Insertions =
        {
            "'", "\"", "`", "(", ")", "((", "))", "/*", "*/", "--", "\n", Hole.ToString(), ";", ",", ".", "?", "''", "\"\"",
            " SELECT ", " FROM ", " WHERE ", " JOIN ", " ON ", " WITH ", " AS ", " UNION ", " (SELECT 1) ", " LIMIT ", " OR ",
            "\u00e9", "\uD83D", "\0", "U&", "X", "E'",
        };

        [Fact]
        public void Corpus_Is_Read_Without_Errors()
        {
            foreach (var sql in Corpus)
            {
                var statement = SqlParser.Parse(sql);
                Assert.False(statement.IsUnknown, statement.Failure + " : " + sql);
                Check(sql);
            }
        }

        [Fact]
        public void Random_Token_Soups()
        {
            var random = new Random(20240601);
            var builder = new StringBuilder();
            for (int iteration = 0; iteration < 4000; iteration++)
            {
                builder.Clear();
                int count = random.Next(0, 60);
                for (int i = 0; i < count; i++)
                {
                    builder.Append(Vocabulary[random.Next(Vocabulary.Length)]);
                    builder.Append(random.Next(4) == 0 ? "" : " ");
                }

                Check(builder.ToString());
            }
        }

        [Fact]
        public void Structured_Soups_Starting_With_Select()
        {
            // Starting with SELECT ... FROM drives the reader past the statement dispatch more often.
            var random = new Random(7);
            var builder = new StringBuilder();
            for (int iteration = 0; iteration < 3000; iteration++)
            {
                builder.Clear();
                builder.Append(random.Next(2) == 0 ? "SELECT * FROM events " : "WITH x AS (SELECT 1) SELECT a FROM x ");
                int count = random.Next(0, 25);
                for (int i = 0; i < count; i++)
                {
                    builder.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(' ');
                }

                Check(builder.ToString());
            }
        }

        [Fact]
        public void Random_Mutations_Of_The_Corpus()
        {
            var random = new Random(424242);
            for (int iteration = 0; iteration < 6000; iteration++)
            {
                var sql = Corpus[random.Next(Corpus.Length)];
                int mutations = 1 + random.Next(3);
                for (int m = 0; m < mutations; m++)
                {
                    sql = Mutate(sql, random);
                }

                Check(sql);
            }
        }

        [Fact]
        public void Every_Truncation_Of_Every_Corpus_Query()
        {
            foreach (var sql in Corpus)
            {
                for (int length = 0; length <= sql.Length; length++)
                {
                    Check(sql.Substring(0, length));
                }
            }
        }

        [Fact]
        public void Pathological_Inputs()
        {
            Check(new string('(', 40_000));
            Check(new string('(', 20_000) + new string(')', 20_000));
            Check("SELECT * FROM t WHERE " + new string('(', 20_000) + "year = 1" + new string(')', 20_000));
            Check(string.Concat(System.Linq.Enumerable.Repeat("SELECT * FROM (", 10_000)));
            Check(string.Concat(System.Linq.Enumerable.Repeat("SELECT * FROM (", 3_000)) + "SELECT 1" + new string(')', 3_000));
            Check(string.Concat(System.Linq.Enumerable.Repeat("WITH x AS (", 2_000)) + "SELECT 1" + new string(')', 2_000));
            Check(string.Concat(System.Linq.Enumerable.Repeat("EXPLAIN ANALYZE ", 5_000)) + "SELECT 1");
            Check("SELECT * FROM t WHERE " + string.Concat(System.Linq.Enumerable.Repeat("a TO ", 5_000)));
            Check("SELECT * FROM t WHERE x IN (" + string.Concat(System.Linq.Enumerable.Repeat(Hole + ", ", 5_000)) + "1)");
            Check("SELECT * FROM t WHERE " + string.Concat(System.Linq.Enumerable.Repeat("a.", 5_000)) + "b = 1");
            Check("SELECT * FROM " + string.Concat(System.Linq.Enumerable.Repeat("a JOIN ", 5_000)) + "b");
            Check("SELECT * FROM " + string.Concat(System.Linq.Enumerable.Repeat("a, ", 5_000)) + "b WHERE year = 1");
            Check(string.Concat(System.Linq.Enumerable.Repeat("SELECT 1 UNION ", 5_000)) + "SELECT 2");
            Check(new string(Hole, 10_000));
            Check(new string('\'', 10_001));
            Check(new string('-', 10_001));
            Check(new string('/', 10_001));
            Check(new string('*', 10_001));
        }

        private static string Mutate(string sql, Random random)
        {
            int position = sql.Length == 0 ? 0 : random.Next(sql.Length + 1);
            switch (random.Next(6))
            {
                case 0: // truncate
                    return sql.Substring(0, position);
                case 1: // delete a span
                    {
                        int length = Math.Min(sql.Length - position, random.Next(1, 12));
                        return sql.Remove(position, Math.Max(0, length));
                    }

                case 2: // insert something awkward
                    return sql.Insert(position, Insertions[random.Next(Insertions.Length)]);
                case 3: // insert a vocabulary token
                    return sql.Insert(position, " " + Vocabulary[random.Next(Vocabulary.Length)] + " ");
                case 4: // duplicate a span
                    {
                        int length = Math.Min(sql.Length - position, random.Next(1, 30));
                        return sql.Insert(position, sql.Substring(position, Math.Max(0, length)));
                    }

                default: // replace a character with a random printable one
                    if (sql.Length == 0)
                    {
                        return sql;
                    }

                    position = Math.Min(position, sql.Length - 1);
                    var chars = sql.ToCharArray();
                    chars[position] = (char)random.Next(32, 127);
                    return new string(chars);
            }
        }

        private static void Check(string sql)
        {
            var tokens = SqlLexer.Tokenize(sql, includeComments: true);
            int previousEnd = 0;
            for (int i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Start < previousEnd || token.Length <= 0 || token.End > sql.Length)
                {
                    Assert.Fail("bad token span in: " + sql);
                }

                previousEnd = token.End;
            }

            var statement = SqlParser.Parse(sql);
            Assert.NotNull(statement);
            int n = sql.Length;
            foreach (var block in statement.Blocks)
            {
                Assert.InRange(block.Start, 0, n);
                Assert.InRange(block.End, block.Start, n);
                Assert.InRange(block.WhereInsertOffset, -1, n);
                foreach (var table in block.Tables)
                {
                    Assert.InRange(table.NameStart, 0, n);
                    Assert.InRange(table.NameEnd, table.NameStart, n);
                    Assert.InRange(table.AliasEnd, table.AliasStart, n);
                    Assert.NotNull(table.GetQualifierText(sql));
                }

                foreach (var predicate in block.Predicates)
                {
                    Assert.InRange(predicate.Start, 0, n);
                    Assert.InRange(predicate.End, predicate.Start, n);
                    Assert.True(predicate.FirstToken < predicate.EndToken);
                }
            }

            Assert.InRange(statement.ParameterCount, 0, n);
            SqlHoleAndShapeFuzzTests.Check(statement);

            var result = PartitionPruningAnalysis.FindUnprunedTables(sql, SqlTestHelpers.PartitionsOf);
            Assert.NotNull(result);
            if (result.UnknownReason?.StartsWith("internal error", StringComparison.Ordinal) ?? false)
            {
                Assert.Fail(result.UnknownReason + " : " + sql);
            }

            if (result.IsUnknown)
            {
                Assert.Empty(result.UnprunedTables);
            }

            var viaParts = PartitionPruningAnalysis.FindUnprunedTables(SqlSourceText.FromString(sql).Parts, SqlTestHelpers.PartitionsOf);
            Assert.Equal(result.IsUnknown, viaParts.IsUnknown);
            Assert.Equal(result.UnprunedTables.Count, viaParts.UnprunedTables.Count);
        }
    }
}
