// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Glue.Model;
using Amazon.Runtime;

namespace Amazon.Glue
{
    public partial class AmazonGlueClient : AmazonServiceClient, IAmazonGlue
    {
        public AmazonGlueClient()
            : base(new AmazonGlueConfig()) { }

        public AmazonGlueClient(RegionEndpoint region)
            : base(new AmazonGlueConfig { RegionEndpoint = region }) { }

        public AmazonGlueClient(AmazonGlueConfig config)
            : base(config) { }

        public AmazonGlueClient(AWSCredentials credentials)
            : base(credentials, new AmazonGlueConfig()) { }

        public AmazonGlueClient(AWSCredentials credentials, RegionEndpoint region)
            : base(credentials, new AmazonGlueConfig { RegionEndpoint = region }) { }

        public AmazonGlueClient(AWSCredentials credentials, AmazonGlueConfig clientConfig)
            : base(credentials, clientConfig) { }

        public AmazonGlueClient(string awsAccessKeyId, string awsSecretAccessKey)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonGlueConfig()) { }

        public AmazonGlueClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonGlueConfig { RegionEndpoint = region }) { }

        public AmazonGlueClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonGlueConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }

        public AmazonGlueClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonGlueConfig()) { }

        public AmazonGlueClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonGlueConfig { RegionEndpoint = region }) { }

        public AmazonGlueClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonGlueConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        public IGluePaginatorFactory Paginators => throw new NotImplementedException();

        public virtual Task<GetJobRunResponse> GetJobRunAsync(GetJobRunRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<GetPartitionsResponse> GetPartitionsAsync(GetPartitionsRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<GetTablesResponse> GetTablesAsync(GetTablesRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<StartJobRunResponse> StartJobRunAsync(StartJobRunRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        public virtual GetJobRunResponse GetJobRun(GetJobRunRequest request)
            => throw new NotImplementedException();

        public virtual GetPartitionsResponse GetPartitions(GetPartitionsRequest request)
            => throw new NotImplementedException();

        public virtual GetTablesResponse GetTables(GetTablesRequest request)
            => throw new NotImplementedException();

        public virtual StartJobRunResponse StartJobRun(StartJobRunRequest request)
            => throw new NotImplementedException();

#elif AWS_SDK_V3
        // v3 netstandard builds keep the sync methods, but internal.
        internal virtual GetJobRunResponse GetJobRun(GetJobRunRequest request)
            => throw new NotImplementedException();

        internal virtual GetPartitionsResponse GetPartitions(GetPartitionsRequest request)
            => throw new NotImplementedException();

        internal virtual GetTablesResponse GetTables(GetTablesRequest request)
            => throw new NotImplementedException();

        internal virtual StartJobRunResponse StartJobRun(StartJobRunRequest request)
            => throw new NotImplementedException();

#endif
    }
}
