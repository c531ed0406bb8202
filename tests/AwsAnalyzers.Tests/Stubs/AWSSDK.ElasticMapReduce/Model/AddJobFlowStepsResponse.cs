// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System.Collections.Generic;
using Amazon.Runtime;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class AddJobFlowStepsResponse : AmazonWebServiceResponse
    {
        public List<string> StepIds { get; set; } = StubCollections.NewList<string>();
    }
}
