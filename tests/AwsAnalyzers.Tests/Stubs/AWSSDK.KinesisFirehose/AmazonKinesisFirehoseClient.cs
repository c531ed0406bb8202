// Test stub: mirrors the public API surface of the AWSSDK.KinesisFirehose package, for analyzer tests.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.KinesisFirehose.Model;
using Amazon.Runtime;

namespace Amazon.KinesisFirehose
{
    public partial class AmazonKinesisFirehoseClient : AmazonServiceClient, IAmazonKinesisFirehose
    {
        public AmazonKinesisFirehoseClient()
            : base(new AmazonKinesisFirehoseConfig()) { }

        public AmazonKinesisFirehoseClient(RegionEndpoint region)
            : base(new AmazonKinesisFirehoseConfig { RegionEndpoint = region }) { }

        public AmazonKinesisFirehoseClient(AmazonKinesisFirehoseConfig config)
            : base(config) { }

        public AmazonKinesisFirehoseClient(AWSCredentials credentials)
            : base(credentials, new AmazonKinesisFirehoseConfig()) { }

        public AmazonKinesisFirehoseClient(AWSCredentials credentials, RegionEndpoint region)
            : base(credentials, new AmazonKinesisFirehoseConfig { RegionEndpoint = region }) { }

        public AmazonKinesisFirehoseClient(AWSCredentials credentials, AmazonKinesisFirehoseConfig clientConfig)
            : base(credentials, clientConfig) { }

        public AmazonKinesisFirehoseClient(string awsAccessKeyId, string awsSecretAccessKey)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonKinesisFirehoseConfig()) { }

        public AmazonKinesisFirehoseClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, new AmazonKinesisFirehoseConfig { RegionEndpoint = region }) { }

        public AmazonKinesisFirehoseClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonKinesisFirehoseConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }

        public AmazonKinesisFirehoseClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonKinesisFirehoseConfig()) { }

        public AmazonKinesisFirehoseClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonKinesisFirehoseConfig { RegionEndpoint = region }) { }

        public AmazonKinesisFirehoseClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonKinesisFirehoseConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        public virtual Task<PutRecordResponse> PutRecordAsync(string deliveryStreamName, Record record, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<PutRecordBatchResponse> PutRecordBatchAsync(string deliveryStreamName, List<Record> records, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<PutRecordBatchResponse> PutRecordBatchAsync(PutRecordBatchRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

#if AWS_SDK_SYNC
        // Public only in the .NET Framework builds (v3 _bcl45, v4 _bcl).
        public virtual PutRecordResponse PutRecord(string deliveryStreamName, Record record)
            => throw new NotImplementedException();

        public virtual PutRecordResponse PutRecord(PutRecordRequest request)
            => throw new NotImplementedException();

        public virtual PutRecordBatchResponse PutRecordBatch(string deliveryStreamName, List<Record> records)
            => throw new NotImplementedException();

        public virtual PutRecordBatchResponse PutRecordBatch(PutRecordBatchRequest request)
            => throw new NotImplementedException();
#elif AWS_SDK_V3
        // v3 netstandard builds keep the sync methods, but internal.
        internal virtual PutRecordResponse PutRecord(PutRecordRequest request)
            => throw new NotImplementedException();

        internal virtual PutRecordBatchResponse PutRecordBatch(PutRecordBatchRequest request)
            => throw new NotImplementedException();
#endif
    }
}
