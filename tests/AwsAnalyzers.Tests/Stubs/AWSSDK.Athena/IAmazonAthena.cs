// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Athena.Model;
using Amazon.Runtime;

namespace Amazon.Athena
{
    public partial interface IAmazonAthena : IAmazonService, IDisposable
    {
#if NET8_0_OR_GREATER
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonAthenaConfig();

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonAthenaClient(awsCredentials, (AmazonAthenaConfig)clientConfig);
#endif

        IAthenaPaginatorFactory Paginators { get; }

        Task<CreateNamedQueryResponse> CreateNamedQueryAsync(CreateNamedQueryRequest request, CancellationToken cancellationToken = default);
        Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken = default);
        Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken = default);
        Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken = default);
        Task<StopQueryExecutionResponse> StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken = default);

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        CreateNamedQueryResponse CreateNamedQuery(CreateNamedQueryRequest request);
        GetQueryExecutionResponse GetQueryExecution(GetQueryExecutionRequest request);
        GetQueryResultsResponse GetQueryResults(GetQueryResultsRequest request);
        StartQueryExecutionResponse StartQueryExecution(StartQueryExecutionRequest request);
        StopQueryExecutionResponse StopQueryExecution(StopQueryExecutionRequest request);
#endif
    }
}
