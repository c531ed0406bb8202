// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
using System.Collections.Generic;
using Amazon.CloudWatch.Internal;
using Amazon.Runtime;

namespace Amazon.CloudWatch.Model
{
    public partial class PutMetricAlarmRequest : AmazonCloudWatchRequest
    {
#if AWS_SDK_V3
        public bool ActionsEnabled { get; set; }
#else
        public bool? ActionsEnabled { get; set; }
#endif
        public List<string> AlarmActions { get; set; } = StubCollections.NewList<string>();
        public string AlarmDescription { get; set; }
        public string AlarmName { get; set; }
        public ComparisonOperator ComparisonOperator { get; set; }
#if AWS_SDK_V3
        public int DatapointsToAlarm { get; set; }
#else
        public int? DatapointsToAlarm { get; set; }
#endif
        public List<Dimension> Dimensions { get; set; } = StubCollections.NewList<Dimension>();
        public string EvaluateLowSampleCountPercentile { get; set; }
#if AWS_SDK_V3
        public int EvaluationPeriods { get; set; }
#else
        public int? EvaluationPeriods { get; set; }
#endif
        public string ExtendedStatistic { get; set; }
        public List<string> InsufficientDataActions { get; set; } = StubCollections.NewList<string>();
        public string MetricName { get; set; }
        public List<MetricDataQuery> Metrics { get; set; } = StubCollections.NewList<MetricDataQuery>();
        public string Namespace { get; set; }
        public List<string> OKActions { get; set; } = StubCollections.NewList<string>();
#if AWS_SDK_V3
        public int Period { get; set; }
#else
        public int? Period { get; set; }
#endif
        public Statistic Statistic { get; set; }
        public List<Tag> Tags { get; set; } = StubCollections.NewList<Tag>();
#if AWS_SDK_V3
        public double Threshold { get; set; }
#else
        public double? Threshold { get; set; }
#endif
        public string ThresholdMetricId { get; set; }
        public string TreatMissingData { get; set; }
        public StandardUnit Unit { get; set; }
    }

    public partial class PutMetricAlarmResponse : AmazonWebServiceResponse
    {
    }
}
