// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests (the members the tests use).
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class InstanceTypeConfig
    {
        public string BidPrice { get; set; }
#if AWS_SDK_V3
        public double BidPriceAsPercentageOfOnDemandPrice { get; set; }
#else
        public double? BidPriceAsPercentageOfOnDemandPrice { get; set; }
#endif
        public List<Configuration> Configurations { get; set; } = StubCollections.NewList<Configuration>();
        public string InstanceType { get; set; }
#if AWS_SDK_V3
        public int WeightedCapacity { get; set; }
#else
        public int? WeightedCapacity { get; set; }
#endif
    }
}
