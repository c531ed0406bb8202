// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Kinesis
{
    public class StreamStatus : ConstantClass
    {
        public static readonly StreamStatus ACTIVE = new StreamStatus("ACTIVE");
        public static readonly StreamStatus CREATING = new StreamStatus("CREATING");
        public static readonly StreamStatus DELETING = new StreamStatus("DELETING");
        public static readonly StreamStatus UPDATING = new StreamStatus("UPDATING");

        public StreamStatus(string value) : base(value) { }

        public static StreamStatus FindValue(string value) => FindValue<StreamStatus>(value);

        public static implicit operator StreamStatus(string value) => FindValue(value);
    }
}
