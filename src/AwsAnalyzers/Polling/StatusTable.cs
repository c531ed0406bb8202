using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace AwsAnalyzers.Polling;

/// <summary>
/// What one status type of an AWS service means to a loop that waits on it: the values a wait ends on (success and
/// terminal failure) and the values that are still in progress, from the SDK's constants. The same table is on the
/// rule page (docs/rules/AWS010.md); a test keeps the two equal.
/// </summary>
internal sealed class StatusTable
{
    private StatusTable(
        string service,
        string statusType,
        ImmutableArray<(string Type, string Property)> readFrom,
        string client,
        ImmutableArray<string> operations,
        ImmutableArray<string> success,
        ImmutableArray<ImmutableArray<string>> inProgress,
        ImmutableArray<string> failure,
        ImmutableArray<string> notWaitOutcomes)
    {
        Service = service;
        StatusType = statusType;
        ReadFrom = readFrom;
        Client = client;
        Operations = operations;
        Success = success;
        InProgress = inProgress;
        Failure = failure;
        NotWaitOutcomes = notWaitOutcomes;
        WaitValues = AllValues.Where(v => !notWaitOutcomes.Contains(v)).ToImmutableArray();
    }

    /// <summary>The service, as the docs table names it.</summary>
    public string Service { get; }

    /// <summary>Metadata name of the SDK's constant class of the status.</summary>
    public string StatusType { get; }

    /// <summary>The model properties the status is read from (metadata name of the declaring type, property name).</summary>
    public ImmutableArray<(string Type, string Property)> ReadFrom { get; }

    /// <summary>Metadata name of the service client interface.</summary>
    public string Client { get; }

    /// <summary>The client operations that return the status (sync and async names).</summary>
    public ImmutableArray<string> Operations { get; }

    /// <summary>The values a successful wait ends on.</summary>
    public ImmutableArray<string> Success { get; }

    /// <summary>
    /// The values of a run still in progress, in groups of the values one wait passes through (Athena's QUEUED then
    /// RUNNING): a loop that continues on one value of a group must continue on all of them.
    /// </summary>
    public ImmutableArray<ImmutableArray<string>> InProgress { get; }

    /// <summary>The values a failed run ends on and never leaves.</summary>
    public ImmutableArray<string> Failure { get; }

    /// <summary>
    /// Values a wait after a create or update does not meet (a DynamoDB table whose KMS key became inaccessible long
    /// after it was created): the rule does not ask a loop to handle them.
    /// </summary>
    public ImmutableArray<string> NotWaitOutcomes { get; }

    /// <summary>The values a wait may meet: <see cref="AllValues"/> but the <see cref="NotWaitOutcomes"/>, in the same order.</summary>
    public ImmutableArray<string> WaitValues { get; }

    /// <summary>Every value of the status type.</summary>
    public IEnumerable<string> AllValues =>
        Success.Concat(InProgress.SelectMany(g => g)).Concat(Failure).Concat(NotWaitOutcomes).Distinct(StringComparer.Ordinal);

    public bool IsInProgress(string value) => InProgress.Any(group => group.Contains(value, StringComparer.Ordinal));

    public bool IsTerminal(string value) => Success.Contains(value, StringComparer.Ordinal) || Failure.Contains(value, StringComparer.Ordinal);

    /// <summary>
    /// The row whose <see cref="Operations"/> include <paramref name="methodName"/> (each operation name is in one row
    /// only), as its index in <see cref="All"/>; -1 for any other name. A name test, so a loop of other calls costs no
    /// symbol lookup.
    /// </summary>
    public static int IndexOfOperation(string methodName) =>
        s_rowByOperation.TryGetValue(methodName, out int index) ? index : -1;

    /// <summary>Every operation name of every row.</summary>
    public static IEnumerable<string> OperationNames => s_rowByOperation.Keys;

