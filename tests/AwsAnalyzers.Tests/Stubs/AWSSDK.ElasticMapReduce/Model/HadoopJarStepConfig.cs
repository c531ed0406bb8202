// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.ElasticMapReduce.Model
{
    public partial class HadoopJarStepConfig
    {
        public HadoopJarStepConfig() { }

        public HadoopJarStepConfig(string jar)
        {
            Jar = jar;
        }

        public List<string> Args { get; set; } = StubCollections.NewList<string>();
        public string Jar { get; set; }
        public string MainClass { get; set; }
        public List<KeyValue> Properties { get; set; } = StubCollections.NewList<KeyValue>();
    }
}
