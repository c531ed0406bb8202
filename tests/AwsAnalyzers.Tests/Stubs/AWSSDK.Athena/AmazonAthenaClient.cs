// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Athena.Model;
using Amazon.Runtime;

namespace Amazon.Athena
{
    public partial class AmazonAthenaClient : AmazonServiceClient, IAmazonAthena
    {
        public AmazonAthenaClient()
            : base(new AmazonAthenaConfig()) { }

        public AmazonAthenaClient(RegionEndpoint region)
            : base(new AmazonAthenaConfig { RegionEndpoint = region }) { }

        public AmazonAthenaClient(AmazonAthenaConfig config)
            : base(config) { }

        public AmazonAthenaClient(AWSCredentials credentials)
            : base(credentials, new AmazonAthenaConfig()) { }

        public AmazonAthenaClient(AWSCredentials credentials, RegionEndpoint region)
            : base(credentials, new AmazonAthenaConfig { RegionEndpoint = region }) { }

        public AmazonAthenaClient(AWSCredentials credentials, AmazonAthenaConfig clientConfig)
            : base(credentials, clientConfig) { }

        public AmazonAthenaClient(string awsAccessKeyId, string awsSecretAccessKey)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonAthenaConfig()) { }

        public AmazonAthenaClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonAthenaConfig { RegionEndpoint = region }) { }

        public AmazonAthenaClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonAthenaConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }

        public AmazonAthenaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonAthenaConfig()) { }

        public AmazonAthenaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonAthenaConfig { RegionEndpoint = region }) { }

        public AmazonAthenaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonAthenaConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        public IAthenaPaginatorFactory Paginators => throw new NotImplementedException();

        public virtual Task<CreateNamedQueryResponse> CreateNamedQueryAsync(CreateNamedQueryRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<StopQueryExecutionResponse> StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        public virtual CreateNamedQueryResponse CreateNamedQuery(CreateNamedQueryRequest request)
            => throw new NotImplementedException();

        public virtual GetQueryExecutionResponse GetQueryExecution(GetQueryExecutionRequest request)
            => throw new NotImplementedException();

        public virtual GetQueryResultsResponse GetQueryResults(GetQueryResultsRequest request)
            => throw new NotImplementedException();

        public virtual StartQueryExecutionResponse StartQueryExecution(StartQueryExecutionRequest request)
            => throw new NotImplementedException();

        public virtual StopQueryExecutionResponse StopQueryExecution(StopQueryExecutionRequest request)
            => throw new NotImplementedException();

#elif AWS_SDK_V3
        // v3 netstandard builds keep the sync methods, but internal.
        internal virtual CreateNamedQueryResponse CreateNamedQuery(CreateNamedQueryRequest request)
            => throw new NotImplementedException();

        internal virtual GetQueryExecutionResponse GetQueryExecution(GetQueryExecutionRequest request)
            => throw new NotImplementedException();

        internal virtual GetQueryResultsResponse GetQueryResults(GetQueryResultsRequest request)
            => throw new NotImplementedException();

        internal virtual StartQueryExecutionResponse StartQueryExecution(StartQueryExecutionRequest request)
            => throw new NotImplementedException();

        internal virtual StopQueryExecutionResponse StopQueryExecution(StopQueryExecutionRequest request)
            => throw new NotImplementedException();

#endif
    }
}
