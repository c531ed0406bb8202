// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
namespace Amazon.Kinesis.Model
{
    public partial class DescribeStreamRequest : AmazonKinesisRequest
    {
        public string ExclusiveStartShardId { get; set; }
#if AWS_SDK_V3
        public int Limit { get; set; }
#else
        public int? Limit { get; set; }
#endif
        public string StreamARN { get; set; }
        public string StreamName { get; set; }
    }
}
