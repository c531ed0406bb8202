// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests.
using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.Glue
{
    public partial class AmazonGlueConfig : ClientConfig
    {
        public AmazonGlueConfig()
            : base(null)
        {
            this.AuthenticationServiceName = "glue";
        }

        public static new string ServiceId => "Glue";

        public override string RegionEndpointServiceName => "glue";

        public override string ServiceVersion => "2017-03-31";

        public override string UserAgent => "aws-sdk-dotnet-stub/Glue";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }
}
