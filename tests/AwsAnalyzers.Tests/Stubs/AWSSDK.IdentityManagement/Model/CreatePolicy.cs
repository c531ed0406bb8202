// Test stub: mirrors the public API surface of the AWSSDK.IdentityManagement package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.IdentityManagement.Model
{
    public partial class CreatePolicyRequest : AmazonIdentityManagementServiceRequest
    {
        public string Description { get; set; }

        public string Path { get; set; }

        public string PolicyDocument { get; set; }

        public string PolicyName { get; set; }
    }

    public partial class CreatePolicyResponse : AmazonWebServiceResponse
    {
        public ManagedPolicy Policy { get; set; }
    }

    public partial class ManagedPolicy
    {
        public string Arn { get; set; }

        public string PolicyId { get; set; }

        public string PolicyName { get; set; }
    }
}
