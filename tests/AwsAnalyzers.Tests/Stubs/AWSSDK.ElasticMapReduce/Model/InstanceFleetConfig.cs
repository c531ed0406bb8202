// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests (the members the tests use).
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class InstanceFleetConfig
    {
        public InstanceFleetType InstanceFleetType { get; set; }
        public List<InstanceTypeConfig> InstanceTypeConfigs { get; set; } = StubCollections.NewList<InstanceTypeConfig>();
        public string Name { get; set; }
#if AWS_SDK_V3
        public int TargetOnDemandCapacity { get; set; }
#else
        public int? TargetOnDemandCapacity { get; set; }
#endif
#if AWS_SDK_V3
        public int TargetSpotCapacity { get; set; }
#else
        public int? TargetSpotCapacity { get; set; }
#endif
    }
}
