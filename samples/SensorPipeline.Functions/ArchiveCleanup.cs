using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using Amazon.S3;
using Amazon.S3.Model;

namespace SensorPipeline.Functions;

/// <summary>Deletes archived raw messages once their retention has passed: every way of not awaiting the SDK.</summary>
public class ArchiveCleanupFunction
{
    private const string Bucket = "fms-sensor-archive";

    private static readonly IAmazonS3 s_s3 = new AmazonS3Client();

    /// <summary>Blocks on each delete, so the catch of a missing object never sees the AmazonS3Exception.</summary>
    public string FunctionHandler(SQSEvent batch, ILambdaContext context)
    {
        foreach (SQSEvent.SQSMessage message in batch.Records)
        {
            try
            {
                s_s3.DeleteObjectAsync(Bucket, $"raw/{message.Body}.json").Wait(); // AWS009
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
            {
                context.Logger.LogLine($"Already gone: {message.Body}");
            }
        }

        return $"Deleted {batch.Records.Count} messages";
    }

    /// <summary>The runtime takes this handler as finished at its first await.</summary>
    public async void OnExpired(SQSEvent batch, ILambdaContext context) // AWS009
    {
        foreach (SQSEvent.SQSMessage message in batch.Records)
        {
            await s_s3.DeleteObjectAsync(Bucket, $"raw/{message.Body}.json");
        }
    }

    /// <summary>Blocks a thread-pool thread for the whole listing.</summary>
    public Task<int> CountAsync() =>
        Task.FromResult(s_s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "raw/" }).Result.KeyCount ?? 0); // AWS009, AWS007 nofix: the count of one page

    /// <summary>Starts every delete and returns before any of them finishes (Parallel.ForEachAsync would await them).</summary>
    public async Task ExpireAsync(List<string> keys)
    {
        Parallel.ForEach(keys, async key => await s_s3.DeleteObjectAsync(Bucket, key)); // AWS009 nofix
        await s_s3.DeleteObjectAsync(Bucket, "raw/expired.marker").WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>Nothing waits for the delete, and its failure is never seen.</summary>
    public void Forget(string key)
    {
        s_s3.DeleteObjectAsync(Bucket, key); // AWS009
    }

    /// <summary>Waiting with a timeout is not the same as awaiting the call, so this one has no fix.</summary>
    public async Task<bool> TryExpireAsync(string key)
    {
        await Task.Yield();
        return s_s3.DeleteObjectAsync(Bucket, key).Wait(TimeSpan.FromSeconds(5)); // AWS009 nofix
    }
}
