// Test stub: mirrors the public API surface of the AWSSDK.KinesisFirehose package, for analyzer tests.
using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.KinesisFirehose
{
    public partial class AmazonKinesisFirehoseConfig : ClientConfig
    {
        public AmazonKinesisFirehoseConfig()
            : base(null)
        {
            this.AuthenticationServiceName = "firehose";
        }

        public static new string ServiceId => "Firehose";

        public override string RegionEndpointServiceName => "firehose";

        public override string ServiceVersion => "2015-08-04";

        public override string UserAgent => "aws-sdk-dotnet-stub/Firehose";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }
}
