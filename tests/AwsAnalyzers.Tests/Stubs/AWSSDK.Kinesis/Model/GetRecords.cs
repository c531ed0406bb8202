// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System.Collections.Generic;
using Amazon.Kinesis.Internal;
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public partial class GetRecordsRequest : AmazonKinesisRequest
    {
#if AWS_SDK_V3
        public int Limit { get; set; }
#else
        public int? Limit { get; set; }
#endif
        public string ShardIterator { get; set; }
        public string StreamARN { get; set; }
    }

    public partial class GetRecordsResponse : AmazonWebServiceResponse
    {
        public List<ChildShard> ChildShards { get; set; } = StubCollections.NewList<ChildShard>();
#if AWS_SDK_V3
        public long MillisBehindLatest { get; set; }
#else
        public long? MillisBehindLatest { get; set; }
#endif
        public string NextShardIterator { get; set; }
        public List<Record> Records { get; set; } = StubCollections.NewList<Record>();
    }

    public partial class ChildShard
    {
        public HashKeyRange HashKeyRange { get; set; }
        public List<string> ParentShards { get; set; } = StubCollections.NewList<string>();
        public string ShardId { get; set; }
    }

    public partial class HashKeyRange
    {
        public string EndingHashKey { get; set; }
        public string StartingHashKey { get; set; }
    }
}
