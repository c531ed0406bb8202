using Amazon.S3;
using Amazon.S3.Model;

namespace SensorPipeline.Archive;

/// <summary>Lists the archived sensor files of a day, for replays and the retention job.</summary>
public sealed class ArchiveListing
{
    private const string Bucket = "sensor-archive";

    private readonly IAmazonS3 _s3;

    public ArchiveListing(IAmazonS3 s3) => _s3 = s3;

    /// <summary>Reads one page of the listing: a day with more than 1,000 files loses the rest without a word.</summary>
    public async Task<List<string>> KeysOfDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = $"raw/{day:yyyy/MM/dd}/" };
        foreach (var o in (await _s3.ListObjectsV2Async(request, cancellationToken)).S3Objects) // AWS007
        {
            keys.Add(o.Key);
        }

        return keys;
    }

    /// <summary>Hands the caller one page of sizes and no way to ask for the next.</summary>
    public async Task<long> BytesOfDayAsync(DateOnly day, CancellationToken cancellationToken) =>
        (await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = $"raw/{day:yyyy/MM/dd}/" }, cancellationToken)) // AWS007 nofix
            .S3Objects.Sum(o => o.Size ?? 0);

    /// <summary>Correct: the paginator asks for every page.</summary>
    public async Task<int> CountOfDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        int count = 0;
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = $"raw/{day:yyyy/MM/dd}/" };
        await foreach (var page in _s3.Paginators.ListObjectsV2(request).Responses.WithCancellation(cancellationToken))
        {
            count += page.KeyCount ?? 0;
        }

        return count;
    }

    /// <summary>Correct: only asks whether the day has any file, which the first page answers.</summary>
    public async Task<bool> HasFilesAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var response = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = $"raw/{day:yyyy/MM/dd}/" }, cancellationToken);
        return response.S3Objects?.Count > 0;
    }
}
