// Test stub: mirrors the public API surface of the AWSSDK.IdentityManagement package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.IdentityManagement.Model
{
    public partial class PutRolePolicyRequest : AmazonIdentityManagementServiceRequest
    {
        public string PolicyDocument { get; set; }

        public string PolicyName { get; set; }

        public string RoleName { get; set; }
    }

    public partial class PutRolePolicyResponse : AmazonWebServiceResponse
    {
    }
}
