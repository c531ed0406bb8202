// Test stub: mirrors the public API surface of the AWSSDK.Lambda package, for analyzer tests.
using System.IO;
using Amazon.Runtime;

namespace Amazon.Lambda.Model
{
    public partial class InvokeRequest : AmazonLambdaRequest
    {
        public string ClientContextBase64 { get; set; }
        public string FunctionName { get; set; }
        public InvocationType InvocationType { get; set; }
        public LogType LogType { get; set; }
        public MemoryStream PayloadStream { get; set; }
        public string Qualifier { get; set; }

        // Custom/Model/InvokeRequest.Extensions.cs: string views of PayloadStream and ClientContextBase64.
        public string Payload { get; set; }
        public string ClientContext { get; set; }
    }

    public partial class InvokeResponse : AmazonWebServiceResponse
    {
        public string ExecutedVersion { get; set; }
        public string FunctionError { get; set; }
        public string LogResult { get; set; }
        public MemoryStream Payload { get; set; }
#if AWS_SDK_V3
        public int StatusCode { get; set; }
#else
        public int? StatusCode { get; set; }
#endif
    }
}
