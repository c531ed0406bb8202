using System.Linq;
using AwsAnalyzers.Athena.Sql;
using Xunit;

namespace AwsAnalyzers.Tests.Athena.Sql
{
    public class SqlTableDefinitionsTests
    {
        private static SqlTableDefinition? Read(string sql) => SqlTableDefinitions.Read(SqlSourceText.FromParts(SqlTestHelpers.Parts(sql)));

        [Theory]
        [InlineData("CREATE EXTERNAL TABLE sensor_data (device_id string, temperature double) PARTITIONED BY (year string, month string, day int) STORED AS PARQUET LOCATION 's3://b/'", "sensor_data", "year string, month string, day int")]
        [InlineData("create external table if not exists iot.\"Sensor_Data\" (a string) COMMENT 'x' PARTITIONED BY (`dt` date COMMENT 'day', region varchar(10)) ROW FORMAT SERDE 'x'", "iot.Sensor_Data", "dt date, region varchar(10)")]
        [InlineData("CREATE TABLE events (id bigint, ts timestamp, category string) PARTITIONED BY (category, bucket(16, id), day(ts)) LOCATION 's3://b/' TBLPROPERTIES ('table_type' = 'ICEBERG')", "events", "category, id, ts")]
        [InlineData("CREATE TABLE daily WITH (format = 'PARQUET', partitioned_by = ARRAY['year', 'month']) AS SELECT * FROM sensor_data", "daily", "year, month")]
        [InlineData("CREATE TABLE ice WITH (table_type = 'ICEBERG', is_external = false, partitioning = ARRAY['month(ts)', 'region']) AS SELECT * FROM s", "ice", "ts, region")]
        [InlineData("CREATE EXTERNAL TABLE devices (id string, name string) LOCATION 's3://b/devices/'", "devices", "")]
        [InlineData("CREATE TABLE copy AS SELECT * FROM sensor_data WHERE year = 2025", "copy", "")]
        [InlineData("CREATE TABLE t STORED AS PARQUET PARTITIONED BY (dt string)", "t", "dt string")]
        public void Reads_the_table_and_its_partition_columns(string sql, string table, string columns)
        {
            SqlTableDefinition definition = Assert.IsType<SqlTableDefinition>(Read(sql));
            Assert.Equal(table, string.Join(".", definition.Name.Parts));
            Assert.Equal(columns, string.Join(", ", definition.PartitionColumns.Select(c => c.Type is null ? c.Name : c.Name + " " + c.Type)));
        }

        [Theory]
        [InlineData("SELECT * FROM sensor_data")]
        [InlineData("CREATE VIEW v AS SELECT 1")]
        [InlineData("CREATE DATABASE iot")]
        [InlineData("CREATE EXTERNAL TABLE {name} (a string) PARTITIONED BY (dt string)")]
        [InlineData("CREATE EXTERNAL TABLE t (a string) PARTITIONED BY ({columns})")]
        [InlineData("CREATE EXTERNAL TABLE t (a string) PARTITIONED BY (dt string) LOCATION 'unterminated")]
        [InlineData("CREATE TABLE")]
        [InlineData("")]
        public void Anything_else_or_a_definition_with_a_hole_says_nothing(string sql)
        {
            Assert.Null(Read(sql));
        }

        [Theory]
        [InlineData("CREATE TABLE t PARTITIONED BY (")]
        [InlineData("CREATE TABLE t PARTITIONED BY (a")]
        [InlineData("CREATE TABLE t WITH (partitioned_by = ARRAY['a'")]
        [InlineData("CREATE TABLE t WITH (partitioned_by = ARRAY[''")]
        [InlineData("CREATE TABLE t PARTITIONED BY (, , day(), x(y(z)))")]
        public void Half_written_definitions_do_not_throw(string sql)
        {
            _ = Read(sql);
        }
    }
}
