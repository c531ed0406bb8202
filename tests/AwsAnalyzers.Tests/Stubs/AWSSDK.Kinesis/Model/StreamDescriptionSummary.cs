// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests (the members the tests use).
using System;

namespace Amazon.Kinesis.Model
{
    public partial class StreamDescriptionSummary
    {
#if AWS_SDK_V3
        public int ConsumerCount { get; set; }
        public int OpenShardCount { get; set; }
        public int RetentionPeriodHours { get; set; }
        public DateTime StreamCreationTimestamp { get; set; }
#else
        public int? ConsumerCount { get; set; }
        public int? OpenShardCount { get; set; }
        public int? RetentionPeriodHours { get; set; }
        public DateTime? StreamCreationTimestamp { get; set; }
#endif
        public EncryptionType EncryptionType { get; set; }
        public string KeyId { get; set; }
        public string StreamARN { get; set; }
        public string StreamName { get; set; }
        public StreamStatus StreamStatus { get; set; }
    }
}
