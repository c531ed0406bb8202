// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
namespace Amazon.CloudWatch.Model
{
    public partial class Tag
    {
        public string Key { get; set; }
        public string Value { get; set; }
    }
}
