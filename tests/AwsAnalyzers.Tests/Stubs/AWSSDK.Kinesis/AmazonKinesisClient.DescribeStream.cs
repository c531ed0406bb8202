// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
// The DescribeStream and DescribeStreamSummary members of the client, in a file of their own.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Kinesis.Model;

namespace Amazon.Kinesis
{
    public partial class AmazonKinesisClient
    {
        public virtual Task<DescribeStreamResponse> DescribeStreamAsync(DescribeStreamRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public virtual Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

#if AWS_SDK_SYNC
        public virtual DescribeStreamResponse DescribeStream(DescribeStreamRequest request)
            => throw new NotImplementedException();

        public virtual DescribeStreamSummaryResponse DescribeStreamSummary(DescribeStreamSummaryRequest request)
            => throw new NotImplementedException();
#elif AWS_SDK_V3
        internal virtual DescribeStreamResponse DescribeStream(DescribeStreamRequest request)
            => throw new NotImplementedException();

        internal virtual DescribeStreamSummaryResponse DescribeStreamSummary(DescribeStreamSummaryRequest request)
            => throw new NotImplementedException();
#endif
    }
}
