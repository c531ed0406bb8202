using System.Linq;
using AwsAnalyzers.Athena.Sql;
using Xunit;
using static AwsAnalyzers.Tests.Athena.Sql.SqlTestHelpers;

namespace AwsAnalyzers.Tests.Athena.Sql
{
    public class SqlParserStatementKindTests
    {
        [Theory]
        [InlineData("SELECT * FROM events")]
        [InlineData("select * from events;")]
        [InlineData("WITH x AS (SELECT 1) SELECT * FROM x")]
        [InlineData("(SELECT a FROM events) UNION ALL (SELECT a FROM logs)")]
        [InlineData("VALUES (1, 'a'), (2, 'b')")]
        [InlineData("TABLE events")]
        [InlineData("SELECT 1")]
        [InlineData("EXPLAIN ANALYZE SELECT * FROM events")]
        [InlineData("EXPLAIN ANALYZE VERBOSE SELECT * FROM events")]
        public void Queries_Are_Select(string sql)
        {
            var statement = Parse(sql);
            Assert.Equal(SqlStatementKind.Select, statement.Kind);
            Assert.Null(statement.Failure);
        }

        [Theory]
        [InlineData("INSERT INTO target SELECT * FROM events", "target")]
        [InlineData("INSERT INTO db.target (a, b) SELECT a, b FROM events", "db.target")]
        [InlineData("INSERT INTO target WITH x AS (SELECT * FROM events) SELECT * FROM x", "target")]
        [InlineData("INSERT INTO target (SELECT * FROM events)", "target")]
        [InlineData("INSERT INTO \"db\".\"target\" (a) (SELECT a FROM events) ;", "db.target")]
        public void Insert_Select(string sql, string target)
        {
            var statement = Parse(sql);
            Assert.Equal(SqlStatementKind.InsertSelect, statement.Kind);
            Assert.Equal(target, statement.TargetTable?.FullName);
            Assert.Contains(statement.Blocks.SelectMany(b => b.Tables), t => t.Name.Name == "events");
        }

        [Theory]
        [InlineData("CREATE TABLE new_t AS SELECT * FROM events")]
        [InlineData("CREATE TABLE IF NOT EXISTS db.new_t WITH (format = 'PARQUET', partitioned_by = ARRAY['year']) AS SELECT * FROM events")]
        [InlineData("CREATE TABLE new_t (a, b) COMMENT 'c' WITH (format = 'ORC') AS (SELECT a, b FROM events) WITH DATA")]
        [InlineData("CREATE TABLE new_t AS WITH x AS (SELECT * FROM events) SELECT * FROM x")]
        [InlineData("create or replace table new_t as select * from events")]
        public void Create_Table_As_Select(string sql)
        {
            var statement = Parse(sql);
            Assert.Equal(SqlStatementKind.CreateTableAsSelect, statement.Kind);
            Assert.NotNull(statement.TargetTable);
            Assert.Contains(statement.Blocks.SelectMany(b => b.Tables), t => t.Name.Name == "events");
        }

        [Theory]
        [InlineData("SHOW TABLES")]
        [InlineData("SHOW PARTITIONS events")]
        [InlineData("SHOW CREATE TABLE events")]
        [InlineData("DESCRIBE events")]
        [InlineData("DESC events")]
        [InlineData("MSCK REPAIR TABLE events")]
        [InlineData("ALTER TABLE events ADD PARTITION (year = '2024') LOCATION 's3://b/2024/'")]
        [InlineData("DROP TABLE IF EXISTS events")]
        [InlineData("USE analytics")]
        [InlineData("EXPLAIN SELECT * FROM events")]
        [InlineData("EXPLAIN (TYPE DISTRIBUTED) SELECT * FROM events")]
        [InlineData("CREATE TABLE t (a int, b varchar) WITH (format = 'PARQUET')")]
        [InlineData("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (year string) STORED AS PARQUET LOCATION 's3://b/'")]
        [InlineData("CREATE TABLE t (a int) STORED AS PARQUET")]
        [InlineData("CREATE VIEW v AS SELECT * FROM events")]
        [InlineData("CREATE OR REPLACE VIEW v AS SELECT * FROM events")]
        [InlineData("CREATE DATABASE analytics")]
        [InlineData("CREATE TABLE new_t AS SELECT * FROM events WITH NO DATA")]
        [InlineData("INSERT INTO t VALUES (1, 'a'), (2, 'b')")]
        [InlineData("INSERT INTO t (a, b) VALUES (?, ?)")]
        [InlineData("PREPARE stmt FROM SELECT * FROM events")]
        [InlineData("DEALLOCATE PREPARE stmt")]
        [InlineData("VACUUM events")]
        public void Statements_That_Read_No_Table(string sql)
        {
            var statement = Parse(sql);
            Assert.Equal(SqlStatementKind.NoTableRead, statement.Kind);
            Assert.Empty(statement.Blocks);
        }

