// Test stub: mirrors the public API surface of the AWSSDK.KinesisFirehose package, for analyzer tests.
using System.Collections.Generic;
using Amazon.KinesisFirehose.Internal;
using Amazon.Runtime;

namespace Amazon.KinesisFirehose.Model
{
    public partial class PutRecordBatchRequest : AmazonKinesisFirehoseRequest
    {
        public string DeliveryStreamName { get; set; }
        public List<Record> Records { get; set; } = StubCollections.NewList<Record>();
    }

    public partial class PutRecordBatchResponse : AmazonWebServiceResponse
    {
#if AWS_SDK_V3
        public bool Encrypted { get; set; }
        public int FailedPutCount { get; set; }
#else
        public bool? Encrypted { get; set; }
        public int? FailedPutCount { get; set; }
#endif
        public List<PutRecordBatchResponseEntry> RequestResponses { get; set; } = StubCollections.NewList<PutRecordBatchResponseEntry>();
    }

    public partial class PutRecordBatchResponseEntry
    {
        public string ErrorCode { get; set; }
        public string ErrorMessage { get; set; }
        public string RecordId { get; set; }
    }
}
