// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class Configuration
    {
        public string Classification { get; set; }
        public List<Configuration> Configurations { get; set; } = StubCollections.NewList<Configuration>();
        public Dictionary<string, string> Properties { get; set; } = StubCollections.NewDictionary<string, string>();
    }
}
