using System.Linq;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class SourceTextSearchTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4090)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(8185)]
    public void Finds_every_occurrence_once_wherever_chunks_split_the_text(int firstAt)
    {
        string text = new string('x', firstAt) + "PartitionKey" + new string('y', 5000) + "PartitionKeyPartitionKey" + "z";
        int second = firstAt + "PartitionKey".Length + 5000;

        var found = SourceTextSearch.FindAll(SourceText.From(text), "PartitionKey", CancellationToken.None);

        Assert.Equal(new[] { firstAt, second, second + "PartitionKey".Length }, found!.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Partition")]
    [InlineData("partitionkey PartitionKe y")]
    public void Finds_nothing_where_the_word_is_absent(string text)
    {
        Assert.Null(SourceTextSearch.FindAll(SourceText.From(text), "PartitionKey", CancellationToken.None));
    }

    [Fact]
    public void A_text_that_is_exactly_the_word_is_found()
    {
        Assert.Equal(new[] { 0 }, SourceTextSearch.FindAll(SourceText.From("PartitionKey"), "PartitionKey", CancellationToken.None)!.ToArray());
    }
}
