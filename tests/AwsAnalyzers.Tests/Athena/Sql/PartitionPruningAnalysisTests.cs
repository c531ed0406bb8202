using System;
using System.Collections.Generic;
using System.Linq;
using AwsAnalyzers.Athena.Sql;
using Xunit;
using static AwsAnalyzers.Tests.Athena.Sql.SqlTestHelpers;

namespace AwsAnalyzers.Tests.Athena.Sql
{
    // Partitions used here (SqlTestHelpers.DefaultPartitions): events(year, month, day), logs(dt),
    // clicks(date), orders(region), users (none); any other table is unknown (not partitioned).
    public class PartitionPruningAnalysisTests
    {
        [Theory]
        [InlineData("SELECT * FROM events")]
        [InlineData("SELECT * FROM events WHERE id = 1")]
        [InlineData("SELECT * FROM events e WHERE e.id = 1 ORDER BY ts LIMIT 10")]
        [InlineData("SELECT count(*) FROM analytics.events GROUP BY id HAVING max(year) > 1")]
        [InlineData("SELECT * FROM events WHERE other.year = 2024")]
        [InlineData("SELECT * FROM events e WHERE x.year = 2024")]
        [InlineData("SELECT * FROM events WHERE name = 'year = 2024'")]
        [InlineData("SELECT * FROM events /* WHERE year = 2024 */")]
        [InlineData("SELECT * FROM events -- WHERE year = 2024")]
        [InlineData("SELECT * FROM events WHERE \"id\" = 1 AND note LIKE '%month%'")]
        [InlineData("SELECT * FROM events WHERE year(ts) = 2024")]
        [InlineData("SELECT * FROM events WHERE extract(YEAR FROM ts) = 2024")]
        [InlineData("SELECT * FROM events WHERE ts > now() - INTERVAL '1' DAY")]
        [InlineData("SELECT * FROM events WHERE id = {id}")]
        [InlineData("SELECT * FROM events LIMIT {n}")]
        [InlineData("SELECT {columns} FROM events")]
        [InlineData("SELECT * FROM {db}.events WHERE id = ?")]
        [InlineData("TABLE events")]
        [InlineData("SELECT * FROM events WHERE year = 2024 OR id = 1")]
        [InlineData("SELECT * FROM events WHERE id = 2 AND (year = 2024 OR id = 1)")]
        [InlineData("SELECT * FROM events WHERE (year = 2024 AND month = 1) OR (id = 1 AND (day = 2 OR id = 3))")]
        [InlineData("SELECT * FROM events WHERE year BETWEEN 2020 AND 2024 OR id = 1")]
        [InlineData("SELECT * FROM events WHERE id = 1 OR {condition}")]
        public void Unpruned_Single_Table(string sql)
        {
            Assert.Equal(new[] { "events" }, Unpruned(sql).Select(n => n.Split('.').Last()).ToArray());
        }

