using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using SensorPipeline.Producer;

namespace SensorPipeline.Alerts;

/// <summary>
/// Stores the last reading of each device in the fms-device-state table and queues an alert for every reading whose
/// vibration is out of range.
/// </summary>
public sealed class AlertPublisher
{
    private const string DeviceStateTable = "fms-device-state";
    private const double VibrationLimit = 12.5;

    private readonly IAmazonDynamoDB _dynamo;
    private readonly IAmazonSQS _sqs;
    private readonly string _alertQueueUrl;

    public AlertPublisher(IAmazonDynamoDB dynamo, IAmazonSQS sqs, string alertQueueUrl)
    {
        _dynamo = dynamo;
        _sqs = sqs;
        _alertQueueUrl = alertQueueUrl;
    }

    /// <summary>Items DynamoDB leaves unprocessed under load are dropped: the response is never looked at.</summary>
    public async Task SaveDeviceStateAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        var writes = readings.Select(r => new WriteRequest(new PutRequest(ToItem(r)))).ToList();
        await _dynamo.BatchWriteItemAsync(new Dictionary<string, List<WriteRequest>> { [DeviceStateTable] = writes }, cancellationToken); // AWS006
    }

    /// <summary>Alerts that SQS rejects inside a successful batch are lost.</summary>
    public async Task QueueAlertsAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        var entries = readings
            .Where(r => r.Vibration > VibrationLimit)
            .Select((r, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(r)))
            .ToList();
        if (entries.Count > 0)
        {
            var response = await _sqs.SendMessageBatchAsync(new SendMessageBatchRequest(_alertQueueUrl, entries), cancellationToken); // AWS006
            Console.WriteLine($"Queued alerts, HTTP {(int)response.HttpStatusCode}");
        }
    }

    /// <summary>Correct: unprocessed items are resent until DynamoDB has taken all of them.</summary>
    public async Task SaveDeviceStateCheckedAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<string, List<WriteRequest>>
        {
            [DeviceStateTable] = readings.Select(r => new WriteRequest(new PutRequest(ToItem(r)))).ToList(),
        };
        for (int attempt = 1; pending?.Count > 0; attempt++)
        {
            if (attempt > 5)
            {
                throw new InvalidOperationException($"DynamoDB left {pending.Sum(t => t.Value.Count)} device states unprocessed.");
            }

            var response = await _dynamo.BatchWriteItemAsync(pending, cancellationToken);
            pending = response.UnprocessedItems;
            await Task.Delay(Random.Shared.Next(100 << attempt), cancellationToken);
        }
    }

    /// <summary>Correct: failed alerts are reported.</summary>
    public async Task<int> QueueAlertsCheckedAsync(List<SendMessageBatchRequestEntry> entries, CancellationToken cancellationToken)
    {
        var response = await _sqs.SendMessageBatchAsync(_alertQueueUrl, entries, cancellationToken);
        return response.Failed?.Count ?? 0;
    }

    private static Dictionary<string, AttributeValue> ToItem(SensorReading reading) => new()
    {
        ["DeviceId"] = new AttributeValue(reading.DeviceId),
        ["Timestamp"] = new AttributeValue { N = reading.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
        ["Vibration"] = new AttributeValue { N = reading.Vibration.ToString(CultureInfo.InvariantCulture) },
    };
}
