// Test stub: mirrors the public API surface of the AWSSDK.Lambda package, for analyzer tests.
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.Lambda.Model
{
    public partial class Environment
    {
        public Dictionary<string, string> Variables { get; set; } = StubCollections.NewDictionary<string, string>();
#if AWS_SDK_V3
        public bool IsVariablesSet { get; set; }
#endif
    }
}
