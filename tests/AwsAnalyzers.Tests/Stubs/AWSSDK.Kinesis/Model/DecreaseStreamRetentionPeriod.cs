// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public partial class DecreaseStreamRetentionPeriodRequest : AmazonKinesisRequest
    {
#if AWS_SDK_V3
        public int RetentionPeriodHours { get; set; }
#else
        public int? RetentionPeriodHours { get; set; }
#endif
        public string StreamARN { get; set; }
        public string StreamName { get; set; }
    }

    public partial class DecreaseStreamRetentionPeriodResponse : AmazonWebServiceResponse
    {
    }
}
