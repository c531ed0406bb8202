using System.Linq;
using AwsAnalyzers.Lambda;
using Xunit;

namespace AwsAnalyzers.Tests.Lambda;

/// <summary>The relative actions read from UpdateExpression text: what a second run applies a second time.</summary>
public class UpdateExpressionActionsTests
{
    [Theory]
    [InlineData("ADD #count :one", "ADD #count :one", ":one")]
    [InlineData("set total = total + :v", "SET total = total + :v", null)]
    [InlineData("SET a = :x, total = :v - total REMOVE old", "SET total = :v - total", null)]
    [InlineData("SET #t = if_not_exists(#t, :zero) + :v", "SET #t = if_not_exists(#t, :zero) + :v", null)]
    [InlineData("SET events = list_append(events, :e)", "SET events = list_append(events, :e)", null)]
    [InlineData("SET events = list_append(:e, events)", "SET events = list_append(:e, events)", null)]
    [InlineData("SET a.b[0] = a.b[0] + :one", "SET a.b[0] = a.b[0] + :one", null)]
    public void A_relative_action_is_found_with_its_text(string expression, string action, string? added)
    {
        UpdateExpressionActions.RelativeAction found = Assert.Single(UpdateExpressionActions.Find(expression));
        Assert.Equal(action, found.Text);
        Assert.Equal(added, found.AddedValue);
    }

    [Theory]
    [InlineData("SET total = :v")]
    [InlineData("SET total = other + :v")]
    [InlineData("SET events = list_append(other, :e)")]
    [InlineData("REMOVE total DELETE tags :t")]
    [InlineData("SET total = :v; DROP")]
    [InlineData("")]
    [InlineData("ADD (")]
    public void Absolute_actions_and_text_that_does_not_read_give_nothing(string expression)
    {
        Assert.Empty(UpdateExpressionActions.Find(expression));
    }

    [Fact]
    public void Every_relative_action_of_an_expression_is_found_in_order()
    {
        Assert.Equal(
            new[] { "ADD n :one", "SET t = t + :v" },
            UpdateExpressionActions.Find("ADD n :one SET t = t + :v, u = :w").Select(a => a.Text));
    }
}
