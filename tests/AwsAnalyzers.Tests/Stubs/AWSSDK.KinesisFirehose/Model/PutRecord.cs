// Test stub: mirrors the public API surface of the AWSSDK.KinesisFirehose package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.KinesisFirehose.Model
{
    public partial class PutRecordRequest : AmazonKinesisFirehoseRequest
    {
        public string DeliveryStreamName { get; set; }
        public Record Record { get; set; }
    }

    public partial class PutRecordResponse : AmazonWebServiceResponse
    {
#if AWS_SDK_V3
        public bool Encrypted { get; set; }
#else
        public bool? Encrypted { get; set; }
#endif
        public string RecordId { get; set; }
    }
}
