using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace SensorPipeline.Archive;

/// <summary>Reads archived sensor files (CSV lines and JSON batches) back from S3.</summary>
public sealed class SensorArchiveReader
{
    private const string Bucket = "sensor-archive";
    private const long MaxManifestBytes = 64 * 1024;

    private readonly IAmazonS3 _s3;

    public SensorArchiveReader(IAmazonS3 s3) => _s3 = s3;

    /// <summary>Loads a whole day's CSV into one string before looking at the first line: memory grows with the file.</summary>
    public async Task<int> CountReadingsAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(Bucket, key, cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        var content = await reader.ReadToEndAsync(cancellationToken); // AWS003
        int count = 0;
        foreach (var line in content.Split('\n'))
        {
            if (line.StartsWith("sensor_id", StringComparison.Ordinal))
            {
                continue;
            }

            count++;
        }

        return count;
    }

    /// <summary>Buffers the whole JSON batch as text before parsing it.</summary>
    public async Task<ArchivedBatch> LoadBatchAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(Bucket, key, cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        var json = await reader.ReadToEndAsync(cancellationToken); // AWS003
        return JsonSerializer.Deserialize<ArchivedBatch>(json);
    }

    /// <summary>Copies the object into a MemoryStream just to hand it on as a stream.</summary>
    public async Task<ArchivedBatch> LoadBatchCopyAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(Bucket, key, cancellationToken);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken); // AWS003
        buffer.Position = 0;
        return await JsonSerializer.DeserializeAsync<ArchivedBatch>(buffer, cancellationToken: cancellationToken);
    }

    /// <summary>Correct: streams the CSV one line at a time, as the operations guide recommends.</summary>
    public async Task<int> CountReadingsStreamingAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(Bucket, key, cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        int count = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("sensor_id", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Correct: deserializes straight from the body stream.</summary>
    public async Task<ArchivedBatch> LoadBatchStreamingAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(Bucket, key, cancellationToken);
        return await JsonSerializer.DeserializeAsync<ArchivedBatch>(response.ResponseStream, cancellationToken: cancellationToken);
    }

    /// <summary>Correct: a ranged read holds at most the requested bytes.</summary>
    public async Task<string> ReadHeaderAsync(string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = Bucket, Key = key, ByteRange = new ByteRange(0, 1023) };
        using var response = await _s3.GetObjectAsync(request, cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Correct: a small manifest whose size is checked before it is read whole.</summary>
    public async Task<string> ReadManifestAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(Bucket, key, cancellationToken);
        if (response.ContentLength > MaxManifestBytes)
        {
            throw new InvalidDataException($"Manifest {key} is larger than {MaxManifestBytes} bytes.");
        }

        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Correct: copies the object to a local file without holding it in memory.</summary>
    public async Task DownloadAsync(string key, string path, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(Bucket, key, cancellationToken);
        await using var file = File.Create(path);
        await response.ResponseStream.CopyToAsync(file, cancellationToken);
    }
}
