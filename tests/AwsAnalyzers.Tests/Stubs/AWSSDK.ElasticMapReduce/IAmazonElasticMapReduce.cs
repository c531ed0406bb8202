// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.ElasticMapReduce.Model;
using Amazon.Runtime;

namespace Amazon.ElasticMapReduce
{
    public partial interface IAmazonElasticMapReduce : IAmazonService, IDisposable
    {
#if NET8_0_OR_GREATER
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonElasticMapReduceConfig();

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonElasticMapReduceClient(awsCredentials, (AmazonElasticMapReduceConfig)clientConfig);
#endif

        Task<AddInstanceFleetResponse> AddInstanceFleetAsync(AddInstanceFleetRequest request, CancellationToken cancellationToken = default);
        Task<AddInstanceGroupsResponse> AddInstanceGroupsAsync(AddInstanceGroupsRequest request, CancellationToken cancellationToken = default);
        Task<AddJobFlowStepsResponse> AddJobFlowStepsAsync(AddJobFlowStepsRequest request, CancellationToken cancellationToken = default);
        Task<DescribeClusterResponse> DescribeClusterAsync(DescribeClusterRequest request, CancellationToken cancellationToken = default);
        Task<RunJobFlowResponse> RunJobFlowAsync(RunJobFlowRequest request, CancellationToken cancellationToken = default);

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        AddInstanceFleetResponse AddInstanceFleet(AddInstanceFleetRequest request);
        AddInstanceGroupsResponse AddInstanceGroups(AddInstanceGroupsRequest request);
        AddJobFlowStepsResponse AddJobFlowSteps(AddJobFlowStepsRequest request);
        DescribeClusterResponse DescribeCluster(DescribeClusterRequest request);
        RunJobFlowResponse RunJobFlow(RunJobFlowRequest request);
#endif
    }
}