    /// <summary>The table, one row per status type the rule knows.</summary>
    public static ImmutableArray<StatusTable> All { get; } = ImmutableArray.Create(
        new StatusTable(
            "Athena",
            "Amazon.Athena.QueryExecutionState",
            ImmutableArray.Create(("Amazon.Athena.Model.QueryExecutionStatus", "State")),
            "Amazon.Athena.IAmazonAthena",
            ImmutableArray.Create("GetQueryExecution", "GetQueryExecutionAsync"),
            success: ImmutableArray.Create("SUCCEEDED"),
            inProgress: ImmutableArray.Create(ImmutableArray.Create("QUEUED", "RUNNING")),
            failure: ImmutableArray.Create("FAILED", "CANCELLED"),
            notWaitOutcomes: ImmutableArray<string>.Empty),
        new StatusTable(
            "Glue",
            "Amazon.Glue.JobRunState",
            ImmutableArray.Create(("Amazon.Glue.Model.JobRun", "JobRunState")),
            "Amazon.Glue.IAmazonGlue",
            ImmutableArray.Create("GetJobRun", "GetJobRunAsync"),
            success: ImmutableArray.Create("SUCCEEDED"),
            inProgress: ImmutableArray.Create(ImmutableArray.Create("STARTING", "RUNNING", "WAITING"), ImmutableArray.Create("STOPPING")),
            failure: ImmutableArray.Create("FAILED", "STOPPED", "TIMEOUT", "ERROR", "EXPIRED"),
            notWaitOutcomes: ImmutableArray<string>.Empty),
        new StatusTable(
            "EMR",
            "Amazon.ElasticMapReduce.ClusterState",
            ImmutableArray.Create(("Amazon.ElasticMapReduce.Model.ClusterStatus", "State")),
            "Amazon.ElasticMapReduce.IAmazonElasticMapReduce",
            ImmutableArray.Create("DescribeCluster", "DescribeClusterAsync"),
            success: ImmutableArray.Create("WAITING"),
            inProgress: ImmutableArray.Create(ImmutableArray.Create("STARTING", "BOOTSTRAPPING"), ImmutableArray.Create("RUNNING"), ImmutableArray.Create("TERMINATING")),
            failure: ImmutableArray.Create("TERMINATED", "TERMINATED_WITH_ERRORS"),
            notWaitOutcomes: ImmutableArray<string>.Empty),
        new StatusTable(
            "DynamoDB",
            "Amazon.DynamoDBv2.TableStatus",
            ImmutableArray.Create(("Amazon.DynamoDBv2.Model.TableDescription", "TableStatus")),
            "Amazon.DynamoDBv2.IAmazonDynamoDB",
            ImmutableArray.Create("DescribeTable", "DescribeTableAsync"),
            success: ImmutableArray.Create("ACTIVE"),
            inProgress: ImmutableArray.Create(ImmutableArray.Create("CREATING"), ImmutableArray.Create("UPDATING"), ImmutableArray.Create("DELETING")),
            failure: ImmutableArray<string>.Empty,
            notWaitOutcomes: ImmutableArray.Create("INACCESSIBLE_ENCRYPTION_CREDENTIALS", "ARCHIVING", "ARCHIVED", "REPLICATION_NOT_AUTHORIZED")),
        new StatusTable(
            "Kinesis",
            "Amazon.Kinesis.StreamStatus",
            ImmutableArray.Create(("Amazon.Kinesis.Model.StreamDescription", "StreamStatus"), ("Amazon.Kinesis.Model.StreamDescriptionSummary", "StreamStatus")),
            "Amazon.Kinesis.IAmazonKinesis",
            ImmutableArray.Create("DescribeStream", "DescribeStreamAsync", "DescribeStreamSummary", "DescribeStreamSummaryAsync"),
            success: ImmutableArray.Create("ACTIVE"),
            inProgress: ImmutableArray.Create(ImmutableArray.Create("CREATING"), ImmutableArray.Create("UPDATING"), ImmutableArray.Create("DELETING")),
            failure: ImmutableArray<string>.Empty,
            notWaitOutcomes: ImmutableArray<string>.Empty));

    // After All: static fields are initialized in the order they are written.
    private static readonly Dictionary<string, int> s_rowByOperation = RowsByOperation();

    private static Dictionary<string, int> RowsByOperation()
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < All.Length; i++)
        {
            foreach (string operation in All[i].Operations)
            {
                rows.Add(operation, i);
            }
        }

        return rows;
    }
}
