// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Kinesis.Model;
using Amazon.Runtime;

namespace Amazon.Kinesis
{
    public partial interface IAmazonKinesis : IAmazonService, IDisposable
    {
#if NET8_0_OR_GREATER
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonKinesisConfig();

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonKinesisClient(awsCredentials, (AmazonKinesisConfig)clientConfig);
#endif

        IKinesisPaginatorFactory Paginators { get; }

        Task<DecreaseStreamRetentionPeriodResponse> DecreaseStreamRetentionPeriodAsync(string streamName, int retentionPeriodHours, CancellationToken cancellationToken = default);
        Task<DecreaseStreamRetentionPeriodResponse> DecreaseStreamRetentionPeriodAsync(DecreaseStreamRetentionPeriodRequest request, CancellationToken cancellationToken = default);
        Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default);
        Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default);
        Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default);
        Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default);
        Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default);
        Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default);

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        DecreaseStreamRetentionPeriodResponse DecreaseStreamRetentionPeriod(string streamName, int retentionPeriodHours);
        DecreaseStreamRetentionPeriodResponse DecreaseStreamRetentionPeriod(DecreaseStreamRetentionPeriodRequest request);
        GetRecordsResponse GetRecords(GetRecordsRequest request);
        GetShardIteratorResponse GetShardIterator(GetShardIteratorRequest request);
        ListShardsResponse ListShards(ListShardsRequest request);
        ListStreamsResponse ListStreams(ListStreamsRequest request);
        PutRecordResponse PutRecord(PutRecordRequest request);
        PutRecordsResponse PutRecords(PutRecordsRequest request);
#endif
    }
}
