namespace AwsAnalyzers.Core;

/// <summary>The diagnostic IDs of every rule, in one place so that none is reused.</summary>
internal static class RuleIds
{
    public const string UnrecognizedOption = "AWS000";
    public const string ConstantPartitionKey = "AWS001";
    public const string ClientCreatedInLambdaHandler = "AWS002";
    public const string WholeS3ObjectInMemory = "AWS003";
    public const string AthenaQueryWithoutPartitionPredicate = "AWS004";
    public const string ThrottlingNotHandled = "AWS005";
    public const string BatchPartialFailureNotChecked = "AWS006";
    public const string PageReadOnce = "AWS007";
    public const string AccessKeyInCode = "AWS008";
    public const string SdkTaskBlockedOrDiscarded = "AWS009";
    public const string StatusPollingLoop = "AWS010";
    public const string ReceiveWithoutLongPolling = "AWS011";
    public const string ValueSplicedIntoStatement = "AWS012";
    public const string EndpointWrittenByHand = "AWS013";
    public const string NonIdempotentWriteInConsumer = "AWS014";
    public const string QueryReadsMoreThanItReturns = "AWS015";
    public const string SynchronousSideCall = "AWS016";
    public const string PublicAccessGranted = "AWS017";
    public const string ShortKeyDeletionWindow = "AWS018";
    public const string AlarmWithoutActions = "AWS019";
    public const string ExpectedBucketOwnerMissing = "AWS020";
    public const string ReservedEnvironmentVariable = "AWS021";
    public const string EmrClusterSettings = "AWS022";
}
