// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Glue
{
    public class JobRunState : ConstantClass
    {
        public static readonly JobRunState ERROR = new JobRunState("ERROR");
        public static readonly JobRunState EXPIRED = new JobRunState("EXPIRED");
        public static readonly JobRunState FAILED = new JobRunState("FAILED");
        public static readonly JobRunState RUNNING = new JobRunState("RUNNING");
        public static readonly JobRunState STARTING = new JobRunState("STARTING");
        public static readonly JobRunState STOPPED = new JobRunState("STOPPED");
        public static readonly JobRunState STOPPING = new JobRunState("STOPPING");
        public static readonly JobRunState SUCCEEDED = new JobRunState("SUCCEEDED");
        public static readonly JobRunState TIMEOUT = new JobRunState("TIMEOUT");
        public static readonly JobRunState WAITING = new JobRunState("WAITING");

        public JobRunState(string value) : base(value) { }

        public static JobRunState FindValue(string value) => FindValue<JobRunState>(value);

        public static implicit operator JobRunState(string value) => FindValue(value);
    }
}
