using System.Linq;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class SyntaxRemovalTests
{
    private static InitializerExpressionSyntax Initializer(string code) =>
        CSharpSyntaxTree.ParseText("class C { object M() => " + code + "; }").GetRoot().DescendantNodes().OfType<InitializerExpressionSyntax>().First();

    [Theory]
    [InlineData("new P { A = 1, B = 2 }", "{ A = 1 }")]
    [InlineData("new P { A = 1, B = 2, C = 3 }", "{ A = 1, B = 2 }")]
    [InlineData("new P\n{\n    A = 1,\n    B = 2\n}", "{\n    A = 1\n}")]
    public void The_last_entry_goes_with_the_comma_before_it(string code, string expected)
    {
        InitializerExpressionSyntax initializer = Initializer(code);
        Assert.Equal(expected, SyntaxRemoval.WithoutLastEntry(initializer.Expressions.Last())!.ToFullString().Trim());
        Assert.All(initializer.Expressions.Take(initializer.Expressions.Count - 1), entry => Assert.Null(SyntaxRemoval.WithoutLastEntry(entry)));
    }

    [Theory]
    [InlineData("new P { A = 1, B = 2, }")]
    [InlineData("new P { A = 1 }")]
    public void Other_entries_are_left_to_the_general_removal(string code)
    {
        Assert.All(Initializer(code).Expressions, entry => Assert.Null(SyntaxRemoval.WithoutLastEntry(entry)));
    }
}
