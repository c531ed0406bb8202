using System;
using System.Collections.Immutable;

namespace AwsAnalyzers.Emr;

/// <summary>Why Spark ignores a key of the table.</summary>
internal enum IgnoredBecause
{
    /// <summary>No version of Spark has the key.</summary>
    NotASparkProperty,

    /// <summary>Read only by the legacy memory manager (before Spark 1.6, or with <c>spark.memory.useLegacyMode</c>).</summary>
    LegacyMemoryMode,
}

/// <summary>
/// The Spark keys Spark does not know or ignores without legacy memory mode: one table, here and on the rule page
/// (docs/rules/AWS022.md), which a test keeps equal. Sources: Spark's configuration page (Memory Management) and the
/// tuning guide's memory management overview.
/// </summary>
internal static class SparkSettings
{
    /// <summary>The key that turns the legacy memory manager back on (Spark 1.6 to 2.4).</summary>
    public const string LegacyModeKey = "spark.memory.useLegacyMode";

    public static ImmutableArray<(string Key, IgnoredBecause Reason)> Ignored { get; } = ImmutableArray.Create(
        ("spark.executor.memoryFraction", IgnoredBecause.NotASparkProperty),
        ("spark.shuffle.memoryFraction", IgnoredBecause.LegacyMemoryMode),
        ("spark.storage.memoryFraction", IgnoredBecause.LegacyMemoryMode),
        ("spark.storage.unrollFraction", IgnoredBecause.LegacyMemoryMode));

    /// <summary>The entry for <paramref name="key"/>, matched as Spark matches keys (exactly), or null.</summary>
    public static IgnoredBecause? Find(string key)
    {
        foreach ((string ignored, IgnoredBecause reason) in Ignored)
        {
            if (string.Equals(ignored, key, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return null;
    }
}
