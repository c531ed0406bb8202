// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public partial class DescribeStreamResponse : AmazonWebServiceResponse
    {
        public StreamDescription StreamDescription { get; set; }
    }
}
