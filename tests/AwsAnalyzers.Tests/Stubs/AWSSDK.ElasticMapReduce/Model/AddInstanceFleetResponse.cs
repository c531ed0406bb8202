// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class AddInstanceFleetResponse : AmazonWebServiceResponse
    {
        public string ClusterArn { get; set; }
        public string ClusterId { get; set; }
        public string InstanceFleetId { get; set; }
    }
}