        [Fact]
        public void Unload_Reads_Its_Query()
        {
            var statement = Parse("UNLOAD (SELECT * FROM events WHERE year = '2024') TO 's3://bucket/out/' WITH (format = 'PARQUET')");
            Assert.Equal(SqlStatementKind.Unload, statement.Kind);
            Assert.Single(statement.Blocks);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("-- only a comment")]
        [InlineData("DELETE FROM events WHERE id = 1")]
        [InlineData("UPDATE events SET a = 1")]
        [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE")]
        [InlineData("EXECUTE stmt USING 1")]
        [InlineData("hello world")]
        [InlineData("{q}")]
        [InlineData("SELECT * FROM events WHERE a = 'unterminated")]
        [InlineData("SELECT * FROM events /* unterminated")]
        [InlineData("SELECT * FROM (SELECT * FROM events")]
        [InlineData("SELECT * FROM events)")]
        [InlineData("SELECT 1; SELECT 2")]
        [InlineData("SELECT * FROM events WHERE")]
        [InlineData("SELECT * FROM")]
        [InlineData("SELECT * FROM events JOIN logs ON")]
        [InlineData("SELECT * FROM events e extra tokens")]
        [InlineData("WITH x AS SELECT 1 SELECT * FROM x")]
        [InlineData("INSERT events SELECT 1")]
        public void Unreadable_Statements_Are_Unknown(string sql)
        {
            var statement = Parse(sql);
            Assert.Equal(SqlStatementKind.Unknown, statement.Kind);
            Assert.True(statement.IsUnknown);
            Assert.False(string.IsNullOrEmpty(statement.Failure));
            Assert.Empty(statement.Blocks);
        }

        [Fact]
        public void Nesting_Up_To_The_Limit_Is_Read_And_Deeper_Is_Unknown()
        {
            static string Nest(int depth)
            {
                var sql = "SELECT * FROM events WHERE year = 1";
                for (int i = 0; i < depth; i++)
                {
                    sql = "SELECT * FROM (" + sql + ") t" + i;
                }

                return sql;
            }

            var ok = Parse(Nest(40));
            Assert.Equal(SqlStatementKind.Select, ok.Kind);
            Assert.Equal(41, ok.Blocks.Count);

            var deep = Parse(Nest(200));
            Assert.Equal(SqlStatementKind.Unknown, deep.Kind);
            Assert.Contains("nesting", deep.Failure);
        }

        [Fact]
        public void Deep_Parentheses_In_Expressions_Do_Not_Recurse()
        {
            var sql = "SELECT * FROM events WHERE " + new string('(', 5000) + "year = 1" + new string(')', 5000);
            var statement = Parse(sql);
            Assert.Equal(SqlStatementKind.Select, statement.Kind);
            Assert.Contains(statement.Blocks[0].Where!.Columns, c => c.Name == "year");
        }

        [Fact]
        public void Deep_Subquery_Nesting_In_Expressions_Is_Unknown_Not_A_Crash()
        {
            var sql = string.Concat(Enumerable.Repeat("SELECT * FROM t WHERE x IN (", 500)) + "SELECT 1" + new string(')', 500);
            Assert.Equal(SqlStatementKind.Unknown, Parse(sql).Kind);
        }
    }

