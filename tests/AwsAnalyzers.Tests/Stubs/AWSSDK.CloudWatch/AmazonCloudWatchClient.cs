// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.CloudWatch.Model;
using Amazon.Runtime;

namespace Amazon.CloudWatch
{
    public partial class AmazonCloudWatchClient : AmazonServiceClient, IAmazonCloudWatch
    {
        public AmazonCloudWatchClient()
            : base(new AmazonCloudWatchConfig()) { }

        public AmazonCloudWatchClient(RegionEndpoint region)
            : base(new AmazonCloudWatchConfig { RegionEndpoint = region }) { }

        public AmazonCloudWatchClient(AmazonCloudWatchConfig config)
            : base(config) { }

        public AmazonCloudWatchClient(AWSCredentials credentials)
            : base(credentials, new AmazonCloudWatchConfig()) { }

        public AmazonCloudWatchClient(AWSCredentials credentials, RegionEndpoint region)
            : base(credentials, new AmazonCloudWatchConfig { RegionEndpoint = region }) { }

        public AmazonCloudWatchClient(AWSCredentials credentials, AmazonCloudWatchConfig clientConfig)
            : base(credentials, clientConfig) { }

        public AmazonCloudWatchClient(string awsAccessKeyId, string awsSecretAccessKey)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonCloudWatchConfig()) { }

        public AmazonCloudWatchClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonCloudWatchConfig { RegionEndpoint = region }) { }

        public AmazonCloudWatchClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonCloudWatchConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }

        public AmazonCloudWatchClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonCloudWatchConfig()) { }

        public AmazonCloudWatchClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonCloudWatchConfig { RegionEndpoint = region }) { }

        public AmazonCloudWatchClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonCloudWatchConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        public virtual Task<PutMetricAlarmResponse> PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<PutMetricDataResponse> PutMetricDataAsync(PutMetricDataRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        public virtual PutMetricAlarmResponse PutMetricAlarm(PutMetricAlarmRequest request)
            => throw new NotImplementedException();

        public virtual PutMetricDataResponse PutMetricData(PutMetricDataRequest request)
            => throw new NotImplementedException();
#elif AWS_SDK_V3
        // v3 netstandard builds keep the sync methods, but internal.
        internal virtual PutMetricAlarmResponse PutMetricAlarm(PutMetricAlarmRequest request)
            => throw new NotImplementedException();

        internal virtual PutMetricDataResponse PutMetricData(PutMetricDataRequest request)
            => throw new NotImplementedException();
#endif
    }
}
