// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
namespace Amazon.CloudWatch.Model
{
    public partial class Dimension
    {
        public string Name { get; set; }
        public string Value { get; set; }
    }
}
