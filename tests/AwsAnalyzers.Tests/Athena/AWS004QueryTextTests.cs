using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwsAnalyzers.Athena;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Athena;

/// <summary>Reading the query text assigned to QueryString, and mapping its characters back to the document.</summary>
public class AWS004QueryTextTests
{
    private const string Tq = "\"\"\"";

    [Theory]
    [InlineData("\"SELECT * FROM t\"", "SELECT * FROM t")]
    [InlineData("@\"SELECT \"\"x\"\" FROM t\"", "SELECT \"x\" FROM t")]
    [InlineData("\"SELECT\\t*\\nFROM \\\"t\\\" \\u0041\\x41\"", "SELECT\t*\nFROM \"t\" AA")]
    [InlineData(Tq + "SELECT \"x\" FROM t" + Tq, "SELECT \"x\" FROM t")]
    [InlineData("\"SELECT * \" + \"FROM t\"", "SELECT * FROM t")]
    [InlineData("Query", "SELECT * FROM consts")]
    [InlineData("Prefix + \"FROM t\"", "SELECT * FROM t")]
    [InlineData("$\"SELECT {{x}} FROM t\"", "SELECT {x} FROM t")]
    [InlineData("$\"SELECT * FROM {Table} WHERE a = 1\"", "SELECT * FROM events WHERE a = 1")]
    [InlineData("$@\"SELECT \"\"{{x}}\"\" FROM t\"", "SELECT \"{x}\" FROM t")]
    [InlineData("$" + Tq + "SELECT {day} FROM t" + Tq, "SELECT {…} FROM t")]
    [InlineData("$$" + Tq + "SELECT {x} FROM {{day}}" + Tq, "SELECT {x} FROM {…}")]
    [InlineData("\"SELECT * FROM t WHERE d = \" + day", "SELECT * FROM t WHERE d = {…}")]
    [InlineData("$\"SELECT * FROM t LIMIT {limit,5}\"", "SELECT * FROM t LIMIT {…}")]
    [InlineData("\"SELECT \" + null + \"1\"", "SELECT 1")]
    public void Reads_each_text_shape(string expression, string expected)
    {
        ImmutableArray<QueryTextSegment> segments = Read(expression);
        Assert.False(segments.IsDefault);
        Assert.Equal(expected, QueryText.Display(segments));
    }

    [Theory]
    [InlineData("day")]
    [InlineData("Build()")]
    [InlineData("$\"{day}\"")]
    [InlineData("day + Build()")]
    [InlineData("\"\"")]
    public void Text_that_is_not_known_reads_as_unknown(string expression)
    {
        Assert.True(Read(expression).IsDefault);
    }

    [Fact]
    public void Constants_declared_elsewhere_are_known_but_not_editable()
    {
        ImmutableArray<QueryTextSegment> segments = Read("Query");
        QueryTextSegment segment = Assert.Single(segments);
        Assert.Null(segment.Map);

        segments = Read("Prefix + \"FROM t\"");
        Assert.Null(segments[0].Map);
        Assert.NotNull(segments[1].Map);
    }

    [Fact]
    public void A_constant_concatenation_of_constants_only_is_one_text_written_elsewhere()
    {
        QueryTextSegment segment = Assert.Single(Read("Prefix + Query"));
        Assert.Equal("SELECT * SELECT * FROM consts", segment.Text);
        Assert.Null(segment.Map);
    }

    [Fact]
    public void A_long_concatenation_is_read_without_recursion()
    {
        string expression = string.Join(" + ", Enumerable.Repeat("\"a\"", 3000));
        ImmutableArray<QueryTextSegment> segments = Read(expression);
        Assert.Equal(3000, segments.Length);
        Assert.Equal(new string('a', 3000), QueryText.Display(segments));
    }

