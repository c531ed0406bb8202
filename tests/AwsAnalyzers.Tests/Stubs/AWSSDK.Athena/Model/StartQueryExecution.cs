// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using System.Collections.Generic;
using Amazon.Athena.Internal;
using Amazon.Runtime;

namespace Amazon.Athena.Model
{
    public partial class StartQueryExecutionRequest : AmazonAthenaRequest
    {
        public string ClientRequestToken { get; set; }
        public List<string> ExecutionParameters { get; set; } = StubCollections.NewList<string>();
        public QueryExecutionContext QueryExecutionContext { get; set; }
        public string QueryString { get; set; }
        public ResultConfiguration ResultConfiguration { get; set; }
        public ResultReuseConfiguration ResultReuseConfiguration { get; set; }
        public string WorkGroup { get; set; }
    }

    public partial class StartQueryExecutionResponse : AmazonWebServiceResponse
    {
        public string QueryExecutionId { get; set; }
    }
}
