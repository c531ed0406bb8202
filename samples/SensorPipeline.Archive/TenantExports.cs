using Amazon.S3;
using Amazon.S3.Model;

namespace SensorPipeline.Archive;

/// <summary>The account that owns every archive bucket, from the environment the service runs in.</summary>
public static class ArchiveAccount
{
    public static string Id => Environment.GetEnvironmentVariable("ARCHIVE_ACCOUNT_ID") ?? string.Empty;
}

/// <summary>Copies sensor exports into the bucket each tenant names in its settings.</summary>
public sealed class TenantExports
{
    private const string ExportBucket = "sensor-exports";

    private readonly IAmazonS3 _s3;

    public TenantExports(IAmazonS3 s3) => _s3 = s3;

    /// <summary>The tenant's bucket name is only known at run time: a deleted and re-created bucket would get the data.</summary>
    public Task DeliverAsync(string tenantBucket, string key, CancellationToken cancellationToken) =>
        _s3.CopyObjectAsync(
            new CopyObjectRequest // AWS020
            {
                SourceBucket = ExportBucket,
                SourceKey = key,
                DestinationBucket = tenantBucket,
                DestinationKey = key,
            },
            cancellationToken);

    /// <summary>Checks the owner of the tenant's bucket before writing to it.</summary>
    public Task DeliverCheckedAsync(string tenantBucket, string key, CancellationToken cancellationToken) =>
        _s3.CopyObjectAsync(
            new CopyObjectRequest
            {
                SourceBucket = ExportBucket,
                SourceKey = key,
                DestinationBucket = tenantBucket,
                DestinationKey = key,
                ExpectedBucketOwner = ArchiveAccount.Id,
            },
            cancellationToken);

    /// <summary>Our own bucket, named by a constant.</summary>
    public Task<GetObjectResponse> ReadExportAsync(string key, CancellationToken cancellationToken) =>
        _s3.GetObjectAsync(new GetObjectRequest { BucketName = ExportBucket, Key = key }, cancellationToken);
}
