// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.CloudWatch.Model;
using Amazon.Runtime;

namespace Amazon.CloudWatch
{
    public partial interface IAmazonCloudWatch : IAmazonService, IDisposable
    {
#if NET8_0_OR_GREATER
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonCloudWatchConfig();

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonCloudWatchClient(awsCredentials, (AmazonCloudWatchConfig)clientConfig);
#endif

        Task<PutMetricAlarmResponse> PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken = default);
        Task<PutMetricDataResponse> PutMetricDataAsync(PutMetricDataRequest request, CancellationToken cancellationToken = default);

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        PutMetricAlarmResponse PutMetricAlarm(PutMetricAlarmRequest request);
        PutMetricDataResponse PutMetricData(PutMetricDataRequest request);
#endif
    }
}
