// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class AddInstanceGroupsRequest : AmazonElasticMapReduceRequest
    {
        public AddInstanceGroupsRequest() { }

        public AddInstanceGroupsRequest(string jobFlowId, List<InstanceGroupConfig> instanceGroups)
        {
            JobFlowId = jobFlowId;
            InstanceGroups = instanceGroups;
        }

        public List<InstanceGroupConfig> InstanceGroups { get; set; } = StubCollections.NewList<InstanceGroupConfig>();
        public string JobFlowId { get; set; }
    }
}
