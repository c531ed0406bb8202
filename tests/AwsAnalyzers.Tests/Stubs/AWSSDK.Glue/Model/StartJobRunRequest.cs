// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests (the members the tests use).
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.Glue.Model
{
    public partial class StartJobRunRequest : AmazonGlueRequest
    {
        public Dictionary<string, string> Arguments { get; set; } = StubCollections.NewDictionary<string, string>();
        public string JobName { get; set; }
        public string JobRunId { get; set; }
    }
}
