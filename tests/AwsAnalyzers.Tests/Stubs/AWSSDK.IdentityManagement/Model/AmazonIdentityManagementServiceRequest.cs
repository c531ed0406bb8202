// Test stub: mirrors the public API surface of the AWSSDK.IdentityManagement package, for analyzer tests.
using Amazon.Runtime;

// Lives under Model/ like the real file, but in the service namespace.
namespace Amazon.IdentityManagement
{
    public partial class AmazonIdentityManagementServiceRequest : AmazonWebServiceRequest
    {
    }
}
