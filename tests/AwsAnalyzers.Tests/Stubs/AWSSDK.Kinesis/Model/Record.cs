// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System;
using System.IO;

namespace Amazon.Kinesis.Model
{
    // Not sealed: Amazon.Lambda.KinesisEvents derives KinesisEvent.Record from it.
    public partial class Record
    {
#if AWS_SDK_V3
        public DateTime ApproximateArrivalTimestamp { get; set; }
#else
        public DateTime? ApproximateArrivalTimestamp { get; set; }
#endif
        public MemoryStream Data { get; set; }
        public EncryptionType EncryptionType { get; set; }
        public string PartitionKey { get; set; }
        public string SequenceNumber { get; set; }
    }
}
