using System.Text.Json;
using Amazon.Kinesis;
using Amazon.Kinesis.Model;

namespace SensorPipeline.Producer;

/// <summary>Sends sensor readings to Kinesis, one record per reading.</summary>
public sealed class SensorStreamWriter
{
    private const string StreamName = "fms-sensor-stream";
    private const string SensorPartition = "sensor-data";
    private static readonly string HeartbeatKey = "heartbeat";

    private readonly IAmazonKinesis _kinesis;

    public SensorStreamWriter(IAmazonKinesis kinesis) => _kinesis = kinesis;

    /// <summary>Every reading lands on the same shard: the stream never scales past 1,000 records/s.</summary>
    public Task<PutRecordResponse> SendAsync(SensorReading reading, CancellationToken cancellationToken) =>
        _kinesis.PutRecordAsync( // AWS005 nofix
            new PutRecordRequest
            {
                StreamName = StreamName,
                PartitionKey = SensorPartition, // AWS001
                Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(reading)),
            },
            cancellationToken);

    /// <summary>Heartbeats pinned to one shard by an explicit hash key as well.</summary>
    public Task<PutRecordResponse> SendHeartbeatAsync(string deviceId, CancellationToken cancellationToken)
    {
        var request = new PutRecordRequest { StreamName = StreamName, Data = new MemoryStream(new byte[] { 1 }) };
        request.PartitionKey = HeartbeatKey; // AWS001
        request.ExplicitHashKey = "0"; // AWS001
        return _kinesis.PutRecordAsync(request, cancellationToken); // AWS005 nofix
    }

    /// <summary>
    /// Replays one device's backlog to the shard that owns hash key 0 and logs the key. The pinned key is assigned inside
    /// a larger expression, a shape no fix rewrites: the key has to be chosen by hand.
    /// </summary>
    public Task<PutRecordResponse> ReplayAsync(SensorReading reading, CancellationToken cancellationToken)
    {
        var request = new PutRecordRequest
        {
            StreamName = StreamName,
            PartitionKey = reading.DeviceId,
            Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(reading)),
        };
        string pinnedHashKey = request.ExplicitHashKey = "0"; // AWS001 nofix
        Console.WriteLine($"Replaying {reading.DeviceId} to the shard of hash key {pinnedHashKey}");
        return _kinesis.PutRecordAsync(request, cancellationToken); // AWS005 nofix
    }

    /// <summary>Correct: the key varies per device and is spread by time, as the operations guide recommends.</summary>
    public List<PutRecordsRequestEntry> BuildEntries(IEnumerable<SensorReading> readings) =>
        readings
            .Select(r => new PutRecordsRequestEntry
            {
                PartitionKey = $"{r.DeviceId}_{r.Timestamp.ToUnixTimeMilliseconds() % 1000}",
                Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(r)),
            })
            .ToList();
}
