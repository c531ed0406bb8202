// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System.IO;
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public partial class PutRecordRequest : AmazonKinesisRequest
    {
        public MemoryStream Data { get; set; }
        public string ExplicitHashKey { get; set; }
        public string PartitionKey { get; set; }
        public string SequenceNumberForOrdering { get; set; }
        public string StreamARN { get; set; }
        public string StreamName { get; set; }
    }

    public partial class PutRecordResponse : AmazonWebServiceResponse
    {
        public EncryptionType EncryptionType { get; set; }
        public string SequenceNumber { get; set; }
        public string ShardId { get; set; }
    }
}
