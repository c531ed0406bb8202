using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;

namespace SensorPipeline.Alerts;

/// <summary>Creates the EMR cluster's alarms and publishes the pipeline's own health metric.</summary>
public sealed class LatencyAlarms
{
    private readonly IAmazonCloudWatch _cloudWatch;
    private readonly string _onCallTopicArn;

    public LatencyAlarms(IAmazonCloudWatch cloudWatch, string onCallTopicArn)
    {
        _cloudWatch = cloudWatch;
        _onCallTopicArn = onCallTopicArn;
    }

    public async Task CreateAsync(string clusterId)
    {
        // Correct: the on-call topic is told when the cluster runs out of memory, and when it recovers.
        await _cloudWatch.PutMetricAlarmAsync(new PutMetricAlarmRequest
        {
            AlarmName = "EMR-Memory-Available",
            Namespace = "AWS/ElasticMapReduce",
            MetricName = "MemoryAvailableMB",
            Dimensions = new List<Dimension> { new Dimension { Name = "JobFlowId", Value = clusterId } },
            Statistic = Statistic.Average,
            Period = 300,
            EvaluationPeriods = 2,
            Threshold = 1024,
            ComparisonOperator = ComparisonOperator.LessThanThreshold,
            AlarmActions = new List<string> { _onCallTopicArn },
            OKActions = new List<string> { _onCallTopicArn },
        });

        // The guide's second alarm: it goes to ALARM and tells no one.
        await _cloudWatch.PutMetricAlarmAsync(new PutMetricAlarmRequest // AWS019 nofix
        {
            AlarmName = "EMR-High-Latency",
            Namespace = "AWS/ElasticMapReduce",
            MetricName = "AppsPending",
            Dimensions = new List<Dimension> { new Dimension { Name = "JobFlowId", Value = clusterId } },
            Statistic = Statistic.Average,
            Period = 300,
            EvaluationPeriods = 1,
            Threshold = 10,
            ComparisonOperator = ComparisonOperator.GreaterThanThreshold,
        });
    }

    public Task PublishHealthAsync(double lagSeconds) =>
        _cloudWatch.PutMetricDataAsync(new PutMetricDataRequest
        {
            Namespace = "AWS/SensorPipeline", // AWS019 nofix
            MetricData = new List<MetricDatum> { new MetricDatum { MetricName = "IngestLag", Unit = StandardUnit.Seconds, Value = lagSeconds } },
        });
}
