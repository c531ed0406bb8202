// Test stub: mirrors the public API surface of the AWSSDK.KinesisFirehose package, for analyzer tests.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.KinesisFirehose.Model;
using Amazon.Runtime;

namespace Amazon.KinesisFirehose
{
    public partial interface IAmazonKinesisFirehose : IAmazonService, IDisposable
    {
#if NET8_0_OR_GREATER
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonKinesisFirehoseConfig();

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonKinesisFirehoseClient(awsCredentials, (AmazonKinesisFirehoseConfig)clientConfig);
#endif

        Task<PutRecordResponse> PutRecordAsync(string deliveryStreamName, Record record, CancellationToken cancellationToken = default);
        Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default);
        Task<PutRecordBatchResponse> PutRecordBatchAsync(string deliveryStreamName, List<Record> records, CancellationToken cancellationToken = default);
        Task<PutRecordBatchResponse> PutRecordBatchAsync(PutRecordBatchRequest request, CancellationToken cancellationToken = default);

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        PutRecordResponse PutRecord(string deliveryStreamName, Record record);
        PutRecordResponse PutRecord(PutRecordRequest request);
        PutRecordBatchResponse PutRecordBatch(string deliveryStreamName, List<Record> records);
        PutRecordBatchResponse PutRecordBatch(PutRecordBatchRequest request);
#endif
    }
}
