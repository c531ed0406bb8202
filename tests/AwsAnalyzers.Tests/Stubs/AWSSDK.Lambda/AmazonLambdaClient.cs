// Test stub: mirrors the public API surface of the AWSSDK.Lambda package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Model;
using Amazon.Runtime;

namespace Amazon.Lambda
{
    public partial class AmazonLambdaClient : AmazonServiceClient, IAmazonLambda
    {
        public AmazonLambdaClient()
            : base(new AmazonLambdaConfig()) { }

        public AmazonLambdaClient(RegionEndpoint region)
            : base(new AmazonLambdaConfig { RegionEndpoint = region }) { }

        public AmazonLambdaClient(AmazonLambdaConfig config)
            : base(config) { }

        public AmazonLambdaClient(AWSCredentials credentials)
            : base(credentials, new AmazonLambdaConfig()) { }

        public AmazonLambdaClient(AWSCredentials credentials, RegionEndpoint region)
            : base(credentials, new AmazonLambdaConfig { RegionEndpoint = region }) { }

        public AmazonLambdaClient(AWSCredentials credentials, AmazonLambdaConfig clientConfig)
            : base(credentials, clientConfig) { }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonLambdaConfig()) { }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonLambdaConfig { RegionEndpoint = region }) { }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonLambdaConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonLambdaConfig()) { }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonLambdaConfig { RegionEndpoint = region }) { }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonLambdaConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        public virtual Task<CreateFunctionResponse> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<UpdateFunctionConfigurationResponse> UpdateFunctionConfigurationAsync(UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        public virtual CreateFunctionResponse CreateFunction(CreateFunctionRequest request)
            => throw new NotImplementedException();

        public virtual InvokeResponse Invoke(InvokeRequest request)
            => throw new NotImplementedException();

        public virtual UpdateFunctionConfigurationResponse UpdateFunctionConfiguration(UpdateFunctionConfigurationRequest request)
            => throw new NotImplementedException();
#elif AWS_SDK_V3
        // v3 netstandard builds keep the sync methods, but internal.
        internal virtual CreateFunctionResponse CreateFunction(CreateFunctionRequest request)
            => throw new NotImplementedException();

        internal virtual InvokeResponse Invoke(InvokeRequest request)
            => throw new NotImplementedException();

        internal virtual UpdateFunctionConfigurationResponse UpdateFunctionConfiguration(UpdateFunctionConfigurationRequest request)
            => throw new NotImplementedException();
#endif
    }
}
