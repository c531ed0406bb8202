using System.Threading.Tasks;
using AwsAnalyzers.Athena.Sql;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Athena.AWS012ValueSplicedIntoStatementAnalyzer,
    AwsAnalyzers.Athena.AWS012ValueSplicedIntoStatementCodeFix>;

namespace AwsAnalyzers.Tests.Athena;

public class AWS012ValueSplicedIntoStatementTests
{
    private const string Tq = "\"\"\"";

    /// <summary>An Athena report service whose query is <paramref name="query"/> (a C# expression, with markup).</summary>
    private static string Athena(string query) => $$"""
        using System;
        using System.Threading.Tasks;
        using Amazon.Athena;
        using Amazon.Athena.Model;

        enum Kind { Temperature }

        class SensorReports
        {
            private readonly IAmazonAthena _athena;

            SensorReports(IAmazonAthena athena) => _athena = athena;

            Task<StartQueryExecutionResponse> RunAsync(string deviceId, object tag, int limit, long since, bool active, DateTime day, Guid id, Kind kind, string table) =>
                _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
                {
                    QueryString = {{query}},
                    WorkGroup = "primary",
                });

            static string Escape(string value) => value.Replace("'", "''");
        }
        """;

    /// <summary>A DynamoDB store whose PartiQL statement is <paramref name="statement"/>.</summary>
    private static string PartiQl(string statement) => $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;

        class ReadingStore
        {
            private readonly IAmazonDynamoDB _dynamo;

