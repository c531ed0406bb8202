using System.Linq;
using AwsAnalyzers.Athena.Sql;
using Xunit;
using static AwsAnalyzers.Tests.Athena.Sql.SqlTestHelpers;

namespace AwsAnalyzers.Tests.Athena.Sql
{
    /// <summary>What the reader says about a statement's outermost query: stars, ORDER BY, LIMIT, aggregation, format.</summary>
    public class SqlQueryShapeTests
    {
        private static SqlQueryShape Shape(string interpolated) => Parse(interpolated).Shape;

        [Theory]
        [InlineData("SELECT * FROM events", "*", null)]
        [InlineData("SELECT DISTINCT * FROM events", "*", null)]
        [InlineData("SELECT e.* FROM events e", "e.*", "e")]
        [InlineData("SELECT id, \"e\".* FROM events e", "\"e\".*", "e")]
        [InlineData("WITH c AS (SELECT 1 AS x) SELECT * FROM c", "*", null)]
        [InlineData("SELECT * FROM a UNION ALL SELECT * FROM b", "*", null)]
        public void Top_level_stars_are_found_with_their_span_and_qualifier(string sql, string written, string? qualifier)
        {
            SqlStatement statement = Parse(sql);
            SqlSelectStar star = statement.Shape.Stars.First();
            Assert.Equal(written, TextOf(statement, star.Start, star.End));
            Assert.Equal(qualifier, star.Qualifier);
            Assert.Equal(SqlQueryBlockRole.Main, star.Block.Role);
        }

        [Theory]
        [InlineData("SELECT count(*) FROM events")]
        [InlineData("SELECT id FROM (SELECT * FROM events) s")]
        [InlineData("WITH c AS (SELECT * FROM events) SELECT id FROM c")]
        [InlineData("SELECT id FROM events WHERE id IN (SELECT * FROM ids)")]
        [InlineData("SELECT a * b FROM events")]
        [InlineData("SELECT 2 * 3")]
        [InlineData("SHOW TABLES")]
        [InlineData("SELECT * FROM")]
        public void Stars_that_are_not_a_top_level_select_list_item_are_not_found(string sql)
        {
            Assert.Empty(Shape(sql).Stars);
        }

        [Theory]
        [InlineData("SELECT device, count(*) FROM events GROUP BY device", true)]
        [InlineData("SELECT max(ts) FROM events", true)]
        [InlineData("SELECT * FROM events GROUP BY 1", true)]
        [InlineData("SELECT device FROM events HAVING 1 = 1", true)]
        [InlineData("SELECT *, row_number() OVER (ORDER BY ts) FROM events", false)]
        [InlineData("SELECT * FROM events WHERE id IN (SELECT max(id) FROM events)", false)]
        [InlineData("SELECT * FROM events", false)]
        public void Aggregation_is_an_aggregate_call_group_by_or_having_of_a_top_level_block(string sql, bool aggregates)
        {
            Assert.Equal(aggregates, Shape(sql).HasAggregation);
        }

        [Theory]
        [InlineData("SELECT * FROM events ORDER BY ts", true, false)]
        [InlineData("SELECT * FROM events ORDER BY ts LIMIT 10", true, true)]
        [InlineData("SELECT * FROM events ORDER BY ts LIMIT {n}", true, true)]
        [InlineData("SELECT * FROM events ORDER BY ts FETCH FIRST 5 ROWS ONLY", true, true)]
        [InlineData("SELECT * FROM events ORDER BY ts LIMIT ALL", true, false)]
        [InlineData("SELECT row_number() OVER (ORDER BY ts) FROM events", false, false)]
        [InlineData("SELECT * FROM (SELECT * FROM events ORDER BY ts LIMIT 5) s", false, false)]
        [InlineData("SELECT * FROM events WHERE id IN (SELECT id FROM ids LIMIT 5)", false, false)]
        [InlineData("WITH c AS (SELECT * FROM events LIMIT 5) SELECT * FROM c ORDER BY ts", true, false)]
        [InlineData("SELECT a FROM x UNION SELECT a FROM y ORDER BY a", true, false)]
        public void Order_by_and_limit_are_those_of_the_outermost_query(string sql, bool orderBy, bool limit)
        {
            SqlQueryShape shape = Shape(sql);
            Assert.Equal(orderBy, shape.HasOrderBy);
            Assert.Equal(limit, shape.HasLimit);
        }

        [Theory]
        [InlineData("SELECT * FROM events", "SELECT * FROM events")]
        [InlineData("SELECT * FROM events ;  ", "SELECT * FROM events")]
        [InlineData("SELECT * FROM events ORDER BY ts -- newest\n", "SELECT * FROM events ORDER BY ts")]
        [InlineData("SELECT * FROM events OFFSET 10", "SELECT * FROM events OFFSET 10")]
        public void The_query_ends_after_its_last_token(string sql, string upToEnd)
        {
            Assert.Equal(upToEnd, sql.Substring(0, Shape(sql).QueryEnd));
        }

        [Fact]
        public void A_parenthesized_outermost_query_has_no_end_to_append_to()
        {
            Assert.Equal(-1, Shape("(SELECT * FROM events)").QueryEnd);
        }

        [Theory]
        [InlineData("CREATE TABLE t WITH (format = 'TEXTFILE', external_location = 's3://b/t/') AS SELECT * FROM events", "TEXTFILE", "format,external_location")]
        [InlineData("CREATE TABLE t WITH (external_location = 's3://b/t/', format = 'json', field_delimiter = ',') AS SELECT 1", "json", "external_location,format,field_delimiter")]
        [InlineData("UNLOAD (SELECT * FROM events) TO 's3://b/out/' WITH (format = 'JSON', compression = 'GZIP')", "JSON", "format,compression")]
        [InlineData("CREATE TABLE t WITH (\"format\" = 'ION') AS WITH c AS (SELECT 1) SELECT * FROM c", "ION", "format")]
        public void The_format_of_a_ctas_or_unload_is_read_with_its_span(string sql, string format, string names)
        {
            SqlStatement statement = Parse(sql);
            SqlFormatProperty property = statement.Shape.Format!;
            Assert.Equal(format, property.Value);
            Assert.Equal("'" + format + "'", TextOf(statement, property.ValueStart, property.ValueEnd));
            Assert.Equal(names, string.Join(",", property.PropertyNames));
        }

        [Theory]
        [InlineData("CREATE TABLE t AS SELECT * FROM events")]
        [InlineData("CREATE TABLE t WITH (partitioned_by = ARRAY['dt']) AS SELECT * FROM events")]
        [InlineData("CREATE TABLE t WITH (format = '{f}') AS SELECT * FROM events")]
        [InlineData("UNLOAD (SELECT * FROM events) TO 's3://b/out/'")]
        [InlineData("SELECT * FROM events")]
        [InlineData("CREATE EXTERNAL TABLE t (a int) STORED AS TEXTFILE LOCATION 's3://b/'")]
        public void Statements_without_a_readable_format_have_none(string sql)
        {
            Assert.Null(Shape(sql).Format);
        }
    }
}