    public class SqlParserBlockTests
    {
        [Fact]
        public void Simple_Select_Table_Alias_And_Where()
        {
            var statement = Parse("SELECT e.a FROM events e WHERE e.year = 2024 AND a > 1");
            var block = Assert.Single(statement.Blocks);
            Assert.Equal(SqlQueryBlockRole.Main, block.Role);
            var table = Assert.Single(block.Tables);
            Assert.Equal("events", table.Name.Name);
            Assert.Equal("events", table.Name.FullName);
            Assert.Equal("e", table.Alias);
            Assert.False(table.IsCte);
            Assert.Equal("events", TextOf(statement, table.NameStart, table.NameEnd));
            Assert.Equal("e", TextOf(statement, table.AliasStart, table.AliasEnd));
            Assert.Equal("e", table.GetQualifierText(statement.Text));
            var where = Assert.Single(block.Predicates);
            Assert.Same(where, block.Where);
            Assert.Equal(SqlPredicateKind.Where, where.Kind);
            Assert.Equal(new[] { "e.year", "a" }, where.Columns.Select(c => c.ToString()).ToArray());
            Assert.Equal("e", where.Columns[0].Qualifier);
            Assert.Equal("year", where.Columns[0].Name);
            Assert.Null(where.Columns[1].Qualifier);
        }

        [Theory]
        [InlineData("SELECT * FROM events AS ev", "ev")]
        [InlineData("SELECT * FROM events ev", "ev")]
        [InlineData("SELECT * FROM events \"Ev\"", "Ev")]
        [InlineData("SELECT * FROM events AS `ev`", "ev")]
        [InlineData("SELECT * FROM events ev(a, b)", "ev")]
        [InlineData("SELECT * FROM events", null)]
        [InlineData("SELECT * FROM events WHERE year = 1", null)]
        [InlineData("SELECT * FROM events LIMIT 10", null)]
        [InlineData("SELECT * FROM events ORDER BY a", null)]
        [InlineData("SELECT * FROM events GROUP BY a", null)]
        [InlineData("SELECT * FROM events UNION SELECT * FROM logs", null)]
        public void Aliases(string sql, string? alias)
        {
            var statement = Parse(sql);
            Assert.Equal(alias, statement.Blocks[0].Tables[0].Alias);
        }

        [Theory]
        [InlineData("SELECT * FROM awsdatacatalog.analytics.events", "awsdatacatalog.analytics.events")]
        [InlineData("SELECT * FROM \"analytics\".\"events\"", "analytics.events")]
        [InlineData("SELECT * FROM `analytics`.`events`", "analytics.events")]
        [InlineData("SELECT * FROM analytics . events", "analytics.events")]
        [InlineData("SELECT * FROM \"my db\".\"Events\"", "my db.Events")]
        public void Qualified_Names(string sql, string fullName)
        {
            var table = Parse(sql).Blocks[0].Tables[0];
            Assert.Equal(fullName, table.Name.FullName);
            Assert.Equal(fullName, table.Name.LookupName);
            Assert.Equal(fullName.Split('.').Last(), table.Name.Name);
        }

        [Fact]
        public void Hole_In_Qualifier_Keeps_The_Known_Suffix()
        {
            var table = Parse("SELECT * FROM {db}.events").Blocks[0].Tables[0];
            Assert.True(table.Name.HasHole);
            Assert.Null(table.Name.FullName);
            Assert.Equal("events", table.Name.Name);
            Assert.Equal("events", table.Name.LookupName);
            Assert.Equal(new string?[] { null, "events" }, table.Name.Parts.ToArray());
        }

        [Fact]
        public void Hole_As_Table_Name()
        {
            var table = Parse("SELECT * FROM {table} WHERE a = 1").Blocks[0].Tables[0];
            Assert.Null(table.Name.Name);
            Assert.Null(table.Name.LookupName);
        }

        [Fact]
        public void Cte_With_Column_List_And_Reference()
        {
            var statement = Parse("WITH recent (a, b) AS (SELECT a, b FROM events WHERE year = 2024) SELECT * FROM recent r JOIN users u ON r.a = u.id");
            Assert.Equal(2, statement.Blocks.Count);
            var cte = statement.Blocks[0];
            Assert.Equal(SqlQueryBlockRole.CommonTableExpression, cte.Role);
            Assert.Equal("recent", cte.CteName);
            Assert.False(cte.Tables[0].IsCte);
            var main = statement.Blocks[1];
            Assert.Equal(SqlQueryBlockRole.Main, main.Role);
            Assert.True(main.Tables[0].IsCte);
            Assert.Equal("r", main.Tables[0].Alias);
            Assert.False(main.Tables[1].IsCte);
            var on = Assert.Single(main.Predicates);
            Assert.Equal(SqlPredicateKind.JoinOn, on.Kind);
            Assert.Null(main.Where);
        }

