// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests (the members the tests use).

namespace Amazon.ElasticMapReduce.Model
{
    public partial class ClusterStatus
    {
        public ClusterState State { get; set; }
        public ClusterStateChangeReason StateChangeReason { get; set; }
    }
}
