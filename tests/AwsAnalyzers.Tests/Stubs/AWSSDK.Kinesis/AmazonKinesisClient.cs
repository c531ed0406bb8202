// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Kinesis.Model;
using Amazon.Runtime;

namespace Amazon.Kinesis
{
    public partial class AmazonKinesisClient : AmazonServiceClient, IAmazonKinesis
    {
        public AmazonKinesisClient()
            : base(new AmazonKinesisConfig()) { }

        public AmazonKinesisClient(RegionEndpoint region)
            : base(new AmazonKinesisConfig { RegionEndpoint = region }) { }

        public AmazonKinesisClient(AmazonKinesisConfig config)
            : base(config) { }

        public AmazonKinesisClient(AWSCredentials credentials)
            : base(credentials, new AmazonKinesisConfig()) { }

        public AmazonKinesisClient(AWSCredentials credentials, RegionEndpoint region)
            : base(credentials, new AmazonKinesisConfig { RegionEndpoint = region }) { }

        public AmazonKinesisClient(AWSCredentials credentials, AmazonKinesisConfig clientConfig)
            : base(credentials, clientConfig) { }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonKinesisConfig()) { }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonKinesisConfig { RegionEndpoint = region }) { }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonKinesisConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonKinesisConfig()) { }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonKinesisConfig { RegionEndpoint = region }) { }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonKinesisConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        public IKinesisPaginatorFactory Paginators => throw new NotImplementedException();

        public virtual Task<DecreaseStreamRetentionPeriodResponse> DecreaseStreamRetentionPeriodAsync(string streamName, int retentionPeriodHours, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<DecreaseStreamRetentionPeriodResponse> DecreaseStreamRetentionPeriodAsync(DecreaseStreamRetentionPeriodRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        public virtual DecreaseStreamRetentionPeriodResponse DecreaseStreamRetentionPeriod(string streamName, int retentionPeriodHours)
            => throw new NotImplementedException();

        public virtual DecreaseStreamRetentionPeriodResponse DecreaseStreamRetentionPeriod(DecreaseStreamRetentionPeriodRequest request)
            => throw new NotImplementedException();

        public virtual GetRecordsResponse GetRecords(GetRecordsRequest request)
            => throw new NotImplementedException();

        public virtual GetShardIteratorResponse GetShardIterator(GetShardIteratorRequest request)
            => throw new NotImplementedException();

        public virtual ListShardsResponse ListShards(ListShardsRequest request)
            => throw new NotImplementedException();

        public virtual ListStreamsResponse ListStreams(ListStreamsRequest request)
            => throw new NotImplementedException();

        public virtual PutRecordResponse PutRecord(PutRecordRequest request)
            => throw new NotImplementedException();

        public virtual PutRecordsResponse PutRecords(PutRecordsRequest request)
            => throw new NotImplementedException();
#elif AWS_SDK_V3
        // v3 netstandard builds keep the sync methods, but internal.
        internal virtual GetRecordsResponse GetRecords(GetRecordsRequest request)
            => throw new NotImplementedException();

        internal virtual GetShardIteratorResponse GetShardIterator(GetShardIteratorRequest request)
            => throw new NotImplementedException();

        internal virtual PutRecordResponse PutRecord(PutRecordRequest request)
            => throw new NotImplementedException();

        internal virtual PutRecordsResponse PutRecords(PutRecordsRequest request)
            => throw new NotImplementedException();
#endif
    }
}
