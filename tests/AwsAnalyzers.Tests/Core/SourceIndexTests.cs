using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class SourceIndexTests
{
    private static (SourceIndex Index, SyntaxTree Tree) Index(string source)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, path: "/0/Test.cs");
        Compilation compilation = CSharpCompilation.Create("test", new[] { tree });
        return (SourceIndex.For(compilation), tree);
    }

    [Fact]
    public void A_tree_that_writes_one_of_the_words_may_contain_them()
    {
        (SourceIndex index, SyntaxTree tree) = Index("class C { void M(dynamic c) { c.GetQueryExecutionAsync(); } }");
        ImmutableArray<int> keys = SourceIndex.WordKeys(new[] { "DescribeCluster", "GetQueryExecutionAsync" });

        Assert.True(index.MayContainAny(tree, keys, CancellationToken.None));
    }

    [Fact]
    public void A_tree_that_writes_none_of_the_words_whole_does_not()
    {
        // A longer identifier, a shorter one and a comment's text are other words or no words of the code at all.
        (SourceIndex index, SyntaxTree tree) = Index("class C { void GetQueryExecutionAsyncs() { GetQueryExecution(); } void GetQueryExecution() { } }");
        ImmutableArray<int> keys = SourceIndex.WordKeys(new[] { "DescribeCluster", "GetQueryExecutionAsync" });

        Assert.False(index.MayContainAny(tree, keys, CancellationToken.None));
    }

    [Fact]
    public void Names_that_differ_only_in_a_digit_are_told_apart()
    {
        // Generated and numbered names (Store12Async, Store13Async) share their ends, their length and their middle.
        (SourceIndex index, SyntaxTree tree) = Index("class C { void Store12Async() { } void Store21Async() { } }");

        Assert.True(index.MayContainAny(tree, SourceIndex.WordKeys(new[] { "Store12Async" }), CancellationToken.None));
        Assert.False(index.MayContainAny(tree, SourceIndex.WordKeys(new[] { "Store13Async" }), CancellationToken.None));
        Assert.False(index.MayContainAny(tree, SourceIndex.WordKeys(new[] { "Store11Async" }), CancellationToken.None));
    }

    [Fact]
    public void A_name_that_is_not_one_word_makes_every_tree_a_candidate()
    {
        (SourceIndex index, SyntaxTree tree) = Index("class C { }");
        ImmutableArray<int> keys = SourceIndex.WordKeys(new[] { "DescribeCluster", "Amazon.S3" });

        Assert.True(keys.IsDefault);
        Assert.True(index.MayContainAny(tree, keys, CancellationToken.None));
    }
}
