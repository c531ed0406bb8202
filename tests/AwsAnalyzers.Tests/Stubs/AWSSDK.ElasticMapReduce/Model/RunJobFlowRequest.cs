// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests (the members the tests use).
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class RunJobFlowRequest : AmazonElasticMapReduceRequest
    {
        public RunJobFlowRequest() { }

        public RunJobFlowRequest(string name, JobFlowInstancesConfig instances)
        {
            Name = name;
            Instances = instances;
        }

        public List<Configuration> Configurations { get; set; } = StubCollections.NewList<Configuration>();
        public JobFlowInstancesConfig Instances { get; set; }
        public string JobFlowRole { get; set; }
        public string LogUri { get; set; }
        public string Name { get; set; }
        public string ReleaseLabel { get; set; }
        public string ServiceRole { get; set; }
        public List<StepConfig> Steps { get; set; } = StubCollections.NewList<StepConfig>();
#if AWS_SDK_V3
        public bool VisibleToAllUsers { get; set; }
#else
        public bool? VisibleToAllUsers { get; set; }
#endif
    }
}
