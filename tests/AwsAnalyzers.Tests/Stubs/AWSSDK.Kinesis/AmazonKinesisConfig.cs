// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.Kinesis
{
    public partial class AmazonKinesisConfig : ClientConfig
    {
        public AmazonKinesisConfig()
            : base(null)
        {
            this.AuthenticationServiceName = "kinesis";
        }

        public static new string ServiceId => "Kinesis";

        public override string RegionEndpointServiceName => "kinesis";

        public override string ServiceVersion => "2013-12-02";

        public override string UserAgent => "aws-sdk-dotnet-stub/Kinesis";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }
}
