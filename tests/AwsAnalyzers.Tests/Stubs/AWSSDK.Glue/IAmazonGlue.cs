// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Glue.Model;
using Amazon.Runtime;

namespace Amazon.Glue
{
    public partial interface IAmazonGlue : IAmazonService, IDisposable
    {
#if NET8_0_OR_GREATER
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonGlueConfig();

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonGlueClient(awsCredentials, (AmazonGlueConfig)clientConfig);
#endif

        IGluePaginatorFactory Paginators { get; }

        Task<GetJobRunResponse> GetJobRunAsync(GetJobRunRequest request, CancellationToken cancellationToken = default);
        Task<GetPartitionsResponse> GetPartitionsAsync(GetPartitionsRequest request, CancellationToken cancellationToken = default);
        Task<GetTablesResponse> GetTablesAsync(GetTablesRequest request, CancellationToken cancellationToken = default);
        Task<StartJobRunResponse> StartJobRunAsync(StartJobRunRequest request, CancellationToken cancellationToken = default);

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        GetJobRunResponse GetJobRun(GetJobRunRequest request);
        GetPartitionsResponse GetPartitions(GetPartitionsRequest request);
        GetTablesResponse GetTables(GetTablesRequest request);
        StartJobRunResponse StartJobRun(StartJobRunRequest request);
#endif
    }
}
