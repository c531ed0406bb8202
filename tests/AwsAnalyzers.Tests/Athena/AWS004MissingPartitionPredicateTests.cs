using System.Threading.Tasks;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Athena.AWS004MissingPartitionPredicateAnalyzer,
    AwsAnalyzers.Athena.AWS004MissingPartitionPredicateCodeFix>;

namespace AwsAnalyzers.Tests.Athena;

public class AWS004MissingPartitionPredicateTests
{
    private const string Tq = "\"\"\"";

    /// <summary>The columns of <c>aws_analyzers.AWS004.partition_columns</c> by default, as the message names them.</summary>
    internal const string DefaultColumns = "year, month, day, hour, dt or date";

    /// <summary>Another query of the project that prunes <c>sensor_data</c>: evidence that it is partitioned.</summary>
    private const string SensorDataIsPartitioned = "const string Daily = \"SELECT * FROM sensor_data WHERE year = 2025\";";

    /// <summary>A report service that runs <paramref name="query"/> (a C# expression, with markup) through Athena.</summary>
    private static string Source(string query, string members = "") => $$"""
        using System.Threading.Tasks;
        using Amazon.Athena;
        using Amazon.Athena.Model;

        class SensorReports
        {
            {{members}}
            private readonly IAmazonAthena _athena;

            SensorReports(IAmazonAthena athena) => _athena = athena;

            Task<StartQueryExecutionResponse> RunAsync(string deviceId, string filter, string table) =>
                _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
                {
                    QueryString = {{query}},
                    WorkGroup = "primary",
                });
        }
        """;

