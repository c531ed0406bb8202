// Test stub: mirrors the public API surface of the AWSSDK.IdentityManagement package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.IdentityManagement.Model;
using Amazon.Runtime;

namespace Amazon.IdentityManagement
{
    public partial interface IAmazonIdentityManagementService : IAmazonService, IDisposable
    {
#if NET8_0_OR_GREATER
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonIdentityManagementServiceConfig();

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonIdentityManagementServiceClient(awsCredentials, (AmazonIdentityManagementServiceConfig)clientConfig);
#endif

        Task<CreatePolicyResponse> CreatePolicyAsync(CreatePolicyRequest request, CancellationToken cancellationToken = default);
        Task<PutRolePolicyResponse> PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default);
        Task<PutUserPolicyResponse> PutUserPolicyAsync(PutUserPolicyRequest request, CancellationToken cancellationToken = default);

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        CreatePolicyResponse CreatePolicy(CreatePolicyRequest request);
        PutRolePolicyResponse PutRolePolicy(PutRolePolicyRequest request);
        PutUserPolicyResponse PutUserPolicy(PutUserPolicyRequest request);
#endif
    }
}
