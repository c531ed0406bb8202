// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
namespace Amazon.CloudWatch.Model
{
    public partial class MetricDataQuery
    {
        public string AccountId { get; set; }
        public string Expression { get; set; }
        public string Id { get; set; }
        public string Label { get; set; }
#if AWS_SDK_V3
        public int Period { get; set; }
        public bool ReturnData { get; set; }
#else
        public int? Period { get; set; }
        public bool? ReturnData { get; set; }
#endif
    }
}
