// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.

namespace Amazon.ElasticMapReduce.Model
{
    public partial class AddInstanceFleetRequest : AmazonElasticMapReduceRequest
    {
        public string ClusterId { get; set; }
        public InstanceFleetConfig InstanceFleet { get; set; }
    }
}
