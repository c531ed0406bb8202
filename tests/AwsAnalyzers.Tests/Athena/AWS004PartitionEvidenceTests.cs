using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Athena.AWS004MissingPartitionPredicateAnalyzer,
    AwsAnalyzers.Athena.AWS004MissingPartitionPredicateCodeFix>;

namespace AwsAnalyzers.Tests.Athena;

/// <summary>
/// Without a Glue catalog export: what the project says about its tables (DDL, templates, other queries), the
/// presumption that a table nothing speaks of, read beside a pruned one, is a dimension table, and what the fix does
/// with tables whose columns are only presumed.
/// </summary>
public class AWS004PartitionEvidenceTests
{
    private const string DefaultColumns = AWS004MissingPartitionPredicateTests.DefaultColumns;
    private const string Y = "DateTime.UtcNow.ToString(\"yyyy\", CultureInfo.InvariantCulture)";
    private const string M = "DateTime.UtcNow.ToString(\"MM\", CultureInfo.InvariantCulture)";
    private const string D = "DateTime.UtcNow.ToString(\"dd\", CultureInfo.InvariantCulture)";

    private static string Reports(string body) => $$"""
        using Amazon.Athena.Model;

        class Reports
        {
        {{body}}
        }
        """;

    private static string Query(string query, string name = "Build") =>
        "    StartQueryExecutionRequest " + name + "(string id) => new StartQueryExecutionRequest { QueryString = " + query + " };\n";

