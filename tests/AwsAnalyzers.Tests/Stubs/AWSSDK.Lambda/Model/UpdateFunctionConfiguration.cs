// Test stub: mirrors the public API surface of the AWSSDK.Lambda package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Lambda.Model
{
    public partial class UpdateFunctionConfigurationRequest : AmazonLambdaRequest
    {
        public string Description { get; set; }
        public Environment Environment { get; set; }
        public string FunctionName { get; set; }
        public string Handler { get; set; }
#if AWS_SDK_V3
        public int MemorySize { get; set; }
#else
        public int? MemorySize { get; set; }
#endif
        public string RevisionId { get; set; }
        public string Role { get; set; }
#if AWS_SDK_V3
        public int Timeout { get; set; }
#else
        public int? Timeout { get; set; }
#endif
    }

    public partial class UpdateFunctionConfigurationResponse : AmazonWebServiceResponse
    {
        public string Description { get; set; }
        public string FunctionArn { get; set; }
        public string FunctionName { get; set; }
        public string Handler { get; set; }
        public string RevisionId { get; set; }
        public string Role { get; set; }
        public string Version { get; set; }
    }
}
