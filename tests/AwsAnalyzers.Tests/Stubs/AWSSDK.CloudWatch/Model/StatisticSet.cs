// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
namespace Amazon.CloudWatch.Model
{
    public partial class StatisticSet
    {
#if AWS_SDK_V3
        public double Maximum { get; set; }
        public double Minimum { get; set; }
        public double SampleCount { get; set; }
        public double Sum { get; set; }
#else
        public double? Maximum { get; set; }
        public double? Minimum { get; set; }
        public double? SampleCount { get; set; }
        public double? Sum { get; set; }
#endif
    }
}
