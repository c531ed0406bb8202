// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Athena.Model
{
    public partial class StopQueryExecutionRequest : AmazonAthenaRequest
    {
        public string QueryExecutionId { get; set; }
    }

    public partial class StopQueryExecutionResponse : AmazonWebServiceResponse
    {
    }
}
