using System.Linq;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>
/// Compiles user code against the test references and hands out the operations of its members, for the tests of the
/// shared analysis services (which answer questions about operations, not diagnostics).
/// </summary>
internal sealed class CompiledSource
{
    private readonly SemanticModel _model;
    private readonly SyntaxNode _root;

    public CompiledSource(string source)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12));
        var compilation = CSharpCompilation.Create(
            "UserCode",
            new[] { tree },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The test source must compile: " + string.Join("; ", errors.Select(e => e.ToString())));
        _model = compilation.GetSemanticModel(tree);
        _root = tree.GetRoot();
    }

    /// <summary>The operation of the method (or local function) named <paramref name="name"/>'s body.</summary>
    public IOperation Body(string name)
    {
        SyntaxNode declaration = _root.DescendantNodes().First(n =>
            n is MethodDeclarationSyntax method && method.Identifier.ValueText == name
            || n is LocalFunctionStatementSyntax local && local.Identifier.ValueText == name);
        return _model.GetOperation(declaration)!;
    }

    /// <summary>The local or parameter named <paramref name="name"/>, declared anywhere in the source.</summary>
    public ISymbol Variable(string name)
    {
        foreach (SyntaxNode node in _root.DescendantNodes())
        {
            ISymbol? symbol = node switch
            {
                VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == name => _model.GetDeclaredSymbol(declarator),
                SingleVariableDesignationSyntax designation when designation.Identifier.ValueText == name => _model.GetDeclaredSymbol(designation),
                ParameterSyntax parameter when parameter.Identifier.ValueText == name => _model.GetDeclaredSymbol(parameter),
                CatchDeclarationSyntax catchDeclaration when catchDeclaration.Identifier.ValueText == name => _model.GetDeclaredSymbol(catchDeclaration),
                ForEachStatementSyntax loop when loop.Identifier.ValueText == name => _model.GetDeclaredSymbol(loop),
                _ => null,
            };

            if (symbol is not null)
            {
                return symbol;
            }
        }

        throw new Xunit.Sdk.XunitException("No variable named " + name);
    }

    /// <summary>The operation of the first expression whose text is exactly <paramref name="text"/>.</summary>
    public IOperation Expression(string text)
    {
        SyntaxNode node = _root.DescendantNodes().First(n => n is ExpressionSyntax && n.ToString() == text);
        return _model.GetOperation(node)!;
    }
}
