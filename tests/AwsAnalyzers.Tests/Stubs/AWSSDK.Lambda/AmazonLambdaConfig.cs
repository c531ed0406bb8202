// Test stub: mirrors the public API surface of the AWSSDK.Lambda package, for analyzer tests.
using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.Lambda
{
    public partial class AmazonLambdaConfig : ClientConfig
    {
        public AmazonLambdaConfig()
            : base(null)
        {
            this.AuthenticationServiceName = "lambda";
        }

        public static new string ServiceId => "Lambda";

        public override string RegionEndpointServiceName => "lambda";

        public override string ServiceVersion => "2015-03-31";

        public override string UserAgent => "aws-sdk-dotnet-stub/Lambda";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }
}
