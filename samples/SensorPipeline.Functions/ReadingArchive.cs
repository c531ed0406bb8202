using Amazon.S3;
using Amazon.S3.Model;

namespace SensorPipeline.Functions;

/// <summary>Archives raw sensor messages in S3.</summary>
public sealed class ReadingArchive
{
    private const string Bucket = "fms-sensor-archive";

    private readonly IAmazonS3 _s3;

    /// <summary>The ingest handler creates an archive per batch, so this builds an S3 client per invocation.</summary>
    public ReadingArchive()
    {
        _s3 = new AmazonS3Client(); // AWS002 nofix
    }

    public ReadingArchive(IAmazonS3 s3) => _s3 = s3;

    public Task StoreAsync(string id, string body) =>
        _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = $"raw/{id}.json", ContentBody = body });
}
