// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests (the members the tests use).
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class JobFlowInstancesConfig
    {
        public string Ec2KeyName { get; set; }
        public string Ec2SubnetId { get; set; }
#if AWS_SDK_V3
        public int InstanceCount { get; set; }
#else
        public int? InstanceCount { get; set; }
#endif
        public List<InstanceFleetConfig> InstanceFleets { get; set; } = StubCollections.NewList<InstanceFleetConfig>();
        public List<InstanceGroupConfig> InstanceGroups { get; set; } = StubCollections.NewList<InstanceGroupConfig>();
#if AWS_SDK_V3
        public bool KeepJobFlowAliveWhenNoSteps { get; set; }
#else
        public bool? KeepJobFlowAliveWhenNoSteps { get; set; }
#endif
        public string MasterInstanceType { get; set; }
        public string SlaveInstanceType { get; set; }
#if AWS_SDK_V3
        public bool TerminationProtected { get; set; }
#else
        public bool? TerminationProtected { get; set; }
#endif
    }
}
