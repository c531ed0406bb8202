// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System.Collections.Generic;
using Amazon.Kinesis.Internal;
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public partial class ListStreamsRequest : AmazonKinesisRequest
    {
        public string ExclusiveStartStreamName { get; set; }
#if AWS_SDK_V3
        public int Limit { get; set; }
#else
        public int? Limit { get; set; }
#endif
        public string NextToken { get; set; }
    }

    public partial class ListStreamsResponse : AmazonWebServiceResponse
    {
#if AWS_SDK_V3
        public bool HasMoreStreams { get; set; }
#else
        public bool? HasMoreStreams { get; set; }
#endif
        public string NextToken { get; set; }
        public List<string> StreamNames { get; set; } = StubCollections.NewList<string>();
    }
}