        [Theory]
        [InlineData("SELECT * FROM events WHERE year = 2024")]
        [InlineData("SELECT * FROM events WHERE YEAR = '2024'")]
        [InlineData("SELECT * FROM events WHERE month BETWEEN 1 AND 3")]
        [InlineData("SELECT * FROM events WHERE day IN (1, 2)")]
        [InlineData("SELECT * FROM events WHERE year IS NOT NULL")]
        [InlineData("SELECT * FROM events WHERE id = 1 AND (year > 2020 OR month = 1)")]
        [InlineData("SELECT * FROM events e WHERE e.year = 2024")]
        [InlineData("SELECT * FROM events AS e WHERE \"e\".\"year\" = 2024")]
        [InlineData("SELECT * FROM events WHERE events.year = 2024")]
        [InlineData("SELECT * FROM analytics.events WHERE analytics.events.year = 2024")]
        [InlineData("SELECT * FROM events WHERE \"YEAR\" = '2024'")]
        [InlineData("SELECT * FROM events WHERE `year` = '2024'")]
        [InlineData("SELECT * FROM \"Events\" WHERE year = 2024")]
        [InlineData("SELECT * FROM events WHERE year = ?")]
        [InlineData("SELECT * FROM events WHERE year = {year}")]
        [InlineData("SELECT * FROM events WHERE year = {y} AND month = {m}")]
        [InlineData("SELECT * FROM events WHERE {column} = 1")]
        [InlineData("SELECT * FROM events WHERE id = 1 AND {extraCondition}")]
        [InlineData("SELECT * FROM events WHERE {whereClause}")]
        [InlineData("SELECT * FROM events {whereClause}")]
        [InlineData("SELECT * FROM events {whereClause} ORDER BY id")]
        [InlineData("SELECT * FROM events WHERE concat(year, month) = '202401'")]
        [InlineData("SELECT * FROM logs WHERE dt >= date_format(current_date - INTERVAL '7' DAY, '%Y-%m-%d')")]
        [InlineData("SELECT * FROM clicks WHERE date = DATE '2024-01-01'")]
        [InlineData("SELECT * FROM clicks WHERE \"date\" > '2024-01-01'")]
        [InlineData("SELECT * FROM events FOR VERSION AS OF 3 e WHERE e.year = 1")]
        [InlineData("SELECT * FROM events WHERE (year = 2024 AND month = 1) OR (year = 2023 AND month = 12)")]
        [InlineData("SELECT * FROM events WHERE year = 2024 OR day = 1 OR month = 2")]
        [InlineData("SELECT * FROM events WHERE (year = 2024 OR id = 1) AND month = 1")]
        [InlineData("SELECT * FROM events WHERE ((year = 2024)) OR (id = 1 AND day = 1)")]
        [InlineData("SELECT * FROM events WHERE id BETWEEN 1 AND 2 AND year = 2024 OR month BETWEEN 1 AND 2")]
        [InlineData("SELECT * FROM events WHERE NOT (year = 2024 OR id = 1)")]
        public void Pruned_Or_Unknown_Filter_Reports_Nothing(string sql)
        {
            Assert.Empty(Unpruned(sql));
        }

        [Fact]
        public void Unpartitioned_And_Unknown_Tables_Are_Never_Reported()
        {
            Assert.Empty(Unpruned("SELECT * FROM users"));
            Assert.Empty(Unpruned("SELECT * FROM some_table_nobody_knows"));
            Assert.Empty(Unpruned("SELECT * FROM users u JOIN other o ON u.id = o.id"));
        }

        [Fact]
        public void Hole_As_Table_Name_Is_Not_Looked_Up()
        {
            var asked = new List<string>();
            var result = PartitionPruningAnalysis.FindUnprunedTables(Parts("SELECT * FROM {table} t JOIN events_{suffix} s ON t.id = s.id"), name =>
            {
                asked.Add(name);
                return new[] { "year" };
            });
            Assert.False(result.IsUnknown);
            Assert.Empty(result.UnprunedTables);
            Assert.Empty(asked);
        }

        [Fact]
        public void Hole_As_Table_Name_Does_Not_Hide_Other_Tables()
        {
            Assert.Equal(new[] { "events" }, Unpruned("SELECT * FROM {table} t JOIN events e ON t.id = e.id"));
        }

        [Fact]
        public void Lookup_Gets_The_Qualified_Name_As_Written()
        {
            var asked = new List<string>();
            PartitionPruningAnalysis.FindUnprunedTables(Parts("SELECT * FROM \"AwsDataCatalog\".analytics.\"Events\" JOIN {db}.logs ON true JOIN users ON true"), name =>
            {
                asked.Add(name);
                return null;
            });
            Assert.Equal(new[] { "AwsDataCatalog.analytics.Events", "logs", "users" }, asked);
        }

        [Fact]
        public void Null_Or_Empty_Partition_List_Means_Not_Partitioned()
        {
            Assert.Empty(PartitionPruningAnalysis.FindUnprunedTables("SELECT * FROM events", _ => null).UnprunedTables);
            Assert.Empty(PartitionPruningAnalysis.FindUnprunedTables("SELECT * FROM events", _ => new string[0]).UnprunedTables);
        }

