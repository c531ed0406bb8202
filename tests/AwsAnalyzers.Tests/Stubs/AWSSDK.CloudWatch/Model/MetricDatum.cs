// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
using System;
using System.Collections.Generic;
using Amazon.CloudWatch.Internal;

namespace Amazon.CloudWatch.Model
{
    public partial class MetricDatum
    {
        public List<double> Counts { get; set; } = StubCollections.NewList<double>();
        public List<Dimension> Dimensions { get; set; } = StubCollections.NewList<Dimension>();
        public string MetricName { get; set; }
        public StatisticSet StatisticValues { get; set; }
#if AWS_SDK_V3
        public int StorageResolution { get; set; }
        public DateTime TimestampUtc { get; set; }
        [Obsolete("Setting this property results in non-UTC DateTimes not being marshalled correctly. " +
            "Use TimestampUtc instead. Setting either Timestamp or TimestampUtc results in both Timestamp and " +
            "TimestampUtc being assigned, the latest assignment to either one of the two property is " +
            "reflected in the value of both. Timestamp is provided for backwards compatibility only and " +
            "assigning a non-Utc DateTime to it results in the wrong timestamp being passed to the service.", false)]
        public DateTime Timestamp { get; set; }
#else
        public int? StorageResolution { get; set; }
        public DateTime? Timestamp { get; set; }
#endif
        public StandardUnit Unit { get; set; }
#if AWS_SDK_V3
        public double Value { get; set; }
#else
        public double? Value { get; set; }
#endif
        public List<double> Values { get; set; } = StubCollections.NewList<double>();
    }
}
