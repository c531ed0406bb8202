// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Glue.Model
{
    public partial class GetJobRunResponse : AmazonWebServiceResponse
    {
        public JobRun JobRun { get; set; }
    }
}