        [Fact]
        public void Joins_Each_Table_Needs_Its_Own_Partition_Predicate()
        {
            Assert.Equal(new[] { "logs" }, Unpruned("SELECT * FROM events e JOIN logs l ON e.id = l.id WHERE e.year = 2024"));
            Assert.Equal(new[] { "events", "logs" }, Unpruned("SELECT * FROM events e JOIN logs l ON e.id = l.id"));
            Assert.Empty(Unpruned("SELECT * FROM events e JOIN logs l ON e.id = l.id AND l.dt = '2024-01-01' WHERE e.year = 2024"));
            Assert.Equal(new[] { "events" }, Unpruned("SELECT * FROM events e LEFT JOIN logs l ON e.id = l.id AND l.dt = '2024-01-01'"));
        }

        [Fact]
        public void Unqualified_Partition_Column_Counts_For_Every_Table_Of_The_Block()
        {
            Assert.Empty(Unpruned("SELECT * FROM events e JOIN clicks c ON c.id = e.id WHERE year = 2024 AND date = '2024-01-01'"));
        }

        [Fact]
        public void Qualification_By_Name_Or_Alias_Is_Case_Insensitive()
        {
            Assert.Empty(Unpruned("SELECT * FROM events E WHERE e.YEAR = 1"));
            Assert.Empty(Unpruned("SELECT * FROM Events WHERE EVENTS.year = 1"));
            Assert.Equal(new[] { "events" }, Unpruned("SELECT * FROM events e JOIN logs l ON l.id = e.id WHERE l.year = 1 AND l.dt = 'x'"));
        }

        [Fact]
        public void Comma_Joins()
        {
            Assert.Equal(new[] { "logs" }, Unpruned("SELECT * FROM events e, logs l WHERE e.id = l.id AND e.day = 1"));
        }

        [Fact]
        public void Cte_Reading_A_Pruned_Table_Is_Fine()
        {
            Assert.Empty(Unpruned("WITH recent AS (SELECT * FROM events WHERE year = 2024) SELECT * FROM recent WHERE id = 1"));
            Assert.Empty(Unpruned("WITH recent (a) AS (SELECT a FROM events WHERE year = 2024), r2 AS (SELECT * FROM recent) SELECT * FROM r2 JOIN recent ON true"));
        }

        [Fact]
        public void Cte_Reading_An_Unpruned_Table_Is_Reported_In_The_Cte_Block()
        {
            var result = Analyze("WITH all_events AS (SELECT * FROM events) SELECT * FROM all_events WHERE year = 2024");
            var read = Assert.Single(result.UnprunedTables);
            Assert.Equal("events", read.LookupName);
            Assert.Equal(SqlQueryBlockRole.CommonTableExpression, read.Block.Role);
            Assert.Equal("all_events", read.Block.CteName);
        }

        [Fact]
        public void Cte_Named_Like_A_Base_Table_Shadows_It()
        {
            Assert.Empty(Unpruned("WITH events AS (SELECT * FROM users) SELECT * FROM events"));
            Assert.Equal(new[] { "events" }, Unpruned("WITH events AS (SELECT * FROM events) SELECT * FROM events WHERE year = 1"));
        }

        [Fact]
        public void Derived_Tables()
        {
            Assert.Empty(Unpruned("SELECT * FROM (SELECT * FROM events WHERE year = 2024) t WHERE t.id = 1"));
            Assert.Equal(new[] { "events" }, Unpruned("SELECT * FROM (SELECT * FROM events) t WHERE t.year = 2024"));
            Assert.Equal(new[] { "logs" }, Unpruned("SELECT * FROM events e JOIN (SELECT * FROM logs) l ON l.dt = '1' WHERE e.year = 1"));
        }

        [Fact]
        public void Subqueries_In_Expressions_Are_Checked_Against_Their_Own_Predicates()
        {
            Assert.Equal(new[] { "orders" }, Unpruned("SELECT * FROM events WHERE year = 1 AND id IN (SELECT event_id FROM orders)"));
            Assert.Empty(Unpruned("SELECT * FROM events WHERE year = 1 AND id IN (SELECT event_id FROM orders WHERE region = 'eu')"));
            Assert.Equal(new[] { "events" }, Unpruned("SELECT * FROM events WHERE id IN (SELECT event_id FROM orders WHERE region = 'eu' AND year = 1)"));
            Assert.Equal(new[] { "logs" }, Unpruned("SELECT * FROM events e WHERE e.year = 1 AND EXISTS (SELECT 1 FROM logs l WHERE l.id = e.id)"));
            Assert.Equal(new[] { "logs" }, Unpruned("SELECT (SELECT max(x) FROM logs), a FROM events WHERE day = 1"));
        }

