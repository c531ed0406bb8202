// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Athena.Model
{
    public partial class CreateNamedQueryRequest : AmazonAthenaRequest
    {
        public string ClientRequestToken { get; set; }
        public string Database { get; set; }
        public string Description { get; set; }
        public string Name { get; set; }
        public string QueryString { get; set; }
        public string WorkGroup { get; set; }
    }

    public partial class CreateNamedQueryResponse : AmazonWebServiceResponse
    {
        public string NamedQueryId { get; set; }
    }
}
