// Test stub: mirrors the public API surface of the AWSSDK.IdentityManagement package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.IdentityManagement.Model
{
    public partial class PutUserPolicyRequest : AmazonIdentityManagementServiceRequest
    {
        public string PolicyDocument { get; set; }

        public string PolicyName { get; set; }

        public string UserName { get; set; }
    }

    public partial class PutUserPolicyResponse : AmazonWebServiceResponse
    {
    }
}
