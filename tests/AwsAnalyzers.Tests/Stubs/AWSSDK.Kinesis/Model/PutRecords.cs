// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System.Collections.Generic;
using System.IO;
using Amazon.Kinesis.Internal;
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public partial class PutRecordsRequest : AmazonKinesisRequest
    {
        public List<PutRecordsRequestEntry> Records { get; set; } = StubCollections.NewList<PutRecordsRequestEntry>();
        public string StreamARN { get; set; }
        public string StreamName { get; set; }
    }

    public partial class PutRecordsRequestEntry
    {
        public MemoryStream Data { get; set; }
        public string ExplicitHashKey { get; set; }
        public string PartitionKey { get; set; }
    }

    public partial class PutRecordsResponse : AmazonWebServiceResponse
    {
        public EncryptionType EncryptionType { get; set; }
#if AWS_SDK_V3
        public int FailedRecordCount { get; set; }
#else
        public int? FailedRecordCount { get; set; }
#endif
        public List<PutRecordsResultEntry> Records { get; set; } = StubCollections.NewList<PutRecordsResultEntry>();
    }

    public partial class PutRecordsResultEntry
    {
        /// <summary>"ProvisionedThroughputExceededException" or "InternalFailure" for failed entries.</summary>
        public string ErrorCode { get; set; }
        public string ErrorMessage { get; set; }
        public string SequenceNumber { get; set; }
        public string ShardId { get; set; }
    }
}
