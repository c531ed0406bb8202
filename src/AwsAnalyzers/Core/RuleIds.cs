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
    public const string SdkTaskBlockedOrDiscarded = "AWS009";
    public const string NonIdempotentWriteInConsumer = "AWS014";
}