        [Fact]
        public void Union_Checks_Both_Sides()
        {
            Assert.Equal(new[] { "logs" }, Unpruned("SELECT id FROM events WHERE year = 1 UNION ALL SELECT id FROM logs"));
            Assert.Equal(new[] { "events" }, Unpruned("SELECT id FROM events UNION SELECT id FROM logs WHERE dt = 'x'"));
            Assert.Empty(Unpruned("(SELECT id FROM events WHERE year = 1) INTERSECT (SELECT id FROM logs WHERE dt = 'x') EXCEPT SELECT id FROM users"));
        }

        [Fact]
        public void Insert_Select_And_Ctas()
        {
            Assert.Equal(new[] { "events" }, Unpruned("INSERT INTO target SELECT * FROM events"));
            Assert.Empty(Unpruned("INSERT INTO target (a) SELECT a FROM events WHERE year = 1"));
            Assert.Equal(new[] { "logs" }, Unpruned("CREATE TABLE t WITH (format = 'PARQUET') AS SELECT * FROM logs"));
            Assert.Empty(Unpruned("CREATE TABLE t AS SELECT * FROM logs WHERE dt = '2024-01-01'"));
            Assert.Empty(Unpruned("CREATE TABLE t AS SELECT * FROM logs WITH NO DATA"));

            // The written table is not a read.
            Assert.Empty(Unpruned("INSERT INTO events SELECT * FROM users"));
        }

        [Fact]
        public void Unload_Is_Checked()
        {
            Assert.Equal(new[] { "events" }, Unpruned("UNLOAD (SELECT * FROM events) TO 's3://b/p/' WITH (format = 'PARQUET')"));
        }

        [Theory]
        [InlineData("SHOW PARTITIONS events")]
        [InlineData("DESCRIBE events")]
        [InlineData("MSCK REPAIR TABLE events")]
        [InlineData("ALTER TABLE events ADD PARTITION (year = '2024')")]
        [InlineData("EXPLAIN SELECT * FROM events")]
        [InlineData("CREATE VIEW v AS SELECT * FROM events")]
        [InlineData("DROP TABLE events")]
        public void Statements_Without_Table_Reads_Report_Nothing(string sql)
        {
            var result = Analyze(sql);
            Assert.False(result.IsUnknown);
            Assert.Empty(result.UnprunedTables);
        }

        [Fact]
        public void Explain_Analyze_Runs_The_Query()
        {
            Assert.Equal(new[] { "events" }, Unpruned("EXPLAIN ANALYZE SELECT * FROM events"));
        }

        [Theory]
        [InlineData("SELECT * FROM events WHERE a = 'oops")]
        [InlineData("SELECT * FROM events /* oops")]
        [InlineData("SELECT * FROM (SELECT * FROM events")]
        [InlineData("DELETE FROM events WHERE id = 1")]
        [InlineData("SELECT * FROM events; SELECT * FROM logs")]
        [InlineData("{query}")]
        [InlineData("SELECT * FROM events e {join} logs l")]
        [InlineData("")]
        public void Unknown_Input_Gives_Unknown(string sql)
        {
            var result = Analyze(sql);
            Assert.True(result.IsUnknown);
            Assert.NotNull(result.UnknownReason);
            Assert.Empty(result.UnprunedTables);
        }

        [Fact]
        public void Result_Carries_Fix_Positions()
        {
            var sql = "SELECT * FROM events e WHERE e.id = ? OR e.kind = ? ORDER BY e.ts LIMIT ?";
            var result = Analyze(sql);
            var read = Assert.Single(result.UnprunedTables);
            Assert.Equal(new[] { "year", "month", "day" }, read.PartitionColumns);
            Assert.Equal("e", read.Table.GetQualifierText(sql));
            Assert.True(read.Block.HasWhere);
            Assert.True(read.Block.WhereHasTopLevelOr);
            Assert.Equal("e.id = ? OR e.kind = ?", sql.Substring(read.Block.WhereConditionStart, read.Block.WhereConditionEnd - read.Block.WhereConditionStart));
            Assert.Equal(2, result.Statement!.CountParametersBefore(read.Block.WhereConditionEnd));
        }

