using System.Collections.Generic;
using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Amazon.Lambda;
using Amazon.Lambda.Core;
using Amazon.Lambda.Model;
using Amazon.Lambda.SQSEvents;

namespace SensorPipeline.Functions;

/// <summary>Forwards every batch to the audit function and counts the readings it saw.</summary>
public class AuditForwarding
{
    private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();
    private static readonly IAmazonCloudWatch s_cloudWatch = new AmazonCloudWatchClient();

    /// <summary>Waits for the audit function and for CloudWatch on every batch.</summary>
    public async Task FunctionHandler(SQSEvent batch, ILambdaContext context)
    {
        foreach (SQSEvent.SQSMessage message in batch.Records)
        {
            await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "sensor-audit", Payload = message.Body }); // AWS016
        }

        await s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest // AWS016
        {
            Namespace = "SensorPipeline",
            MetricData = new List<MetricDatum>
            {
                new MetricDatum { MetricName = "AuditedReadings", Unit = StandardUnit.Count, Value = batch.Records.Count },
            },
        });
    }

    /// <summary>Reads the enrichment function's answer, so it needs the synchronous invoke: reported, with no fix.</summary>
    public async Task<string> Enrich(string reading, ILambdaContext context)
    {
        InvokeResponse response = await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "sensor-enrich", Payload = reading }); // AWS016 nofix
        using var reader = new StreamReader(response.Payload);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Correct: hands the reading to the archive function without waiting for it.</summary>
    public Task Archive(string reading, ILambdaContext context) =>
        s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "sensor-archive", Payload = reading, InvocationType = InvocationType.Event });
}
