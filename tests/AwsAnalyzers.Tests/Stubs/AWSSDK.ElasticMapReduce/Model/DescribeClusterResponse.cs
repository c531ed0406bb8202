// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class DescribeClusterResponse : AmazonWebServiceResponse
    {
        public Cluster Cluster { get; set; }
    }
}
