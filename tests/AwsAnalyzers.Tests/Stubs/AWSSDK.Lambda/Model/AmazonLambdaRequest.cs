// Test stub: mirrors the public API surface of the AWSSDK.Lambda package, for analyzer tests.
using Amazon.Runtime;

// Lives under Model/ like the real file, but in the service namespace.
namespace Amazon.Lambda
{
    public partial class AmazonLambdaRequest : AmazonWebServiceRequest
    {
    }
}
