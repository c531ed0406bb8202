// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System;
using System.Collections.Generic;
using Amazon.Kinesis.Internal;
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public partial class ListShardsRequest : AmazonKinesisRequest
    {
        public string ExclusiveStartShardId { get; set; }
#if AWS_SDK_V3
        public int MaxResults { get; set; }
#else
        public int? MaxResults { get; set; }
#endif
        public string NextToken { get; set; }
        public string StreamARN { get; set; }
#if AWS_SDK_V3
        public DateTime StreamCreationTimestamp { get; set; }
#else
        public DateTime? StreamCreationTimestamp { get; set; }
#endif
        public string StreamName { get; set; }
    }

    public partial class ListShardsResponse : AmazonWebServiceResponse
    {
        public string NextToken { get; set; }
        public List<Shard> Shards { get; set; } = StubCollections.NewList<Shard>();
    }
}
