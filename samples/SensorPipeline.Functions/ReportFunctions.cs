using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.S3;

namespace SensorPipeline.Functions;

/// <summary>Report endpoints written with Lambda Annotations.</summary>
public class ReportFunctions
{
    // Correct: created once per execution environment and shared by every invocation.
    private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient();
    private static IAmazonS3 s_s3;

    private readonly IAmazonDynamoDB _injected;

    public ReportFunctions(IAmazonDynamoDB injected) => _injected = injected;

    [LambdaFunction(MemorySize = 256)]
    public async Task<int> CountReadings(string deviceId)
    {
        var dynamo = new AmazonDynamoDBClient(); // AWS002
        QueryResponse response = await dynamo.QueryAsync(CountQuery(deviceId)); // AWS007 nofix: a COUNT query pages at 1 MB too
        return response.Count ?? 0;
    }

    /// <summary>Correct: reuses the static client.</summary>
    [LambdaFunction(MemorySize = 256)]
    public async Task<int> CountReadingsShared(string deviceId)
    {
        QueryResponse response = await s_dynamo.QueryAsync(CountQuery(deviceId)); // AWS007 nofix
        return response.Count ?? 0;
    }

    /// <summary>Correct: the client is cached in a static field on first use.</summary>
    public async Task<int> CountBuckets(string prefix, ILambdaContext context)
    {
        s_s3 ??= new AmazonS3Client();
        var buckets = await s_s3.ListBucketsAsync();
        QueryResponse response = await _injected.QueryAsync(CountQuery(prefix)); // AWS007 nofix
        return buckets.Buckets.Count + (response.Count ?? 0);
    }

    private static QueryRequest CountQuery(string deviceId) => new()
    {
        TableName = "fms-sensor-readings",
        KeyConditionExpression = "device_id = :d",
        ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":d"] = new AttributeValue { S = deviceId } },
        Select = Select.COUNT,
    };
}
