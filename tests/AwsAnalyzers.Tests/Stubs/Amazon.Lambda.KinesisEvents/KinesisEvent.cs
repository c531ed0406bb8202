// Test stub: mirrors the public API surface of the Amazon.Lambda.KinesisEvents package, for analyzer tests.
using System.Collections.Generic;

namespace Amazon.Lambda.KinesisEvents
{
    public class KinesisEvent
    {
        public IList<KinesisEventRecord> Records { get; set; }

        public class KinesisEventRecord
        {
            public string AwsRegion { get; set; }
            public string EventId { get; set; }
            public string EventName { get; set; }
            public string EventSource { get; set; }
            public string EventSourceARN { get; set; }
            public string EventVersion { get; set; }
            public string InvokeIdentityArn { get; set; }
            public Record Kinesis { get; set; }
        }

        // As in the real package, this needs AWSSDK.Kinesis.
        public class Record : Amazon.Kinesis.Model.Record
        {
            public string KinesisSchemaVersion { get; set; }
        }
    }

    public class StreamsEventResponse
    {
        public IList<BatchItemFailure> BatchItemFailures { get; set; }

        public class BatchItemFailure
        {
            public string ItemIdentifier { get; set; }
        }
    }
}
