// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.ElasticMapReduce.Model;
using Amazon.Runtime;

namespace Amazon.ElasticMapReduce
{
    public partial class AmazonElasticMapReduceClient : AmazonServiceClient, IAmazonElasticMapReduce
    {
        public AmazonElasticMapReduceClient()
            : base(new AmazonElasticMapReduceConfig()) { }

        public AmazonElasticMapReduceClient(RegionEndpoint region)
            : base(new AmazonElasticMapReduceConfig { RegionEndpoint = region }) { }

        public AmazonElasticMapReduceClient(AmazonElasticMapReduceConfig config)
            : base(config) { }

        public AmazonElasticMapReduceClient(AWSCredentials credentials)
            : base(credentials, new AmazonElasticMapReduceConfig()) { }

        public AmazonElasticMapReduceClient(AWSCredentials credentials, RegionEndpoint region)
            : base(credentials, new AmazonElasticMapReduceConfig { RegionEndpoint = region }) { }

        public AmazonElasticMapReduceClient(AWSCredentials credentials, AmazonElasticMapReduceConfig clientConfig)
            : base(credentials, clientConfig) { }

        public AmazonElasticMapReduceClient(string awsAccessKeyId, string awsSecretAccessKey)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonElasticMapReduceConfig()) { }

        public AmazonElasticMapReduceClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonElasticMapReduceConfig { RegionEndpoint = region }) { }

        public AmazonElasticMapReduceClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonElasticMapReduceConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }

        public AmazonElasticMapReduceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonElasticMapReduceConfig()) { }

        public AmazonElasticMapReduceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonElasticMapReduceConfig { RegionEndpoint = region }) { }

        public AmazonElasticMapReduceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonElasticMapReduceConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        public virtual Task<AddInstanceFleetResponse> AddInstanceFleetAsync(AddInstanceFleetRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<AddInstanceGroupsResponse> AddInstanceGroupsAsync(AddInstanceGroupsRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<AddJobFlowStepsResponse> AddJobFlowStepsAsync(AddJobFlowStepsRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<DescribeClusterResponse> DescribeClusterAsync(DescribeClusterRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<RunJobFlowResponse> RunJobFlowAsync(RunJobFlowRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        public virtual AddInstanceFleetResponse AddInstanceFleet(AddInstanceFleetRequest request)
            => throw new NotImplementedException();

        public virtual AddInstanceGroupsResponse AddInstanceGroups(AddInstanceGroupsRequest request)
            => throw new NotImplementedException();

        public virtual AddJobFlowStepsResponse AddJobFlowSteps(AddJobFlowStepsRequest request)
            => throw new NotImplementedException();

        public virtual DescribeClusterResponse DescribeCluster(DescribeClusterRequest request)
            => throw new NotImplementedException();

        public virtual RunJobFlowResponse RunJobFlow(RunJobFlowRequest request)
            => throw new NotImplementedException();

#elif AWS_SDK_V3
        // v3 netstandard builds keep the sync methods, but internal.
        internal virtual AddInstanceFleetResponse AddInstanceFleet(AddInstanceFleetRequest request)
            => throw new NotImplementedException();

        internal virtual AddInstanceGroupsResponse AddInstanceGroups(AddInstanceGroupsRequest request)
            => throw new NotImplementedException();

        internal virtual AddJobFlowStepsResponse AddJobFlowSteps(AddJobFlowStepsRequest request)
            => throw new NotImplementedException();

        internal virtual DescribeClusterResponse DescribeCluster(DescribeClusterRequest request)
            => throw new NotImplementedException();

        internal virtual RunJobFlowResponse RunJobFlow(RunJobFlowRequest request)
            => throw new NotImplementedException();

#endif
    }
}