        [Fact]
        public void Cte_Names_Compare_Case_Insensitively_And_Quoted()
        {
            var statement = Parse("WITH \"Recent\" AS (SELECT 1) SELECT * FROM RECENT");
            Assert.True(statement.Blocks[1].Tables[0].IsCte);
        }

        [Fact]
        public void Qualified_Name_Is_Never_A_Cte()
        {
            var statement = Parse("WITH events AS (SELECT 1) SELECT * FROM db.events");
            Assert.False(statement.Blocks[1].Tables[0].IsCte);
        }

        [Fact]
        public void Non_Recursive_Cte_Body_Reads_The_Base_Table_Of_The_Same_Name()
        {
            var statement = Parse("WITH events AS (SELECT * FROM events WHERE year = 1), later AS (SELECT * FROM events) SELECT * FROM later");
            Assert.False(statement.Blocks[0].Tables[0].IsCte);
            Assert.True(statement.Blocks[1].Tables[0].IsCte);
            Assert.True(statement.Blocks[2].Tables[0].IsCte);
        }

        [Fact]
        public void Recursive_Cte_Sees_Itself()
        {
            var statement = Parse("WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT n FROM t");
            Assert.Equal(3, statement.Blocks.Count);
            Assert.True(statement.Blocks[1].Tables[0].IsCte);
            Assert.True(statement.Blocks[2].Tables[0].IsCte);
        }

        [Fact]
        public void Cte_Scope_Ends_With_Its_Query()
        {
            var statement = Parse("SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) s JOIN x ON true");
            var outer = statement.Blocks[0];
            var inner = statement.Blocks.Single(b => b.Role == SqlQueryBlockRole.DerivedTable);
            Assert.True(inner.Tables[0].IsCte);
            Assert.False(outer.Tables.Single().IsCte);
        }

        [Fact]
        public void Derived_Table_Is_A_Child_Block_And_Not_A_Table()
        {
            var statement = Parse("SELECT * FROM (SELECT * FROM events WHERE year = 1) AS s (a, b) WHERE s.a = 1");
            Assert.Equal(2, statement.Blocks.Count);
            var outer = statement.Blocks[0];
            var inner = statement.Blocks[1];
            Assert.Empty(outer.Tables);
            Assert.Equal(SqlQueryBlockRole.DerivedTable, inner.Role);
            Assert.Same(outer, inner.Parent);
            Assert.Equal("events", inner.Tables[0].Name.Name);
        }

        [Fact]
        public void Subqueries_In_Expressions()
        {
            var statement = Parse(
                "SELECT (SELECT max(x) FROM logs) FROM events e " +
                "WHERE e.id IN (SELECT id FROM orders WHERE region = 'eu') AND EXISTS (SELECT 1 FROM users u WHERE u.id = e.uid)");
            Assert.Equal(4, statement.Blocks.Count);
            Assert.Equal(new[] { "events", "logs", "orders", "users" }, statement.Blocks.Select(b => b.Tables[0].Name.Name).OrderBy(n => n).ToArray());
            var outer = statement.Blocks.Single(b => b.Role == SqlQueryBlockRole.Main);
            Assert.All(statement.Blocks.Where(b => b != outer), b => Assert.Equal(SqlQueryBlockRole.ExpressionSubquery, b.Role));
            Assert.All(statement.Blocks.Where(b => b != outer), b => Assert.Same(outer, b.Parent));

            // The outer WHERE's columns do not include those of its subqueries.
            Assert.Equal(new[] { "e.id" }, outer.Where!.Columns.Select(c => c.ToString()).ToArray());
        }

        [Fact]
        public void Joins_Of_Every_Kind()
        {
            var statement = Parse(
                "SELECT * FROM events a INNER JOIN logs b ON a.id = b.id LEFT OUTER JOIN orders c ON c.id = a.id " +
                "RIGHT JOIN users d USING (id) FULL JOIN clicks e ON e.x = a.x CROSS JOIN t6 NATURAL JOIN t7 JOIN t8 ON t8.y = 1, t9 " +
                "LEFT JOIN t10 ON t10.z = t9.z WHERE a.year = 1");
            var block = Assert.Single(statement.Blocks);
            Assert.Equal(new[] { "events", "logs", "orders", "users", "clicks", "t6", "t7", "t8", "t9", "t10" }, block.Tables.Select(t => t.Name.Name).ToArray());
            Assert.Equal(new[] { "a", "b", "c", "d", "e", null, null, null, null, null }, block.Tables.Select(t => t.Alias).ToArray());
            Assert.Equal(6, block.Predicates.Count);
            Assert.Equal(5, block.Predicates.Count(p => p.Kind == SqlPredicateKind.JoinOn));
            Assert.Equal(SqlPredicateKind.Where, block.Predicates.Last().Kind);
            Assert.Equal("a.id = b.id", TextOf(statement, block.Predicates[0].Start, block.Predicates[0].End));
            Assert.Equal("t10.z = t9.z", TextOf(statement, block.Predicates[4].Start, block.Predicates[4].End));
        }

