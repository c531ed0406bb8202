using Amazon.S3;
using Amazon.S3.Model;

namespace SensorPipeline.Archive;

/// <summary>Publishes the daily summaries that the operations dashboard shows.</summary>
public sealed class DashboardPublisher
{
    private const string DashboardBucket = "sensor-dashboard";

    /// <summary>Lets anyone on the internet read the bucket: the dashboard needed no sign-in when it was a prototype.</summary>
    private const string AnyoneMayRead = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::sensor-dashboard/*" }
          ]
        }
        """;

    /// <summary>Only through the VPC endpoint the dashboard servers use: not public.</summary>
    private const string ThroughTheDashboardEndpoint = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::sensor-dashboard/*",
              "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" } }
            }
          ]
        }
        """;

    private readonly IAmazonS3 _s3;

    public DashboardPublisher(IAmazonS3 s3) => _s3 = s3;

    /// <summary>Uploads a summary readable by everyone; on a bucket with ACLs disabled it fails instead.</summary>
    public Task PublishSummaryAsync(string key, string json, CancellationToken cancellationToken) =>
        _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = DashboardBucket,
            Key = key,
            ContentBody = json,
            ContentType = "application/json",
            CannedACL = S3CannedACL.PublicRead, // AWS017
        }, cancellationToken);

    /// <summary>Uploads a summary that stays with the bucket owner.</summary>
    public Task StoreSummaryAsync(string key, string json, CancellationToken cancellationToken) =>
        _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = DashboardBucket,
            Key = key,
            ContentBody = json,
            CannedACL = S3CannedACL.BucketOwnerFullControl,
        }, cancellationToken);

    public Task OpenDashboardAsync(CancellationToken cancellationToken) =>
        _s3.PutBucketPolicyAsync(DashboardBucket, AnyoneMayRead, cancellationToken); // AWS017 nofix

    public Task RestrictDashboardAsync(CancellationToken cancellationToken) =>
        _s3.PutBucketPolicyAsync(DashboardBucket, ThroughTheDashboardEndpoint, cancellationToken);
}
