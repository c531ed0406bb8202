// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using Amazon.Runtime;

// Lives under Model/ like the real file, but in the service namespace.
namespace Amazon.ElasticMapReduce
{
    public partial class AmazonElasticMapReduceRequest : AmazonWebServiceRequest
    {
    }
}