        [Fact]
        public void Parenthesized_Join()
        {
            var statement = Parse("SELECT * FROM (events a JOIN logs b ON a.id = b.id) LEFT JOIN orders o ON o.id = a.id");
            var block = Assert.Single(statement.Blocks);
            Assert.Equal(new[] { "events", "logs", "orders" }, block.Tables.Select(t => t.Name.Name).ToArray());
            Assert.Equal(2, block.Predicates.Count);
        }

        [Fact]
        public void Unnest_Values_And_Table_Functions_Are_Not_Tables()
        {
            var statement = Parse(
                "SELECT * FROM events e CROSS JOIN UNNEST(e.tags) WITH ORDINALITY AS t (tag, i) " +
                "JOIN (VALUES (1, 'a'), (2, 'b')) AS v (k, n) ON v.k = e.k, " +
                "TABLE(sequence(1, 10)) s, LATERAL (SELECT * FROM logs l WHERE l.id = e.id) x");
            Assert.Equal(SqlStatementKind.Select, statement.Kind);
            var outer = statement.Blocks[0];
            Assert.Equal(new[] { "events" }, outer.Tables.Select(t => t.Name.Name).ToArray());
            var lateral = statement.Blocks.Single(b => b.Role == SqlQueryBlockRole.DerivedTable && b.Tables.Count > 0);
            Assert.Equal("logs", lateral.Tables[0].Name.Name);
        }

        [Fact]
        public void Union_Intersect_Except_Make_One_Block_Per_Operand()
        {
            var statement = Parse(
                "SELECT a FROM events WHERE year = 1 UNION ALL SELECT a FROM logs INTERSECT DISTINCT SELECT a FROM orders " +
                "EXCEPT SELECT a FROM clicks ORDER BY a LIMIT 5");
            Assert.Equal(new[] { "events", "logs", "orders", "clicks" }, statement.Blocks.Select(b => b.Tables[0].Name.Name).ToArray());
            Assert.All(statement.Blocks, b => Assert.Equal(SqlQueryBlockRole.Main, b.Role));
            Assert.NotNull(statement.Blocks[0].Where);
            Assert.Null(statement.Blocks[1].Where);
        }

        [Fact]
        public void Table_Query_Block()
        {
            var statement = Parse("SELECT * FROM logs UNION TABLE events");
            var block = statement.Blocks[1];
            Assert.True(block.IsTableQuery);
            Assert.Equal(-1, block.WhereInsertOffset);
            Assert.Equal("events", block.Tables[0].Name.Name);
        }

        [Fact]
        public void Time_Travel_Tablesample_And_Match_Recognize()
        {
            var statement = Parse(
                "SELECT * FROM events FOR TIMESTAMP AS OF TIMESTAMP '2024-01-01 00:00:00 UTC' - INTERVAL '1' DAY e TABLESAMPLE BERNOULLI (10) " +
                "JOIN logs FOR VERSION AS OF 42 l ON l.id = e.id WHERE e.year = 1");
            Assert.Equal(SqlStatementKind.Select, statement.Kind);
            var block = statement.Blocks[0];
            Assert.Equal(new[] { "e", "l" }, block.Tables.Select(t => t.Alias).ToArray());
        }

        [Fact]
        public void Where_Clause_Positions()
        {
            var sql = "SELECT * FROM events e WHERE e.a = 1 OR e.b = 2 GROUP BY x ORDER BY y";
            var statement = Parse(sql);
            var block = statement.Blocks[0];
            Assert.True(block.HasWhere);
            Assert.Equal(sql.IndexOf("WHERE"), block.WhereKeywordStart);
            Assert.Equal(sql.IndexOf("e.a"), block.WhereConditionStart);
            Assert.Equal(sql.IndexOf(" GROUP"), block.WhereConditionEnd);
            Assert.True(block.WhereHasTopLevelOr);
            Assert.Equal(sql.IndexOf(" WHERE"), block.WhereInsertOffset);
            Assert.Equal(sql.IndexOf(" WHERE"), block.FromEnd);
            Assert.Equal(sql.IndexOf(" ORDER"), block.End);
        }

