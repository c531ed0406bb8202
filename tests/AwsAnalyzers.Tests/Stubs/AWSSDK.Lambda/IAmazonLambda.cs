// Test stub: mirrors the public API surface of the AWSSDK.Lambda package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Model;
using Amazon.Runtime;

namespace Amazon.Lambda
{
    public partial interface IAmazonLambda : IAmazonService, IDisposable
    {
#if NET8_0_OR_GREATER
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonLambdaConfig();

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonLambdaClient(awsCredentials, (AmazonLambdaConfig)clientConfig);
#endif

        Task<CreateFunctionResponse> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellationToken = default);
        Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default);
        Task<UpdateFunctionConfigurationResponse> UpdateFunctionConfigurationAsync(UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken = default);

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        CreateFunctionResponse CreateFunction(CreateFunctionRequest request);
        InvokeResponse Invoke(InvokeRequest request);
        UpdateFunctionConfigurationResponse UpdateFunctionConfiguration(UpdateFunctionConfigurationRequest request);
#endif
    }
}
