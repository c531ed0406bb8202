// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests.
namespace Amazon.Glue.Model
{
    public partial class GetJobRunRequest : AmazonGlueRequest
    {
        public string JobName { get; set; }
#if AWS_SDK_V3
        public bool PredecessorsIncluded { get; set; }
#else
        public bool? PredecessorsIncluded { get; set; }
#endif
        public string RunId { get; set; }
    }
}
