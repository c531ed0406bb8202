using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsAnalyzer,
    AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsCodeFix>;

namespace AwsAnalyzers.Tests.Athena;

public class AWS015QueryReadsMoreThanItReturnsTests
{
    /// <summary>A report service that runs <paramref name="query"/> (a C# expression, with markup) through Athena.</summary>
    private static string Source(string query) => $$"""
        using System.Threading.Tasks;
        using Amazon.Athena;
        using Amazon.Athena.Model;

        class SensorReports
        {
            private readonly IAmazonAthena _athena;

            SensorReports(IAmazonAthena athena) => _athena = athena;

            Task<StartQueryExecutionResponse> RunAsync(string deviceId, string filter, string table, int limit) =>
                _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
                {
                    QueryString = {{query}},
                    WorkGroup = "primary",
                });
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Star(int location, string star) =>
        VerifyCS.Diagnostic(AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsAnalyzer.SelectStarRule).WithLocation(location).WithArguments(star);

    // ---- What it reports ----

    [Theory]
    [InlineData("SELECT * FROM sensor_data", "*")]
    [InlineData("SELECT * FROM iot.sensor_data WHERE year = 2025", "*")]
    [InlineData("SELECT s.* FROM sensor_data s WHERE s.year = 2025", "s.*")]
    [InlineData("SELECT device_id, s.* FROM sensor_data s", "s.*")]
    [InlineData("SELECT * FROM sensor_data s JOIN devices d ON d.id = s.device_id", "*")]
    [InlineData("SELECT * FROM sensor_data WHERE id IN (SELECT id FROM alerts LIMIT 10)", "*")]
    [InlineData("SELECT * FROM sensor_data ORDER BY ts", "*")]
    public async Task A_top_level_star_from_base_tables_without_limit_is_reported(string sql, string star)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source("{|#0:\"" + sql + "\"|}"), Star(0, star));
    }

    [Theory]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{deviceId}'\"")]
    [InlineData("$\"SELECT * FROM {table}\"")]
    [InlineData("\"SELECT * \" + \"FROM sensor_data\"")]
    [InlineData("string.Format(\"SELECT * FROM sensor_data WHERE year = {0}\", limit)")]
    public async Task Text_with_holes_in_values_and_names_is_reported(string query)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source("{|#0:" + query + "|}"), Star(0, "*"));
    }

    [Theory]
    [InlineData("SELECT device_id FROM sensor_data ORDER BY ts")]
    [InlineData("SELECT device_id, avg(t) FROM sensor_data GROUP BY device_id ORDER BY 2 DESC")]
    [InlineData("WITH recent AS (SELECT * FROM sensor_data LIMIT 10) SELECT device_id FROM recent ORDER BY ts")]
    [InlineData("SELECT a FROM x UNION ALL SELECT a FROM y ORDER BY a")]
    public async Task A_top_level_order_by_without_limit_is_reported(string sql)
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Source("{|#0:\"" + sql + "\"|}"),
            VerifyCS.Diagnostic(AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsAnalyzer.OrderByRule).WithLocation(0).WithArguments("ORDER BY"));
    }

    [Theory]
    [InlineData("CREATE TABLE daily WITH (format = 'TEXTFILE') AS SELECT device_id FROM sensor_data", "TEXTFILE")]
    [InlineData("CREATE TABLE daily WITH (format = 'json', external_location = 's3://b/daily/') AS SELECT device_id FROM sensor_data", "JSON")]
    [InlineData("CREATE TABLE daily WITH (format = 'ION') AS SELECT device_id FROM sensor_data", "ION")]
    [InlineData("UNLOAD (SELECT device_id FROM sensor_data) TO 's3://b/out/' WITH (format = 'JSON')", "JSON")]
    [InlineData("UNLOAD (SELECT * FROM sensor_data) TO 's3://b/out/' WITH (format = 'TEXTFILE', field_delimiter = ',')", "TEXTFILE")]
    public async Task A_ctas_or_unload_that_writes_a_row_format_is_reported(string sql, string format)
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Source("{|#0:\"" + sql + "\"|}"),
            VerifyCS.Diagnostic(AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsAnalyzer.RowFormatRule).WithLocation(0).WithArguments(format));
    }

    [Fact]
    public async Task A_later_assignment_and_a_const_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Athena.Model;

            class SensorReports
            {
                const string All = "SELECT * FROM sensor_data";

                StartQueryExecutionRequest Build()
                {
                    var request = new StartQueryExecutionRequest();
                    request.QueryString = [|All|];
                    return request;
                }
            }
            """);
    }

    // ---- What it leaves alone ----

    [Theory]
    [InlineData("SELECT * FROM sensor_data LIMIT 100")]
    [InlineData("SELECT * FROM sensor_data ORDER BY ts DESC LIMIT 100")]
    [InlineData("SELECT * FROM sensor_data FETCH FIRST 10 ROWS ONLY")]
    [InlineData("SELECT count(*) FROM sensor_data")]
    [InlineData("SELECT device_id, max(t) FROM sensor_data GROUP BY device_id")]
    [InlineData("SELECT device_id, t FROM sensor_data WHERE year = 2025")]
    [InlineData("WITH recent AS (SELECT device_id FROM sensor_data) SELECT * FROM recent")]
    [InlineData("SELECT * FROM (SELECT device_id FROM sensor_data) s")]
    [InlineData("SELECT * FROM sensor_data CROSS JOIN UNNEST(tags) AS t (tag)")]
    [InlineData("SELECT * FROM information_schema.columns")]
    [InlineData("SELECT * FROM \\\"sensor_data$partitions\\\"")]
    [InlineData("SHOW PARTITIONS sensor_data")]
    [InlineData("DESCRIBE sensor_data")]
    [InlineData("CREATE TABLE daily AS SELECT * FROM sensor_data")]
    [InlineData("CREATE TABLE daily WITH (format = 'PARQUET') AS SELECT * FROM sensor_data ORDER BY ts")]
    [InlineData("INSERT INTO daily SELECT * FROM sensor_data")]
    [InlineData("UNLOAD (SELECT * FROM sensor_data) TO 's3://b/out/' WITH (format = 'PARQUET')")]
    [InlineData("UNLOAD (SELECT * FROM sensor_data) TO 's3://b/out/' WITH (format = 'ION')")]
    [InlineData("CREATE EXTERNAL TABLE t (a int) STORED AS TEXTFILE LOCATION 's3://b/'")]
    [InlineData("SELECT * FROM sensor_data WHERE name = 'unterminated")]
    [InlineData("SELECT * FROM")]
    public async Task Limited_aggregated_derived_metadata_ddl_and_unreadable_queries_are_not_reported(string sql)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source("\"" + sql + "\""));
    }

    [Theory]
    [InlineData("filter")]
    [InlineData("$\"SELECT * FROM sensor_data {filter}\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE {filter}\"")]
    [InlineData("$\"SELECT * FROM sensor_data LIMIT {limit}\"")]
    [InlineData("$\"SELECT * FROM sensor_data ORDER BY ts {filter}\"")]
    [InlineData("$\"SELECT {filter} FROM sensor_data\"")]
    [InlineData("\"SELECT * FROM sensor_data \" + filter")]
    public async Task Text_whose_clauses_are_not_known_is_not_reported(string query)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(query));
    }

    [Fact]
    public async Task A_query_extended_later_and_other_requests_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest Build(int n)
                {
                    var request = new StartQueryExecutionRequest();
                    request.QueryString = "SELECT * FROM sensor_data";
                    request.QueryString += " LIMIT " + n;
                    return request;
                }

                CreateNamedQueryRequest Named() => new CreateNamedQueryRequest { QueryString = "SELECT * FROM sensor_data" };
            }
            """);
    }

    [Fact]
    public async Task Half_typed_code_does_not_throw()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Athena.Model;

                class Broken
                {
                    void Run()
                    {
                        var a = new StartQueryExecutionRequest { QueryString = "SELECT * FROM " + {|CS0103:missing|} };
                        var b = new {|CS0246:Missing|} { QueryString = "SELECT * FROM t" };
                        var c = new StartQueryExecutionRequest { QueryString = {|CS0103:Unknown|}("SELECT * FROM t") };
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task V3_shapes_are_reported_the_same()
    {
        var test = new VerifyCS.Test { TestCode = Source("[|\"SELECT * FROM sensor_data\"|]") };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(AwsAnalyzers.Tests.Infrastructure.TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    // ---- Fixes ----

    private const string Catalog = """
        { "TableList": [ {
            "Name": "sensor_data", "DatabaseName": "iot",
            "StorageDescriptor": { "Columns": [ { "Name": "device_id", "Type": "string" }, { "Name": "temperature", "Type": "double" }, { "Name": "Note", "Type": "string" } ] },
            "PartitionKeys": [ { "Name": "year", "Type": "string" } ] } ] }
        """;

    private static string Request(string query) => $$"""
        using Amazon.Athena.Model;

        class SensorReports
        {
            StartQueryExecutionRequest Build() => new StartQueryExecutionRequest
            {
                QueryString = {{query}}, // the report's query
                WorkGroup = "primary",
            };
        }
        """;

    private static async Task VerifyFixAsync(string query, string fixedQuery, string key, string? editorconfig = null, string? catalog = null)
    {
        var test = new VerifyCS.Test { TestCode = Request(query), FixedCode = Request(fixedQuery), CodeActionEquivalenceKey = key };
        if (editorconfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorconfig));
        }

        if (catalog is not null)
        {
            test.TestState.AdditionalFiles.Add(("/catalog/iot.glue.json", catalog));
            test.FixedState.AdditionalFiles.Add(("/catalog/iot.glue.json", catalog));
        }

        await test.RunAsync();
        Assert.Null(AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsAnalyzer.Analyze(
            OperationOf(Request(fixedQuery)), System.Threading.CancellationToken.None));
    }

    /// <summary>The operation of the value assigned to QueryString, for reading the fixed text back.</summary>
    private static Microsoft.CodeAnalysis.IOperation OperationOf(string source)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Fixed", new[] { tree }, AwsAnalyzers.Tests.Infrastructure.TestReferences.All);
        var assignment = System.Linq.Enumerable.First(System.Linq.Enumerable.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax>(tree.GetRoot().DescendantNodes()));
        return compilation.GetSemanticModel(tree).GetOperation(assignment.Right)!;
    }

    [Theory]
    [InlineData("\"SELECT * FROM sensor_data WHERE year = 2025\"", "\"SELECT * FROM sensor_data WHERE year = 2025 LIMIT 1000\"")]
    [InlineData("\"SELECT * FROM sensor_data ORDER BY ts DESC;\"", "\"SELECT * FROM sensor_data ORDER BY ts DESC LIMIT 1000;\"")]
    [InlineData("@\"SELECT *\r\n    FROM sensor_data -- everything\r\n\"", "@\"SELECT *\r\n    FROM sensor_data LIMIT 1000 -- everything\r\n\"")]
    [InlineData("$\"SELECT * FROM sensor_data WHERE device_id = '{\"a\" + \"b\"}'\"", "$\"SELECT * FROM sensor_data WHERE device_id = '{\"a\" + \"b\"}' LIMIT 1000\"")]
    [InlineData("\"SELECT * FROM sensor_data \" + \"OFFSET 10\"", "\"SELECT * FROM sensor_data \" + \"OFFSET 10 LIMIT 1000\"")]
    public async Task Add_limit_appends_the_limit_to_the_outermost_query(string query, string fixedQuery)
    {
        await VerifyFixAsync("[|" + query + "|]", fixedQuery, AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsCodeFix.AddLimitKey);
    }

    [Fact]
    public async Task Add_limit_writes_the_configured_limit()
    {
        await VerifyFixAsync(
            "[|\"SELECT * FROM sensor_data\"|]", "\"SELECT * FROM sensor_data LIMIT 50\"",
            AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsCodeFix.AddLimitKey, editorconfig: "aws_analyzers.AWS015.default_limit = 50");
    }

    [Theory]
    [InlineData("\"SELECT * FROM iot.sensor_data WHERE year = '2025'\"", "\"SELECT device_id, temperature, \\\"Note\\\", year FROM iot.sensor_data WHERE year = '2025'\"")]
    [InlineData("\"SELECT s.* FROM sensor_data s\"", "\"SELECT s.device_id, s.temperature, s.\\\"Note\\\", s.year FROM sensor_data s\"")]
    public async Task Expand_star_names_the_catalog_columns(string query, string fixedQuery)
    {
        await VerifyFixAsync("[|" + query + "|]", fixedQuery, AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsCodeFix.ExpandStarKey, catalog: Catalog);
    }

    [Theory]
    [InlineData("\"CREATE TABLE daily WITH (format = 'TEXTFILE', external_location = 's3://b/daily/') AS SELECT device_id FROM sensor_data\"",
        "\"CREATE TABLE daily WITH (format = 'PARQUET', external_location = 's3://b/daily/') AS SELECT device_id FROM sensor_data\"")]
    [InlineData("\"UNLOAD (SELECT device_id FROM sensor_data) TO 's3://b/out/' WITH (format = 'json')\"",
        "\"UNLOAD (SELECT device_id FROM sensor_data) TO 's3://b/out/' WITH (format = 'PARQUET')\"")]
    public async Task Write_parquet_replaces_the_row_format(string query, string fixedQuery)
    {
        await VerifyFixAsync("[|" + query + "|]", fixedQuery, AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsCodeFix.WriteParquetKey);
    }

    [Fact]
    public async Task Fix_all_adds_the_limit_to_every_query_of_the_document()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest A() => new StartQueryExecutionRequest { QueryString = [|"SELECT * FROM a"|] };
                StartQueryExecutionRequest B() => new StartQueryExecutionRequest { QueryString = [|"SELECT b.* FROM b"|] };
            }
            """, """
            using Amazon.Athena.Model;

            class SensorReports
            {
                StartQueryExecutionRequest A() => new StartQueryExecutionRequest { QueryString = "SELECT * FROM a LIMIT 1000" };
                StartQueryExecutionRequest B() => new StartQueryExecutionRequest { QueryString = "SELECT b.* FROM b LIMIT 1000" };
            }
            """, AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsCodeFix.AddLimitKey);
    }

    [Theory]
    [InlineData("[|\"SELECT * FROM sensor_data\"|]", null, "AWS015.AddLimit")]
    [InlineData("[|\"SELECT * FROM sensor_data\"|]", Catalog, "AWS015.AddLimit AWS015.ExpandStar")]
    [InlineData("[|\"SELECT * FROM sensor_data s JOIN devices d ON d.id = s.device_id\"|]", Catalog, "AWS015.AddLimit")]
    [InlineData("[|\"SELECT * FROM other_table\"|]", Catalog, "AWS015.AddLimit")]
    [InlineData("[|All|]", Catalog, "")]
    [InlineData("[|\"(SELECT * FROM sensor_data)\"|]", null, "")]
    [InlineData("[|\"SELECT device_id FROM sensor_data ORDER BY ts\"|]", null, "")]
    [InlineData("[|\"CREATE TABLE d WITH (format = 'TEXTFILE', field_delimiter = ',') AS SELECT a FROM b\"|]", null, "")]
    [InlineData("[|\"CREATE TABLE d WITH (format = 'ION') AS SELECT a FROM b\"|]", null, "AWS015.WriteParquet")]
    public async Task Each_shape_offers_only_the_fixes_that_keep_it_valid(string query, string? catalog, string keys)
    {
        string source = Request(query).Replace("class SensorReports\n{", "class SensorReports\n{\n    const string All = \"SELECT * FROM sensor_data\";");
        var test = new VerifyCS.Test { TestCode = source };
        if (catalog is not null)
        {
            test.TestState.AdditionalFiles.Add(("/catalog/iot.glue.json", catalog));
        }

        await test.RunAsync();
        Assert.Equal(keys, string.Join(" ", await OfferedKeysAsync(source, catalog)));
    }

    private static async Task<System.Collections.Generic.List<string>> OfferedKeysAsync(string markedSource, string? catalog)
    {
        string source = markedSource.Replace("[|", string.Empty).Replace("|]", string.Empty);
        var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var project = workspace.AddProject("Reports", Microsoft.CodeAnalysis.LanguageNames.CSharp)
            .WithMetadataReferences(AwsAnalyzers.Tests.Infrastructure.TestReferences.All)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        if (catalog is not null)
        {
            project = project.AddAdditionalDocument("iot.glue.json", Microsoft.CodeAnalysis.Text.SourceText.From(catalog), filePath: "/catalog/iot.glue.json").Project;
        }

        var document = project.AddDocument("Reports.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsAnalyzer()),
            document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        var keys = new System.Collections.Generic.List<string>();
        var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, System.Linq.Enumerable.Single(diagnostics), (action, _) => keys.Add(action.EquivalenceKey!), System.Threading.CancellationToken.None);
        await new AwsAnalyzers.Athena.AWS015QueryReadsMoreThanItReturnsCodeFix().RegisterCodeFixesAsync(context);
        return keys;
    }
}
