// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class AddJobFlowStepsRequest : AmazonElasticMapReduceRequest
    {
        public AddJobFlowStepsRequest() { }

        public AddJobFlowStepsRequest(string jobFlowId)
        {
            JobFlowId = jobFlowId;
        }

        public AddJobFlowStepsRequest(string jobFlowId, List<StepConfig> steps)
        {
            JobFlowId = jobFlowId;
            Steps = steps;
        }

        public string ExecutionRoleArn { get; set; }
        public string JobFlowId { get; set; }
        public List<StepConfig> Steps { get; set; } = StubCollections.NewList<StepConfig>();
    }
}
