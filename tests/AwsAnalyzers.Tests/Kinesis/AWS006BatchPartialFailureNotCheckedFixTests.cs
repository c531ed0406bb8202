using System.Threading.Tasks;
using AwsAnalyzers.Kinesis;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Kinesis.AWS006BatchPartialFailureNotCheckedAnalyzer,
    AwsAnalyzers.Kinesis.AWS006BatchPartialFailureNotCheckedCodeFix>;

namespace AwsAnalyzers.Tests.Kinesis;

/// <summary>The "Resend failed entries" fix.</summary>
public partial class AWS006BatchPartialFailureNotCheckedTests
{
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
                    await Task.Delay(Random.Shared.Next(baseDelayMilliseconds << resend));
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
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds << resend), cancellationToken).ConfigureAwait(false);
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
                        Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds << resend));
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
                        Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds << resend));
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
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds << resend));
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
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds << resend));
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
                            Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds << resend));
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
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds << resend));
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
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds2 << resend2));
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
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds << resend));
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
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds2 << resend2));
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
                        await Task.Delay(Random.Shared.Next(baseDelayMilliseconds << resend2));
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
                                await Task.Delay(global::System.Random.Shared.Next(baseDelayMilliseconds << resend));
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
                                await Task.Delay(global::System.Random.Shared.Next(baseDelayMilliseconds << resend));
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
