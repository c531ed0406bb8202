// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests (the members the tests use).
using System;
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;

namespace Amazon.Glue.Model
{
    public partial class JobRun
    {
        public Dictionary<string, string> Arguments { get; set; } = StubCollections.NewDictionary<string, string>();
#if AWS_SDK_V3
        public int Attempt { get; set; }
        public DateTime CompletedOn { get; set; }
        public int ExecutionTime { get; set; }
        public DateTime StartedOn { get; set; }
        public int Timeout { get; set; }
#else
        public int? Attempt { get; set; }
        public DateTime? CompletedOn { get; set; }
        public int? ExecutionTime { get; set; }
        public DateTime? StartedOn { get; set; }
        public int? Timeout { get; set; }
#endif
        public string ErrorMessage { get; set; }
        public string Id { get; set; }
        public string JobName { get; set; }
        public JobRunState JobRunState { get; set; }
    }
}
