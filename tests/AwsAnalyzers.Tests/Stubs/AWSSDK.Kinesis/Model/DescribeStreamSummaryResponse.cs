// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public partial class DescribeStreamSummaryResponse : AmazonWebServiceResponse
    {
        public StreamDescriptionSummary StreamDescriptionSummary { get; set; }
    }
}
