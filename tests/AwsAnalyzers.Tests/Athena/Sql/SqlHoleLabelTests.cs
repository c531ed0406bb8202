using System.Linq;
using AwsAnalyzers.Athena.Sql;
using Xunit;
using static AwsAnalyzers.Tests.Athena.Sql.SqlTestHelpers;

namespace AwsAnalyzers.Tests.Athena.Sql
{
    /// <summary>The reader's label for each hole: a value, a name, or unknown; and the condition it sits in.</summary>
    public class SqlHoleLabelTests
    {
        private static SqlHolePosition[] Positions(string interpolated) => Parse(interpolated).Holes.Select(h => h.Position).ToArray();

        [Theory]
        [InlineData("SELECT * FROM t WHERE name = '{x}'")]
        [InlineData("SELECT * FROM t WHERE name LIKE '%{x}%'")]
        [InlineData("SELECT '{x}' AS label FROM t")]
        [InlineData("UPDATE \"Readings\" SET note = '{x}' WHERE pk = 'a'")]
        [InlineData("INSERT INTO \"Readings\" VALUE {{'pk': '{x}'}}")]
        [InlineData("SELECT * FROM t WHERE id = {x}")]
        [InlineData("SELECT * FROM t WHERE id <> {x}")]
        [InlineData("SELECT * FROM t WHERE id >= {x}")]
        [InlineData("SELECT * FROM t WHERE name LIKE {x}")]
        [InlineData("SELECT * FROM t WHERE name NOT LIKE {x}")]
        [InlineData("SELECT * FROM t WHERE id IN ({x})")]
        [InlineData("SELECT * FROM t WHERE id BETWEEN {x} AND 9")]
        [InlineData("SELECT * FROM t a JOIN u b ON a.id = b.id AND b.kind = {x}")]
        [InlineData("SELECT k, count(*) FROM t GROUP BY k HAVING k = {x}")]
        [InlineData("SELECT * FROM t WHERE (a = 1 OR b = {x})")]
        [InlineData("SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE name = {x})")]
        [InlineData("DELETE FROM \"Readings\" WHERE pk = {x}")]
        public void A_hole_read_as_a_value_is_labelled_value(string sql)
        {
            Assert.Equal(new[] { SqlHolePosition.Value }, Positions(sql));
        }

        [Fact]
        public void The_second_operand_of_between_and_each_item_of_an_in_list_are_values()
        {
            Assert.Equal(new[] { SqlHolePosition.Value, SqlHolePosition.Value }, Positions("SELECT * FROM t WHERE id BETWEEN {x} AND {y}"));
            Assert.Equal(Enumerable.Repeat(SqlHolePosition.Value, 3), Positions("SELECT * FROM t WHERE id IN (1, {a}, {b}, {c})"));
        }

        [Theory]
        [InlineData("SELECT * FROM {t}")]
        [InlineData("SELECT * FROM {db}.events")]
        [InlineData("SELECT * FROM events_{suffix}")]
        [InlineData("SELECT * FROM \"{t}\" WHERE a = 1")]
        [InlineData("SELECT * FROM a JOIN {t} ON a.id = 1")]
        [InlineData("SELECT * FROM a, {t}")]
        [InlineData("SELECT * FROM t WHERE t.{col} = 1")]
        [InlineData("INSERT INTO {t} SELECT 1")]
        [InlineData("UPDATE {t} SET a = 1")]
        public void A_hole_in_a_name_is_labelled_identifier(string sql)
        {
            Assert.Equal(new[] { SqlHolePosition.Identifier }, Positions(sql));
        }

        [Theory]
        [InlineData("SELECT * FROM t WHERE {condition}")]
        [InlineData("SELECT * FROM t WHERE a = 1 AND {condition}")]
        [InlineData("SELECT * FROM t WHERE {col} = 1")]
        [InlineData("SELECT {columns} FROM t")]
        [InlineData("SELECT * FROM t {filter}")]
        [InlineData("SELECT * FROM t ORDER BY {col}")]
        [InlineData("SELECT * FROM t LIMIT {n}")]
        [InlineData("SELECT * FROM t WHERE a = 1 AND b BETWEEN 1 AND 2 AND {c}")]
        [InlineData("SELECT a + {x} FROM t")]
        public void A_hole_whose_surroundings_do_not_say_is_unknown(string sql)
        {
            Assert.Equal(new[] { SqlHolePosition.Unknown }, Positions(sql));
        }

        [Fact]
        public void Labels_carry_the_clause_the_part_and_whether_the_literal_is_the_hole_alone()
        {
            SqlStatement statement = Parse("SELECT * FROM t WHERE a = '{x}' AND b LIKE '{y}%' AND c = {z}");
            SqlHole[] holes = statement.Holes.ToArray();
            Assert.Equal(3, holes.Length);
            Assert.All(holes, h => Assert.Equal(SqlHoleClause.Where, h.Clause));
            Assert.All(holes, h => Assert.Same(statement.Blocks[0], h.WhereOf));
            Assert.Equal(new[] { true, true, false }, holes.Select(h => h.InStringLiteral));
            Assert.Equal(new[] { true, false, false }, holes.Select(h => h.IsWholeStringLiteral));
            Assert.Equal(new[] { 1, 3, 5 }, holes.Select(h => h.PartIndex));
            Assert.Equal("'" + SqlSourceText.HoleMarker + "'", TextOf(statement, holes[0].TokenStart, holes[0].TokenEnd));
        }

        [Fact]
        public void The_where_block_is_the_innermost_one()
        {
            SqlStatement statement = Parse("SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE name = '{x}') AND k = '{y}'");
            Assert.Equal(new[] { 1, 0 }, statement.Holes.Select(h => h.WhereOf!.Index));
            Assert.Null(Parse("SELECT '{x}' FROM t").Holes[0].WhereOf);
        }

        [Fact]
        public void Statements_the_parser_does_not_read_are_labelled_from_their_tokens()
        {
            SqlStatement statement = Parse("UPDATE \"Readings\" SET note = '{x}' WHERE pk = {y}");
            Assert.True(statement.IsUnknown);
            Assert.Equal(new[] { SqlHolePosition.Value, SqlHolePosition.Value }, statement.Holes.Select(h => h.Position));
            Assert.Equal(new[] { SqlHoleClause.None, SqlHoleClause.Where }, statement.Holes.Select(h => h.Clause));
            Assert.All(statement.Holes, h => Assert.Null(h.WhereOf));
        }

        [Theory]
        [InlineData("SELECT * FROM t WHERE a = '{x}")]
        [InlineData("SELECT * FROM t -- '{x}'")]
        [InlineData("SELECT * FROM t /* a = {x} */")]
        [InlineData("SELECT * FROM t WHERE a = 1")]
        public void Text_that_does_not_lex_holes_in_comments_and_text_without_holes_have_no_labels(string sql)
        {
            Assert.Empty(Parse(sql).Holes);
        }

        [Fact]
        public void A_marker_written_in_literal_text_has_no_part()
        {
            SqlStatement statement = SqlParser.Parse(new[] { SqlTextPart.FromText("SELECT * FROM t WHERE a = '" + SqlSourceText.HoleMarker + "'") });
            Assert.Equal(-1, Assert.Single(statement.Holes).PartIndex);
        }
    }
}