        [Theory]
        [InlineData("SELECT * FROM events", "")]
        [InlineData("SELECT * FROM events;", ";")]
        [InlineData("SELECT * FROM events e GROUP BY a", " GROUP BY a")]
        [InlineData("SELECT * FROM events HAVING count(*) > 1", " HAVING count(*) > 1")]
        [InlineData("SELECT * FROM events ORDER BY a", " ORDER BY a")]
        [InlineData("SELECT * FROM events LIMIT 10", " LIMIT 10")]
        [InlineData("SELECT * FROM events OFFSET 10", " OFFSET 10")]
        [InlineData("SELECT * FROM events UNION SELECT 1", " UNION SELECT 1")]
        [InlineData("SELECT * FROM (SELECT * FROM logs) x", null)]
        [InlineData("SELECT * FROM events  -- comment", "  -- comment")]
        public void Where_Insert_Offset_Is_After_The_From_Clause(string sql, string? rest)
        {
            var block = Parse(sql).Blocks[0];
            Assert.False(block.HasWhere);
            Assert.Equal(-1, block.WhereConditionEnd);
            if (rest != null)
            {
                Assert.Equal(rest, sql.Substring(block.WhereInsertOffset));
            }
        }

        [Fact]
        public void Where_Insert_Offset_In_A_Subquery_Is_Before_The_Closing_Paren()
        {
            var sql = "SELECT * FROM (SELECT * FROM events) x";
            var inner = Parse(sql).Blocks[1];
            Assert.Equal(") x", sql.Substring(inner.WhereInsertOffset));
        }

        [Theory]
        [InlineData("SELECT * FROM t WHERE a = 1 AND b = 2", false)]
        [InlineData("SELECT * FROM t WHERE (a = 1 OR b = 2) AND c = 3", false)]
        [InlineData("SELECT * FROM t WHERE a = 1 OR b = 2", true)]
        [InlineData("SELECT * FROM t WHERE a = 'x OR y'", false)]
        [InlineData("SELECT * FROM t WHERE a IN (SELECT b FROM u WHERE c = 1 OR d = 2)", false)]
        public void Top_Level_Or(string sql, bool expected)
        {
            Assert.Equal(expected, Parse(sql).Blocks[0].WhereHasTopLevelOr);
        }

        [Fact]
        public void Parameters_Are_Counted_In_Text_Order()
        {
            var sql = "SELECT * FROM events WHERE a = ? AND b IN (SELECT c FROM logs WHERE d = ?) AND e = '?' -- ?\n LIMIT ?";
            var statement = Parse(sql);
            Assert.Equal(3, statement.ParameterCount);
            Assert.Equal(sql.IndexOf('?'), statement.ParameterOffsets[0]);
            Assert.Equal(sql.LastIndexOf('?'), statement.ParameterOffsets[2]);
            Assert.Equal(0, statement.CountParametersBefore(0));
            Assert.Equal(2, statement.CountParametersBefore(statement.Blocks[0].WhereConditionEnd));
            Assert.Equal(1, statement.CountParametersBefore(statement.Blocks[1].WhereConditionStart));
            Assert.Equal(3, statement.CountParametersBefore(sql.Length));
        }

        [Fact]
        public void Parameters_Are_Reported_Even_For_Unknown_Statements()
        {
            var statement = Parse("DELETE FROM t WHERE a = ? AND b = ?");
            Assert.True(statement.IsUnknown);
            Assert.Equal(2, statement.ParameterCount);
        }

        [Fact]
        public void Columns_In_Comments_And_Strings_Are_Ignored()
        {
            var where = Parse("SELECT * FROM events WHERE a = 'year = 2024' /* year = 1 */ -- year\n AND b = 1").Blocks[0].Where!;
            Assert.Equal(new[] { "a", "b" }, where.Columns.Select(c => c.ToString()).ToArray());
        }

