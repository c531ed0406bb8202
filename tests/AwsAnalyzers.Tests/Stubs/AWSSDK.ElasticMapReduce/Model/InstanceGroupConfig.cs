// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests (the members the tests use).
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class InstanceGroupConfig
    {
        public InstanceGroupConfig() { }

#if AWS_SDK_V3
        public InstanceGroupConfig(InstanceRoleType instanceRole, string instanceType, int instanceCount)
#else
        public InstanceGroupConfig(InstanceRoleType instanceRole, string instanceType, int? instanceCount)
#endif
        {
            InstanceRole = instanceRole;
            InstanceType = instanceType;
            InstanceCount = instanceCount;
        }

        public string BidPrice { get; set; }
        public List<Configuration> Configurations { get; set; } = StubCollections.NewList<Configuration>();
        public string CustomAmiId { get; set; }
#if AWS_SDK_V3
        public int InstanceCount { get; set; }
#else
        public int? InstanceCount { get; set; }
#endif
        public InstanceRoleType InstanceRole { get; set; }
        public string InstanceType { get; set; }
        public MarketType Market { get; set; }
        public string Name { get; set; }
    }
}
