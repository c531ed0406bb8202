// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
namespace Amazon.Kinesis.Model
{
    public partial class SequenceNumberRange
    {
        public string EndingSequenceNumber { get; set; }
        public string StartingSequenceNumber { get; set; }
    }
}
