// Test stub: mirrors the public API surface of the Amazon.Lambda.APIGatewayEvents package, for analyzer tests.
using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents
{
    public class APIGatewayProxyRequest
    {
        public string Resource { get; set; }
        public string Path { get; set; }
        public string HttpMethod { get; set; }
        public IDictionary<string, string> Headers { get; set; }
        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }
        public IDictionary<string, string> QueryStringParameters { get; set; }
        public IDictionary<string, IList<string>> MultiValueQueryStringParameters { get; set; }
        public IDictionary<string, string> PathParameters { get; set; }
        public IDictionary<string, string> StageVariables { get; set; }
        public ProxyRequestContext RequestContext { get; set; }
        public string Body { get; set; }
        public bool IsBase64Encoded { get; set; }

        public class ProxyRequestContext
        {
            public string AccountId { get; set; }
            public string ApiId { get; set; }
            public APIGatewayCustomAuthorizerContext Authorizer { get; set; }
            public string HttpMethod { get; set; }
            public RequestIdentity Identity { get; set; }
            public string Path { get; set; }
            public string RequestId { get; set; }
            public string ResourceId { get; set; }
            public string ResourcePath { get; set; }
            public string Stage { get; set; }
        }

        public class RequestIdentity
        {
            public string AccountId { get; set; }
            public string ApiKey { get; set; }
            public string Caller { get; set; }
            public string SourceIp { get; set; }
            public string User { get; set; }
            public string UserAgent { get; set; }
            public string UserArn { get; set; }
        }
    }

    public class APIGatewayCustomAuthorizerContext : Dictionary<string, object>
    {
        public string PrincipalId { get; set; }
        public Dictionary<string, string> Claims { get; set; }
    }

    public class APIGatewayProxyResponse
    {
        public int StatusCode { get; set; }
        public IDictionary<string, string> Headers { get; set; }
        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }
        public string Body { get; set; }
        public bool IsBase64Encoded { get; set; }
    }
}
