// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
// The DescribeStream and DescribeStreamSummary members of the interface, in a file of their own.
using System.Threading;
using System.Threading.Tasks;
using Amazon.Kinesis.Model;

namespace Amazon.Kinesis
{
    public partial interface IAmazonKinesis
    {
        Task<DescribeStreamResponse> DescribeStreamAsync(DescribeStreamRequest request, CancellationToken cancellationToken = default);
        Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default);

#if AWS_SDK_SYNC
        DescribeStreamResponse DescribeStream(DescribeStreamRequest request);
        DescribeStreamSummaryResponse DescribeStreamSummary(DescribeStreamSummaryRequest request);
#endif
    }
}
