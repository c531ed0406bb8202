// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.

namespace Amazon.ElasticMapReduce.Model
{
    public partial class DescribeClusterRequest : AmazonElasticMapReduceRequest
    {
        public string ClusterId { get; set; }
    }
}
