using System.Text.Json;
using Amazon.Kinesis;
using Amazon.Kinesis.Model;
using Amazon.Runtime;

namespace SensorPipeline.Producer;

/// <summary>Sends readings to Kinesis in batches, and shows what happens when the stream throttles.</summary>
public sealed class ThrottledBatchWriter
{
    private const string StreamName = "fms-sensor-stream";
    private const int MaxAttempts = 5;
    private const int BaseDelayMilliseconds = 100;

    private readonly IAmazonKinesis _kinesis;
    private readonly System.Collections.Concurrent.ConcurrentQueue<SensorReading> _parked = new();

    /// <summary>A client that slows itself down when Kinesis starts throttling, instead of failing fast.</summary>
    private readonly IAmazonKinesis _adaptive = new AmazonKinesisClient(new AmazonKinesisConfig
    {
        RetryMode = RequestRetryMode.Adaptive,
        MaxErrorRetry = 10,
    });

    public ThrottledBatchWriter(IAmazonKinesis kinesis) => _kinesis = kinesis;

    /// <summary>Readings that were throttled and wait for the next flush.</summary>
    public IReadOnlyCollection<SensorReading> Parked => _parked;

    /// <summary>A throttled batch fails as a whole once the SDK's own retries are spent: every reading in it is lost.</summary>
    public async Task<int> SendBatchAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        var response = await _kinesis.PutRecordsAsync(Build(readings), cancellationToken); // AWS005
        return response.FailedRecordCount ?? 0;
    }

    /// <summary>Correct: throttling is retried with exponential backoff and full jitter, then rethrown.</summary>
    public async Task<int> SendBatchWithRetryAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await _kinesis.PutRecordsAsync(Build(readings), cancellationToken);
                return response.FailedRecordCount ?? 0;
            }
            catch (ProvisionedThroughputExceededException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(BaseDelayMilliseconds * (1 << attempt)), cancellationToken);
            }
        }
    }

    /// <summary>Correct: the helper only runs where its caller catches the exception and parks the reading for the next flush.</summary>
    public async Task SendOneAsync(SensorReading reading, CancellationToken cancellationToken)
    {
        try
        {
            await SendOnceAsync(reading, cancellationToken);
        }
        catch (AmazonKinesisException)
        {
            _parked.Enqueue(reading);
        }
    }

    /// <summary>Correct: a client in adaptive retry mode absorbs bursts of throttling itself.</summary>
    public Task<PutRecordResponse> SendAdaptiveAsync(SensorReading reading, CancellationToken cancellationToken) =>
        _adaptive.PutRecordAsync(Record(reading), cancellationToken);

    private Task<PutRecordResponse> SendOnceAsync(SensorReading reading, CancellationToken cancellationToken) =>
        _kinesis.PutRecordAsync(Record(reading), cancellationToken);

    private static PutRecordRequest Record(SensorReading reading) => new()
    {
        StreamName = StreamName,
        PartitionKey = reading.DeviceId,
        Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(reading)),
    };

    private static PutRecordsRequest Build(IEnumerable<SensorReading> readings) => new()
    {
        StreamName = StreamName,
        Records = readings
            .Select(r => new PutRecordsRequestEntry
            {
                PartitionKey = $"{r.DeviceId}_{r.Timestamp.ToUnixTimeMilliseconds() % 1000}",
                Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(r)),
            })
            .ToList(),
    };
}
