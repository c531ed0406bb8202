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
        "Partition columns checked for tables that no catalog export, DDL, template or other query of the project describes");

    public static readonly RuleOption<ImmutableArray<string>> AthenaFixPartitionColumns = Define(
        RuleIds.AthenaQueryWithoutPartitionPredicate, "fix_partition_columns", OptionTypes.ColumnNames, ImmutableArray.Create("year", "month", "day"),
        "Columns the fix adds predicates for when the query reads one table that nothing describes");

    public static readonly RuleOption<ImmutableArray<string>> AthenaCatalogFilePattern = Define(
        RuleIds.AthenaQueryWithoutPartitionPredicate, "catalog_file_pattern", OptionTypes.FileNamePatterns, ImmutableArray.Create("*.glue.json"),
        "Which AdditionalFiles are Glue catalog exports (set it in a `[*.json]` section)");

    public static readonly RuleOption<ImmutableArray<string>> ThrottledServices = Define(
        RuleIds.ThrottlingNotHandled, "services", OptionTypes.ListOf("kinesis", "dynamodb"), ImmutableArray.Create("kinesis"),
        "Services whose writes are checked: `kinesis`, `dynamodb`");

    public static readonly RuleOption<bool> PageReadOnceReportExplicitPageSize = Define(
        RuleIds.PageReadOnce, "report_explicit_page_size", OptionTypes.Boolean, false,
        "Also report a single page read when the request sets a page size (`MaxKeys`, `Limit`, `MaxResults`)");

    public static readonly RuleOption<bool> AccessKeyReportNonLiteral = Define(
        RuleIds.AccessKeyInCode, "report_non_literal", OptionTypes.Boolean, false,
        "Also report every `BasicAWSCredentials` built in code, whatever its key");

    public static readonly RuleOption<bool> S3CompatibleEndpoint = Define(
        RuleIds.StatusPollingLoop, "s3_compatible_endpoint", OptionTypes.Boolean, false,
        "The S3 client talks to an S3-compatible store that may not be strongly consistent: leave waits for written objects alone");

    public static readonly RuleOption<bool> QueueLevelLongPolling = Define(
        RuleIds.ReceiveWithoutLongPolling, "queue_level_long_polling", OptionTypes.Boolean, false,
        "The queues enable long polling themselves (`ReceiveMessageWaitTimeSeconds` set in infrastructure code): report nothing");

    public static readonly RuleOption<ImmutableArray<string>> IdempotencyKeyAttributes = Define(
        RuleIds.NonIdempotentWriteInConsumer, "key_attributes", OptionTypes.AttributeNames, ImmutableArray.Create("id", "pk", "sk"),
        "Item attributes that are table keys, for low-level `PutItem` writes (DataModel keys come from their attributes)");

    public static readonly RuleOption<int> AthenaDefaultLimit = Define(
        RuleIds.QueryReadsMoreThanItReturns, "default_limit", OptionTypes.Integer(1, 1000000000), 1000,
        "How many rows the fix's `LIMIT` keeps");

    public static readonly RuleOption<int> KmsMinPendingWindowDays = Define(
        RuleIds.ShortKeyDeletionWindow, "min_pending_window_days", OptionTypes.Integer(7, 30), 30,
        "Waiting periods shorter than this many days are reported; the fix writes this value");

    public static readonly RuleOption<string> AlarmDefaultAction = Define(
        RuleIds.AlarmWithoutActions, "default_alarm_action", OptionTypes.ArnOrNone, OptionTypes.None,
        "The action (an SNS topic ARN) the fix adds to an alarm without actions; `none` offers no fix");

    public static readonly RuleOption<bool> BucketOwnerConvenienceOverloads = Define(
        RuleIds.ExpectedBucketOwnerMissing, "include_convenience_overloads", OptionTypes.Boolean, false,
        "Also report convenience overloads such as `GetObjectAsync(bucket, key)`, which cannot send the owner");

    public static readonly RuleOption<string> BucketOwnerExpression = Define(
        RuleIds.ExpectedBucketOwnerMissing, "expected_owner_expression", OptionTypes.CSharpExpression, string.Empty,
        "The expected owner's account ID as C# code; when set, the fix adds `ExpectedBucketOwner = <expression>`");

    public static readonly RuleOption<bool> EmrTransientClusters = Define(
        RuleIds.EmrClusterSettings, "transient_clusters", OptionTypes.Boolean, false,
        "The clusters are transient (they end with their steps): Spot primary and core groups at Info, Spot fleets not reported");

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
