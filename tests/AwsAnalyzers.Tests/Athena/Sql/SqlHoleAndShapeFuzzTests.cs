using System;
using System.Text;
using AwsAnalyzers.Athena.Sql;
using Xunit;

namespace AwsAnalyzers.Tests.Athena.Sql
{
    /// <summary>
    /// Hole labels and query shapes of random inputs with fixed seeds, full of holes: reading them never throws, and
    /// every span and index they give lies inside the text. <see cref="SqlFuzzTests"/> runs the same checks on its inputs.
    /// </summary>
    public class SqlHoleAndShapeFuzzTests
    {
        private const char Hole = SqlSourceText.HoleMarker;

        private static readonly string[] Pieces =
        {
            "SELECT", "*", "e.*", "FROM", "events", "e", "WHERE", "HAVING", "ON", "JOIN", "AND", "OR", "BETWEEN", "IN", "LIKE",
            "NOT", "=", "<>", ">=", "(", ")", ",", ".", "'", "'" + Hole + "'", "'%" + Hole + "%'", Hole.ToString(),
            "\"" + Hole + "\"", "ORDER", "BY", "LIMIT", "FETCH", "FIRST", "GROUP", "count(*)", "max", "OVER", "UNION",
            "WITH", "CREATE", "TABLE", "AS", "UNLOAD", "TO", "format", "'TEXTFILE'", "'JSON'", "UPDATE", "SET", "DELETE",
            "VALUE", "{", "}", "?", ";", "--x\n", "/*", "*/", "INSERT", "INTO", "ALL", "DISTINCT", "IS", "x", "1",
        };

        private static readonly string[] Seeds =
        {
            "SELECT * FROM events WHERE name = '" + Hole + "' AND id IN (" + Hole + ", " + Hole + ") ORDER BY ts",
            "SELECT e.* FROM " + Hole + ".events e JOIN logs l ON l.id = e.id AND l.kind = " + Hole + " LIMIT " + Hole,
            "CREATE TABLE t WITH (format = 'TEXTFILE', external_location = '" + Hole + "') AS SELECT * FROM events WHERE a BETWEEN " + Hole + " AND " + Hole,
            "UNLOAD (SELECT * FROM events WHERE d = '" + Hole + "') TO 's3://b/' WITH (format = 'JSON')",
            "UPDATE \"T\" SET a = '" + Hole + "' WHERE pk = " + Hole,
            "WITH c AS (SELECT * FROM events WHERE x = " + Hole + ") SELECT count(*) FROM c GROUP BY 1 HAVING count(*) > " + Hole,
        };

        [Fact]
        public void Random_piece_soups()
        {
            var random = new Random(1215);
            var builder = new StringBuilder();
            for (int iteration = 0; iteration < 4000; iteration++)
            {
                builder.Clear();
                int count = random.Next(0, 50);
                for (int i = 0; i < count; i++)
                {
                    builder.Append(Pieces[random.Next(Pieces.Length)]).Append(random.Next(5) == 0 ? "" : " ");
                }

                Check(SqlParser.Parse(builder.ToString()));
            }
        }

        [Fact]
        public void Every_truncation_and_random_edits_of_the_seeds()
        {
            var random = new Random(15012);
            foreach (string seed in Seeds)
            {
                for (int length = 0; length <= seed.Length; length++)
                {
                    Check(SqlParser.Parse(seed.Substring(0, length)));
                }

                for (int iteration = 0; iteration < 500; iteration++)
                {
                    string sql = seed;
                    for (int edit = 0; edit < 1 + random.Next(3); edit++)
                    {
                        int at = random.Next(sql.Length + 1);
                        sql = random.Next(2) == 0
                            ? sql.Insert(at, " " + Pieces[random.Next(Pieces.Length)] + " ")
                            : sql.Remove(Math.Min(at, sql.Length), Math.Min(sql.Length - Math.Min(at, sql.Length), random.Next(1, 8)));
                    }

                    Check(SqlParser.Parse(sql));
                }
            }
        }

        [Fact]
        public void Pathological_inputs()
        {
            Check(SqlParser.Parse("SELECT * FROM t WHERE a IN (" + string.Concat(System.Linq.Enumerable.Repeat(Hole + ", ", 5_000)) + "1)"));
            Check(SqlParser.Parse("SELECT * FROM t WHERE " + string.Concat(System.Linq.Enumerable.Repeat("a BETWEEN " + Hole + " AND ", 3_000)) + "1"));
            Check(SqlParser.Parse(new string('(', 20_000) + "SELECT * FROM t" + new string(')', 20_000)));
            Check(SqlParser.Parse("'" + new string(Hole, 10_000) + "'"));
            Check(SqlParser.Parse(string.Concat(System.Linq.Enumerable.Repeat("SELECT * FROM t UNION ", 3_000)) + "SELECT *"));
        }

        /// <summary>The hole and shape invariants, for any statement.</summary>
        internal static void Check(SqlStatement statement)
        {
            int n = statement.Text.Length;
            int previous = -1;
            foreach (SqlHole hole in statement.Holes)
            {
                Assert.InRange(hole.Offset, previous + 1, n - 1);
                Assert.Equal(SqlSourceText.HoleMarker, statement.Text[hole.Offset]);
                Assert.InRange(hole.Offset, hole.TokenStart, hole.TokenEnd - 1);
                Assert.InRange(hole.PartIndex, -1, statement.Source.PartCount - 1);
                Assert.InRange(hole.TokenIndex, 0, statement.Tokens.Count - 1);
                Assert.True(!hole.IsWholeStringLiteral || hole.InStringLiteral);
                Assert.True(!hole.InStringLiteral || hole.Position == SqlHolePosition.Value);
                if (hole.WhereOf is { Where: { } where })
                {
                    Assert.InRange(hole.Offset, where.Start, where.End - 1);
                }

                previous = hole.Offset;
            }

            SqlQueryShape shape = statement.Shape;
            Assert.InRange(shape.QueryEnd, -1, n);
            Assert.InRange(shape.OrderByStart, -1, n);
            foreach (SqlSelectStar star in shape.Stars)
            {
                Assert.InRange(star.Start, 0, n);
                Assert.InRange(star.End, star.Start + 1, n);
                Assert.Equal('*', statement.Text[star.End - 1]);
            }

            if (shape.Format is { } format)
            {
                Assert.InRange(format.ValueStart, 0, n);
                Assert.InRange(format.ValueEnd, format.ValueStart + 2, n);
                Assert.NotEmpty(format.PropertyNames);
            }
        }
    }
}
