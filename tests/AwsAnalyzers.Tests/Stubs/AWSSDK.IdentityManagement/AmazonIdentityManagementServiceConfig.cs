// Test stub: mirrors the public API surface of the AWSSDK.IdentityManagement package, for analyzer tests.
using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.IdentityManagement
{
    public partial class AmazonIdentityManagementServiceConfig : ClientConfig
    {
        public AmazonIdentityManagementServiceConfig()
            : base(null)
        {
            this.AuthenticationServiceName = "iam";
        }

        public static new string ServiceId => "IAM";

        public override string RegionEndpointServiceName => "iam";

        public override string ServiceVersion => "2010-05-08";

        public override string UserAgent => "aws-sdk-dotnet-stub/IAM";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }
}
