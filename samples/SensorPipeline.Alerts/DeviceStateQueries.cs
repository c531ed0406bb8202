using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace SensorPipeline.Alerts;

/// <summary>Reads device state with PartiQL for the alert console.</summary>
public sealed class DeviceStateQueries
{
    private readonly IAmazonDynamoDB _dynamo;

    public DeviceStateQueries(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

    /// <summary>The device id goes into the statement between quotes: an id with a quote in it rewrites it.</summary>
    public Task<ExecuteStatementResponse> StateOfAsync(string deviceId, CancellationToken cancellationToken) =>
        _dynamo.ExecuteStatementAsync(
            new ExecuteStatementRequest
            {
                Statement = $"SELECT * FROM \"fms-device-state\" WHERE deviceId = '{deviceId}'", // AWS012
            },
            cancellationToken);

    /// <summary>Correct: the value is a bound parameter.</summary>
    public Task<ExecuteStatementResponse> LastReadingOfAsync(string deviceId, CancellationToken cancellationToken) =>
        _dynamo.ExecuteStatementAsync(
            new ExecuteStatementRequest
            {
                Statement = "SELECT lastReading FROM \"fms-device-state\" WHERE deviceId = ?",
                Parameters = new List<AttributeValue> { new AttributeValue { S = deviceId } },
            },
            cancellationToken);
}