    private static Task VerifyWithOptionsAsync(string source, string? editorconfig = null, string? catalog = null, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source };
        if (editorconfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorconfig));
        }

        if (catalog is not null)
        {
            test.TestState.AdditionalFiles.Add(("/catalog/iot.glue.json", catalog));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- What it reports ----

    [Fact]
    public async Task Query_without_partition_predicate_is_reported_on_the_query_with_the_table()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Source("{|#0:\"SELECT device_id, AVG(temperature) FROM sensor_data WHERE device_id = 'a' GROUP BY device_id\"|}"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("'sensor_data'", DefaultColumns));
    }

    [Theory]
    [InlineData("@\"SELECT *\r\n  FROM sensor_data\"")]
    [InlineData(Tq + "SELECT * FROM \"sensor_data\" WHERE temperature > 30" + Tq)]
    [InlineData(Tq + "\n                    SELECT *\n                    FROM sensor_data\n                    " + Tq)]
    [InlineData("Query")]
    [InlineData("\"SELECT * \" + \"FROM sensor_data\"")]
    [InlineData("Select + \"FROM sensor_data\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{deviceId}'\"")]
    [InlineData("$@\"SELECT * FROM sensor_data WHERE device_id = '{deviceId}'\"")]
    [InlineData("$" + Tq + "SELECT * FROM sensor_data WHERE device_id = '{deviceId}'" + Tq)]
    [InlineData("\"SELECT * FROM sensor_data WHERE device_id = '\" + deviceId + \"'\"")]
    [InlineData("$\"SELECT * FROM {Table}\"")]
    public async Task Each_text_shape_is_reported(string query)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(
            "[|" + query + "|]",
            "const string Query = \"SELECT * FROM sensor_data LIMIT 10\"; const string Select = \"SELECT * \"; const string Table = \"sensor_data\";"));
    }

    [Fact]
    public async Task Later_assignment_and_a_const_local_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class SensorReports
            {
                async Task RunAsync(AmazonAthenaClient athena)
                {
                    const string sql = "SELECT * FROM iot.sensor_data ORDER BY timestamp DESC LIMIT 1000";
                    var request = new StartQueryExecutionRequest();
                    request.QueryString = {|#0:sql|};
                    await athena.StartQueryExecutionAsync(request);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("'iot.sensor_data'", DefaultColumns));
    }

    [Fact]
    public async Task A_local_written_once_is_read_through_and_locals_written_again_are_not()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest Once(string id)
                {
                    var sql = $"SELECT * FROM sensor_data WHERE device_id = '{id}'";
                    var query = sql;
                    return new StartQueryExecutionRequest { QueryString = [|query|] };
                }

                StartQueryExecutionRequest Extended(bool daily)
                {
                    var sql = "SELECT * FROM sensor_data";
                    if (daily) sql += " WHERE year = 2025";
                    return new StartQueryExecutionRequest { QueryString = sql };
                }

                StartQueryExecutionRequest Reassigned(bool daily)
                {
                    string sql = "SELECT * FROM sensor_data";
                    System.Action change = () => sql = "SELECT * FROM sensor_data WHERE year = 2025";
                    change();
                    return new StartQueryExecutionRequest { QueryString = sql };
                }

                StartQueryExecutionRequest ByRef()
                {
                    string sql = "SELECT * FROM sensor_data";
                    AddFilter(ref sql);
                    ref string alias = ref sql;
                    return new StartQueryExecutionRequest { QueryString = sql };
                }

                static void AddFilter(ref string sql) => sql += " WHERE year = 2025";
            }
            """);
    }

    [Theory]
    [InlineData("WITH recent AS (SELECT * FROM sensor_data) SELECT * FROM recent")]
    [InlineData("SELECT * FROM devices WHERE year = 2025 AND id IN (SELECT device_id FROM sensor_data WHERE temperature > 30)")]
    [InlineData("SELECT * FROM sensor_data WHERE device_id IN (SELECT id FROM devices WHERE year = 2025)")]
    [InlineData("SELECT * FROM (SELECT device_id FROM sensor_data) s")]
    [InlineData("SELECT * FROM devices d JOIN sensor_data s ON s.device_id = d.id WHERE d.year = 2025")]
    [InlineData("SELECT device_id FROM archive WHERE year = 2024 UNION ALL SELECT device_id FROM sensor_data")]
    [InlineData("INSERT INTO daily SELECT * FROM sensor_data")]
    [InlineData("CREATE TABLE optimized WITH (format = 'PARQUET') AS SELECT * FROM sensor_data")]
    [InlineData("UNLOAD (SELECT * FROM sensor_data) TO 's3://bucket/out/' WITH (format = 'PARQUET')")]
    [InlineData("SELECT * FROM sensor_data -- WHERE year = 2025")]
    [InlineData("SELECT * FROM sensor_data /* WHERE year = 2025 */ LIMIT 10")]
    [InlineData("SELECT * FROM sensor_data WHERE note = 'year = 2025'")]
    [InlineData("SELECT * FROM sensor_data WHERE anomaly_flag = true ORDER BY timestamp DESC LIMIT 1000")]
    public async Task Each_statement_kind_reports_the_unpruned_table(string sql)
    {
        // Where another table of the statement is pruned, only evidence that sensor_data is partitioned makes it more
        // than a presumed dimension table: another query of the project prunes it.
        await VerifyCS.VerifyAnalyzerAsync(
            Source("{|#0:\"" + sql + "\"|}", SensorDataIsPartitioned),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("'sensor_data'", DefaultColumns));
    }

    [Fact]
    public async Task Several_unpruned_tables_are_named_once_each()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Source("{|#0:\"SELECT * FROM sensor_data a JOIN alerts b ON a.device_id = b.device_id UNION SELECT * FROM sensor_data\"|}"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("'sensor_data' and 'alerts'", DefaultColumns));
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        await VerifyCS.VerifyAnalyzerAsync("// <auto-generated/>\n" + Source("\"SELECT * FROM sensor_data\""));
    }

    // ---- What it must not report ----

    [Theory]
    [InlineData("SELECT device_id, AVG(temperature) FROM sensor_data WHERE year = 2025 AND month = 1 AND day >= 15 GROUP BY device_id")]
    [InlineData("SELECT * FROM sensor_data WHERE \\\"YEAR\\\" = 2025")]
    [InlineData("SELECT * FROM sensor_data s WHERE s.Year = 2025")]
    [InlineData("SELECT * FROM sensor_data WHERE dt = '2025-01-15'")]
    [InlineData("SELECT * FROM sensor_data WHERE dt BETWEEN ? AND ?")]
    [InlineData("SELECT * FROM devices d JOIN sensor_data s ON s.device_id = d.id AND s.day = d.day WHERE d.year = 2025")]
    [InlineData("WITH recent AS (SELECT * FROM sensor_data WHERE year = 2025) SELECT * FROM recent")]
    [InlineData("WITH e AS (SELECT * FROM sensor_data) SELECT * FROM e WHERE year = 2025")]
    [InlineData("WITH e AS (SELECT * FROM sensor_data), f AS (SELECT * FROM e) SELECT * FROM f x WHERE x.month = 1")]
    [InlineData("SELECT * FROM (SELECT * FROM sensor_data) t WHERE t.year = 2025")]
    [InlineData("SELECT * FROM (SELECT * FROM (SELECT * FROM sensor_data) a) b WHERE day = 1")]
    [InlineData("SELECT 1")]
    [InlineData("SELECT column_name FROM information_schema.columns WHERE table_name = 'sensor_data'")]
    [InlineData("SELECT * FROM awsdatacatalog.information_schema.tables")]
    [InlineData("SELECT * FROM \\\"sensor_data$partitions\\\" ORDER BY year DESC")]
    [InlineData("SHOW PARTITIONS sensor_data")]
    [InlineData("DESCRIBE sensor_data")]
    [InlineData("MSCK REPAIR TABLE sensor_data")]
    [InlineData("ALTER TABLE sensor_data ADD PARTITION (year = 2025, month = 1, day = 15)")]
    [InlineData("CREATE EXTERNAL TABLE sensor_data (device_id string) PARTITIONED BY (year string) LOCATION 's3://bucket/'")]
    [InlineData("EXPLAIN SELECT * FROM sensor_data")]
    [InlineData("DROP TABLE sensor_data")]
    [InlineData("SELECT * FROM sensor_data WHERE name = 'unterminated")]
    [InlineData("SELECT * FROM (SELECT * FROM sensor_data")]
    [InlineData("SELECT * FROM")]
    [InlineData("")]
    public async Task Pruned_and_table_free_statements_and_unreadable_text_are_not_reported(string sql)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source("\"" + sql + "\""));
    }

    [Theory]
    [InlineData("filter")]
    [InlineData("BuildQuery()")]
    [InlineData("$\"SELECT * FROM sensor_data {filter}\"")]
    [InlineData("\"SELECT * FROM sensor_data \" + filter")]
    [InlineData("$\"SELECT * FROM {table}\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE {filter} = 1\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = 'a' AND {filter}\"")]
    [InlineData("string.Format(\"SELECT * FROM {0}\", table)")]
    [InlineData("Local()")]
    public async Task Text_not_known_at_compile_time_is_not_reported(string query)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(query, """
            static string BuildQuery() => "SELECT * FROM sensor_data";
            static string Local() { var sql = "SELECT * FROM sensor_data WHERE year = 2025"; return sql; }
            """));
    }

    [Fact]
    public async Task Other_requests_and_other_query_string_properties_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Athena.Model;

            class Saved
            {
                public string QueryString { get; set; }
            }

            class Setup
            {
                object Save() => new CreateNamedQueryRequest { Name = "all", Database = "iot", QueryString = "SELECT * FROM sensor_data" };
                object Own() => new Saved { QueryString = "SELECT * FROM sensor_data" };
            }
            """);
    }

    [Fact]
    public async Task A_query_extended_later_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Athena.Model;

            class Reports
            {
                StartQueryExecutionRequest Build(bool daily)
                {
                    var request = new StartQueryExecutionRequest { QueryString = "SELECT * FROM sensor_data" };
                    if (daily)
                    {
                        request.QueryString += " WHERE year = 2025";
                    }

                    var other = new StartQueryExecutionRequest();
                    other.QueryString = "SELECT * FROM sensor_data";
                    other.QueryString = other.QueryString + " WHERE year = 2025";
                    return request;
                }
            }
            """);
    }

    [Fact]
    public async Task A_query_extended_by_a_local_function_of_the_same_method_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Athena.Model;

            class Reports
            {
                StartQueryExecutionRequest Build()
                {
                    var request = new StartQueryExecutionRequest { QueryString = "SELECT * FROM sensor_data" };
                    Narrow();
                    return request;

                    void Narrow() => request.QueryString += " WHERE year = 2025";
                }

                StartQueryExecutionRequest Once()
                {
                    // Written once in this method: nothing here can extend it.
                    var request = new StartQueryExecutionRequest { QueryString = [|"SELECT * FROM sensor_data"|] };
                    return request;
                }
            }
            """);
    }

    [Fact]
    public async Task Without_athena_types_nothing_is_registered()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                namespace Amazon.Athena.Model.Fake
                {
                    class StartQueryExecutionRequest { public string QueryString { get; set; } }
                    class C { object M() => new StartQueryExecutionRequest { QueryString = "SELECT * FROM sensor_data" }; }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.FrameworkAndSdk);
        await test.RunAsync();
    }

    [Fact]
    public async Task V3_shaped_sdk_is_analyzed_the_same()
    {
        var test = new VerifyCS.Test { TestCode = Source("[|\"SELECT * FROM sensor_data\"|]") };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    [Fact]
    public async Task Half_typed_code_does_not_crash_the_analyzer()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Athena.Model;

                class C
                {
                    void M(StartQueryExecutionRequest r)
                    {
                        var a = new StartQueryExecutionRequest { QueryString = };
                        var b = new StartQueryExecutionRequest { QueryString = Missing + "SELECT * FROM sensor_data" };
                        r.QueryString = Unknown("SELECT * FROM sensor_data");
                        r.QueryString = ;
                        Mystery c = new Mystery { QueryString = "SELECT * FROM sensor_data" };
                        r.QueryString += ;
                    }

                    void N(
                }
                """,
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }

    // ---- Configuration: the options and the Glue catalog ----

    [Fact]
    public async Task Partition_columns_option_replaces_the_default_columns()
    {
        await VerifyWithOptionsAsync(
            Source("[|\"SELECT * FROM sensor_data WHERE year = 2025\"|]"),
            editorconfig: "aws_analyzers.AWS004.partition_columns = region, ingest_day");
        await VerifyWithOptionsAsync(
            Source("\"SELECT * FROM sensor_data WHERE ingest_day = '2025-01-15'\""),
            editorconfig: "aws_analyzers.AWS004.partition_columns = region, ingest_day");
    }

    [Theory]
    [InlineData("SELECT * FROM devices")]
    [InlineData("SELECT * FROM unlisted_table")]
    [InlineData("SELECT * FROM iot.sensor_data WHERE day = 15")]
    [InlineData("SELECT * FROM iot.sensor_data s JOIN devices d ON s.device_id = d.id WHERE s.month = 1")]
    public async Task With_a_catalog_tables_without_keys_or_not_listed_or_pruned_are_not_reported(string sql)
    {
        await VerifyWithOptionsAsync(Source("\"" + sql + "\""), catalog: AWS004GlueCatalogTests.GetTablesOutput);
    }

    [Fact]
    public async Task With_a_catalog_each_table_is_checked_against_its_own_keys()
    {
        string catalog = """{ "TableList": [ { "Name": "logs", "DatabaseName": "iot", "PartitionKeys": [ { "Name": "dt", "Type": "string" } ] } ] }""";
        await VerifyWithOptionsAsync(
            Source("{|#0:\"SELECT * FROM logs WHERE year = 2025\"|}"),
            catalog: catalog,
            expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("'logs'", "dt"));
        await VerifyWithOptionsAsync(Source("\"SELECT * FROM logs WHERE dt = '2025-01-15'\""), catalog: catalog);
    }

    [Fact]
    public async Task Catalog_file_pattern_option_selects_the_catalog_files()
    {
        var test = new VerifyCS.Test { TestCode = Source("\"SELECT * FROM sensor_data\"") };
        test.TestState.AdditionalFiles.Add(("/catalog/tables-iot.json", """{ "TableList": [ { "Name": "sensor_data", "PartitionKeys": [] } ] }"""));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\naws_analyzers.AWS004.catalog_file_pattern = tables-*.json"));
        await test.RunAsync();

        // Without the option the file is not a catalog, so the default columns apply and the query is reported.
        var withoutOption = new VerifyCS.Test { TestCode = Source("[|\"SELECT * FROM sensor_data\"|]") };
        withoutOption.TestState.AdditionalFiles.Add(("/catalog/tables-iot.json", """{ "TableList": [ { "Name": "sensor_data", "PartitionKeys": [] } ] }"""));
        await withoutOption.RunAsync();
    }

    [Fact]
    public async Task A_malformed_catalog_is_ignored()
    {
        await VerifyWithOptionsAsync(
            Source("[|\"SELECT * FROM sensor_data\"|]"),
            catalog: "{ \"TableList\": [ { \"Name\": \"sensor_data\", \"PartitionKeys\": [] } ");
    }

    // ---- Code fix ----

    private const string Y = "DateTime.UtcNow.ToString(\"yyyy\", CultureInfo.InvariantCulture)";
    private const string M = "DateTime.UtcNow.ToString(\"MM\", CultureInfo.InvariantCulture)";
    private const string D = "DateTime.UtcNow.ToString(\"dd\", CultureInfo.InvariantCulture)";
    private const string Ymd = Y + ", " + M + ", " + D;

    private static string Usings(string rest = "") => "using System;\nusing System.Collections.Generic;\nusing System.Globalization;\n" + rest;

    private static string Reports(string body) => $$"""
        using System.Threading.Tasks;
        using Amazon.Athena;
        using Amazon.Athena.Model;

        class SensorReports
        {
            private readonly IAmazonAthena _athena;

            SensorReports(IAmazonAthena athena) => _athena = athena;

        {{body}}
        }
        """;

    private static string Fixed(string body) => Usings() + Reports(body);

    private static Task VerifyFixAsync(string source, string fixedSource, string? editorconfig = null, string? catalog = null)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = AwsAnalyzers.Athena.AWS004MissingPartitionPredicateCodeFix.EquivalenceKey };
        if (editorconfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorconfig));
            test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorconfig));
        }

        if (catalog is not null)
        {
            test.TestState.AdditionalFiles.Add(("/catalog/iot.glue.json", catalog));
            test.FixedState.AdditionalFiles.Add(("/catalog/iot.glue.json", catalog));
        }

        return test.RunAsync();
    }

    [Fact]
    public async Task Fix_creates_the_where_before_group_by_and_the_parameter_list_keeping_comments()
    {
        await VerifyFixAsync(
            Reports("""
                    Task<StartQueryExecutionResponse> DailyAsync() =>
                        _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
                        {
                            // Average temperature per device.
                            QueryString = [|"SELECT device_id, AVG(temperature) FROM sensor_data GROUP BY device_id"|], // daily
                            WorkGroup = "primary",
                        });
                """),
            Fixed($$"""
                    Task<StartQueryExecutionResponse> DailyAsync() =>
                        _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
                        {
                            // Average temperature per device.
                            QueryString = "SELECT device_id, AVG(temperature) FROM sensor_data WHERE year = ? AND month = ? AND day = ? GROUP BY device_id", // daily
                            ExecutionParameters = new List<string> { {{Ymd}} },
                            WorkGroup = "primary",
                        });
                """));
    }

    [Fact]
    public async Task Fix_ands_onto_an_existing_where_and_parenthesizes_an_or()
    {
        await VerifyFixAsync(
            Reports("""
                    StartQueryExecutionRequest Hot() => new StartQueryExecutionRequest { QueryString = [|"SELECT * FROM sensor_data WHERE temperature > 30 ORDER BY timestamp DESC LIMIT 1000"|] };
                    StartQueryExecutionRequest Odd() => new StartQueryExecutionRequest { QueryString = [|"SELECT * FROM sensor_data WHERE a = 1 OR b = 2"|] };
                """),
            Fixed($$"""
                    StartQueryExecutionRequest Hot() => new StartQueryExecutionRequest { QueryString = "SELECT * FROM sensor_data WHERE temperature > 30 AND year = ? AND month = ? AND day = ? ORDER BY timestamp DESC LIMIT 1000", ExecutionParameters = new List<string> { {{Ymd}} } };
                    StartQueryExecutionRequest Odd() => new StartQueryExecutionRequest { QueryString = "SELECT * FROM sensor_data WHERE (a = 1 OR b = 2) AND year = ? AND month = ? AND day = ?", ExecutionParameters = new List<string> { {{Ymd}} } };
                """));
    }

    [Fact]
    public async Task Fix_works_on_verbatim_raw_and_interpolated_text()
    {
        await VerifyFixAsync(
            Reports(""""
                    StartQueryExecutionRequest Verbatim() => new StartQueryExecutionRequest { QueryString = [|@"SELECT ""device_id""
                        FROM sensor_data"|] };

                    StartQueryExecutionRequest Raw() => new StartQueryExecutionRequest
                    {
                        QueryString = [|"""
                            SELECT *
                            FROM sensor_data
                            LIMIT 10
                            """|]
                    };

                    StartQueryExecutionRequest Interpolated(string id) => new StartQueryExecutionRequest { QueryString = [|$"SELECT * FROM sensor_data WHERE device_id = '{id}' LIMIT 10"|] };

                    StartQueryExecutionRequest EndsInHole(int id) => new StartQueryExecutionRequest { QueryString = [|$@"SELECT * FROM sensor_data WHERE device_id = {id}"|] };
                """"),
            Fixed($$$""""
                    StartQueryExecutionRequest Verbatim() => new StartQueryExecutionRequest { QueryString = @"SELECT ""device_id""
                        FROM sensor_data WHERE year = ? AND month = ? AND day = ?", ExecutionParameters = new List<string> { {{{Ymd}}} } };

                    StartQueryExecutionRequest Raw() => new StartQueryExecutionRequest
                    {
                        QueryString = """
                            SELECT *
                            FROM sensor_data WHERE year = ? AND month = ? AND day = ?
                            LIMIT 10
                            """,
                        ExecutionParameters = new List<string> { {{{Ymd}}} }
                    };

                    StartQueryExecutionRequest Interpolated(string id) => new StartQueryExecutionRequest { QueryString = $"SELECT * FROM sensor_data WHERE device_id = '{id}' AND year = ? AND month = ? AND day = ? LIMIT 10", ExecutionParameters = new List<string> { {{{Ymd}}} } };

                    StartQueryExecutionRequest EndsInHole(int id) => new StartQueryExecutionRequest { QueryString = $@"SELECT * FROM sensor_data WHERE device_id = {id} AND year = ? AND month = ? AND day = ?", ExecutionParameters = new List<string> { {{{Ymd}}} } };
                """"));
    }

    [Fact]
    public async Task Fix_on_a_later_assignment_adds_a_statement()
    {
        await VerifyFixAsync(
            Reports("""
                    async Task RunAsync()
                    {
                        var request = new StartQueryExecutionRequest { WorkGroup = "primary" };
                        request.QueryString = [|"SELECT * " + "FROM sensor_data"|]; // all devices
                        await _athena.StartQueryExecutionAsync(request);
                    }
                """),
            Fixed($$"""
                    async Task RunAsync()
                    {
                        var request = new StartQueryExecutionRequest { WorkGroup = "primary" };
                        request.QueryString = "SELECT * " + "FROM sensor_data WHERE year = ? AND month = ? AND day = ?"; // all devices
                        request.ExecutionParameters = new List<string> { {{Ymd}} };
                        await _athena.StartQueryExecutionAsync(request);
                    }
                """));
    }

    [Fact]
    public async Task Fix_puts_new_values_at_their_positions_among_existing_parameters()
    {
        await VerifyFixAsync(
            "using System.Collections.Generic;\n" + Reports("""
                    StartQueryExecutionRequest Build(string id) => new StartQueryExecutionRequest
                    {
                        QueryString = [|"SELECT * FROM sensor_data WHERE device_id = ? LIMIT ?"|],
                        ExecutionParameters = new List<string> { "'" + id + "'", "100" },
                    };

                    StartQueryExecutionRequest Listed(string id) => new StartQueryExecutionRequest
                    {
                        QueryString = [|"SELECT * FROM sensor_data WHERE device_id = ?"|],
                        ExecutionParameters = ["'" + id + "'"],
                    };
                """),
            Fixed($$"""
                    StartQueryExecutionRequest Build(string id) => new StartQueryExecutionRequest
                    {
                        QueryString = "SELECT * FROM sensor_data WHERE device_id = ? AND year = ? AND month = ? AND day = ? LIMIT ?",
                        ExecutionParameters = new List<string> { "'" + id + "'", {{Ymd}}, "100" },
                    };

                    StartQueryExecutionRequest Listed(string id) => new StartQueryExecutionRequest
                    {
                        QueryString = "SELECT * FROM sensor_data WHERE device_id = ? AND year = ? AND month = ? AND day = ?",
                        ExecutionParameters = ["'" + id + "'", {{Ymd}}],
                    };
                """));
    }

    [Fact]
    public async Task Fix_uses_the_catalog_keys_and_their_types()
    {
        string catalog = """
            { "TableList": [
                { "Name": "sensor_data", "DatabaseName": "iot", "PartitionKeys": [
                    { "Name": "year", "Type": "string" }, { "Name": "month", "Type": "varchar(2)" }, { "Name": "day", "Type": "int" } ] },
                { "Name": "logs", "DatabaseName": "iot", "PartitionKeys": [ { "Name": "region", "Type": "string" }, { "Name": "dt", "Type": "date" } ] }
            ] }
            """;
        await VerifyFixAsync(
            Reports("""
                    StartQueryExecutionRequest Sensors() => new StartQueryExecutionRequest { QueryString = [|"SELECT * FROM iot.sensor_data"|] };
                    StartQueryExecutionRequest Logs() => new StartQueryExecutionRequest { QueryString = [|"SELECT * FROM logs"|] };
                """),
            Fixed("""
                    StartQueryExecutionRequest Sensors() => new StartQueryExecutionRequest { QueryString = "SELECT * FROM iot.sensor_data WHERE year = ? AND month = ? AND day = ?", ExecutionParameters = new List<string> { "'" + DateTime.UtcNow.ToString("yyyy", CultureInfo.InvariantCulture) + "'", "'" + DateTime.UtcNow.ToString("MM", CultureInfo.InvariantCulture) + "'", DateTime.UtcNow.Day.ToString(CultureInfo.InvariantCulture) } };
                    StartQueryExecutionRequest Logs() => new StartQueryExecutionRequest { QueryString = "SELECT * FROM logs WHERE dt = ?", ExecutionParameters = new List<string> { "DATE '" + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'" } };
                """),
            catalog: catalog);
    }

    [Fact]
    public async Task Fix_qualifies_columns_in_a_join_and_fixes_the_block_inside_a_with_query()
    {
        await VerifyFixAsync(
            Reports("""
                    const string Recent = "SELECT * FROM sensor_data s JOIN alerts a ON s.device_id = a.device_id WHERE s.dt = '2025-01-15' AND a.dt = '2025-01-15'";
                    StartQueryExecutionRequest Joined() => new StartQueryExecutionRequest { QueryString = [|"SELECT * FROM sensor_data s JOIN alerts AS a ON s.device_id = a.device_id"|] };
                    StartQueryExecutionRequest Cte() => new StartQueryExecutionRequest { QueryString = [|"WITH recent AS (SELECT * FROM sensor_data) SELECT * FROM recent"|] };
                """),
            Fixed("""
                    const string Recent = "SELECT * FROM sensor_data s JOIN alerts a ON s.device_id = a.device_id WHERE s.dt = '2025-01-15' AND a.dt = '2025-01-15'";
                    StartQueryExecutionRequest Joined() => new StartQueryExecutionRequest { QueryString = "SELECT * FROM sensor_data s JOIN alerts AS a ON s.device_id = a.device_id WHERE s.dt = ? AND a.dt = ?", ExecutionParameters = new List<string> { "'" + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'", "'" + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'" } };
                    StartQueryExecutionRequest Cte() => new StartQueryExecutionRequest { QueryString = "WITH recent AS (SELECT * FROM sensor_data WHERE dt = ?) SELECT * FROM recent", ExecutionParameters = new List<string> { "'" + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'" } };
                """),
            editorconfig: "aws_analyzers.AWS004.fix_partition_columns = dt");
    }

    [Fact]
    public async Task Fix_qualifies_names_when_a_type_name_is_taken_and_reuses_existing_usings()
    {
        await VerifyFixAsync(
            """
            using System;
            using System.Collections.Generic;
            using Amazon.Athena.Model;

            class CultureInfo { }

            class Reports
            {
                StartQueryExecutionRequest Build() => new StartQueryExecutionRequest { QueryString = [|"SELECT * FROM sensor_data"|] };
            }
            """,
            """
            using System;
            using System.Collections.Generic;
            using Amazon.Athena.Model;

            class CultureInfo { }

            class Reports
            {
                StartQueryExecutionRequest Build() => new StartQueryExecutionRequest { QueryString = "SELECT * FROM sensor_data WHERE year = ?", ExecutionParameters = new List<string> { DateTime.UtcNow.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture) } };
            }
            """,
            editorconfig: "aws_analyzers.AWS004.fix_partition_columns = year");
    }

    [Theory]
    [InlineData("Query", "")]
    [InlineData("\"SELECT * FROM sensor_data WHERE device_id = ?\"", "")]
    [InlineData("\"SELECT * FROM sensor_data WHERE device_id = ?\"", "ExecutionParameters = Parameters,")]
    [InlineData("\"SELECT * FROM sensor_data\"", "ExecutionParameters = Parameters,")]
    [InlineData("\"SELECT * FROM sensor_data WHERE device_id = ?\"", "ExecutionParameters = new List<string> { \"'a'\", \"'b'\" },")]
    [InlineData("\"SELECT * FROM sensor_data WHERE device_id = \" + Id", "")]
    [InlineData("\"TABLE sensor_data\"", "")]
    public async Task No_fix_for_shapes_it_cannot_change_safely(string query, string parameters)
    {
        string source = $$"""
            using System.Collections.Generic;
            using Amazon.Athena.Model;

            class Reports
            {
                const string Query = "SELECT * FROM sensor_data";
                static readonly List<string> Parameters = new List<string>();
                static int Id => 1;

                StartQueryExecutionRequest Build() => new StartQueryExecutionRequest
                {
                    QueryString = [|{{query}}|],
                    {{parameters}}
                };
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = AwsAnalyzers.Athena.AWS004MissingPartitionPredicateCodeFix.EquivalenceKey };
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_for_tables_without_date_partition_columns_or_parameters_set_elsewhere()
    {
        string source = """
            using System.Collections.Generic;
            using Amazon.Athena.Model;

            class Reports
            {
                StartQueryExecutionRequest ByRegion() => new StartQueryExecutionRequest { QueryString = [|"SELECT * FROM orders"|] };

                StartQueryExecutionRequest Later()
                {
                    var request = new StartQueryExecutionRequest();
                    request.QueryString = [|"SELECT * FROM sensor_data"|];
                    request.ExecutionParameters = new List<string>();
                    return request;
                }

                private readonly StartQueryExecutionRequest _daily = new StartQueryExecutionRequest();

                void Prepare()
                {
                    _daily.QueryString = [|"SELECT * FROM sensor_data"|];
                }

                void Bind(string day) => _daily.ExecutionParameters = new List<string> { day };
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = AwsAnalyzers.Athena.AWS004MissingPartitionPredicateCodeFix.EquivalenceKey };
        string catalog = """{ "TableList": [ { "Name": "orders", "PartitionKeys": [ { "Name": "region", "Type": "string" } ] }, { "Name": "sensor_data", "PartitionKeys": [ { "Name": "dt", "Type": "string" } ] } ] }""";
        test.TestState.AdditionalFiles.Add(("/catalog/iot.glue.json", catalog));
        test.FixedState.AdditionalFiles.Add(("/catalog/iot.glue.json", catalog));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_edits_the_text_of_a_local_read_once_and_not_of_one_read_twice()
    {
        await VerifyFixAsync(
            Reports("""
                    async Task RunAsync()
                    {
                        var sql = "SELECT * FROM sensor_data";
                        await _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = [|sql|] });
                    }
                """),
            Fixed($$"""
                    async Task RunAsync()
                    {
                        var sql = "SELECT * FROM sensor_data WHERE year = ? AND month = ? AND day = ?";
                        await _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = sql, ExecutionParameters = new List<string> { {{Ymd}} } });
                    }
                """));

        string twice = Reports("""
                async Task RunAsync()
                {
                    var sql = "SELECT * FROM sensor_data";
                    System.Console.WriteLine(sql);
                    await _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = [|sql|] });
                }
            """);
        var test = new VerifyCS.Test { TestCode = twice, FixedCode = twice, CodeActionEquivalenceKey = AwsAnalyzers.Athena.AWS004MissingPartitionPredicateCodeFix.EquivalenceKey };
        await test.RunAsync();
    }
}
