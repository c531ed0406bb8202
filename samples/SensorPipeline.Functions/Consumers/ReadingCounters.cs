using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

namespace SensorPipeline.Functions.Consumers;

/// <summary>Counts the readings of each device and stores every reading: both wrong when SQS delivers a message twice.</summary>
public class ReadingCounterFunction
{
    private const string CountersTable = "fms-device-counters";
    private const string ReadingsTable = "fms-readings";

    private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient();

    public async Task FunctionHandler(SQSEvent batch, ILambdaContext context)
    {
        foreach (SQSEvent.SQSMessage message in batch.Records)
        {
            string device = message.Attributes.TryGetValue("device", out string value) ? value : "unknown";
            await s_dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = CountersTable,
                Key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(device) },
                UpdateExpression = "ADD readings :one", // AWS014 nofix: the condition depends on what is counted
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":one"] = new AttributeValue { N = "1" } },
            });

            await s_dynamo.PutItemAsync(ReadingsTable, new Dictionary<string, AttributeValue>
            {
                ["id"] = new AttributeValue(Guid.NewGuid().ToString()), // AWS014
                ["device"] = new AttributeValue(device),
                ["body"] = new AttributeValue(message.Body),
            });
        }
    }
}
