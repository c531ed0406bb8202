using System.Text.Json;
using Amazon.Kinesis;
using Amazon.Kinesis.Model;
using Amazon.KinesisFirehose;
using Amazon.KinesisFirehose.Model;
using FirehoseRecord = Amazon.KinesisFirehose.Model.Record;

namespace SensorPipeline.Producer;

/// <summary>
/// Sends readings in batches: to the Kinesis stream for the processing pipeline, and to Firehose for the S3 archive.
/// </summary>
public sealed class SensorBatchWriter
{
    private const string StreamName = "fms-sensor-stream";
    private const string DeliveryStreamName = "fms-sensor-archive";

    private readonly IAmazonKinesis _kinesis;
    private readonly IAmazonKinesisFirehose _firehose;

    public SensorBatchWriter(IAmazonKinesis kinesis, IAmazonKinesisFirehose firehose)
    {
        _kinesis = kinesis;
        _firehose = firehose;
    }

    /// <summary>
    /// A whole throttled batch is caught, but records throttled inside a batch that succeeds come back in the
    /// response, which nobody reads: they are lost.
    /// </summary>
    public async Task SendBatchAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        var request = new PutRecordsRequest { StreamName = StreamName, Records = BuildEntries(readings) };
        try
        {
            await _kinesis.PutRecordsAsync(request, cancellationToken); // AWS006
        }
        catch (ProvisionedThroughputExceededException exception)
        {
            Console.Error.WriteLine($"Batch of {readings.Count} readings throttled: {exception.Message}");
            throw;
        }
    }

    /// <summary>The task's response is erased to a plain Task, so no caller can see the failed records.</summary>
    public Task ArchiveAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken) =>
        _firehose.PutRecordBatchAsync(DeliveryStreamName, readings.Select(ToRecord).ToList(), cancellationToken); // AWS006 nofix

    /// <summary>Correct: the failed records are counted and reported to the caller.</summary>
    public async Task<int> SendBatchCheckedAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        var request = new PutRecordsRequest { StreamName = StreamName, Records = BuildEntries(readings) };
        try
        {
            var response = await _kinesis.PutRecordsAsync(request, cancellationToken);
            return response.FailedRecordCount ?? 0;
        }
        catch (ProvisionedThroughputExceededException)
        {
            return readings.Count;
        }
    }

    /// <summary>Correct: the response goes to the caller, which reads <c>FailedPutCount</c>.</summary>
    public Task<PutRecordBatchResponse> ArchiveCheckedAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken) =>
        _firehose.PutRecordBatchAsync(new PutRecordBatchRequest
        {
            DeliveryStreamName = DeliveryStreamName,
            Records = readings.Select(ToRecord).ToList(),
        }, cancellationToken);

    private static List<PutRecordsRequestEntry> BuildEntries(IEnumerable<SensorReading> readings) =>
        readings
            .Select(r => new PutRecordsRequestEntry
            {
                PartitionKey = $"{r.DeviceId}_{r.Timestamp.ToUnixTimeMilliseconds() % 1000}",
                Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(r)),
            })
            .ToList();

    private static FirehoseRecord ToRecord(SensorReading reading) =>
        new FirehoseRecord { Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(reading)) };
}
