using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace AwsAnalyzers.Core;

/// <summary>
/// Every option of every rule, declared once: <c>aws_analyzers.&lt;ID&gt;.&lt;option&gt; = value</c> in .editorconfig
/// or a global config. The rules read their values through these definitions; AWS000 checks what users wrote against
/// them; the README's configuration table and the rule pages are tested against them. A new option is one line here.
/// </summary>
internal static class RuleOptions
{
    public const string Prefix = "aws_analyzers.";

    public static readonly RuleOption<ImmutableArray<string>> AthenaPartitionColumns = Define(
        RuleIds.AthenaQueryWithoutPartitionPredicate, "partition_columns", OptionTypes.ColumnNames, ImmutableArray.Create("year", "month", "day", "hour", "dt", "date"),
        "Partition columns checked when the project has no Glue catalog export");

    public static readonly RuleOption<ImmutableArray<string>> AthenaFixPartitionColumns = Define(
        RuleIds.AthenaQueryWithoutPartitionPredicate, "fix_partition_columns", OptionTypes.ColumnNames, ImmutableArray.Create("year", "month", "day"),
        "Columns the fix adds predicates for when there is no catalog export");

    public static readonly RuleOption<ImmutableArray<string>> AthenaCatalogFilePattern = Define(
        RuleIds.AthenaQueryWithoutPartitionPredicate, "catalog_file_pattern", OptionTypes.FileNamePatterns, ImmutableArray.Create("*.glue.json"),
        "Which AdditionalFiles are Glue catalog exports (set it in a `[*.json]` section)");

    public static readonly RuleOption<ImmutableArray<string>> ThrottledServices = Define(
        RuleIds.ThrottlingNotHandled, "services", OptionTypes.ListOf("kinesis", "dynamodb"), ImmutableArray.Create("kinesis"),
        "Services whose writes are checked: `kinesis`, `dynamodb`");

    public static readonly RuleOption<ImmutableArray<string>> IdempotencyKeyAttributes = Define(
        RuleIds.NonIdempotentWriteInConsumer, "key_attributes", OptionTypes.AttributeNames, ImmutableArray.Create("id", "pk", "sk"),
        "Item attributes that are table keys, for low-level `PutItem` writes (DataModel keys come from their attributes)");

    // Filled by Define as the fields above are initialized; deliberately without an initializer of its own, which
    // would run in textual order and could empty it again.
    private static List<RuleOption>? s_defined;

    private static ImmutableArray<RuleOption> s_all;

    /// <summary>Every option, in declaration order (the order of the README table).</summary>
    public static ImmutableArray<RuleOption> All
    {
        get
        {
            if (s_all.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref s_all, s_defined?.ToImmutableArray() ?? ImmutableArray<RuleOption>.Empty);
            }

            return s_all;
        }
    }

    public static string Key(string ruleId, string option) => Prefix + ruleId + "." + option;

    /// <summary>The options of one rule, in declaration order.</summary>
    public static ImmutableArray<RuleOption> Of(string ruleId) =>
        All.Where(option => string.Equals(option.RuleId, ruleId, StringComparison.OrdinalIgnoreCase)).ToImmutableArray();

    /// <summary>The option a key names (keys compare case-insensitively, as .editorconfig lowercases them), or null.</summary>
    public static RuleOption? Find(string key)
    {
        foreach (RuleOption option in All)
        {
            if (string.Equals(option.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return option;
            }
        }

        return null;
    }

    private static RuleOption<T> Define<T>(string ruleId, string name, OptionType<T> type, T defaultValue, string documentation)
    {
        var option = new RuleOption<T>(ruleId, name, type, defaultValue, documentation);
        (s_defined ??= new List<RuleOption>()).Add(option);
        return option;
    }
}
