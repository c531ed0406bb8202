using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Athena;
using AwsAnalyzers.Athena.Sql;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AwsAnalyzers.Tests.Athena;

/// <summary>
/// The fix over a corpus of queries of every statement kind and text shape: wherever it is offered, the result must
/// compile, bind one value per <c>?</c>, and no longer be reported.
/// </summary>
public class AWS004FixCorpusTests
{
    public static IEnumerable<object[]> Queries() => new[]
    {
        "SELECT * FROM sensor_data",
        "SELECT device_id, AVG(temperature) FROM sensor_data GROUP BY device_id HAVING AVG(temperature) > 30 ORDER BY 2 DESC LIMIT 10",
        "SELECT * FROM sensor_data WHERE a = 1 OR b = 2 ORDER BY a",
        "SELECT * FROM sensor_data s JOIN alerts a ON s.device_id = a.device_id LEFT JOIN devices AS d ON d.id = s.device_id",
        "SELECT * FROM sensor_data, alerts WHERE sensor_data.device_id = alerts.device_id",
        "WITH recent AS (SELECT * FROM sensor_data), hot AS (SELECT * FROM recent WHERE temperature > 30) SELECT * FROM hot",
        "SELECT * FROM (SELECT device_id FROM sensor_data GROUP BY device_id) t",
        "SELECT * FROM sensor_data WHERE device_id IN (SELECT device_id FROM alerts)",
        "SELECT device_id FROM sensor_data WHERE device_id = ? UNION ALL SELECT device_id FROM archive LIMIT ?",
        "INSERT INTO daily SELECT * FROM sensor_data",
        "CREATE TABLE optimized WITH (format = 'PARQUET', partitioned_by = ARRAY['year']) AS SELECT * FROM sensor_data",
        "UNLOAD (SELECT * FROM sensor_data) TO 's3://bucket/out/' WITH (format = 'PARQUET')",
        "SELECT * FROM sensor_data -- WHERE year = 2025\n",
        "SELECT * FROM sensor_data /* WHERE year = 2025 */ LIMIT 10",
        "SELECT * FROM sensor_data WHERE note = 'it''s year = 2025' AND device_id = ?",
        "SELECT * FROM \\\"sensor_data\\\" \\\"s\\\" JOIN alerts a ON a.id = \\\"s\\\".id",
        "SELECT * FROM sensor_data;",
        "SELECT * FROM sensor_data WHERE (a = 1 OR b = 2) AND c = ? ORDER BY d LIMIT ?",
        "SELECT x FROM sensor_data CROSS JOIN UNNEST(readings) AS r(x)",
        "SELECT * FROM sensor_data TABLESAMPLE BERNOULLI (10)",
        "SELECT * FROM iot.sensor_data FOR TIMESTAMP AS OF TIMESTAMP '2025-01-01 00:00:00'",
    }.Select(q => new object[] { q });

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Fixed_query_compiles_binds_every_parameter_and_is_no_longer_reported(string sql)
    {
        int existingParameters = sql.Count(c => c == '?');
        string parameters = existingParameters == 0
            ? string.Empty
            : "ExecutionParameters = new List<string> { " + string.Join(", ", Enumerable.Range(0, existingParameters).Select(i => "\"'p" + i + "'\"")) + " },";
        string source = $$"""
            using System.Collections.Generic;
            using Amazon.Athena.Model;

            class Reports
            {
                // The project's DDL: what partitions the fact tables. devices is not defined: a dimension table.
                const string SensorData = "CREATE EXTERNAL TABLE sensor_data (device_id string) PARTITIONED BY (year string, month string, day string) LOCATION 's3://bucket/sensor_data/'";
                const string Alerts = "CREATE EXTERNAL TABLE IF NOT EXISTS alerts (device_id string) PARTITIONED BY (dt string) STORED AS PARQUET";
                const string Archive = "CREATE TABLE archive WITH (partitioned_by = ARRAY['year']) AS SELECT device_id, year FROM sensor_data WHERE year = 2024";

                StartQueryExecutionRequest Build(string id) => new StartQueryExecutionRequest
                {
                    QueryString = "{{sql.Replace("\n", "\\n")}}",
                    {{parameters}}
                };
            }
            """;

        (Document document, ImmutableArray<Diagnostic> diagnostics) = await AnalyzeAsync(source);
        Assert.Single(diagnostics);

        Document? fixedDocument = await ApplyFixAsync(document, diagnostics[0]);
        Assert.True(fixedDocument is not null, "no fix offered for: " + sql);
        (Document after, ImmutableArray<Diagnostic> remaining) = await AnalyzeAsync((await fixedDocument!.GetTextAsync()).ToString());
        Compilation compilation = (await after.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(remaining);

        // One value per ? in the fixed text, and the original values keep their order.
        string fixedSource = (await after.GetTextAsync()).ToString();
        SqlStatement statement = SqlParser.Parse(FixedQuery(fixedSource));
        Assert.False(statement.IsUnknown, statement.Failure);
        string list = fixedSource.Substring(fixedSource.IndexOf("new List<string> {", StringComparison.Ordinal));
        list = list.Substring(0, list.IndexOf('}'));
        Assert.Equal(statement.ParameterCount, list.Split("CultureInfo.InvariantCulture").Length - 1 + existingParameters);
        int last = -1;
        for (int i = 0; i < existingParameters; i++)
        {
            int at = list.IndexOf("'p" + i + "'", StringComparison.Ordinal);
            Assert.True(at > last, "original values reordered: " + list);
            last = at;
        }
    }

    private static string FixedQuery(string source)
    {
        int start = source.IndexOf("QueryString = \"", StringComparison.Ordinal) + "QueryString = \"".Length;
        var text = new StringBuilder();
        for (int i = start; source[i] != '"'; i++)
        {
            if (source[i] == '\\')
            {
                i++;
                text.Append(source[i] switch { 'n' => '\n', _ => source[i] });
                continue;
            }

            text.Append(source[i]);
        }

        return text.ToString();
    }

    private static async Task<(Document, ImmutableArray<Diagnostic>)> AnalyzeAsync(string source)
    {
        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Reports", LanguageNames.CSharp)
            .WithMetadataReferences(TestReferences.All)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp12));
        Document document = project.AddDocument("Reports.cs", SourceText.From(source));
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AWS004MissingPartitionPredicateAnalyzer()), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics);
    }

    private static async Task<Document?> ApplyFixAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new AWS004MissingPartitionPredicateCodeFix().RegisterCodeFixesAsync(context);
        if (actions.Count == 0)
        {
            return null;
        }

        ImmutableArray<CodeActionOperation> operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        Solution solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id);
    }
}
