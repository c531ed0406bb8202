using System.Collections.Generic;
using AwsAnalyzers.Core;
using AwsAnalyzers.Security;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class JsonReaderTests
{
    [Fact]
    public void Members_items_and_strings_are_read_from_objects_arrays_and_single_values()
    {
        object? root = JsonReader.Read("{ \"one\": \"*\", \"many\": [ \"a\", 1, \"*\" ], \"none\": null, \"nested\": { \"k\": [] } }");

        Assert.Equal("*", JsonReader.Member(root, "one"));
        Assert.Null(JsonReader.Member(root, "missing"));
        Assert.Null(JsonReader.Member("not an object", "one"));
        Assert.True(JsonReader.HasMember(root, "none"));
        Assert.False(JsonReader.HasMember(root, "missing"));
        Assert.Equal(3, JsonReader.Items(JsonReader.Member(root, "many")).Count);
        Assert.Single(JsonReader.Items(JsonReader.Member(root, "one")));
        Assert.Empty(JsonReader.Items(JsonReader.Member(root, "none")));
        Assert.True(JsonReader.IsOrContainsString(JsonReader.Member(root, "one"), "*"));
        Assert.True(JsonReader.IsOrContainsString(JsonReader.Member(root, "many"), "*"));
        Assert.False(JsonReader.IsOrContainsString(JsonReader.Member(root, "many"), "b"));
        Assert.False(JsonReader.IsOrContainsString(JsonReader.Member(root, "nested"), "*"));
        Assert.IsType<List<object?>>(JsonReader.Member(JsonReader.Member(root, "nested"), "k"));
    }

    [Theory]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}", "\"*\"", false)]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}", "{\"AWS\": \"*\"}", false)]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"*\"],\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}", null, true)]
    [InlineData("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}", null, false)]
    [InlineData("{\"Statement\":[{\"Effect\":\"allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}", null, false)]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Condition\":{}}]}", null, false)]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", null, false)]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\"", null, false)]
    [InlineData("not json", null, false)]
    [InlineData("[\"Statement\"]", null, false)]
    public void Policies_are_read_for_public_principals_and_every_action_on_every_resource(string text, string? principal, bool allActions)
    {
        PolicyGrants grants = PolicyDocument.Read(text);
        Assert.Equal(principal, grants.PublicPrincipal);
        Assert.Equal(allActions, grants.AllActionsOnAllResources);
        Assert.Equal(principal is not null || allActions, grants.Any);
    }
}
