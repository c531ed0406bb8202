// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System;
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public partial class GetShardIteratorRequest : AmazonKinesisRequest
    {
        public string ShardId { get; set; }
        public ShardIteratorType ShardIteratorType { get; set; }
        public string StartingSequenceNumber { get; set; }
        public string StreamARN { get; set; }
        public string StreamName { get; set; }
#if AWS_SDK_V3
        public DateTime Timestamp { get; set; }
#else
        public DateTime? Timestamp { get; set; }
#endif
    }

    public partial class GetShardIteratorResponse : AmazonWebServiceResponse
    {
        public string ShardIterator { get; set; }
    }
}