        [Fact]
        public void Function_Names_Keywords_Types_And_Literals_Are_Not_Columns()
        {
            var where = Parse(
                "SELECT * FROM events WHERE lower(name) LIKE 'a%' AND CAST(x AS integer) BETWEEN 1 AND 2 " +
                "AND dt > DATE '2024-01-01' AND ts < current_timestamp - INTERVAL '1' DAY AND extract(YEAR FROM ts) = 2024 " +
                "AND y IS NOT NULL AND z IS DISTINCT FROM NULL AND CASE WHEN q THEN TRUE ELSE FALSE END " +
                "AND i > INTERVAL '1-2' YEAR TO MONTH AND NOT EXISTS (SELECT 1)").Blocks[0].Where!;
            Assert.Equal(new[] { "name", "x", "dt", "ts", "ts", "y", "z", "q", "i" }, where.Columns.Select(c => c.ToString()).ToArray());
        }

        [Fact]
        public void Quoted_And_Qualified_Columns()
        {
            var where = Parse("SELECT * FROM db.events e WHERE \"e\".\"Year\" = 1 AND `month` = 2 AND db.events.day = 3 AND e.s.f = 4").Blocks[0].Where!;
            Assert.Equal(new[] { "e.Year", "month", "db.events.day", "e.s.f" }, where.Columns.Select(c => c.ToString()).ToArray());
            Assert.Equal("events", where.Columns[2].Qualifier);
        }

        [Fact]
        public void Hole_In_Value_Position_Is_Not_A_Column()
        {
            var where = Parse("SELECT * FROM events WHERE year = {y} AND month IN ({a}, {b}) AND day BETWEEN {c} AND {d} AND n LIKE {p} AND v > {x} + 1").Blocks[0].Where!;
            Assert.Equal(new[] { "year", "month", "day", "n", "v" }, where.Columns.Select(c => c.ToString()).ToArray());
            Assert.DoesNotContain(where.Columns, c => c.IsHole);
        }

        [Theory]
        [InlineData("SELECT * FROM events WHERE {col} = 1")]
        [InlineData("SELECT * FROM events WHERE a = 1 AND {condition}")]
        [InlineData("SELECT * FROM events WHERE {condition}")]
        [InlineData("SELECT * FROM events e WHERE e.{col} = 1")]
        [InlineData("SELECT * FROM events WHERE a = 1 {more}")]
        [InlineData("SELECT * FROM events WHERE ({condition})")]
        public void Hole_Where_A_Column_Or_Condition_Could_Be_Is_A_Hole_Column(string sql)
        {
            var where = Parse(sql).Blocks[0].Where!;
            Assert.Contains(where.Columns, c => c.IsHole);
        }

        [Fact]
        public void Hole_After_A_Table_Makes_The_Block_Opaque()
        {
            var statement = Parse("SELECT * FROM events {filter}");
            Assert.Equal(SqlStatementKind.Select, statement.Kind);
            Assert.True(statement.Blocks[0].HasOpaqueHole);
        }

        [Fact]
        public void Hole_Alias_After_As_Is_Not_Opaque()
        {
            var statement = Parse("SELECT * FROM events AS {alias}");
            Assert.False(statement.Blocks[0].HasOpaqueHole);
            Assert.True(statement.Blocks[0].Tables[0].AliasIsHole);
        }

        [Fact]
        public void Select_List_Keywords_Do_Not_End_The_Select_List_Early()
        {
            var statement = Parse(
                "SELECT a IS DISTINCT FROM b, listagg(x, ',') WITHIN GROUP (ORDER BY x), extract(year FROM ts), " +
                "count(*) FILTER (WHERE y > 1), row_number() OVER (PARTITION BY p ORDER BY q) FROM events WHERE year = 1");
            var block = Assert.Single(statement.Blocks);
            Assert.Equal("events", block.Tables[0].Name.Name);
            Assert.Equal(new[] { "year" }, block.Where!.Columns.Select(c => c.ToString()).ToArray());
        }

        [Fact]
        public void Blocks_Are_In_Text_Order()
        {
            var statement = Parse("WITH a AS (SELECT * FROM t1), b AS (SELECT * FROM t2) SELECT * FROM a, (SELECT * FROM t3) c WHERE x IN (SELECT y FROM t4)");
            Assert.Equal(new[] { 0, 1, 2, 3, 4 }, statement.Blocks.Select(b => b.Index).ToArray());
            Assert.True(statement.Blocks.Zip(statement.Blocks.Skip(1), (p, n) => p.Start < n.Start).All(x => x));
        }
    }
}
