// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.Athena
{
    public partial class AmazonAthenaConfig : ClientConfig
    {
        public AmazonAthenaConfig()
            : base(null)
        {
            this.AuthenticationServiceName = "athena";
        }

        public static new string ServiceId => "Athena";

        public override string RegionEndpointServiceName => "athena";

        public override string ServiceVersion => "2017-05-18";

        public override string UserAgent => "aws-sdk-dotnet-stub/Athena";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }
}