    private static Task VerifyAsync(string source, (string Path, string Text)? file = null, string? fixedSource = null, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, CodeActionEquivalenceKey = AwsAnalyzers.Athena.AWS004MissingPartitionPredicateCodeFix.EquivalenceKey };
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
        }

        if (file is { } additional)
        {
            test.TestState.AdditionalFiles.Add(additional);
            test.FixedState.AdditionalFiles.Add(additional);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- The presumption ----

    [Fact]
    public async Task A_dimension_table_joined_to_a_pruned_fact_table_is_not_reported()
    {
        await VerifyAsync(Reports(Query(
            "\"SELECT d.name, avg(s.temperature) FROM sensor_data s JOIN devices d ON s.device_id = d.id WHERE s.year = 2025 AND s.month = 1 GROUP BY d.name\"")));
    }

    [Fact]
    public async Task When_no_table_is_pruned_every_unknown_table_is_named_and_several_get_no_fix()
    {
        string source = Reports(Query(
            "{|#0:\"SELECT d.name, avg(s.temperature) FROM sensor_data s JOIN devices d ON s.device_id = d.id WHERE d.name = 'a' GROUP BY d.name\"|}"));

        // Which of the two is the fact table is not known: a predicate on a column devices lacks fails at run time.
        await VerifyAsync(
            source,
            fixedSource: source,
            expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("'sensor_data' and 'devices'", DefaultColumns));
    }

    [Fact]
    public async Task The_fix_adds_predicates_to_the_known_fact_table_only_and_the_dimension_table_is_then_presumed()
    {
        string ddl = "    const string SensorData = \"CREATE EXTERNAL TABLE sensor_data (device_id string, temperature double) PARTITIONED BY (year string, month string, day string) LOCATION 's3://iot/sensor_data/'\";\n";
        await VerifyAsync(
            Reports(ddl + Query("{|#0:\"SELECT d.name, avg(s.temperature) FROM sensor_data s JOIN devices d ON s.device_id = d.id GROUP BY d.name\"|}")),
            fixedSource: "using System;\nusing System.Collections.Generic;\nusing System.Globalization;\n" + Reports(ddl
                + "    StartQueryExecutionRequest Build(string id) => new StartQueryExecutionRequest { QueryString = \"SELECT d.name, avg(s.temperature) FROM sensor_data s JOIN devices d ON s.device_id = d.id WHERE s.year = ? AND s.month = ? AND s.day = ? GROUP BY d.name\", "
                + $"ExecutionParameters = new List<string> {{ \"'\" + {Y} + \"'\", \"'\" + {M} + \"'\", \"'\" + {D} + \"'\" }} }};\n"),
            expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments(
                "'sensor_data' and 'devices'", "year, month or day for 'sensor_data' and " + DefaultColumns + " for 'devices'"));
    }

    [Fact]
    public async Task The_same_table_pruned_elsewhere_in_the_statement_is_not_presumed_a_dimension_table()
    {
        await VerifyAsync(
            Reports(Query("{|#0:\"SELECT device_id FROM sensor_data WHERE year = 2025 UNION ALL SELECT device_id FROM sensor_data\"|}")),
            expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("'sensor_data'", DefaultColumns));
    }

    // ---- Evidence: DDL ----

    [Theory]
    [InlineData("CREATE EXTERNAL TABLE IF NOT EXISTS iot.devices (id string, name string) PARTITIONED BY (region string) STORED AS PARQUET LOCATION 's3://iot/devices/'", "region")]
    [InlineData("CREATE TABLE devices WITH (format = 'PARQUET', partitioned_by = ARRAY['region', 'dt']) AS SELECT id, region, dt FROM staging", "region or dt")]
    [InlineData("CREATE TABLE devices (id string, ts timestamp, region string) PARTITIONED BY (day(ts), region) TBLPROPERTIES ('table_type' = 'ICEBERG')", "ts or region")]
    public async Task Ddl_in_the_project_says_a_table_is_partitioned_and_by_what(string ddl, string columns)
    {
        await VerifyAsync(
            Reports("    const string Ddl = \"" + ddl + "\";\n"
                + Query("{|#0:\"SELECT d.name, s.temperature FROM sensor_data s JOIN devices d ON s.device_id = d.id WHERE s.year = 2025\"|}")),
            expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("'devices'", columns));
    }

    [Fact]
    public async Task Ddl_without_partitioning_says_a_table_is_not_partitioned_and_ddl_with_a_hole_says_nothing()
    {
        await VerifyAsync(Reports(
            "    const string Ddl = \"CREATE EXTERNAL TABLE devices (id string, name string) LOCATION 's3://iot/devices/'\";\n"
            + Query("\"SELECT * FROM devices\"")));
        await VerifyAsync(
            Reports(
                "    string Create(string columns) => $\"CREATE EXTERNAL TABLE devices (id string) PARTITIONED BY ({columns})\";\n"
                + Query("[|\"SELECT * FROM devices\"|]")));
    }

    [Fact]
    public async Task Ddl_columns_and_types_are_what_the_fix_adds()
    {
        string ddl = "    const string Ddl = \"CREATE EXTERNAL TABLE logs (line string) PARTITIONED BY (dt date) LOCATION 's3://iot/logs/'\";\n";
        await VerifyAsync(
            Reports(ddl + Query("[|\"SELECT * FROM logs\"|]")),
            fixedSource: "using System;\nusing System.Collections.Generic;\nusing System.Globalization;\n" + Reports(ddl
                + "    StartQueryExecutionRequest Build(string id) => new StartQueryExecutionRequest { QueryString = \"SELECT * FROM logs WHERE dt = ?\", "
                + "ExecutionParameters = new List<string> { \"DATE '\" + DateTime.UtcNow.ToString(\"yyyy-MM-dd\", CultureInfo.InvariantCulture) + \"'\" } };\n"));
    }

    [Fact]
    public async Task With_a_catalog_a_table_it_does_not_list_is_checked_against_its_ddl_and_other_queries_say_nothing()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Reports(
                "    const string Ddl = \"CREATE EXTERNAL TABLE staging (line string) PARTITIONED BY (ingest_day string)\";\n"
                + "    const string Other = \"SELECT * FROM unlisted WHERE year = 2025\";\n"
                + Query("{|#0:\"SELECT * FROM staging WHERE year = 2025\"|}")
                + Query("\"SELECT * FROM unlisted\"", "Unlisted")),
        };
        test.TestState.AdditionalFiles.Add(("/catalog/iot.glue.json", AWS004GlueCatalogTests.GetTablesOutput));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("'staging'", "ingest_day"));
        await test.RunAsync();
    }

    // ---- Evidence: which texts are read ----

    private const string JoinsDevices = "{|#0:\"SELECT d.name, s.temperature FROM sensor_data s JOIN devices d ON s.device_id = d.id WHERE s.year = 2025\"|}";

    private static Task VerifyWithSchemaAsync(string schemaMembers, string query, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = Reports(Query(query)) };
        test.TestState.Sources.Add("static class Schema\n{\n" + schemaMembers + "}\n");
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("    public const string Devices = \"CREATE EXTERNAL TABLE IF NOT EXISTS iot.devices (id string) PARTITIONED BY (region string)\";\n")]
    [InlineData("    public const string Devices = \"CREATE EXTERNAL TABLE \" + \"devices (id string) \" + \"PARTITIONED BY (region string)\";\n")]
    [InlineData("    public const string Devices = \"CREATE EXTERNAL TABLE DEVICES (id string) \" + (\"PARTITIONED BY \" + \"(region string)\");\n")]
    [InlineData("    public static string Create() => $\"CREATE EXTERNAL TABLE iot.Devices (id string) \" + $\"PARTITIONED BY (region string)\";\n")]
    [InlineData("    public const string Devices = @\"CREATE EXTERNAL TABLE \"\"devices\"\" (id string)\n        PARTITIONED BY (region string)\";\n")]
    [InlineData("    public const string Devices = \"\"\"\n        CREATE EXTERNAL TABLE `Devices` (id string)\n        PARTITIONED BY (region string)\n        \"\"\";\n")]
    [InlineData("    // The devices table.\n    public const string Devices = \"CREATE EXTERNAL TABLE devices (id string) PARTITIONED BY (region string)\";\n")]
    public async Task Ddl_in_a_file_that_names_the_table_only_inside_its_text_is_read_however_it_is_written(string schema)
    {
        // The name in another case, split from CREATE by a concatenation, in an interpolated string, quoted, in a verbatim or raw
        // literal, after a comment that names it too.
        await VerifyWithSchemaAsync(schema, JoinsDevices, VerifyCS.Diagnostic().WithLocation(0).WithArguments("'devices'", "region"));
    }

    [Fact]
    public async Task Ddl_of_a_name_that_shares_a_prefix_or_is_another_table_says_nothing_of_this_one()
    {
        await VerifyWithSchemaAsync(
            "    public const string Registry = \"CREATE EXTERNAL TABLE devices_registry (id string) PARTITIONED BY (region string)\";\n"
            + "    public const string Other = \"CREATE EXTERNAL TABLE other.devices_v2 (id string) PARTITIONED BY (region string)\";\n"
            + "    public const string devices = \"CREATE EXTERNAL TABLE alerts (id string) PARTITIONED BY (region string)\";\n",
            JoinsDevices.Replace("{|#0:", string.Empty).Replace("|}", string.Empty));
    }

    [Fact]
    public async Task Ddl_of_a_name_a_csharp_literal_escapes_is_read()
    {
        await VerifyWithSchemaAsync(
            "    public const string Devices = \"CREATE EXTERNAL TABLE \\\"odd\\\"\\\"devices\\\" (id string) PARTITIONED BY (region string)\";\n",
            "{|#0:\"SELECT d.name FROM sensor_data s JOIN \\\"odd\\\"\\\"devices\\\" d ON s.device_id = d.id WHERE s.year = 2025\"|}",
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("'odd\"devices'", "region"));
    }

    [Fact]
    public async Task A_query_of_another_file_that_compares_a_table_says_it_is_partitioned()
    {
        const string Joined = "\"SELECT * FROM sensor_data s JOIN alerts a ON s.device_id = a.device_id WHERE s.year = 2025\"";
        await VerifyWithSchemaAsync(
            "    public const string Daily = \"SELECT * FROM Alerts \" + \"WHERE dt = '2025-01-15'\";\n",
            "{|#0:" + Joined + "|}",
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("'alerts'", DefaultColumns));

        // Without it, alerts is presumed a dimension table.
        await VerifyWithSchemaAsync("    public const string Daily = \"SELECT * FROM alerts_archive WHERE dt = '2025-01-15'\";\n", Joined);
    }

    // ---- Evidence: templates ----

    private const string YamlTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          # The device registry, partitioned by region.
          DevicesTable:
            Type: AWS::Glue::Table
            Properties:
              CatalogId: !Ref AWS::AccountId
              DatabaseName: iot
              TableInput:
                Name: devices
                TableType: EXTERNAL_TABLE
                PartitionKeys:
                  - Name: region
                    Type: string
                StorageDescriptor:
                  Columns: [{ Name: id, Type: string }, { Name: name, Type: string }]
                  Location: !Sub 's3://${Bucket}/devices/'
          LogsTable:
            Type: "AWS::Glue::Table"
            Properties:
              DatabaseName: !Ref Database
              TableInput:
                Name: logs
                PartitionKeys: [ { Name: dt, Type: date } ]
          Named:
            Type: AWS::Glue::Table
            Properties:
              TableInput:
                Name: !Sub '${Prefix}_events'
                PartitionKeys: []
        """;

    private const string JsonTemplate = """
        {
          "Resources": {
            "DevicesTable": {
              "Type": "AWS::Glue::Table",
              "Properties": {
                "DatabaseName": "iot",
                "TableInput": { "Name": "devices", "PartitionKeys": [ { "Name": "region", "Type": "string" } ] }
              }
            },
            "Registry": { "Type": "AWS::Glue::Table", "Properties": { "TableInput": { "Name": "registry" } } }
          }
        }
        """;

    [Theory]
    [InlineData("/src/Reports/template.yaml", YamlTemplate)]
    [InlineData("/src/Reports/template.json", JsonTemplate)]
    [InlineData("/src/Reports/glue.template", JsonTemplate)]
    public async Task A_glue_table_of_a_template_says_a_table_is_partitioned_and_by_what(string path, string template)
    {
        await VerifyAsync(
            Reports(Query("{|#0:\"SELECT d.name, s.temperature FROM sensor_data s JOIN iot.devices d ON s.device_id = d.id WHERE s.year = 2025\"|}")),
            (path, template),
            expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("'iot.devices'", "region"));
    }

    [Fact]
    public async Task A_template_table_without_keys_is_not_partitioned_and_its_keys_and_types_are_what_the_fix_adds()
    {
        await VerifyAsync(Reports(Query("\"SELECT * FROM registry\"")), ("/template.json", JsonTemplate));
        await VerifyAsync(
            Reports(Query("[|\"SELECT * FROM logs\"|]")),
            ("/template.yaml", YamlTemplate),
            fixedSource: "using System;\nusing System.Collections.Generic;\nusing System.Globalization;\n" + Reports(
                "    StartQueryExecutionRequest Build(string id) => new StartQueryExecutionRequest { QueryString = \"SELECT * FROM logs WHERE dt = ?\", "
                + "ExecutionParameters = new List<string> { \"DATE '\" + DateTime.UtcNow.ToString(\"yyyy-MM-dd\", CultureInfo.InvariantCulture) + \"'\" } };\n"));
    }

    // ---- Evidence: other queries ----

    [Fact]
    public async Task Another_query_that_compares_a_table_on_a_partition_column_says_it_is_partitioned()
    {
        string daily = "    const string Daily = \"SELECT * FROM alerts WHERE dt = '2025-01-15'\";\n";
        string source = Reports(daily + Query("{|#0:\"SELECT * FROM sensor_data s JOIN alerts a ON s.device_id = a.device_id WHERE s.year = 2025\"|}"));
        string fixedSource = "using System;\nusing System.Collections.Generic;\nusing System.Globalization;\n" + Reports(daily
            + "    StartQueryExecutionRequest Build(string id) => new StartQueryExecutionRequest { QueryString = \"SELECT * FROM sensor_data s JOIN alerts a ON s.device_id = a.device_id WHERE s.year = 2025 AND a.dt = ?\", "
            + "ExecutionParameters = new List<string> { \"'\" + DateTime.UtcNow.ToString(\"yyyy-MM-dd\", CultureInfo.InvariantCulture) + \"'\" } };\n");
        await VerifyAsync(
            source,
            fixedSource: fixedSource,
            expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("'alerts'", DefaultColumns));
    }

    // ---- OR ----

    [Theory]
    [InlineData("SELECT * FROM sensor_data WHERE year = 2025 OR device_id = 'x'")]
    [InlineData("SELECT * FROM sensor_data WHERE device_id = 'a' AND (year = 2025 OR device_id = 'x')")]
    [InlineData("SELECT * FROM sensor_data WHERE (year = 2025 AND month = 1) OR device_id = 'x'")]
    [InlineData("SELECT * FROM sensor_data s JOIN alerts a ON s.device_id = a.device_id AND (s.year = 2025 OR a.id = 1) WHERE a.dt = '2025-01-15' OR a.id = 2")]
    public async Task A_partition_predicate_in_only_one_branch_of_an_or_does_not_prune(string sql)
    {
        await VerifyAsync(Reports(Query("[|\"" + sql + "\"|]")));
    }

    [Theory]
    [InlineData("SELECT * FROM sensor_data WHERE (year = 2025 AND month = 1) OR (year = 2024 AND month = 12)")]
    [InlineData("SELECT * FROM sensor_data WHERE year = 2025 OR month = 1 OR dt = '2025-01-15'")]
    [InlineData("SELECT * FROM sensor_data WHERE (year = 2025 OR device_id = 'x') AND month = 1")]
    [InlineData("SELECT * FROM sensor_data WHERE device_id = 'x' AND year BETWEEN 2024 AND 2025 OR year = 2020")]
    [InlineData("SELECT * FROM sensor_data WHERE CASE WHEN a = 1 OR b = 2 THEN 1 END = 1 AND year = 2025")]
    public async Task Branches_that_each_constrain_the_partition_columns_prune(string sql)
    {
        await VerifyAsync(Reports(Query("\"" + sql + "\"")));
    }

    // ---- string.Format and string.Concat ----

    [Theory]
    [InlineData("string.Format(\"SELECT * FROM sensor_data WHERE device_id = '{0}'\", id)")]
    [InlineData("string.Format(\"SELECT * FROM {0} WHERE device_id = '{1}'\", \"sensor_data\", id)")]
    [InlineData("string.Format(\"SELECT '{{x}}' AS tag FROM sensor_data WHERE device_id IN ({0}, {1}, {2}, {3})\", id, id, id, id)")]
    [InlineData("string.Format(System.Globalization.CultureInfo.InvariantCulture, \"SELECT * FROM sensor_data WHERE device_id = '{0}'\", id)")]
    [InlineData("string.Concat(\"SELECT * \", \"FROM sensor_data WHERE device_id = '\", id, \"'\")")]
    [InlineData("string.Concat(new[] { \"SELECT * \", \"FROM sensor_data\" })")]
    public async Task Format_and_concat_with_constant_text_are_query_text_without_a_fix(string query)
    {
        string source = Reports(Query("[|" + query + "|]"));
        await VerifyAsync(source, fixedSource: source);
    }

    [Theory]
    [InlineData("string.Format(\"SELECT * FROM {0} WHERE year = 2025\", \"sensor_data\")")]
    [InlineData("string.Format(\"SELECT * FROM sensor_data WHERE {0}\", id)")]
    [InlineData("string.Format(\"SELECT * FROM sensor_data WHERE device_id = '{0}' AND {1,-5}\", id, id)")]
    [InlineData("string.Format(id, \"SELECT * FROM sensor_data\")")]
    [InlineData("string.Format(System.Globalization.CultureInfo.InvariantCulture, \"SELECT * FROM {0}\", id)")]
    [InlineData("string.Format(\"SELECT * FROM sensor_data WHERE id = {0\", id)")]
    [InlineData("string.Concat(\"SELECT * FROM sensor_data \", id)")]
    public async Task Format_and_concat_whose_text_prunes_or_is_not_known_are_not_reported(string query)
    {
        await VerifyAsync(Reports(Query(query)));
    }
}