    // Every offset of every literal shape next to a non-blank character (where a fix inserts: before or after a SQL
    // token): inserting at the mapped position must insert at that offset of the value.
    [Theory]
    [InlineData("\"SELECT * FROM t\"")]
    [InlineData("\"a\\tb\\\\c\\\"d\\u00e9\\x41z\\U0001F600!\"")]
    [InlineData("@\"a \"\"q\"\" b\"")]
    [InlineData(Tq + "a \"q\" b" + Tq)]
    [InlineData("\"\"\"\"a \"\"\" b\"\"\"\"")]
    [InlineData(Tq + "\n        SELECT *\n          FROM t\n\n        WHERE a = 1\n        " + Tq)]
    [InlineData(Tq + "\r\n        SELECT *\r\n        FROM t\r\n        " + Tq)]
    [InlineData("$\"a {{b}} \\\"c\\\" {day} d\"")]
    [InlineData("$@\"a {{b}} \"\"c\"\" {day} d\"")]
    [InlineData("@$\"a\r\nb {day}\"")]
    [InlineData("$" + Tq + "a \"b\" {day} c" + Tq)]
    [InlineData("$$" + Tq + "a {b} {{day}} c" + Tq)]
    [InlineData("$" + Tq + "\n        SELECT *\n        FROM t {day}\n          WHERE a = 1 {day}\n        AND b\n        " + Tq)]
    [InlineData("$" + Tq + "\n        {day} SELECT *\n        FROM t\n        " + Tq)]
    [InlineData("\"\" + \"a\"")]
    public void Every_offset_maps_to_the_position_that_inserts_there(string expression)
    {
        (CSharpCompilation compilation, ExpressionSyntax value) = Compile(expression);
        ImmutableArray<QueryTextSegment> segments = Read(compilation, value);
        Assert.False(segments.IsDefault);
        string source = value.SyntaxTree.GetText().ToString();
        int checkedMaps = 0;
        for (int index = 0; index < segments.Length; index++)
        {
            QueryTextSegment segment = segments[index];
            if (segment.IsHole)
            {
                continue;
            }

            Assert.NotNull(segment.Map);
            checkedMaps++;
            for (int offset = 0; offset <= segment.Text!.Length; offset++)
            {
                bool afterToken = offset > 0 && !char.IsWhiteSpace(segment.Text[offset - 1]);
                bool beforeToken = offset < segment.Text.Length && !char.IsWhiteSpace(segment.Text[offset]);
                if (!(afterToken || beforeToken) || (offset > 0 && offset < segment.Text.Length && char.IsLowSurrogate(segment.Text[offset])))
                {
                    continue;
                }

                int position = segment.Map!.PositionOf(offset)!.Value;
                string edited = source.Substring(0, position) + "X" + source.Substring(position);
                (CSharpCompilation editedCompilation, ExpressionSyntax editedValue) = CompileSource(edited);
                ImmutableArray<QueryTextSegment> editedSegments = Read(editedCompilation, editedValue);
                string expected = segment.Text.Insert(offset, "X");
                Assert.True(
                    editedSegments.Length == segments.Length && editedSegments[index].Text == expected,
                    $"offset {offset} of segment {index}: expected '{expected}', got '{(editedSegments.Length > index ? editedSegments[index].Text : "?")}' from {edited}");
            }
        }

        Assert.True(checkedMaps > 0);
    }

    private static ImmutableArray<QueryTextSegment> Read(string expression)
    {
        (CSharpCompilation compilation, ExpressionSyntax value) = Compile(expression);
        return Read(compilation, value);
    }

    private static ImmutableArray<QueryTextSegment> Read(CSharpCompilation compilation, ExpressionSyntax value)
    {
        SemanticModel model = compilation.GetSemanticModel(value.SyntaxTree);
        IOperation operation = model.GetOperation(value)!;
        return QueryText.Read(operation, CancellationToken.None);
    }

    private static (CSharpCompilation, ExpressionSyntax) Compile(string expression) => CompileSource($$"""
        class Queries
        {
            const string Query = "SELECT * FROM consts";
            const string Prefix = "SELECT * ";
            const string Table = "events";

            static string Build() => "";

            string Make(string day, int limit) => {{expression}};
        }
        """);

    private static (CSharpCompilation, ExpressionSyntax) CompileSource(string source)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "QueryTextTest",
            new[] { tree },
            TestReferences.FrameworkAndSdk,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        ExpressionSyntax value = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Make").ExpressionBody!.Expression;
        return (compilation, value);
    }
}
