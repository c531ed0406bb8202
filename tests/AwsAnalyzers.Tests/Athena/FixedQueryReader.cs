using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Athena;
using AwsAnalyzers.Athena.Sql;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Athena;

/// <summary>Reads the statements of fixed code back with the SQL reader, as the rules read them.</summary>
internal static class FixedQueryReader
{
    /// <summary>Every text assigned to a property named <paramref name="property"/> in <paramref name="source"/>, read by the reader.</summary>
    public static SqlStatement[] Read(string source, string property = "QueryString")
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Fixed", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        SemanticModel model = compilation.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == property
                || a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } && member == property)
            .Select(a => QueryText.Read(model.GetOperation(a.Right)!, CancellationToken.None))
            .Where(segments => !segments.IsDefault)
            .Select(segments => SqlParser.Parse(AWS012ValueSplicedIntoStatementAnalyzer.AsParts(segments)))
            .ToArray();
    }
}
