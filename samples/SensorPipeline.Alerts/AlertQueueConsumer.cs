using Amazon.SQS;
using Amazon.SQS.Model;

namespace SensorPipeline.Alerts;

/// <summary>
/// Reads queued alerts and hands each one to the notifier. The queue is idle most of the day, and every empty answer
/// of a short poll is a billed request.
/// </summary>
public sealed class AlertQueueConsumer
{
    private readonly IAmazonSQS _sqs;
    private readonly string _alertQueueUrl;

    public AlertQueueConsumer(IAmazonSQS sqs, string alertQueueUrl)
    {
        _sqs = sqs;
        _alertQueueUrl = alertQueueUrl;
    }

    /// <summary>Polls until cancelled, ten alerts at a time.</summary>
    public async Task RunAsync(Func<Message, Task> notify, CancellationToken cancellationToken)
    {
        var request = new ReceiveMessageRequest
        {
            QueueUrl = _alertQueueUrl,
            MaxNumberOfMessages = 10,
        };
        while (!cancellationToken.IsCancellationRequested)
        {
            var response = await _sqs.ReceiveMessageAsync(request, cancellationToken); // AWS011
            foreach (var message in response.Messages ?? new List<Message>())
            {
                await notify(message);
                await _sqs.DeleteMessageAsync(_alertQueueUrl, message.ReceiptHandle, cancellationToken);
            }
        }
    }
}
