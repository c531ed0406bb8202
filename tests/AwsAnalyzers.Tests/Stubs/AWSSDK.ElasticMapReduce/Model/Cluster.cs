// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests (the members the tests use).
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class Cluster
    {
        public List<Configuration> Configurations { get; set; } = StubCollections.NewList<Configuration>();
        public string Id { get; set; }
        public string Name { get; set; }
        public string ReleaseLabel { get; set; }
        public ClusterStatus Status { get; set; }
    }
}
