// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System.Collections.Generic;
using Amazon.Runtime;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class AddInstanceGroupsResponse : AmazonWebServiceResponse
    {
        public string ClusterArn { get; set; }
        public List<string> InstanceGroupIds { get; set; } = StubCollections.NewList<string>();
        public string JobFlowId { get; set; }
    }
}
