// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
namespace Amazon.Kinesis.Model
{
    public partial class DescribeStreamSummaryRequest : AmazonKinesisRequest
    {
        public string StreamARN { get; set; }
        public string StreamName { get; set; }
    }
}
