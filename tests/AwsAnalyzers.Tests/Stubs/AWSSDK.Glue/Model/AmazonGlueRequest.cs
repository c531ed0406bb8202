// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests.
using Amazon.Runtime;

// Lives under Model/ like the real file, but in the service namespace.
namespace Amazon.Glue
{
    public partial class AmazonGlueRequest : AmazonWebServiceRequest
    {
    }
}
