// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
namespace Amazon.Kinesis.Model
{
    public partial class Shard
    {
        public string AdjacentParentShardId { get; set; }
        public HashKeyRange HashKeyRange { get; set; }
        public string ParentShardId { get; set; }
        public SequenceNumberRange SequenceNumberRange { get; set; }
        public string ShardId { get; set; }
    }
}
