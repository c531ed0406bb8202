using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Transfer;

namespace SensorPipeline.Archive;

/// <summary>
/// Uploads replay exports to the partner bucket. The keys below are invented, in the format of an access key ID: the
/// shape is that of a key pasted in "just to test", which then ships with every build.
/// </summary>
public sealed class ReplayExportUploader
{
    private const string Bucket = "sensor-replay-exports";

    /// <summary>Built once for every uploader, so no fix removes it: other code may read the shared credentials.</summary>
    private static readonly AWSCredentials PartnerCredentials = new BasicAWSCredentials("AKIAQ3W5E7R9T1Y3U5I7", "invented-secret-for-the-sample-only"); // AWS008 nofix

    private readonly TransferUtility _transfer = new TransferUtility("AKIAP2O4I6U8Y0T2R4E6", "invented-secret-for-the-sample-only", RegionEndpoint.APNortheast2); // AWS008

    public Task UploadAsync(string path, CancellationToken cancellationToken) =>
        _transfer.UploadAsync(path, Bucket, cancellationToken);

    /// <summary>A client for reading the partner's acknowledgements; its credentials are used nowhere else.</summary>
    public static IAmazonS3 AcknowledgementClient()
    {
        var credentials = new BasicAWSCredentials("AKIAL1K3J5H7G9F1D3S5", "invented-secret-for-the-sample-only"); // AWS008
        return new AmazonS3Client(credentials, RegionEndpoint.APNortheast2);
    }

    public static AWSCredentials Partner() => PartnerCredentials;
}
