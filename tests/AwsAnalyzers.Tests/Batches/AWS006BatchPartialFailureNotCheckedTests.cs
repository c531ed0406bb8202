using System.Threading.Tasks;
using AwsAnalyzers.Batches;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Batches.AWS006BatchPartialFailureNotCheckedAnalyzer,
    AwsAnalyzers.Batches.AWS006BatchPartialFailureNotCheckedCodeFix>;

namespace AwsAnalyzers.Tests.Batches;

public class AWS006BatchPartialFailureNotCheckedTests
{
    private static async Task VerifyV3Async(string source)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    // ---- What it reports ----

    [Fact]
    public async Task Discarded_kinesis_response_is_reported_with_method_and_fields()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis;
                Producer(IAmazonKinesis kinesis) => _kinesis = kinesis;

                async Task SendAsync(PutRecordsRequest request)
                {
                    await {|#0:_kinesis.PutRecordsAsync(request)|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PutRecordsAsync", "FailedRecordCount or Records[i].ErrorCode"));
    }

    [Fact]
    public async Task Every_batch_operation_of_the_four_services_is_reported_when_discarded()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.KinesisFirehose;
            using Amazon.KinesisFirehose.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Writer
            {
                async Task WriteAsync(
                    AmazonKinesisClient kinesis, IAmazonKinesisFirehose firehose, AmazonKinesisFirehoseClient firehoseClient,
                    IAmazonDynamoDB dynamo, AmazonDynamoDBClient dynamoClient, IAmazonSQS sqs, AmazonSQSClient sqsClient,
                    List<Amazon.KinesisFirehose.Model.Record> records, Dictionary<string, List<WriteRequest>> writes,
                    Dictionary<string, KeysAndAttributes> keys, List<SendMessageBatchRequestEntry> messages,
                    List<DeleteMessageBatchRequestEntry> deletes)
                {
                    await {|#0:kinesis.PutRecordsAsync(new PutRecordsRequest { StreamName = "s" })|};
                    await {|#1:firehose.PutRecordBatchAsync("delivery", records)|};
                    await {|#2:firehoseClient.PutRecordBatchAsync(new PutRecordBatchRequest { DeliveryStreamName = "d", Records = records })|};
                    await {|#3:dynamo.BatchWriteItemAsync(writes)|};
                    await {|#4:dynamoClient.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = writes })|};
                    await {|#5:dynamo.BatchGetItemAsync(keys)|};
                    await {|#6:dynamo.BatchGetItemAsync(keys, ReturnConsumedCapacity.TOTAL)|};
                    await {|#7:sqs.SendMessageBatchAsync("https://queue", messages)|};
                    await {|#8:sqsClient.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = "q", Entries = messages })|};
                    await {|#9:sqs.DeleteMessageBatchAsync("https://queue", deletes)|};
                    await {|#10:sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest("q", deletes))|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PutRecordsAsync", "FailedRecordCount or Records[i].ErrorCode"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("PutRecordBatchAsync", "FailedPutCount or RequestResponses[i].ErrorCode"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("PutRecordBatchAsync", "FailedPutCount or RequestResponses[i].ErrorCode"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("BatchWriteItemAsync", "UnprocessedItems"),
            VerifyCS.Diagnostic().WithLocation(4).WithArguments("BatchWriteItemAsync", "UnprocessedItems"),
            VerifyCS.Diagnostic(AWS006BatchPartialFailureNotCheckedAnalyzer.ReadRule).WithLocation(5).WithArguments("BatchGetItemAsync", "UnprocessedKeys"),
            VerifyCS.Diagnostic(AWS006BatchPartialFailureNotCheckedAnalyzer.ReadRule).WithLocation(6).WithArguments("BatchGetItemAsync", "UnprocessedKeys"),
            VerifyCS.Diagnostic().WithLocation(7).WithArguments("SendMessageBatchAsync", "the response's Failed list"),
            VerifyCS.Diagnostic().WithLocation(8).WithArguments("SendMessageBatchAsync", "the response's Failed list"),
            VerifyCS.Diagnostic().WithLocation(9).WithArguments("DeleteMessageBatchAsync", "the response's Failed list"),
            VerifyCS.Diagnostic().WithLocation(10).WithArguments("DeleteMessageBatchAsync", "the response's Failed list"));
    }

    [Fact]
    public async Task Batch_tasks_awaited_together_and_never_read_are_reported_at_each_call()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task ListAsync(IAmazonKinesis kinesis, List<PutRecordsRequest> batches)
                {
                    var tasks = new List<Task>();
                    foreach (var batch in batches)
                    {
                        tasks.Add([|kinesis.PutRecordsAsync(batch)|]);
                    }

                    await Task.WhenAll(tasks);
                }

                async Task SelectAsync(IAmazonKinesis kinesis, List<PutRecordsRequest> batches)
                {
                    await Task.WhenAll(batches.Select(b => [|kinesis.PutRecordsAsync(b)|]));
                    await Task.WhenAll(batches.Select(async b => await [|kinesis.PutRecordsAsync(b)|]).ToList()).ConfigureAwait(false);
                }

                async Task SelectIntoALocalAsync(IAmazonKinesis kinesis, List<PutRecordsRequest> batches)
                {
                    var pending = batches.Select(b => [|kinesis.PutRecordsAsync(b)|]).ToArray();
                    await Task.WhenAll(pending);
                }
            }
            """);
    }

    [Fact]
    public async Task Batch_tasks_awaited_together_get_no_fix()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, List<PutRecordsRequest> batches)
                {
                    var tasks = new List<Task>();
                    foreach (var batch in batches)
                    {
                        tasks.Add([|kinesis.PutRecordsAsync(batch)|]);
                    }

                    await Task.WhenAll(tasks);
                    await Task.WhenAll(batches.Select(b => [|kinesis.PutRecordsAsync(b)|]));
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task Batch_tasks_awaited_together_whose_results_are_read_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task<int> ResultsAsync(IAmazonKinesis kinesis, List<PutRecordsRequest> batches)
                {
                    PutRecordsResponse[] responses = await Task.WhenAll(batches.Select(b => kinesis.PutRecordsAsync(b)));
                    return responses.Sum(r => r.FailedRecordCount ?? 0);
                }

                async Task<int> EachTaskAsync(IAmazonKinesis kinesis, List<PutRecordsRequest> batches)
                {
                    var tasks = new List<Task<PutRecordsResponse>>();
                    foreach (var batch in batches)
                    {
                        tasks.Add(kinesis.PutRecordsAsync(batch));
                    }

                    await Task.WhenAll(tasks);
                    return tasks.Sum(t => t.Result.FailedRecordCount ?? 0);
                }

                List<Task<PutRecordsResponse>> HandedOn(IAmazonKinesis kinesis, List<PutRecordsRequest> batches)
                {
                    var tasks = new List<Task<PutRecordsResponse>>();
                    foreach (var batch in batches)
                    {
                        tasks.Add(kinesis.PutRecordsAsync(batch));
                    }

                    return tasks;
                }

                IEnumerable<Task<PutRecordsResponse>> Query(IAmazonKinesis kinesis, List<PutRecordsRequest> batches) =>
                    batches.Select(b => kinesis.PutRecordsAsync(b));
            }
            """);
    }

    [Fact]
    public async Task Messages_say_what_each_kind_of_batch_leaves_out()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Batches
            {
                async Task RunAsync(IAmazonDynamoDB dynamo, IAmazonSQS sqs, BatchGetItemRequest get, SendMessageBatchRequest send)
                {
                    await {|#0:dynamo.BatchGetItemAsync(get)|};
                    await {|#1:sqs.SendMessageBatchAsync(send)|};
                }
            }
            """,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(AWS006BatchPartialFailureNotCheckedAnalyzer.ReadRule).WithLocation(0)
                .WithMessage("'BatchGetItemAsync' returns the keys it could not read in UnprocessedKeys, and this code never reads it, so those items are never read again"),
            VerifyCS.Diagnostic().WithLocation(1)
                .WithMessage("'SendMessageBatchAsync' succeeds even when some entries fail, and this code never reads the response's Failed list, so the failed entries are silently lost"));
    }

    [Fact]
    public async Task Blocking_waits_configure_await_and_discards_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                void Send(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    _ = [|kinesis.PutRecordsAsync(request)|].Result;
                    [|kinesis.PutRecordsAsync(request)|].GetAwaiter().GetResult();
                    [|kinesis.PutRecordsAsync(request)|].ConfigureAwait(false).GetAwaiter().GetResult();
                    [|kinesis.PutRecordsAsync(request)|].Wait();
                }

                async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    await [|kinesis.PutRecordsAsync(request)|].ConfigureAwait(false);
                    _ = await [|kinesis.PutRecordsAsync(request)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Responses_read_only_for_other_fields_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    var response = await [|kinesis.PutRecordsAsync(request)|];
                    Console.WriteLine(response.HttpStatusCode);
                    if (response != null)
                    {
                        Console.WriteLine(string.Join(",", response.Records.Select(r => r.SequenceNumber)));
                    }
                }

                async Task<int> ReadAsync(IAmazonDynamoDB dynamo, BatchGetItemRequest request)
                {
                    var response = await [|dynamo.BatchGetItemAsync(request)|];
                    return response.Responses.Count;
                }

                async Task CopiedAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    var task = [|kinesis.PutRecordsAsync(request)|];
                    var response = await task;
                    var copy = response;
                    Console.WriteLine(copy.EncryptionType);
                }
            }
            """);
    }

    [Fact]
    public async Task Task_returned_as_plain_task_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis;
                private readonly IAmazonDynamoDB _dynamo;
                Producer(IAmazonKinesis kinesis, IAmazonDynamoDB dynamo) { _kinesis = kinesis; _dynamo = dynamo; }

                Task SendAsync(PutRecordsRequest request) => [|_kinesis.PutRecordsAsync(request)|];

                Task WriteAsync(Dictionary<string, List<WriteRequest>> items)
                {
                    return [|_dynamo.BatchWriteItemAsync(items)|];
                }

                async Task StoredAsync(PutRecordsRequest request)
                {
                    Task pending = [|_kinesis.PutRecordsAsync(request)|];
                    await pending;
                }
            }
            """);
    }

    [Fact]
    public async Task Calls_in_lambdas_and_local_functions_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendAllAsync(IAmazonKinesis kinesis, List<PutRecordsRequest> batches)
                {
                    await Task.WhenAll(batches.Select(async batch => { await [|kinesis.PutRecordsAsync(batch)|]; }));
                    Func<PutRecordsRequest, Task> send = batch => [|kinesis.PutRecordsAsync(batch)|];
                    await Local(batches[0]);

                    async Task Local(PutRecordsRequest batch) => await [|kinesis.PutRecordsAsync(batch)|];
                }
            }
            """);
    }

    [Fact]
    public async Task V3_shapes_are_reported_too()
    {
        await VerifyV3Async("""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.KinesisFirehose;
            using Amazon.KinesisFirehose.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request, IAmazonKinesisFirehose firehose, PutRecordBatchRequest batch)
                {
                    var response = await [|kinesis.PutRecordsAsync(request)|];
                    System.Console.WriteLine(response.EncryptionType);
                    await [|firehose.PutRecordBatchAsync(batch)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Branches_counts_of_result_lists_and_reassigned_locals_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest first, PutRecordsRequest second, bool flag)
                {
                    var response = flag ? await [|kinesis.PutRecordsAsync(first)|] : await [|kinesis.PutRecordsAsync(second)|];
                    Console.WriteLine(response.Records.Count);
                    PutRecordsResponse later;
                    later = await [|kinesis.PutRecordsAsync(first)|] ?? response;
                    Console.WriteLine(later.EncryptionType);
                }

                void Send(IAmazonSQS sqs, SendMessageBatchRequest request)
                {
                    var response = [|sqs.SendMessageBatchAsync(request)|].ConfigureAwait(false).GetAwaiter().GetResult();
                    if (response is null) throw new InvalidOperationException();
                }
            }
            """);
    }

    // ---- What it must not report ----

    [Fact]
    public async Task Failure_counts_read_in_any_form_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.KinesisFirehose;
            using Amazon.KinesisFirehose.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    var response = await kinesis.PutRecordsAsync(request);
                    if (response.FailedRecordCount > 0) throw new InvalidOperationException();
                }

                async Task NullableAsync(AmazonKinesisClient kinesis, PutRecordsRequest request)
                {
                    var response = await kinesis.PutRecordsAsync(request).ConfigureAwait(false);
                    if (response.FailedRecordCount.GetValueOrDefault() != 0) throw new InvalidOperationException();
                }

                async Task<int?> InlineAsync(IAmazonKinesis kinesis, PutRecordsRequest request) =>
                    (await kinesis.PutRecordsAsync(request)).FailedRecordCount;

                int? Blocking(IAmazonKinesis kinesis, PutRecordsRequest request) =>
                    kinesis.PutRecordsAsync(request).GetAwaiter().GetResult()?.FailedRecordCount;

                async Task PatternAsync(IAmazonKinesisFirehose firehose, PutRecordBatchRequest request)
                {
                    if (await firehose.PutRecordBatchAsync(request) is { FailedPutCount: > 0 }) throw new InvalidOperationException();
                }

                async Task CopiedAndCapturedAsync(IAmazonKinesisFirehose firehose, PutRecordBatchRequest request)
                {
                    var task = firehose.PutRecordBatchAsync(request);
                    var response = await task;
                    var copy = response;
                    Func<bool> failed = () => copy.FailedPutCount > 0;
                    if (failed()) throw new InvalidOperationException();
                }
            }
            """);
    }

    [Fact]
    public async Task V3_shaped_failure_counts_are_not_reported()
    {
        await VerifyV3Async("""
            using System;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.KinesisFirehose;
            using Amazon.KinesisFirehose.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request, IAmazonKinesisFirehose firehose, PutRecordBatchRequest batch)
                {
                    var response = await kinesis.PutRecordsAsync(request);
                    if (response.FailedRecordCount != 0) throw new InvalidOperationException();
                    var batchResponse = await firehose.PutRecordBatchAsync(batch);
                    if (batchResponse.FailedPutCount > 0) throw new InvalidOperationException();
                }
            }
            """);
    }

    [Fact]
    public async Task Error_codes_of_result_entries_read_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.KinesisFirehose;
            using Amazon.KinesisFirehose.Model;

            class Producer
            {
                async Task LoopAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    var response = await kinesis.PutRecordsAsync(request);
                    foreach (var result in response.Records)
                    {
                        if (result.ErrorCode != null) Console.WriteLine(result.ErrorMessage);
                    }
                }

                async Task IndexAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    var response = await kinesis.PutRecordsAsync(request);
                    var retry = new List<PutRecordsRequestEntry>();
                    for (int i = 0; i < response.Records.Count; i++)
                    {
                        if (response.Records[i].ErrorCode is not null) retry.Add(request.Records[i]);
                    }
                }

                async Task<List<PutRecordBatchResponseEntry>> LinqAsync(IAmazonKinesisFirehose firehose, PutRecordBatchRequest request)
                {
                    var response = await firehose.PutRecordBatchAsync(request);
                    return response.RequestResponses.Where(entry => entry.ErrorCode != null).ToList();
                }

                async Task PassedOnAsync(IAmazonKinesisFirehose firehose, PutRecordBatchRequest request)
                {
                    var response = await firehose.PutRecordBatchAsync(request);
                    Inspect(response.RequestResponses);
                }

                static void Inspect(List<PutRecordBatchResponseEntry> entries) { }
            }
            """);
    }

