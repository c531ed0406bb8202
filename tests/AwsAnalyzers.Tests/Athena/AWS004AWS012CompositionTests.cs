using System.Linq;
using System.Threading.Tasks;
using AwsAnalyzers.Athena;
using AwsAnalyzers.Athena.Sql;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

using static AwsAnalyzers.Tests.Infrastructure.DocumentFixes;

namespace AwsAnalyzers.Tests.Athena;

/// <summary>
/// A query that AWS004 (no partition predicate) and AWS012 (a spliced value) both report: whichever fix runs first,
/// the other is still offered, and the values both add take the places of their <c>?</c> in the final text.
/// </summary>
public class AWS004AWS012CompositionTests
{
    private const string Source = """
        using Amazon.Athena.Model;

        class SensorReports
        {
            StartQueryExecutionRequest Build(string deviceId) => new StartQueryExecutionRequest
            {
                QueryString = $"SELECT * FROM sensor_data WHERE device_id = '{deviceId}' ORDER BY ts LIMIT 10",
                WorkGroup = "primary",
            };
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Either_fix_first_leaves_the_other_offered_and_binds_every_value_in_text_order(bool partitionsFirst)
    {
        Document document = CreateDocument(Source);
        (DiagnosticAnalyzer, CodeFixProvider, string) partitions =
            (new AWS004MissingPartitionPredicateAnalyzer(), new AWS004MissingPartitionPredicateCodeFix(), AWS004MissingPartitionPredicateCodeFix.EquivalenceKey);
        (DiagnosticAnalyzer, CodeFixProvider, string) parameters =
            (new AWS012ValueSplicedIntoStatementAnalyzer(), new AWS012ValueSplicedIntoStatementCodeFix(), AWS012ValueSplicedIntoStatementCodeFix.EquivalenceKey);
        foreach ((DiagnosticAnalyzer analyzer, CodeFixProvider fix, string key) in partitionsFirst ? new[] { partitions, parameters } : new[] { parameters, partitions })
        {
            document = await FixAllAsync(document, analyzer, fix, key);
        }

        string text = (await document.GetTextAsync()).ToString();
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(await DiagnosticsAsync(document, new AWS004MissingPartitionPredicateAnalyzer(), new AWS012ValueSplicedIntoStatementAnalyzer()));

        Assert.Contains("WHERE device_id = ? AND year = ? AND month = ? AND day = ? ORDER BY ts LIMIT 10", text);
        SqlStatement statement = Assert.Single(FixedQueryReader.Read(text));
        Assert.Equal(4, statement.ParameterCount);
        Assert.Empty(statement.Holes);

        // The device's value is the first of the list, before today's year, month and day.
        string list = text.Substring(text.IndexOf("ExecutionParameters = new List<string> {", System.StringComparison.Ordinal));
        Assert.True(list.IndexOf("deviceId", System.StringComparison.Ordinal) < list.IndexOf("\"yyyy\"", System.StringComparison.Ordinal), list);
        Assert.Equal(3, list.Split("CultureInfo.InvariantCulture").Length - 1);
        Assert.Single(list.Split("deviceId?.Replace").Skip(1));
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp12))
            .AddMetadataReferences(TestReferences.All);
        return project.AddDocument("Test0.cs", SourceText.From(source), filePath: "/0/Test0.cs");
    }
}
