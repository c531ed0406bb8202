// Test stub: mirrors the public API surface of the AWSSDK.IdentityManagement package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.IdentityManagement.Model;
using Amazon.Runtime;

namespace Amazon.IdentityManagement
{
    public partial class AmazonIdentityManagementServiceClient : AmazonServiceClient, IAmazonIdentityManagementService
    {
        public AmazonIdentityManagementServiceClient()
            : base(new AmazonIdentityManagementServiceConfig()) { }

        public AmazonIdentityManagementServiceClient(RegionEndpoint region)
            : base(new AmazonIdentityManagementServiceConfig { RegionEndpoint = region }) { }

        public AmazonIdentityManagementServiceClient(AmazonIdentityManagementServiceConfig config)
            : base(config) { }

        public AmazonIdentityManagementServiceClient(AWSCredentials credentials)
            : base(credentials, new AmazonIdentityManagementServiceConfig()) { }

        public AmazonIdentityManagementServiceClient(AWSCredentials credentials, RegionEndpoint region)
            : base(credentials, new AmazonIdentityManagementServiceConfig { RegionEndpoint = region }) { }

        public AmazonIdentityManagementServiceClient(AWSCredentials credentials, AmazonIdentityManagementServiceConfig clientConfig)
            : base(credentials, clientConfig) { }

        public AmazonIdentityManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonIdentityManagementServiceConfig()) { }

        public AmazonIdentityManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonIdentityManagementServiceConfig { RegionEndpoint = region }) { }

        public AmazonIdentityManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonIdentityManagementServiceConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }

        public AmazonIdentityManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonIdentityManagementServiceConfig()) { }

        public AmazonIdentityManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonIdentityManagementServiceConfig { RegionEndpoint = region }) { }

        public AmazonIdentityManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonIdentityManagementServiceConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        public virtual Task<CreatePolicyResponse> CreatePolicyAsync(CreatePolicyRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<PutRolePolicyResponse> PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<PutUserPolicyResponse> PutUserPolicyAsync(PutUserPolicyRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        public virtual CreatePolicyResponse CreatePolicy(CreatePolicyRequest request)
            => throw new NotImplementedException();

        public virtual PutRolePolicyResponse PutRolePolicy(PutRolePolicyRequest request)
            => throw new NotImplementedException();

        public virtual PutUserPolicyResponse PutUserPolicy(PutUserPolicyRequest request)
            => throw new NotImplementedException();

#elif AWS_SDK_V3
        // v3 netstandard builds keep the sync methods, but internal.
        internal virtual CreatePolicyResponse CreatePolicy(CreatePolicyRequest request)
            => throw new NotImplementedException();

        internal virtual PutRolePolicyResponse PutRolePolicy(PutRolePolicyRequest request)
            => throw new NotImplementedException();

        internal virtual PutUserPolicyResponse PutUserPolicy(PutUserPolicyRequest request)
            => throw new NotImplementedException();

#endif
    }
}