        [Fact]
        public void Fix_Position_Maps_Back_To_The_Literal_Part()
        {
            var result = Analyze("SELECT * FROM events WHERE id = {id} ORDER BY ts");
            var read = Assert.Single(result.UnprunedTables);
            var source = result.Statement!.Source;
            Assert.True(source.TryMapOffset(read.Block.WhereConditionEnd, out int part, out int offsetInPart));
            // The condition ends with the hole: " AND ..." goes at the start of the literal after it.
            Assert.Equal((2, 0), (part, offsetInPart));

            var noWhere = Analyze("SELECT * FROM {db}.events ORDER BY ts");
            var block = noWhere.UnprunedTables[0].Block;
            Assert.True(noWhere.Statement!.Source.TryMapOffset(block.WhereInsertOffset, out part, out offsetInPart));
            Assert.Equal((2, ".events".Length), (part, offsetInPart));
        }

        [Fact]
        public void Same_Table_Read_Twice_Is_Reported_Twice()
        {
            var result = Analyze("SELECT * FROM events a JOIN events b ON a.id = b.parent WHERE a.year = 1");
            var read = Assert.Single(result.UnprunedTables);
            Assert.Equal("b", read.Table.Alias);
        }

        [Fact]
        public void Table_Query_Cannot_Take_A_Where()
        {
            var read = Assert.Single(Analyze("TABLE events").UnprunedTables);
            Assert.True(read.Block.IsTableQuery);
            Assert.Equal(-1, read.Block.WhereInsertOffset);
        }

        [Fact]
        public void Hole_Condition_In_Join_On_Counts_For_The_Block()
        {
            Assert.Empty(Unpruned("SELECT * FROM events e JOIN logs l ON l.id = e.id AND {joinFilter}"));
            Assert.Equal(new[] { "events", "logs" }, Unpruned("SELECT * FROM events e JOIN logs l ON l.id = {id}"));
        }

        [Fact]
        public void Holes_Inside_String_Literals_Are_Values()
        {
            Assert.Empty(Unpruned("SELECT * FROM logs WHERE dt BETWEEN '{from}' AND '{to}'"));
            Assert.Equal(new[] { "logs" }, Unpruned("SELECT * FROM logs WHERE note = 'dt = {x}'"));
        }

        [Fact]
        public void Hole_Conditions_Only_Affect_Their_Own_Block()
        {
            Assert.Equal(new[] { "logs" }, Unpruned("SELECT * FROM events WHERE {filter} AND id IN (SELECT id FROM logs)"));
            Assert.Equal(new[] { "events" }, Unpruned("SELECT * FROM events WHERE id IN (SELECT id FROM logs WHERE {filter})"));
        }

        [Fact]
        public void Hole_As_Cte_Name_Is_Unknown()
        {
            Assert.True(Analyze("WITH {name} AS (SELECT 1) SELECT * FROM events").IsUnknown);
        }

        [Fact]
        public void Trailing_Semicolons_And_Comments_Are_Fine()
        {
            Assert.Equal(new[] { "events" }, Unpruned("SELECT * FROM events;; -- done\n"));
        }

        [Fact]
        public void A_Throwing_Lookup_Gives_Unknown_Instead_Of_Crashing()
        {
            var result = PartitionPruningAnalysis.FindUnprunedTables("SELECT * FROM events", _ => throw new InvalidOperationException("boom"));
            Assert.True(result.IsUnknown);
        }

        [Fact]
        public void String_Entry_Point_Reads_Hole_Markers()
        {
            var result = PartitionPruningAnalysis.FindUnprunedTables("SELECT * FROM events WHERE year = \uFFFF", PartitionsOf);
            Assert.False(result.IsUnknown);
            Assert.Empty(result.UnprunedTables);
        }
    }
}
