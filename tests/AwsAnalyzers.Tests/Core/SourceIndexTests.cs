using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
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
        WordSet words = WordSet.Of(new[] { "DescribeCluster", "GetQueryExecutionAsync" });

        Assert.True(index.MayContainAny(tree, words, CancellationToken.None));
    }

    [Fact]
    public void A_tree_that_writes_none_of_the_words_whole_does_not()
    {
        // A longer identifier, a shorter one and a comment's text are other words or no words of the code at all.
        (SourceIndex index, SyntaxTree tree) = Index("class C { void GetQueryExecutionAsyncs() { GetQueryExecution(); } void GetQueryExecution() { } }");
        WordSet words = WordSet.Of(new[] { "DescribeCluster", "GetQueryExecutionAsync" });

        Assert.False(index.MayContainAny(tree, words, CancellationToken.None));
    }

    [Fact]
    public void A_types_trees_are_the_positions_of_its_parts_files_and_a_question_answers_by_position()
    {
        SyntaxTree first = CSharpSyntaxTree.ParseText("partial class Split { void M() { Send(); } void Send() { } } class Alone { }", path: "/0/First.cs");
        SyntaxTree second = CSharpSyntaxTree.ParseText("class Other { }", path: "/0/Second.cs");
        SyntaxTree third = CSharpSyntaxTree.ParseText("partial class Split { void Log() { } }", path: "/0/Third.cs");
        Compilation compilation = CSharpCompilation.Create("test", new[] { first, second, third });
        SourceIndex index = SourceIndex.For(compilation);

        int[] split = index.TreesOf(compilation.GetTypeByMetadataName("Split")!);
        Assert.Equal(new[] { 0, 2 }, split.OrderBy(i => i));
        Assert.Equal(new[] { 0 }, index.TreesOf(compilation.GetTypeByMetadataName("Alone")!));
        Assert.Same(split, index.TreesOf(compilation.GetTypeByMetadataName("Split")!));
        Assert.Equal(3, index.TreeCount);
        Assert.Same(third, index.Tree(2));

        SourceIndex.WordQuestion question = index.Question(WordSet.Of(new[] { "Send" }));
        Assert.True(question.MayBeWrittenIn(0, CancellationToken.None));
        Assert.False(question.MayBeWrittenIn(1, CancellationToken.None));
        Assert.False(question.MayBeWrittenIn(2, CancellationToken.None));

        // The answers are the word set's, whichever way they are asked.
        Assert.True(index.MayContainAny(first, WordSet.Of(new[] { "Send" }), CancellationToken.None));
        Assert.False(index.MayContainAny(third, WordSet.Of(new[] { "Send" }), CancellationToken.None));
    }

    [Fact]
    public void Names_that_differ_only_in_a_digit_are_told_apart()
    {
        // Generated and numbered names (Store12Async, Store13Async) share their ends, their length and their middle.
        (SourceIndex index, SyntaxTree tree) = Index("class C { void Store12Async() { } void Store21Async() { } }");

        Assert.True(index.MayContainAny(tree, WordSet.Of(new[] { "Store12Async" }), CancellationToken.None));
        Assert.False(index.MayContainAny(tree, WordSet.Of(new[] { "Store13Async" }), CancellationToken.None));
        Assert.False(index.MayContainAny(tree, WordSet.Of(new[] { "Store11Async" }), CancellationToken.None));
    }

    [Fact]
    public void A_name_that_is_not_one_word_makes_every_tree_a_candidate()
    {
        (SourceIndex index, SyntaxTree tree) = Index("class C { }");
        WordSet words = WordSet.Of(new[] { "DescribeCluster", "Amazon.S3" });

        Assert.True(words.MatchesEveryTree);
        Assert.True(index.MayContainAny(tree, words, CancellationToken.None));
    }

    [Fact]
    public void A_word_whose_bits_another_word_set_is_not_taken_for_written()
    {
        // Four thousand distinct words set about a fifth of the tree's bits, so that about one name in twenty that the
        // tree does not write finds both its bits set; the tree's text then says it is not there.
        var source = new System.Text.StringBuilder("class C { int a0");
        for (int i = 1; i < 4000; i++)
        {
            source.Append(", a").Append(i);
        }

        (SourceIndex index, SyntaxTree tree) = Index(source.Append("; }").ToString());
        for (int i = 0; i < 1000; i++)
        {
            Assert.False(index.MayContainAny(tree, WordSet.Of(new[] { "Absent" + i }), CancellationToken.None), "Absent" + i);
        }

        Assert.True(index.MayContainAny(tree, WordSet.Of(new[] { "Absent1", "a3999" }), CancellationToken.None));
    }

    [Fact]
    public void A_search_finds_a_name_in_every_tree_that_writes_it_and_in_no_other()
    {
        // More than 64 trees, so the table has several groups of trees; a large tree, whose own bit set is larger than
        // the table's; and a tree with a long number, which may hold every name.
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < 150; i++)
        {
            string body = i % 7 == 3 ? "Target(); Other" + i + "();" : "Other" + i + "();";
            trees.Add(CSharpSyntaxTree.ParseText("class C" + i + " { void M() { " + body + " } void Target() { } }", path: "/0/T" + i + ".cs"));
        }

        var large = new StringBuilder("class Large { void M() {");
        for (int i = 0; i < 2000; i++)
        {
            large.Append(" Filler").Append(i).Append("();");
        }

        trees.Add(CSharpSyntaxTree.ParseText(large.Append(" Target(); } }").ToString(), path: "/0/Large.cs"));
        trees.Add(CSharpSyntaxTree.ParseText("class Numbers { long n = 1" + new string('0', 80) + "; }", path: "/0/Numbers.cs"));
        SourceIndex index = SourceIndex.For(CSharpCompilation.Create("test", trees));

        ImmutableArray<SyntaxToken> found = index.Occurrences("Target", CancellationToken.None);

        // Every tree declares Target; the calls are in one tree in seven and in the large one.
        var expected = new List<string>();
        for (int i = 0; i < 150; i++)
        {
            expected.Add("/0/T" + i + ".cs");
            if (i % 7 == 3)
            {
                expected.Add("/0/T" + i + ".cs");
            }
        }

        expected.Add("/0/Large.cs");
        Assert.Equal(expected, found.Select(token => token.SyntaxTree!.FilePath));
        Assert.Single(index.Occurrences("Other77", CancellationToken.None));
        Assert.Empty(index.Occurrences("Other150", CancellationToken.None));
        Assert.Single(index.Occurrences("Filler1999", CancellationToken.None));
    }

    [Fact]
    public void Span_texts_keep_only_the_names_that_hold_no_other()
    {
        ImmutableArray<string> texts = SourceIndex.SpanTexts(new[] { "GetJobRunAsync", "GetJobRun", "DescribeStream", "DescribeStreamSummary", "GetJobRun" });

        Assert.Equal(new[] { "GetJobRun", "DescribeStream" }, texts);
    }

    [Fact]
    public void A_span_may_contain_a_text_only_when_the_text_is_inside_it()
    {
        const string Source = "class C { void M(dynamic c) { while (true) { c.GetJobRunAsync(); } for (;;) { c.Other(); } } }";
        (SourceIndex index, SyntaxTree tree) = Index(Source);
        ImmutableArray<string> texts = SourceIndex.SpanTexts(new[] { "GetJobRun", "GetJobRunAsync" });
        int whileStart = Source.IndexOf("while", StringComparison.Ordinal);
        int forStart = Source.IndexOf("for (", StringComparison.Ordinal);

        Assert.True(index.SpanMayContainAny(tree, TextSpan.FromBounds(whileStart, forStart), texts, CancellationToken.None));
        Assert.False(index.SpanMayContainAny(tree, TextSpan.FromBounds(forStart, Source.Length), texts, CancellationToken.None));

        // The text cut by the span's end is not in it.
        int call = Source.IndexOf("GetJobRun", StringComparison.Ordinal);
        Assert.False(index.SpanMayContainAny(tree, TextSpan.FromBounds(whileStart, call + 4), texts, CancellationToken.None));
    }

    [Fact]
    public void A_span_counts_a_text_only_inside_it_and_up_to_the_limit()
    {
        const string Source = "class C { void M(dynamic r) { r.QueryString = \"a\"; r.QueryString += \"b\"; } void N(dynamic r) { r.QueryString = \"c\"; } }";
        (SourceIndex index, SyntaxTree tree) = Index(Source);
        int m = Source.IndexOf("void M", StringComparison.Ordinal);
        int n = Source.IndexOf("void N", StringComparison.Ordinal);

        Assert.Equal(2, index.CountInSpan(tree, TextSpan.FromBounds(m, n), "QueryString", limit: 5, CancellationToken.None));
        Assert.Equal(1, index.CountInSpan(tree, TextSpan.FromBounds(n, Source.Length), "QueryString", limit: 5, CancellationToken.None));
        Assert.Equal(2, index.CountInSpan(tree, TextSpan.FromBounds(0, Source.Length), "QueryString", limit: 2, CancellationToken.None));

        // A text cut by the span's end is not counted; a span past the text counts as the limit.
        int second = Source.IndexOf("QueryString +=", StringComparison.Ordinal);
        Assert.Equal(1, index.CountInSpan(tree, TextSpan.FromBounds(m, second + 5), "QueryString", limit: 5, CancellationToken.None));
        Assert.Equal(0, index.CountInSpan(tree, TextSpan.FromBounds(0, m), "QueryString", limit: 5, CancellationToken.None));
        Assert.Equal(5, index.CountInSpan(tree, TextSpan.FromBounds(0, Source.Length + 10), "QueryString", limit: 5, CancellationToken.None));
    }

    [Fact]
    public void The_set_of_a_search_that_gave_up_matches_every_tree()
    {
        (SourceIndex index, SyntaxTree tree) = Index("class C { }");
        WordSet words = WordSet.Of(default(ImmutableArray<string>));

        Assert.True(words.MatchesEveryTree);
        Assert.True(index.MayContainAny(tree, words, CancellationToken.None));
        Assert.False(WordSet.Of(ImmutableArray.Create("Absent")).MatchesEveryTree);
    }

    [Fact]
    public void Method_words_cover_a_method_and_its_Async_twin_and_nothing_longer()
    {
        WordSet words = WordSet.OfMethods("PutItem", "Invoke");
        (SourceIndex asyncIndex, SyntaxTree asyncTree) = Index("class C { void M(dynamic c) { c.PutItemAsync(); } }");
        (SourceIndex longerIndex, SyntaxTree longerTree) = Index("class C { void M(dynamic c) { c.PutItems(); c.InvokeLater(); } }");

        Assert.Equal(new[] { "PutItem", "PutItemAsync", "Invoke", "InvokeAsync" }, words.Names);
        Assert.True(asyncIndex.MayContainAny(asyncTree, words, CancellationToken.None));
        Assert.False(longerIndex.MayContainAny(longerTree, words, CancellationToken.None));
    }
}
