// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
using System.Collections.Generic;
using Amazon.CloudWatch.Internal;
using Amazon.Runtime;

namespace Amazon.CloudWatch.Model
{
    public partial class PutMetricDataRequest : AmazonCloudWatchRequest
    {
        public List<MetricDatum> MetricData { get; set; } = StubCollections.NewList<MetricDatum>();
        public string Namespace { get; set; }
    }

    public partial class PutMetricDataResponse : AmazonWebServiceResponse
    {
    }
}
