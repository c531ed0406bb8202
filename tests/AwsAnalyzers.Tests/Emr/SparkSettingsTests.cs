using System;
using System.IO;
using System.Linq;
using AwsAnalyzers.Emr;
using AwsAnalyzers.Tests.Infrastructure;
using Xunit;

namespace AwsAnalyzers.Tests.Emr;

/// <summary>The table of Spark keys Spark ignores ships once: the analyzer's entries and the rule page's rows agree.</summary>
public class SparkSettingsTests
{
    [Fact]
    public void The_rule_page_lists_exactly_the_analyzer_s_spark_keys()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "docs", "rules", "AWS022.md"));
        string section = page.Substring(page.IndexOf("## The Spark keys", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n## ", 1, StringComparison.Ordinal));
        string[] rows = section.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(
            SparkSettings.Ignored.Select(entry => $"| `{entry.Key}` | {(entry.Reason == IgnoredBecause.NotASparkProperty ? "not a Spark property" : "legacy memory mode only")} |"),
            rows);
    }

    [Fact]
    public void Keys_match_exactly_as_spark_reads_them()
    {
        Assert.Equal(IgnoredBecause.NotASparkProperty, SparkSettings.Find("spark.executor.memoryFraction"));
        Assert.Null(SparkSettings.Find("spark.memory.fraction"));
        Assert.Null(SparkSettings.Find("SPARK.STORAGE.MEMORYFRACTION"));
    }
}
