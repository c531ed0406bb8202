using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

namespace SensorPipeline.Functions;

/// <summary>Stores the readings of an SQS batch in DynamoDB and archives the raw messages.</summary>
public class IngestFunction
{
    private const string TableName = "fms-sensor-readings";

    /// <summary>Builds a DynamoDB client and an archive (with its own S3 client) for every batch.</summary>
    public async Task FunctionHandler(SQSEvent batch, ILambdaContext context)
    {
        using var dynamo = new AmazonDynamoDBClient(); // AWS002
        var archive = new ReadingArchive();
        foreach (SQSEvent.SQSMessage message in batch.Records)
        {
            var reading = JsonSerializer.Deserialize<Dictionary<string, string>>(message.Body);
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = TableName,
                Item = reading.ToDictionary(p => p.Key, p => new AttributeValue { S = p.Value }),
            });
            await archive.StoreAsync(message.MessageId, message.Body);
        }

        context.Logger.LogLine($"Stored {batch.Records.Count} readings");
    }
}
