// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.ElasticMapReduce
{
    public partial class AmazonElasticMapReduceConfig : ClientConfig
    {
        public AmazonElasticMapReduceConfig()
            : base(null)
        {
            this.AuthenticationServiceName = "elasticmapreduce";
        }

        public static new string ServiceId => "EMR";

        public override string RegionEndpointServiceName => "elasticmapreduce";

        public override string ServiceVersion => "2009-03-31";

        public override string UserAgent => "aws-sdk-dotnet-stub/ElasticMapReduce";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }
}
