// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class RunJobFlowResponse : AmazonWebServiceResponse
    {
        public string ClusterArn { get; set; }
        public string JobFlowId { get; set; }
    }
}
