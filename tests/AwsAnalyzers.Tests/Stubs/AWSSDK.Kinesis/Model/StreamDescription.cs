// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests (the members the tests use).
using System;
using System.Collections.Generic;
using Amazon.Kinesis.Internal;

namespace Amazon.Kinesis.Model
{
    public partial class StreamDescription
    {
        public EncryptionType EncryptionType { get; set; }
#if AWS_SDK_V3
        public bool HasMoreShards { get; set; }
        public int RetentionPeriodHours { get; set; }
        public DateTime StreamCreationTimestamp { get; set; }
#else
        public bool? HasMoreShards { get; set; }
        public int? RetentionPeriodHours { get; set; }
        public DateTime? StreamCreationTimestamp { get; set; }
#endif
        public string KeyId { get; set; }
        public List<Shard> Shards { get; set; } = StubCollections.NewList<Shard>();
        public string StreamARN { get; set; }
        public string StreamName { get; set; }
        public StreamStatus StreamStatus { get; set; }
    }
}
