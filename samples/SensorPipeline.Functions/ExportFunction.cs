using Amazon.S3;
using Amazon.S3.Model;

namespace SensorPipeline.Functions;

/// <summary>
/// Copies the day's archive to the export bucket. A stream handler without a context parameter: it is a handler
/// because aws-lambda-tools-defaults.json names it.
/// </summary>
public class ExportFunction
{
    public async Task<Stream> Export(Stream input)
    {
        IAmazonS3 s3 = new AmazonS3Client(Amazon.RegionEndpoint.APNortheast2); // AWS002
        string day = DateTime.UtcNow.ToString("yyyy-MM-dd");
        await s3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = "fms-sensor-archive",
            SourceKey = $"daily/{day}.json",
            DestinationBucket = "fms-sensor-export",
            DestinationKey = $"{day}.json",
        });
        return input;
    }

    /// <summary>Correct: not a handler, so a client per call is this tool's own business.</summary>
    public static IAmazonS3 CreateAdminClient() => new AmazonS3Client();
}
