using System.Collections.Generic;
using AwsAnalyzers.Core;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>The small YAML reader templates are read with: the shapes CloudFormation and SAM templates use, and never an exception.</summary>
public class YamlReaderTests
{
    private static Dictionary<string, object?> Map(object? value) => Assert.IsType<Dictionary<string, object?>>(value);

    private static List<object?> Seq(object? value) => Assert.IsType<List<object?>>(value);

    [Fact]
    public void Block_mappings_sequences_and_scalars_nest_by_indentation()
    {
        var root = Map(YamlReader.Read("""
            # a template
            ---
            Resources:
              Table:
                Type: AWS::Glue::Table   # the resource type
                Properties:
                  Keys:
                    - Name: year
                      Type: 'string'
                    - Name: "month"
                      Type: int
                  Plain:
                  - a
                  - 'it''s # not a comment'
                  - "tab\tand \"quote\""
                  - ~
              Other: value that goes
                on the next line
            """));
        var table = Map(Map(root["Resources"])["Table"]);
        Assert.Equal("AWS::Glue::Table", table["Type"]);
        var keys = Seq(Map(table["Properties"])["Keys"]);
        Assert.Equal("year", Map(keys[0])["Name"]);
        Assert.Equal("string", Map(keys[0])["Type"]);
        Assert.Equal("month", Map(keys[1])["Name"]);
        Assert.Equal("int", Map(keys[1])["Type"]);
        Assert.Equal(new object?[] { "a", "it's # not a comment", "tab\tand \"quote\"", null }, Seq(Map(table["Properties"])["Plain"]));
        Assert.Equal("value that goes on the next line", Map(root["Resources"])["Other"]);
    }

    [Fact]
    public void Flow_collections_tags_block_scalars_and_anchors_are_read()
    {
        var root = Map(YamlReader.Read("""
            Keys: [ { Name: dt, Type: date }, { Name: 'region', Type: string } ]
            Spread: [a,
              b]
            Ref: !Ref Database
            Sub: !Sub 's3://${Bucket}/data/'
            Join: !Join
              - ''
              - [a, b]
            Text: |
              line one # kept
              Key: not a mapping
            After: &anchor kept
            Alias: *anchor
            """));
        var keys = Seq(root["Keys"]);
        Assert.Equal("dt", Map(keys[0])["Name"]);
        Assert.Equal("region", Map(keys[1])["Name"]);
        Assert.Equal(new object?[] { "a", "b" }, Seq(root["Spread"]));
        Assert.Equal("Database", Map(root["Ref"])["!Ref"]);
        Assert.Equal("s3://${Bucket}/data/", Map(root["Sub"])["!Sub"]);
        Assert.Equal(2, Seq(Map(root["Join"])["!Join"]).Count);
        Assert.Equal("line one # kept\nKey: not a mapping", root["Text"]);
        Assert.Equal("kept", root["After"]);
        Assert.Null(root["Alias"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n# only a comment\n")]
    [InlineData("Key: [unclosed, {")]
    [InlineData("Key: 'unterminated")]
    [InlineData("- a\nb: c\n  - d\n:\n- - -")]
    [InlineData("a:\n      b: 1\n   c: 2\n  d: 3\n e")]
    [InlineData("\t\tKey:\tvalue\n\t- x")]
    [InlineData("{ a: [1, 2], b: { c: d } ")]
    public void Malformed_or_empty_text_never_throws(string text)
    {
        _ = YamlReader.Read(text);
    }

    [Fact]
    public void Deep_nesting_is_not_followed()
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < YamlReader.MaxDepth * 2; i++)
        {
            text.Append(new string(' ', i)).Append("k:\n");
        }

        _ = YamlReader.Read(text.ToString());
        _ = YamlReader.Read(new string('[', 10_000));
    }

    [Fact]
    public void Only_the_first_document_is_read()
    {
        Assert.Equal("1", Map(YamlReader.Read("a: 1\n---\na: 2\n"))["a"]);
    }
}