            ReadingStore(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

            Task<ExecuteStatementResponse> FindAsync(string deviceId, int day, string table) =>
                _dynamo.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = {{statement}} });
        }
        """;

    // ---- What it reports ----

    [Fact]
    public async Task A_string_inside_quotes_is_reported_on_the_hole_with_the_service()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Athena("$\"SELECT * FROM sensor_data WHERE device_id = '{{|#0:deviceId|}}'\""),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("deviceId", "Athena"));
    }

    [Theory]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{[|deviceId|]}'\"")]
    [InlineData("$@\"SELECT * FROM sensor_data WHERE device_id = '{[|deviceId|]}'\"")]
    [InlineData("$" + Tq + "SELECT * FROM sensor_data WHERE device_id = '{[|deviceId|]}'" + Tq)]
    [InlineData("\"SELECT * FROM sensor_data WHERE device_id = '\" + [|deviceId|] + \"'\"")]
    [InlineData("string.Format(\"SELECT * FROM sensor_data WHERE device_id = '{0}'\", [|deviceId|])")]
    [InlineData("string.Format(\"SELECT * FROM sensor_data WHERE year = {1} AND device_id = '{0}'\", [|deviceId|], limit)")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id LIKE '{[|deviceId|]}%'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = {[|deviceId|]}\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id IN ('a', {[|deviceId|]})\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id BETWEEN 'a' AND {[|deviceId|]}\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE note = '{[|tag|]}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE note = '{[|tag.ToString()|]}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{[|deviceId.Trim()|]}'\"")]
    [InlineData("$\"SELECT device_id, count(*) FROM sensor_data GROUP BY device_id HAVING device_id = '{[|deviceId|]}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data s JOIN devices d ON d.id = s.device_id AND d.owner = '{[|deviceId|]}'\"")]
    [InlineData("$\"SELECT '{[|deviceId|]}' AS label FROM sensor_data\"")]
    [InlineData("$\"SELECT * FROM {table} WHERE device_id = '{[|deviceId|]}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE year = ? AND device_id = '{[|deviceId|]}'\"")]
    public async Task Each_shape_of_a_spliced_string_is_reported(string query)
    {
        await VerifyCS.VerifyAnalyzerAsync(Athena(query));
    }

    [Fact]
    public async Task Every_spliced_value_of_a_query_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync(Athena("$\"SELECT * FROM sensor_data WHERE device_id = '{[|deviceId|]}' OR note = '{[|tag|]}'\""));
    }

    [Fact]
    public async Task Text_read_through_a_local_and_a_later_assignment_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest Build(string deviceId)
                {
                    var sql = $"SELECT * FROM sensor_data WHERE device_id = '{[|deviceId|]}'";
                    var request = new StartQueryExecutionRequest();
                    request.QueryString = sql;
                    return request;
                }
            }
            """);
    }

    [Theory]
    [InlineData("$\"SELECT * FROM \\\"Readings\\\" WHERE deviceId = '{[|deviceId|]}'\"")]
    [InlineData("$\"UPDATE \\\"Readings\\\" SET note = '{[|deviceId|]}' WHERE deviceId = 'a'\"")]
    [InlineData("$\"DELETE FROM \\\"Readings\\\" WHERE deviceId = '{[|deviceId|]}'\"")]
    [InlineData("$\"INSERT INTO \\\"Readings\\\" VALUE {{'deviceId': '{[|deviceId|]}'}}\"")]
    public async Task PartiQL_statements_are_reported(string statement)
    {
        await VerifyCS.VerifyAnalyzerAsync(PartiQl(statement));
    }

    [Fact]
    public async Task Batch_and_transaction_statements_are_reported_with_the_service()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using Amazon.DynamoDBv2.Model;

            class ReadingStore
            {
                List<BatchStatementRequest> Batch(string deviceId) => new List<BatchStatementRequest>
                {
                    new BatchStatementRequest { Statement = $"SELECT * FROM \"Readings\" WHERE deviceId = '{{|#0:deviceId|}}'" },
                };

                ParameterizedStatement Transaction(string deviceId) =>
                    new ParameterizedStatement { Statement = "DELETE FROM \"Readings\" WHERE deviceId = '" + {|#1:deviceId|} + "'" };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("deviceId", "PartiQL"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("deviceId", "PartiQL"));
    }

    // ---- What it leaves alone ----

    [Theory]
    [InlineData("$\"SELECT * FROM {table}\"")]
    [InlineData("$\"SELECT * FROM iot.{table} WHERE year = 2025\"")]
    [InlineData("$\"SELECT * FROM \\\"{table}\\\"\"")]
    [InlineData("$\"SELECT {table} FROM sensor_data\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE {deviceId}\"")]
    [InlineData("$\"SELECT * FROM sensor_data ORDER BY {table}\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE year = {limit} AND ts > {since}\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE active = {active} AND day = '{day}' AND id = '{id}' AND kind = '{kind}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{deviceId.Replace(\"'\", \"''\")}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{Escape(deviceId)}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{\"const\"}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{nameof(deviceId)}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id IN ({deviceId}) AND year = ?\"")]
    [InlineData("\"SELECT * FROM sensor_data WHERE device_id = ?\"")]
    [InlineData("$\"SELECT * FROM sensor_data -- '{deviceId}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{deviceId}\"")]
    [InlineData("deviceId")]
    public async Task Names_other_types_escaped_constant_parameterized_and_unreadable_text_are_not_reported(string query)
    {
        await VerifyCS.VerifyAnalyzerAsync(Athena(query));
    }

    [Fact]
    public async Task PartiQL_table_names_numbers_and_bound_parameters_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync(PartiQl("$\"SELECT * FROM \\\"{table}\\\" WHERE day = {day}\""));
        await VerifyCS.VerifyAnalyzerAsync(PartiQl("$\"SELECT * FROM {table} WHERE deviceId = ?\""));
    }

    [Fact]
    public async Task Other_properties_and_types_named_alike_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Athena.Model;

            class SavedQuery { public string QueryString { get; set; } public string Statement { get; set; } }

            class Saved
            {
                object Build(string deviceId) => new SavedQuery
                {
                    QueryString = $"SELECT * FROM t WHERE a = '{deviceId}'",
                    Statement = $"SELECT * FROM t WHERE a = '{deviceId}'",
                };

                CreateNamedQueryRequest Named(string deviceId) => new CreateNamedQueryRequest { QueryString = $"SELECT * FROM t WHERE a = '{deviceId}'" };
            }
            """);
    }

    [Fact]
    public async Task Mock_setups_and_expression_trees_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Linq.Expressions;
                using System.Threading;
                using Amazon.Athena;
                using Amazon.Athena.Model;
                using Moq;

                class ReportTests
                {
                    Expression<Func<string, StartQueryExecutionRequest>> Tree() =>
                        id => new StartQueryExecutionRequest { QueryString = "SELECT * FROM t WHERE a = '" + id + "'" };

                    void Arrange(Mock<IAmazonAthena> athena, string id) =>
                        athena.Setup(a => a.StartQueryExecutionAsync(
                            new StartQueryExecutionRequest { QueryString = "SELECT * FROM t WHERE a = '" + id + "'" }, CancellationToken.None));
                }
                """,
        };
        test.TestState.Sources.Add(Infrastructure.MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }

    [Fact]
    public async Task Half_typed_code_does_not_throw()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Athena.Model;
                using Amazon.DynamoDBv2.Model;

                class Broken
                {
                    void Run(string deviceId)
                    {
                        var a = new StartQueryExecutionRequest { QueryString = $"SELECT * FROM t WHERE a = '{{|CS0103:missing|}}'" };
                        var b = new ExecuteStatementRequest { Statement = {|CS0103:Unknown|}($"WHERE a = '{deviceId}'") };
                        var c = new {|CS0246:Missing|} { Statement = $"SELECT * FROM t WHERE a = '{deviceId}'" };
                        var d = new ExecuteStatementRequest { Statement = string.Format({|CS0103:fmt|}, deviceId) };
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task V3_shapes_are_reported_the_same()
    {
        var test = new VerifyCS.Test { TestCode = Athena("$\"SELECT * FROM sensor_data WHERE device_id = '{[|deviceId|]}'\"") };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(AwsAnalyzers.Tests.Infrastructure.TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    // ---- Fixes ----

    [Fact]
    public async Task Athena_fix_binds_the_value_as_a_quoted_execution_parameter_and_the_reader_reads_a_bound_query()
    {
        const string fixedCode = """
            using System.Collections.Generic;
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest Build(string deviceId) => new StartQueryExecutionRequest
                {
                    QueryString = $"SELECT * FROM sensor_data WHERE year = 2025 AND device_id = ?", // the device's readings
                    ExecutionParameters = new List<string> { "'" + deviceId?.Replace("'", "''") + "'" },
                    WorkGroup = "primary",
                };
            }
            """;
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest Build(string deviceId) => new StartQueryExecutionRequest
                {
                    QueryString = $"SELECT * FROM sensor_data WHERE year = 2025 AND device_id = '{[|deviceId|]}'", // the device's readings
                    WorkGroup = "primary",
                };
            }
            """, fixedCode);

        SqlStatement statement = Assert.Single(FixedQueryReader.Read(fixedCode));
        Assert.Equal(SqlStatementKind.Select, statement.Kind);
        Assert.Equal(1, statement.ParameterCount);
        Assert.Empty(statement.Holes);
    }

    [Fact]
    public async Task Athena_fix_puts_each_value_at_its_place_among_the_parameters_already_bound()
    {
        const string fixedCode = """
            using System.Collections.Generic;
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest Build(string deviceId, string site) => new StartQueryExecutionRequest
                {
                    QueryString = $"SELECT * FROM sensor_data WHERE year = ? AND device_id = ? AND month = ? AND site = ?",
                    ExecutionParameters = new List<string> { "'2025'", "'" + deviceId?.Replace("'", "''") + "'", "'01'", "'" + site.Trim()?.Replace("'", "''") + "'" },
                };
            }
            """;
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest Build(string deviceId, string site) => new StartQueryExecutionRequest
                {
                    QueryString = $"SELECT * FROM sensor_data WHERE year = ? AND device_id = '{[|deviceId|]}' AND month = ? AND site = '{[|site.Trim()|]}'",
                    ExecutionParameters = new List<string> { "'2025'", "'01'" },
                };
            }
            """, fixedCode);

        Assert.Equal(4, Assert.Single(FixedQueryReader.Read(fixedCode)).ParameterCount);
    }

    [Fact]
    public async Task Athena_fix_of_a_query_assigned_in_a_statement_adds_the_list_after_it()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class SensorReports
            {
                async Task RunAsync(IAmazonAthena athena, string deviceId)
                {
                    var request = new StartQueryExecutionRequest { WorkGroup = "primary" };
                    request.QueryString = $@"SELECT * FROM iot.sensor_data
                        WHERE device_id = '{[|deviceId|]}'"; // one device
                    await athena.StartQueryExecutionAsync(request);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class SensorReports
            {
                async Task RunAsync(IAmazonAthena athena, string deviceId)
                {
                    var request = new StartQueryExecutionRequest { WorkGroup = "primary" };
                    request.QueryString = $@"SELECT * FROM iot.sensor_data
                        WHERE device_id = ?"; // one device
                    request.ExecutionParameters = new List<string> { "'" + deviceId?.Replace("'", "''") + "'" };
                    await athena.StartQueryExecutionAsync(request);
                }
            }
            """);
    }

    [Fact]
    public async Task Athena_fix_with_v3_shapes_replaces_the_empty_list_the_same_way()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Athena.Model;

                class SensorReports
                {
                    StartQueryExecutionRequest Build(string deviceId) =>
                        new StartQueryExecutionRequest { QueryString = $"SELECT * FROM t WHERE device_id = '{[|deviceId|]}'" };
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using Amazon.Athena.Model;

                class SensorReports
                {
                    StartQueryExecutionRequest Build(string deviceId) =>
                        new StartQueryExecutionRequest { QueryString = $"SELECT * FROM t WHERE device_id = ?", ExecutionParameters = new List<string> { "'" + deviceId?.Replace("'", "''") + "'" } };
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(AwsAnalyzers.Tests.Infrastructure.TestReferences.AllV3Shapes);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(AwsAnalyzers.Tests.Infrastructure.TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    [Fact]
    public async Task Athena_fix_all_fixes_every_query_of_the_document()
    {
        await VerifyCS.VerifyCodeFixAsync(""""
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest One(string a, string b) => new StartQueryExecutionRequest
                {
                    QueryString = $"SELECT * FROM t WHERE a = '{[|a|]}' OR b = '{[|b|]}'",
                };

                StartQueryExecutionRequest Two(string c) => new StartQueryExecutionRequest { QueryString = $"""SELECT * FROM t WHERE c = '{[|c|]}'""" };
            }
            """", """"
            using System.Collections.Generic;
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest One(string a, string b) => new StartQueryExecutionRequest
                {
                    QueryString = $"SELECT * FROM t WHERE a = ? OR b = ?",
                    ExecutionParameters = new List<string> { "'" + a?.Replace("'", "''") + "'", "'" + b?.Replace("'", "''") + "'" },
                };

                StartQueryExecutionRequest Two(string c) => new StartQueryExecutionRequest { QueryString = $"""SELECT * FROM t WHERE c = ?""", ExecutionParameters = new List<string> { "'" + c?.Replace("'", "''") + "'" } };
            }
            """");
    }

    [Fact]
    public async Task PartiQL_fix_binds_a_string_attribute_value()
    {
        const string fixedCode = """
            using System.Collections.Generic;
            using Amazon.DynamoDBv2.Model;

            class ReadingStore
            {
                ExecuteStatementRequest Find(string deviceId, string note) => new ExecuteStatementRequest
                {
                    Statement = $"UPDATE \"Readings\" SET note = ? WHERE deviceId = ?",
                    Parameters = new List<AttributeValue> { new AttributeValue { S = note ?? "" }, new AttributeValue { S = deviceId ?? "" } },
                };
            }
            """;
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon.DynamoDBv2.Model;

            class ReadingStore
            {
                ExecuteStatementRequest Find(string deviceId, string note) => new ExecuteStatementRequest
                {
                    Statement = $"UPDATE \"Readings\" SET note = '{[|note|]}' WHERE deviceId = '{[|deviceId|]}'",
                };
            }
            """, fixedCode);

        SqlStatement statement = Assert.Single(FixedQueryReader.Read(fixedCode, "Statement"));
        Assert.Equal(2, statement.ParameterCount);
        Assert.Empty(statement.Holes);
    }

    [Fact]
    public async Task PartiQL_fix_of_a_batch_statement_and_a_v4_null_list()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using Amazon.DynamoDBv2.Model;

            class ReadingStore
            {
                List<BatchStatementRequest> Batch(string deviceId) => new List<BatchStatementRequest>
                {
                    new BatchStatementRequest { Statement = $"SELECT * FROM \"Readings\" WHERE deviceId = '{[|deviceId|]}'" },
                };
            }
            """, """
            using System.Collections.Generic;
            using Amazon.DynamoDBv2.Model;

            class ReadingStore
            {
                List<BatchStatementRequest> Batch(string deviceId) => new List<BatchStatementRequest>
                {
                    new BatchStatementRequest { Statement = $"SELECT * FROM \"Readings\" WHERE deviceId = ?", Parameters = new List<AttributeValue> { new AttributeValue { S = deviceId ?? "" } } },
                };
            }
            """);
    }

    [Theory]
    [InlineData("$\"SELECT '{[|deviceId|]}' AS label FROM sensor_data\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id LIKE '{[|deviceId|]}%'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = {[|deviceId|]}\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE note = '{[|tag|]}'\"")]
    [InlineData("\"SELECT * FROM sensor_data WHERE device_id = '\" + [|deviceId|] + \"'\"")]
    [InlineData("string.Format(\"SELECT * FROM sensor_data WHERE device_id = '{0}'\", [|deviceId|])")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{[|Normalize(deviceId)|]}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{[|deviceId.Substring(limit)|]}'\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = ? AND note = '{[|deviceId|]}'\"")]
    public async Task Shapes_without_a_safe_rewrite_are_reported_without_a_fix(string query)
    {
        string source = Athena(query).Replace("static string Escape(", "static string Normalize(string v) => v.Trim();\n    static string Escape(");
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        await test.RunAsync();
    }

    [Theory]
    [InlineData("$\"SHOW PARTITIONS sensor_data WHERE k = '{[|deviceId|]}'\"")]
    [InlineData("$\"INSERT INTO sensor_data VALUES ('{[|deviceId|]}', 1)\"")]
    public async Task Athena_statements_without_parameter_support_are_not_fixed(string query)
    {
        string source = Athena(query);
        await new VerifyCS.Test { TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public async Task PartiQL_values_outside_a_where_are_fixed()
    {
        await VerifyCS.VerifyCodeFixAsync(
            PartiQl("$\"INSERT INTO \\\"Readings\\\" VALUE {{'deviceId': '{[|deviceId|]}', 'day': {day}}}\""),
            PartiQl("$\"INSERT INTO \\\"Readings\\\" VALUE {{'deviceId': ?, 'day': {day}}}\", Parameters = new List<AttributeValue> { new AttributeValue { S = deviceId ?? \"\" } }"));
    }
}
