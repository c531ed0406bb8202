// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.CloudWatch
{
    public partial class AmazonCloudWatchConfig : ClientConfig
    {
        public AmazonCloudWatchConfig()
            : base(null)
        {
            this.AuthenticationServiceName = "monitoring";
        }

        public static new string ServiceId => "CloudWatch";

        public override string RegionEndpointServiceName => "monitoring";

        public override string ServiceVersion => "2010-08-01";

        public override string UserAgent => "aws-sdk-dotnet-stub/CloudWatch";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }
}