    [Fact]
    public async Task DynamoDB_and_SQS_failure_fields_read_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Writer
            {
                async Task WriteAsync(IAmazonDynamoDB dynamo, Dictionary<string, List<WriteRequest>> items)
                {
                    var response = await dynamo.BatchWriteItemAsync(items);
                    while (response.UnprocessedItems?.Count > 0)
                    {
                        response = await dynamo.BatchWriteItemAsync(response.UnprocessedItems);
                    }
                }

                async Task ReadAsync(AmazonDynamoDBClient dynamo, BatchGetItemRequest request)
                {
                    var response = await dynamo.BatchGetItemAsync(request);
                    if (response.UnprocessedKeys.Count > 0) throw new InvalidOperationException();
                }

                async Task SendAsync(IAmazonSQS sqs, SendMessageBatchRequest request)
                {
                    var response = await sqs.SendMessageBatchAsync(request);
                    if (response.Failed.Any()) throw new InvalidOperationException();
                }

                async Task DeleteAsync(IAmazonSQS sqs, string queue, List<DeleteMessageBatchRequestEntry> entries)
                {
                    var response = await sqs.DeleteMessageBatchAsync(queue, entries);
                    if (response.Successful.Count != entries.Count) throw new InvalidOperationException();
                }
            }
            """);
    }

    [Fact]
    public async Task Responses_returned_passed_on_or_stored_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis;
                private PutRecordsResponse _last;
                Producer(IAmazonKinesis kinesis) => _kinesis = kinesis;

                Task<PutRecordsResponse> SendAsync(PutRecordsRequest request) => _kinesis.PutRecordsAsync(request);

                async Task<PutRecordsResponse> SendAwaitedAsync(PutRecordsRequest request)
                {
                    var response = await _kinesis.PutRecordsAsync(request);
                    return response;
                }

                async Task SendCheckedAsync(PutRecordsRequest request)
                {
                    Check(await _kinesis.PutRecordsAsync(request));
                    var response = await _kinesis.PutRecordsAsync(request);
                    ResponseChecks.Verify(response);
                    _last = await _kinesis.PutRecordsAsync(request);
                }

                async Task SendAllAsync(List<PutRecordsRequest> batches)
                {
                    var tasks = new List<Task<PutRecordsResponse>>();
                    foreach (var batch in batches)
                    {
                        tasks.Add(_kinesis.PutRecordsAsync(batch));
                    }

                    foreach (var response in await Task.WhenAll(tasks))
                    {
                        Check(response);
                    }
                }

                async IAsyncEnumerable<SendMessageBatchResponse> StreamAsync(IAmazonSQS sqs, SendMessageBatchRequest request)
                {
                    yield return await sqs.SendMessageBatchAsync(request);
                }

                static void Check(PutRecordsResponse response) { }
            }

            static class ResponseChecks
            {
                public static void Verify(this PutRecordsResponse response) { }
            }
            """);
    }

    [Fact]
    public async Task Loops_that_drain_unprocessed_items_and_responses_handed_to_logging_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Writer
            {
                async Task WriteAsync(IAmazonDynamoDB dynamo, Dictionary<string, List<WriteRequest>> items)
                {
                    BatchWriteItemResponse response;
                    do
                    {
                        response = await dynamo.BatchWriteItemAsync(items);
                        items = response.UnprocessedItems;
                    }
                    while (items?.Count > 0);
                }

                async Task LogAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    var response = await kinesis.PutRecordsAsync(request);
                    Console.WriteLine(response);
                }

                async Task<object> BoxedAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    object boxed = await kinesis.PutRecordsAsync(request);
                    return boxed;
                }

                async Task DeconstructedAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    var (response, sent) = (await kinesis.PutRecordsAsync(request), DateTime.UtcNow);
                    Console.WriteLine(sent);
                }
            }
            """);
    }

    [Fact]
    public async Task High_level_dynamodb_helpers_and_single_writes_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            using Amazon.DynamoDBv2.DocumentModel;
            using Amazon.DynamoDBv2.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Reading { public string Id { get; set; } }

            class Writer
            {
                async Task WriteAsync(IDynamoDBContext context, ITable table, IAmazonDynamoDB dynamo, IAmazonKinesis kinesis, List<Reading> readings)
                {
                    var batch = context.CreateBatchWrite<Reading>();
                    batch.AddPutItems(readings);
                    await batch.ExecuteAsync();
                    await context.ExecuteBatchWriteAsync(new IBatchWrite[] { batch });

                    var documents = table.CreateBatchWrite();
                    documents.AddDocumentToPut(new Document());
                    await documents.ExecuteAsync();

                    await dynamo.PutItemAsync("t", new Dictionary<string, AttributeValue>());
                    await kinesis.PutRecordAsync(new PutRecordRequest { StreamName = "s", PartitionKey = "k", Data = new MemoryStream() });
                }
            }
            """);
    }

    [Fact]
    public async Task Look_alike_types_and_methods_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;

            namespace Amazon.Kinesis.Model.Mine
            {
                class PutRecordsResponse { public int FailedRecordCount { get; set; } }
                class MyKinesis { public Task<PutRecordsResponse> PutRecordsAsync(object request) => Task.FromResult(new PutRecordsResponse()); }
            }

            class Producer
            {
                async Task SendAsync(Amazon.Kinesis.Model.Mine.MyKinesis kinesis)
                {
                    await kinesis.PutRecordsAsync(null);
                }
            }
            """);
    }

    [Fact]
    public async Task Batch_calls_verified_or_arranged_on_a_test_double_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;
                using Moq;
                using NSubstitute;

                class ProducerTests
                {
                    void Verify(IAmazonKinesis kinesis, Mock<IAmazonKinesis> mock)
                    {
                        kinesis.PutRecordsAsync(null, CancellationToken.None).Returns(Task.FromResult(new PutRecordsResponse()));
                        kinesis.Received().PutRecordsAsync(null, CancellationToken.None);
                        kinesis.DidNotReceive().PutRecordsAsync(null, CancellationToken.None);
                        mock.Verify(k => k.PutRecordsAsync(It.Is<PutRecordsRequest>(r => r.StreamName == "s"), CancellationToken.None));
                    }
                }
                """,
        };
        test.TestState.Sources.Add(Infrastructure.MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request) => await kinesis.PutRecordsAsync(request);
            }
            """);
    }

    [Fact]
    public async Task Incomplete_code_gives_no_crash()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Producer
                {
                    async Task MissingArgument(IAmazonKinesis kinesis) => await kinesis.{|CS7036:PutRecordsAsync|}();
                    async Task Unresolved(IAmazonKinesis kinesis) => await kinesis.PutRecordsAsync(new {|CS0246:PutRecordsRequestX|}());
                    async Task UnknownClient() => await {|CS0103:client|}.PutRecordsAsync(null);
                    async Task Incomplete(IAmazonKinesis kinesis)
                    {
                        // Code that does not bind is taken as handled: the rule never guesses.
                        var response = await kinesis.PutRecordsAsync(new PutRecordsRequest());
                        if (response.{|CS1061:Missing|} > 0) { }
                    }
                    Task {|CS0501:NoBody|}(IAmazonKinesis kinesis);
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_aws_types_nothing_is_registered()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                class PutRecordsResponse { }
                class Client { public Task<PutRecordsResponse> PutRecordsAsync() => null; }
                class Producer { async Task SendAsync(Client c) => await c.PutRecordsAsync(); }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.FrameworkAndSdk);
        await test.RunAsync();
    }

    // ---- Fixes ----

    private const string Resend = AWS006BatchPartialFailureNotCheckedCodeFix.ResendEquivalenceKey;

    private const string KinesisDiscarded = """
        using System.Threading.Tasks;
        using Amazon.Kinesis;
        using Amazon.Kinesis.Model;

        class Producer
        {
            async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
            {
                // Send the batch.
                await [|kinesis.PutRecordsAsync(request)|]; // trailing
                System.Console.WriteLine("sent");
            }
        }
        """;

    private const string KinesisDiscardedFixed = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Kinesis;
        using Amazon.Kinesis.Model;

        class Producer
        {
            async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
            {
                // Send the batch.
                var pendingResponse = await kinesis.PutRecordsAsync(request); // trailing
                var pendingRequest = request;
                for (int resend = 1; pendingResponse.FailedRecordCount > 0; resend++)
                {
                    const int maxResends = 3;
                    if (resend > maxResends)
                    {
                        throw new InvalidOperationException($"{pendingResponse.FailedRecordCount} Kinesis records still failed after {maxResends} resends.");
                    }

                    const int baseDelayMilliseconds = 100;
                    await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                    pendingRequest = new PutRecordsRequest
                    {
                        StreamName = pendingRequest.StreamName,
                        StreamARN = pendingRequest.StreamARN,
                        Records = pendingRequest.Records.Where((entry, index) => pendingResponse.Records[index].ErrorCode != null).ToList(),
                    };
                    pendingResponse = await kinesis.PutRecordsAsync(pendingRequest);
                }

                System.Console.WriteLine("sent");
            }
        }
        """;

    [Fact]
    public async Task Fix_resends_failed_kinesis_records_and_keeps_comments()
    {
        await VerifyCS.VerifyCodeFixAsync(KinesisDiscarded, KinesisDiscardedFixed, Resend);
    }

    [Fact]
    public async Task Fix_compiles_against_the_v3_shapes()
    {
        var test = new VerifyCS.Test { TestCode = KinesisDiscarded, FixedCode = KinesisDiscardedFixed, CodeActionEquivalenceKey = Resend };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_of_a_response_assigned_to_a_local_keeps_the_assignment()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task<int> SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    PutRecordsResponse response;
                    response = await [|kinesis.PutRecordsAsync(request)|];
                    return (int)response.HttpStatusCode;
                }
            }
            """, """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task<int> SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    PutRecordsResponse response;
                    response = await kinesis.PutRecordsAsync(request);
                    var pendingResponse = response;
                    var pendingRequest = request;
                    for (int resend = 1; pendingResponse.FailedRecordCount > 0; resend++)
                    {
                        const int maxResends = 3;
                        if (resend > maxResends)
                        {
                            throw new InvalidOperationException($"{pendingResponse.FailedRecordCount} Kinesis records still failed after {maxResends} resends.");
                        }

                        const int baseDelayMilliseconds = 100;
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                        pendingRequest = new PutRecordsRequest
                        {
                            StreamName = pendingRequest.StreamName,
                            StreamARN = pendingRequest.StreamARN,
                            Records = pendingRequest.Records.Where((entry, index) => pendingResponse.Records[index].ErrorCode != null).ToList(),
                        };
                        pendingResponse = await kinesis.PutRecordsAsync(pendingRequest);
                    }

                    return (int)response.HttpStatusCode;
                }
            }
            """, Resend);
    }

    [Fact]
    public async Task Fix_without_Random_Shared_draws_from_one_locked_static_Random()
    {
        // A System.Random without Shared, as on .NET Framework: a new Random per delay would be seeded from the clock
        // there, and writers started together would wait the same times.
        const string frameworkRandom = """
            namespace System
            {
                public class Random
                {
                    public int Next(int maxValue) => maxValue / 2;
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Amazon.SQS.Model;

                class Queue
                {
                    async Task SendAsync(IAmazonSQS sqs, SendMessageBatchRequest request)
                    {
                        await [|sqs.SendMessageBatchAsync(request)|];
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Linq;
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Amazon.SQS.Model;

                class Queue
                {
                    private static readonly Random RetryJitter = new Random();

                    async Task SendAsync(IAmazonSQS sqs, SendMessageBatchRequest request)
                    {
                        var pendingResponse = await sqs.SendMessageBatchAsync(request);
                        var pendingRequest = request;
                        for (int resend = 1; pendingResponse.Failed?.Count > 0; resend++)
                        {
                            const int maxResends = 3;
                            if (resend > maxResends)
                            {
                                throw new InvalidOperationException($"{pendingResponse.Failed.Count} SQS messages still failed after {maxResends} resends.");
                            }

                            const int baseDelayMilliseconds = 100;
                            int delayMilliseconds;
                            lock (RetryJitter)
                            {
                                delayMilliseconds = RetryJitter.Next(baseDelayMilliseconds * (1 << resend));
                            }

                            await Task.Delay(delayMilliseconds);
                            pendingRequest = new SendMessageBatchRequest
                            {
                                QueueUrl = pendingRequest.QueueUrl,
                                Entries = pendingRequest.Entries.Where(entry => pendingResponse.Failed.Any(failure => failure.Id == entry.Id)).ToList(),
                            };
                            pendingResponse = await sqs.SendMessageBatchAsync(pendingRequest);
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = Resend,
        };
        test.TestState.Sources.Add(frameworkRandom);
        test.FixedState.Sources.Add(frameworkRandom);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_keeps_the_declared_response_hoists_an_inline_request_and_passes_the_token_on()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly AmazonKinesisClient _kinesis = new AmazonKinesisClient();

                async Task<string> SendAsync(List<PutRecordsRequestEntry> entries, CancellationToken cancellationToken)
                {
                    var response = await [|_kinesis.PutRecordsAsync(new PutRecordsRequest { StreamName = "sensors", Records = entries }, cancellationToken)|].ConfigureAwait(false);
                    return response.Records.First().SequenceNumber;
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly AmazonKinesisClient _kinesis = new AmazonKinesisClient();

                async Task<string> SendAsync(List<PutRecordsRequestEntry> entries, CancellationToken cancellationToken)
                {
                    var pendingRequest = new PutRecordsRequest { StreamName = "sensors", Records = entries };
                    var response = await _kinesis.PutRecordsAsync(pendingRequest, cancellationToken).ConfigureAwait(false);
                    var pendingResponse = response;
                    for (int resend = 1; pendingResponse.FailedRecordCount > 0; resend++)
                    {
                        const int maxResends = 3;
                        if (resend > maxResends)
                        {
                            throw new InvalidOperationException($"{pendingResponse.FailedRecordCount} Kinesis records still failed after {maxResends} resends.");
                        }

                        const int baseDelayMilliseconds = 100;
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)), cancellationToken).ConfigureAwait(false);
                        pendingRequest = new PutRecordsRequest
                        {
                            StreamName = pendingRequest.StreamName,
                            StreamARN = pendingRequest.StreamARN,
                            Records = pendingRequest.Records.Where((entry, index) => pendingResponse.Records[index].ErrorCode != null).ToList(),
                        };
                        pendingResponse = await _kinesis.PutRecordsAsync(pendingRequest, cancellationToken).ConfigureAwait(false);
                    }

                    return response.Records.First().SequenceNumber;
                }
            }
            """, Resend);
    }

    [Fact]
    public async Task Fix_of_blocking_calls_sleeps_instead_of_awaiting()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon.KinesisFirehose;
            using Amazon.KinesisFirehose.Model;

            class Producer
            {
                void Send(IAmazonKinesisFirehose firehose, PutRecordBatchRequest batch)
                {
                    [|firehose.PutRecordBatchAsync(batch)|].GetAwaiter().GetResult();
                }
            }
            """, """
            using System;
            using System.Linq;
            using System.Threading;
            using Amazon.KinesisFirehose;
            using Amazon.KinesisFirehose.Model;

            class Producer
            {
                void Send(IAmazonKinesisFirehose firehose, PutRecordBatchRequest batch)
                {
                    var pendingResponse = firehose.PutRecordBatchAsync(batch).GetAwaiter().GetResult();
                    var pendingRequest = batch;
                    for (int resend = 1; pendingResponse.FailedPutCount > 0; resend++)
                    {
                        const int maxResends = 3;
                        if (resend > maxResends)
                        {
                            throw new InvalidOperationException($"{pendingResponse.FailedPutCount} Firehose records still failed after {maxResends} resends.");
                        }

                        const int baseDelayMilliseconds = 100;
                        Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                        pendingRequest = new PutRecordBatchRequest
                        {
                            DeliveryStreamName = pendingRequest.DeliveryStreamName,
                            Records = pendingRequest.Records.Where((entry, index) => pendingResponse.RequestResponses[index].ErrorCode != null).ToList(),
                        };
                        pendingResponse = firehose.PutRecordBatchAsync(pendingRequest).GetAwaiter().GetResult();
                    }
                }
            }
            """, Resend);
    }

    [Fact]
    public async Task Fix_of_a_sync_api_call_sleeps_and_calls_the_sync_method_again()
    {
        // The sync API is public only in the .NET Framework builds; a client subclass stands in for it here.
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class FrameworkKinesisClient : AmazonKinesisClient
            {
                public PutRecordsResponse PutRecords(PutRecordsRequest request) => PutRecordsAsync(request).Result;
            }

            class Producer
            {
                void Send(FrameworkKinesisClient kinesis, PutRecordsRequest request)
                {
                    [|kinesis.PutRecords(request)|];
                }
            }
            """, """
            using System;
            using System.Linq;
            using System.Threading;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class FrameworkKinesisClient : AmazonKinesisClient
            {
                public PutRecordsResponse PutRecords(PutRecordsRequest request) => PutRecordsAsync(request).Result;
            }

            class Producer
            {
                void Send(FrameworkKinesisClient kinesis, PutRecordsRequest request)
                {
                    var pendingResponse = kinesis.PutRecords(request);
                    var pendingRequest = request;
                    for (int resend = 1; pendingResponse.FailedRecordCount > 0; resend++)
                    {
                        const int maxResends = 3;
                        if (resend > maxResends)
                        {
                            throw new InvalidOperationException($"{pendingResponse.FailedRecordCount} Kinesis records still failed after {maxResends} resends.");
                        }

                        const int baseDelayMilliseconds = 100;
                        Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                        pendingRequest = new PutRecordsRequest
                        {
                            StreamName = pendingRequest.StreamName,
                            StreamARN = pendingRequest.StreamARN,
                            Records = pendingRequest.Records.Where((entry, index) => pendingResponse.Records[index].ErrorCode != null).ToList(),
                        };
                        pendingResponse = kinesis.PutRecords(pendingRequest);
                    }
                }
            }
            """, Resend);
    }

    [Fact]
    public async Task Fix_all_fixes_every_call_of_a_file_including_nested_blocks()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Writer
            {
                async Task WriteAsync(IAmazonDynamoDB dynamo, List<Dictionary<string, List<WriteRequest>>> batches)
                {
                    foreach (var batch in batches)
                    {
                        await [|dynamo.BatchWriteItemAsync(batch)|];
                    }
                }

                async Task WriteOneAsync(IAmazonDynamoDB dynamo, Dictionary<string, List<WriteRequest>> batch)
                {
                    await [|dynamo.BatchWriteItemAsync(batch)|];
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Writer
            {
                async Task WriteAsync(IAmazonDynamoDB dynamo, List<Dictionary<string, List<WriteRequest>>> batches)
                {
                    foreach (var batch in batches)
                    {
                        var pendingResponse = await dynamo.BatchWriteItemAsync(batch);
                        for (int resend = 1; pendingResponse.UnprocessedItems?.Count > 0; resend++)
                        {
                            const int maxResends = 3;
                            if (resend > maxResends)
                            {
                                throw new InvalidOperationException($"{pendingResponse.UnprocessedItems.Sum(table => table.Value.Count)} DynamoDB write requests still failed after {maxResends} resends.");
                            }

                            const int baseDelayMilliseconds = 100;
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                            pendingResponse = await dynamo.BatchWriteItemAsync(pendingResponse.UnprocessedItems);
                        }
                    }
                }

                async Task WriteOneAsync(IAmazonDynamoDB dynamo, Dictionary<string, List<WriteRequest>> batch)
                {
                    var pendingResponse = await dynamo.BatchWriteItemAsync(batch);
                    for (int resend = 1; pendingResponse.UnprocessedItems?.Count > 0; resend++)
                    {
                        const int maxResends = 3;
                        if (resend > maxResends)
                        {
                            throw new InvalidOperationException($"{pendingResponse.UnprocessedItems.Sum(table => table.Value.Count)} DynamoDB write requests still failed after {maxResends} resends.");
                        }

                        const int baseDelayMilliseconds = 100;
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                        pendingResponse = await dynamo.BatchWriteItemAsync(pendingResponse.UnprocessedItems);
                    }
                }
            }
            """, Resend);
    }

    [Fact]
    public async Task Fix_of_a_result_read_in_v3_shapes()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.KinesisFirehose;
                using Amazon.KinesisFirehose.Model;

                class Producer
                {
                    void Send(IAmazonKinesisFirehose firehose, PutRecordBatchRequest batch)
                    {
                        var response = [|firehose.PutRecordBatchAsync(batch)|].Result;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Linq;
                using System.Threading;
                using Amazon.KinesisFirehose;
                using Amazon.KinesisFirehose.Model;

                class Producer
                {
                    void Send(IAmazonKinesisFirehose firehose, PutRecordBatchRequest batch)
                    {
                        var response = firehose.PutRecordBatchAsync(batch).Result;
                        var pendingResponse = response;
                        var pendingRequest = batch;
                        for (int resend = 1; pendingResponse.FailedPutCount > 0; resend++)
                        {
                            const int maxResends = 3;
                            if (resend > maxResends)
                            {
                                throw new InvalidOperationException($"{pendingResponse.FailedPutCount} Firehose records still failed after {maxResends} resends.");
                            }

                            const int baseDelayMilliseconds = 100;
                            Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                            pendingRequest = new PutRecordBatchRequest
                            {
                                DeliveryStreamName = pendingRequest.DeliveryStreamName,
                                Records = pendingRequest.Records.Where((entry, index) => pendingResponse.RequestResponses[index].ErrorCode != null).ToList(),
                            };
                            pendingResponse = firehose.PutRecordBatchAsync(pendingRequest).Result;
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = Resend,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_resends_unprocessed_dynamodb_items_for_both_overloads()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Writer
            {
                async Task WriteAsync(IAmazonDynamoDB dynamo, Dictionary<string, List<WriteRequest>> items, BatchWriteItemRequest request)
                {
                    await [|dynamo.BatchWriteItemAsync(items)|];
                    await [|dynamo.BatchWriteItemAsync(request)|];
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Writer
            {
                async Task WriteAsync(IAmazonDynamoDB dynamo, Dictionary<string, List<WriteRequest>> items, BatchWriteItemRequest request)
                {
                    var pendingResponse = await dynamo.BatchWriteItemAsync(items);
                    for (int resend = 1; pendingResponse.UnprocessedItems?.Count > 0; resend++)
                    {
                        const int maxResends = 3;
                        if (resend > maxResends)
                        {
                            throw new InvalidOperationException($"{pendingResponse.UnprocessedItems.Sum(table => table.Value.Count)} DynamoDB write requests still failed after {maxResends} resends.");
                        }

                        const int baseDelayMilliseconds = 100;
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                        pendingResponse = await dynamo.BatchWriteItemAsync(pendingResponse.UnprocessedItems);
                    }

                    var pendingResponse2 = await dynamo.BatchWriteItemAsync(request);
                    var pendingRequest = request;
                    for (int resend2 = 1; pendingResponse2.UnprocessedItems?.Count > 0; resend2++)
                    {
                        const int maxResends2 = 3;
                        if (resend2 > maxResends2)
                        {
                            throw new InvalidOperationException($"{pendingResponse2.UnprocessedItems.Sum(table2 => table2.Value.Count)} DynamoDB write requests still failed after {maxResends2} resends.");
                        }

                        const int baseDelayMilliseconds2 = 100;
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds2 * (1 << resend2)));
                        pendingRequest = new BatchWriteItemRequest
                        {
                            RequestItems = pendingResponse2.UnprocessedItems,
                            ReturnConsumedCapacity = pendingRequest.ReturnConsumedCapacity,
                            ReturnItemCollectionMetrics = pendingRequest.ReturnItemCollectionMetrics,
                        };
                        pendingResponse2 = await dynamo.BatchWriteItemAsync(pendingRequest);
                    }
                }
            }
            """, Resend);
    }

    [Fact]
    public async Task Fix_resends_failed_sqs_entries_by_id()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Queue
            {
                async Task SendAsync(IAmazonSQS sqs, SendMessageBatchRequest send, DeleteMessageBatchRequest delete)
                {
                    _ = await [|sqs.SendMessageBatchAsync(send)|];
                    await [|sqs.DeleteMessageBatchAsync(delete)|];
                }
            }
            """, """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Queue
            {
                async Task SendAsync(IAmazonSQS sqs, SendMessageBatchRequest send, DeleteMessageBatchRequest delete)
                {
                    var pendingResponse = await sqs.SendMessageBatchAsync(send);
                    var pendingRequest = send;
                    for (int resend = 1; pendingResponse.Failed?.Count > 0; resend++)
                    {
                        const int maxResends = 3;
                        if (resend > maxResends)
                        {
                            throw new InvalidOperationException($"{pendingResponse.Failed.Count} SQS messages still failed after {maxResends} resends.");
                        }

                        const int baseDelayMilliseconds = 100;
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                        pendingRequest = new SendMessageBatchRequest
                        {
                            QueueUrl = pendingRequest.QueueUrl,
                            Entries = pendingRequest.Entries.Where(entry => pendingResponse.Failed.Any(failure => failure.Id == entry.Id)).ToList(),
                        };
                        pendingResponse = await sqs.SendMessageBatchAsync(pendingRequest);
                    }

                    var pendingResponse2 = await sqs.DeleteMessageBatchAsync(delete);
                    var pendingRequest2 = delete;
                    for (int resend2 = 1; pendingResponse2.Failed?.Count > 0; resend2++)
                    {
                        const int maxResends2 = 3;
                        if (resend2 > maxResends2)
                        {
                            throw new InvalidOperationException($"{pendingResponse2.Failed.Count} SQS message deletions still failed after {maxResends2} resends.");
                        }

                        const int baseDelayMilliseconds2 = 100;
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds2 * (1 << resend2)));
                        pendingRequest2 = new DeleteMessageBatchRequest
                        {
                            QueueUrl = pendingRequest2.QueueUrl,
                            Entries = pendingRequest2.Entries.Where(entry2 => pendingResponse2.Failed.Any(failure2 => failure2.Id == entry2.Id)).ToList(),
                        };
                        pendingResponse2 = await sqs.DeleteMessageBatchAsync(pendingRequest2);
                    }
                }
            }
            """, Resend);
    }

    [Fact]
    public async Task Fix_avoids_names_already_used_in_the_method()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Writer
            {
                async Task WriteAsync(IAmazonDynamoDB dynamo, Dictionary<string, List<WriteRequest>> items)
                {
                    await [|dynamo.BatchWriteItemAsync(items)|];
                    foreach (var table in items.Keys)
                    {
                        var pendingResponse = table;
                        int resend = 0;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Writer
            {
                async Task WriteAsync(IAmazonDynamoDB dynamo, Dictionary<string, List<WriteRequest>> items)
                {
                    var pendingResponse2 = await dynamo.BatchWriteItemAsync(items);
                    for (int resend2 = 1; pendingResponse2.UnprocessedItems?.Count > 0; resend2++)
                    {
                        const int maxResends = 3;
                        if (resend2 > maxResends)
                        {
                            throw new InvalidOperationException($"{pendingResponse2.UnprocessedItems.Sum(table2 => table2.Value.Count)} DynamoDB write requests still failed after {maxResends} resends.");
                        }

                        const int baseDelayMilliseconds = 100;
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << resend2)));
                        pendingResponse2 = await dynamo.BatchWriteItemAsync(pendingResponse2.UnprocessedItems);
                    }

                    foreach (var table in items.Keys)
                    {
                        var pendingResponse = table;
                        int resend = 0;
                    }
                }
            }
            """, Resend);
    }

    [Fact]
    public async Task Fix_qualifies_system_types_hidden_by_user_types_and_fixes_all_documents()
    {
        var test = new VerifyCS.Test
        {
            CodeActionEquivalenceKey = Resend,
            TestState =
            {
                Sources =
                {
                    """
                    using System.Threading.Tasks;
                    using Amazon.SQS;
                    using Amazon.SQS.Model;

                    class Random { }

                    class Queue
                    {
                        async Task SendAsync(IAmazonSQS sqs, SendMessageBatchRequest request)
                        {
                            await [|sqs.SendMessageBatchAsync(request)|];
                        }
                    }
                    """,
                    """
                    using System.Threading.Tasks;
                    using Amazon.SQS;
                    using Amazon.SQS.Model;

                    class Deleter
                    {
                        async Task DeleteAsync(IAmazonSQS sqs, DeleteMessageBatchRequest request)
                        {
                            await [|sqs.DeleteMessageBatchAsync(request)|];
                        }
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using System;
                    using System.Linq;
                    using System.Threading.Tasks;
                    using Amazon.SQS;
                    using Amazon.SQS.Model;

                    class Random { }

                    class Queue
                    {
                        async Task SendAsync(IAmazonSQS sqs, SendMessageBatchRequest request)
                        {
                            var pendingResponse = await sqs.SendMessageBatchAsync(request);
                            var pendingRequest = request;
                            for (int resend = 1; pendingResponse.Failed?.Count > 0; resend++)
                            {
                                const int maxResends = 3;
                                if (resend > maxResends)
                                {
                                    throw new InvalidOperationException($"{pendingResponse.Failed.Count} SQS messages still failed after {maxResends} resends.");
                                }

                                const int baseDelayMilliseconds = 100;
                                await Task.Delay(System.Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                                pendingRequest = new SendMessageBatchRequest
                                {
                                    QueueUrl = pendingRequest.QueueUrl,
                                    Entries = pendingRequest.Entries.Where(entry => pendingResponse.Failed.Any(failure => failure.Id == entry.Id)).ToList(),
                                };
                                pendingResponse = await sqs.SendMessageBatchAsync(pendingRequest);
                            }
                        }
                    }
                    """,
                    """
                    using System;
                    using System.Linq;
                    using System.Threading.Tasks;
                    using Amazon.SQS;
                    using Amazon.SQS.Model;

                    class Deleter
                    {
                        async Task DeleteAsync(IAmazonSQS sqs, DeleteMessageBatchRequest request)
                        {
                            var pendingResponse = await sqs.DeleteMessageBatchAsync(request);
                            var pendingRequest = request;
                            for (int resend = 1; pendingResponse.Failed?.Count > 0; resend++)
                            {
                                const int maxResends = 3;
                                if (resend > maxResends)
                                {
                                    throw new InvalidOperationException($"{pendingResponse.Failed.Count} SQS message deletions still failed after {maxResends} resends.");
                                }

                                const int baseDelayMilliseconds = 100;
                                await Task.Delay(System.Random.Shared.Next(baseDelayMilliseconds * (1 << resend)));
                                pendingRequest = new DeleteMessageBatchRequest
                                {
                                    QueueUrl = pendingRequest.QueueUrl,
                                    Entries = pendingRequest.Entries.Where(entry => pendingResponse.Failed.Any(failure => failure.Id == entry.Id)).ToList(),
                                };
                                pendingResponse = await sqs.DeleteMessageBatchAsync(pendingRequest);
                            }
                        }
                    }
                    """,
                },
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Shapes_the_fix_cannot_resend_safely_get_no_fix()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.KinesisFirehose;
            using Amazon.KinesisFirehose.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Writer
            {
                Task Erased(IAmazonKinesis kinesis, PutRecordsRequest request) => [|kinesis.PutRecordsAsync(request)|];

                async Task ShapesAsync(
                    IAmazonKinesis kinesis, PutRecordsRequest request, IAmazonDynamoDB dynamo, BatchGetItemRequest get,
                    IAmazonKinesisFirehose firehose, List<Amazon.KinesisFirehose.Model.Record> records, IAmazonSQS sqs, List<SendMessageBatchRequestEntry> messages, bool flag)
                {
                    await [|dynamo.BatchGetItemAsync(get)|];
                    await [|firehose.PutRecordBatchAsync("delivery", records)|];
                    await [|sqs.SendMessageBatchAsync("https://queue", messages)|];
                    var task = [|kinesis.PutRecordsAsync(request)|];
                    await task;
                    if (flag) await [|kinesis.PutRecordsAsync(request)|];
                    await [|Next(kinesis).PutRecordsAsync(request)|];
                }

                static IAmazonKinesis Next(IAmazonKinesis kinesis) => kinesis;
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source, Resend);
    }
}
