using Amazon;
using Amazon.S3;

namespace SensorPipeline.Archive;

/// <summary>
/// Clients for the archive bucket as an operations runbook writes them: the public endpoint by hand (which adds
/// nothing inside a VPC whose interface endpoint has private DNS) and regions looked up by name.
/// </summary>
public static class ArchiveEndpoints
{
    private const string ArchiveRegion = "ap-northeast-2";

    public static IAmazonS3 ArchiveClient() =>
        new AmazonS3Client(new AmazonS3Config
        {
            ServiceURL = "https://s3.ap-northeast-2.amazonaws.com", // AWS013
            ForcePathStyle = false,
        });

    /// <summary>The replica bucket, over IPv6 as well: the same endpoint is RegionEndpoint plus UseDualstackEndpoint.</summary>
    public static IAmazonS3 ReplicaClient() =>
        new AmazonS3Client(new AmazonS3Config { ServiceURL = "https://s3.dualstack.ap-northeast-3.amazonaws.com" }); // AWS013 nofix

    public static RegionEndpoint Home() => RegionEndpoint.GetBySystemName(ArchiveRegion); // AWS013

    /// <summary>A typo the compiler cannot see: the client fails at its first call, with a DNS error.</summary>
    public static RegionEndpoint Backup() => RegionEndpoint.GetBySystemName("ap-northeast-22"); // AWS013 nofix
}
