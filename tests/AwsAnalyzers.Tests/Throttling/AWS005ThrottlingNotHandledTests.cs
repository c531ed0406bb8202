using System.Threading.Tasks;
using AwsAnalyzers.Kinesis;
using AwsAnalyzers.Tests.Infrastructure;
using AwsAnalyzers.Throttling;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Throttling.AWS005ThrottlingNotHandledAnalyzer,
    AwsAnalyzers.Throttling.AWS005ThrottlingNotHandledCodeFix>;

namespace AwsAnalyzers.Tests.Throttling;

public class AWS005ThrottlingNotHandledTests
{
    private static VerifyCS.Test WithOptions(string source, string options)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + options));
        return test;
    }

    private static VerifyCS.Test WithSyncMethods(string source, string? fixedSource = null, string? equivalenceKey = null)
    {
        var test = new VerifyCS.Test { TestCode = source, CodeActionEquivalenceKey = equivalenceKey };
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
        }

        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllWithSyncMethods);
        if (fixedSource is not null)
        {
            test.FixedState.AdditionalReferences.AddRange(TestReferences.AllWithSyncMethods);
        }

        return test;
    }

    // ---- What it reports ----

    [Fact]
    public async Task Awaited_put_record_through_the_interface_is_reported_with_method_and_resource()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis;
                Producer(IAmazonKinesis kinesis) => _kinesis = kinesis;

                async Task SendAsync(PutRecordRequest request)
                {
                    var response = await {|#0:_kinesis.PutRecordAsync(request)|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PutRecordAsync", "the shard"));
    }

    [Fact]
    public async Task Returned_task_of_the_concrete_client_and_batch_put_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            public class Producer
            {
                private readonly AmazonKinesisClient _client = new AmazonKinesisClient();

                public Task<PutRecordsResponse> SendBatchAsync(PutRecordsRequest request, CancellationToken ct) =>
                    [|_client.PutRecordsAsync(request, ct)|];

                public Task SendAsync(PutRecordRequest request) => [|_client.PutRecordAsync(request)|].ContinueWith(t => t.Result.ShardId);
            }
            """);
    }

    [Fact]
    public async Task Try_without_a_matching_catch_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    try
                    {
                        await [|kinesis.PutRecordAsync(request)|];
                    }
                    finally
                    {
                        Console.WriteLine("sent");
                    }

                    try
                    {
                        await [|kinesis.PutRecordAsync(request)|];
                    }
                    catch (KMSThrottlingException)
                    {
                    }
                    catch (AmazonDynamoDBException)
                    {
                    }
                    catch (ArgumentException)
                    {
                    }
                    catch (AggregateException)
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Writes_in_a_catch_or_finally_block_are_not_protected_by_that_try()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordRequest request, PutRecordRequest fallback)
                {
                    try
                    {
                        Validate(request);
                    }
                    catch (Exception)
                    {
                        await [|kinesis.PutRecordAsync(fallback)|];
                    }
                    finally
                    {
                        await [|kinesis.PutRecordAsync(request)|];
                    }
                }

                static void Validate(PutRecordRequest request) { }
            }
            """);
    }

    [Fact]
    public async Task A_try_around_a_lambda_definition_does_not_protect_its_later_run()
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
                async Task SendAsync(IAmazonKinesis kinesis, List<PutRecordRequest> requests)
                {
                    Func<PutRecordRequest, Task> send;
                    try
                    {
                        send = r => [|kinesis.PutRecordAsync(r)|];
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    foreach (var r in requests)
                    {
                        await send(r);
                    }

                    // The tasks are awaited after the try: their exceptions surface there.
                    var pending = requests.Select(r => [|kinesis.PutRecordAsync(r)|]).ToList();
                    try
                    {
                        Validate(requests);
                    }
                    catch (ProvisionedThroughputExceededException)
                    {
                    }

                    await Task.WhenAll(pending);
                }

                static void Validate(List<PutRecordRequest> requests) { }
            }
            """);
    }

    [Fact]
    public async Task Tasks_made_by_a_lambda_and_awaited_together_inside_a_try_are_handled_there()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Polly;

            class Producer
            {
                async Task DirectAsync(IAmazonKinesis kinesis, List<PutRecordRequest> requests)
                {
                    try
                    {
                        await Task.WhenAll(requests.Select(async r => await kinesis.PutRecordAsync(r)));
                    }
                    catch (ProvisionedThroughputExceededException)
                    {
                    }
                }

                async Task ThroughALocalAsync(IAmazonKinesis kinesis, List<PutRecordRequest> requests)
                {
                    var tasks = requests.Select(r => kinesis.PutRecordAsync(r)).ToArray();
                    try
                    {
                        await Task.WhenAll(tasks).ConfigureAwait(false);
                    }
                    catch (ProvisionedThroughputExceededException)
                    {
                    }
                }

                // The callback's await is where the tasks fail, and the pipeline retries the callback.
                async Task InAPipelineAsync(ResiliencePipeline pipeline, IAmazonKinesis kinesis, List<PutRecordRequest> requests)
                {
                    await pipeline.ExecuteAsync(async ct =>
                        await Task.WhenAll(requests.Select(r => kinesis.PutRecordAsync(r, ct))));
                }

                async Task AwaitedOutsideTheTryAsync(IAmazonKinesis kinesis, List<PutRecordRequest> requests)
                {
                    Task all;
                    try
                    {
                        all = Task.WhenAll(requests.Select(r => [|kinesis.PutRecordAsync(r)|]));
                    }
                    catch (ProvisionedThroughputExceededException)
                    {
                        return;
                    }

                    await all;
                }
            }
            """);
    }

    [Fact]
    public async Task Helpers_with_an_unhandled_caller_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis;
                Producer(IAmazonKinesis kinesis) => _kinesis = kinesis;

                private Task SendOnceAsync(PutRecordRequest request) => [|_kinesis.PutRecordAsync(request)|];

                public async Task SendAsync(PutRecordRequest request)
                {
                    try
                    {
                        await SendOnceAsync(request);
                    }
                    catch (Exception)
                    {
                    }

                    await SendOnceAsync(request);

                    async Task LocalAsync() => await [|_kinesis.PutRecordAsync(request)|];
                    await LocalAsync();
                }

                public Task UnusedHelperCallersAreUnknownAsync(PutRecordRequest request) => [|_kinesis.PutRecordAsync(request)|];
            }
            """);
    }

    [Fact]
    public async Task A_lambda_nested_inside_a_pipeline_callback_is_reported_unless_its_tasks_are_awaited_there()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Polly;

            class Producer
            {
                async Task SendAsync(ResiliencePipeline pipeline, IAmazonKinesis kinesis, List<PutRecordRequest> requests)
                {
                    await pipeline.ExecuteAsync(async ct =>
                    {
                        // Started inside the callback, awaited nowhere: the pipeline never sees their failures.
                        foreach (var r in requests)
                        {
                            _ = Task.Run(() => [|kinesis.PutRecordAsync(r, ct)|]);
                        }

                        await Task.CompletedTask;
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task Sync_writes_of_the_framework_builds_are_reported()
    {
        await WithSyncMethods("""
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                void Send(IAmazonKinesis kinesis, AmazonKinesisClient client, PutRecordRequest request, PutRecordsRequest batch)
                {
                    var response = [|kinesis.PutRecord(request)|];
                    [|client.PutRecords(batch)|];
                    kinesis.ListStreams(new ListStreamsRequest());
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task V3_shapes_are_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Producer
                {
                    async Task<int> SendAsync(IAmazonKinesis kinesis, PutRecordsRequest batch)
                    {
                        var response = await [|kinesis.PutRecordsAsync(batch)|];
                        return response.FailedRecordCount;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    private const string DynamoDbWrites = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Kinesis;
        using Amazon.Kinesis.Model;

        class Store
        {
            async Task SaveAsync(IAmazonDynamoDB dynamo, AmazonDynamoDBClient client, IAmazonKinesis kinesis, Dictionary<string, AttributeValue> item)
            {
                await {|#0:dynamo.PutItemAsync("readings", item)|};
                await {|#1:dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "readings" })|};
                await {|#2:client.DeleteItemAsync("readings", item)|};
                await {|#3:dynamo.BatchWriteItemAsync(new BatchWriteItemRequest())|};
                await {|#4:dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest())|};
                await dynamo.GetItemAsync("readings", item);
                await dynamo.QueryAsync(new QueryRequest());
                await {|#5:kinesis.PutRecordAsync(new PutRecordRequest())|};
            }
        }
        """;

    [Fact]
    public async Task DynamoDB_writes_are_not_reported_by_default()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            DynamoDbWrites,
            VerifyCS.Diagnostic().WithLocation(5).WithArguments("PutRecordAsync", "the shard"));
    }

    [Fact]
    public async Task DynamoDB_writes_are_reported_when_opted_in()
    {
        var test = WithOptions(DynamoDbWrites, "aws_analyzers.AWS005.services = kinesis, dynamodb");
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("PutItemAsync", "the table"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(1).WithArguments("UpdateItemAsync", "the table"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(2).WithArguments("DeleteItemAsync", "the table"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(3).WithArguments("BatchWriteItemAsync", "the table"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(4).WithArguments("TransactWriteItemsAsync", "the table"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(5).WithArguments("PutRecordAsync", "the shard"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Only_the_listed_services_are_checked()
    {
        var test = WithOptions(DynamoDbWrites, "aws_analyzers.AWS005.services = DynamoDB");
        string[] methods = ["PutItemAsync", "UpdateItemAsync", "DeleteItemAsync", "BatchWriteItemAsync", "TransactWriteItemsAsync"];
        for (int i = 0; i < methods.Length; i++)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(i).WithArguments(methods[i], "the table"));
        }

        await test.RunAsync();
    }

    [Theory]
    [InlineData("aws_analyzers.AWS005.services = ", true)]
    [InlineData("aws_analyzers.AWS005.services = kinesis", true)]
    [InlineData("aws_analyzers.AWS005.services = KINESIS; dynamodb", true)]
    [InlineData("aws_analyzers.AWS005.services = dynamodb", false)]
    // An unknown service is reported as AWS000 and the whole value falls back to the default, so Kinesis stays checked.
    [InlineData("aws_analyzers.AWS005.services = none", true)]
    [InlineData("aws_analyzers.AWS001.services = dynamodb", true)]
    public async Task Kinesis_is_checked_unless_the_services_option_leaves_it_out(string options, bool reported)
    {
        string call = reported ? "[|kinesis.PutRecordAsync(request)|]" : "kinesis.PutRecordAsync(request)";
        await WithOptions($$"""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                Task SendAsync(IAmazonKinesis kinesis, PutRecordRequest request) => {{call}};
            }
            """, options).RunAsync();
    }

    [Fact]
    public async Task DynamoDB_catches_match_the_DynamoDB_exception()
    {
        await WithOptions("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Store
            {
                async Task SaveAsync(IAmazonDynamoDB dynamo, Dictionary<string, AttributeValue> item)
                {
                    try
                    {
                        await dynamo.PutItemAsync("readings", item);
                    }
                    catch (ProvisionedThroughputExceededException)
                    {
                    }

                    try
                    {
                        await [|dynamo.PutItemAsync("readings", item)|];
                    }
                    catch (Amazon.Kinesis.Model.ProvisionedThroughputExceededException)
                    {
                    }
                }
            }
            """, "aws_analyzers.AWS005.services = dynamodb").RunAsync();
    }

    [Theory]
    [InlineData("catch (Amazon.Runtime.AmazonServiceException ex) when (ex.ErrorCode == \"ResourceNotFoundException\")")]
    [InlineData("catch (Amazon.Runtime.AmazonServiceException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)")]
    [InlineData("catch (AmazonKinesisException ex) when (ex is not ProvisionedThroughputExceededException)")]
    [InlineData("catch (Exception ex) when (!(ex is ProvisionedThroughputExceededException))")]
    [InlineData("catch (Exception ex) when (ex is ResourceNotFoundException)")]
    [InlineData("catch (Exception ex) when (ex is ResourceNotFoundException || ex is ArgumentException)")]
    [InlineData("catch (AmazonKinesisException ex) when (ex.ErrorCode == \"ResourceNotFoundException\" && Log(ex))")]
    public async Task Catches_whose_filter_admits_only_other_errors_are_reported(string catchClause)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    try
                    {
                        await [|kinesis.PutRecordAsync(request)|];
                    }
                    {{catchClause}}
                    {
                    }
                }

                static bool Log(Exception ex) => true;
            }
            """);
    }

    // ---- What it must not report ----

    [Theory]
    [InlineData("catch (ProvisionedThroughputExceededException)")]
    [InlineData("catch (ProvisionedThroughputExceededException ex) when (ex.ErrorCode != null)")]
    [InlineData("catch (AmazonKinesisException)")]
    [InlineData("catch (Amazon.Runtime.AmazonServiceException e) when (e.StatusCode == System.Net.HttpStatusCode.BadRequest)")]
    [InlineData("catch (Exception)")]
    [InlineData("catch (Exception ex) when (Log(ex))")]
    [InlineData("catch")]
    [InlineData("catch (ArgumentException) { } catch (Exception)")]
    [InlineData("catch (AmazonKinesisException ex) when (ex.ErrorCode == \"ProvisionedThroughputExceededException\")")]
    [InlineData("catch (Amazon.Runtime.AmazonServiceException ex) when (ex.ErrorCode == \"ResourceNotFoundException\" || ex.StatusCode == System.Net.HttpStatusCode.BadRequest)")]
    [InlineData("catch (Exception ex) when (ex is ProvisionedThroughputExceededException)")]
    [InlineData("catch (Exception ex) when (ex is AmazonKinesisException kinesisError && Log(kinesisError))")]
    [InlineData("catch (Exception ex) when (ex.Message.Contains(\"throttl\"))")]
    public async Task Catches_of_the_exception_or_a_base_are_handled(string catchClause)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis;
                Producer(IAmazonKinesis kinesis) => _kinesis = kinesis;

                async Task<string> SendAsync(PutRecordRequest request)
                {
                    try
                    {
                        if (request.Data is null)
                        {
                            var response = await _kinesis.PutRecordAsync(request);
                            return response.ShardId;
                        }

                        using (var scope = new System.IO.MemoryStream())
                        {
                            await _kinesis.PutRecordsAsync(new PutRecordsRequest()).ConfigureAwait(false);
                        }
                    }
                    {{catchClause}}
                    {
                    }

                    return null;
                }

                static bool Log(Exception ex) => true;
            }
            """);
    }

    [Fact]
    public async Task An_outer_try_handles_a_write_inside_an_inner_try_and_its_handlers()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordRequest request, PutRecordRequest fallback)
                {
                    try
                    {
                        try
                        {
                            await kinesis.PutRecordAsync(request);
                        }
                        catch (InvalidOperationException)
                        {
                            await kinesis.PutRecordAsync(fallback);
                        }
                        finally
                        {
                            await kinesis.PutRecordAsync(fallback);
                        }
                    }
                    catch (AmazonKinesisException)
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Lambdas_run_by_a_resilience_pipeline_are_handled()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Polly;

            class Producer
            {
                private readonly ResiliencePipeline _pipeline;
                private readonly ResiliencePipeline<PutRecordsResponse> _typed;
                private readonly IAmazonKinesis _kinesis;

                Producer(ResiliencePipeline pipeline, ResiliencePipeline<PutRecordsResponse> typed, IAmazonKinesis kinesis)
                {
                    _pipeline = pipeline;
                    _typed = typed;
                    _kinesis = kinesis;
                }

                async Task SendAsync(PutRecordRequest request, PutRecordsRequest batch, CancellationToken cancellationToken)
                {
                    await _pipeline.ExecuteAsync(async ct => await _kinesis.PutRecordAsync(request, ct), cancellationToken);
                    var response = await _pipeline.ExecuteAsync(async ct =>
                    {
                        return await _kinesis.PutRecordsAsync(batch, ct);
                    }, cancellationToken);
                    await _typed.ExecuteAsync(async ct => await _kinesis.PutRecordsAsync(batch, ct), cancellationToken);
                    await _pipeline.ExecuteAsync(static async (state, ct) => await state.Item1.PutRecordAsync(state.request, ct), (_kinesis, request), cancellationToken);
                }
            }
            """);
    }

    [Fact]
    public async Task Lambdas_run_by_a_Polly_v7_policy_are_handled()
    {
        await WithSyncMethods("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Polly;

            class Producer
            {
                async Task SendAsync(IAsyncPolicy policy, IAsyncPolicy<PutRecordResponse> typed, ISyncPolicy sync, IAmazonKinesis kinesis, PutRecordRequest request, CancellationToken cancellationToken)
                {
                    await policy.ExecuteAsync(() => kinesis.PutRecordAsync(request));
                    await policy.ExecuteAsync(ct => kinesis.PutRecordAsync(request, ct), cancellationToken);
                    await typed.ExecuteAsync(() => kinesis.PutRecordAsync(request));
                    sync.Execute(() => kinesis.PutRecord(request));
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Callers_of_a_private_helper_in_other_parts_of_a_partial_type_are_followed()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Producer.Send.cs", """
                    using System.Threading.Tasks;
                    using Amazon.Kinesis;
                    using Amazon.Kinesis.Model;

                    partial class Producer
                    {
                        private readonly IAmazonKinesis _kinesis;

                        private Task SendOnceAsync(PutRecordRequest request) => _kinesis.PutRecordAsync(request);

                        private Task SendUnhandledAsync(PutRecordRequest request) => [|_kinesis.PutRecordAsync(request)|];
                    }
                    """),
                    ("Producer.cs", """
                    using System.Threading.Tasks;
                    using Amazon.Kinesis.Model;

                    partial class Producer
                    {
                        public async Task SendAsync(PutRecordRequest request)
                        {
                            try
                            {
                                await SendOnceAsync(request);
                                await SendUnhandledAsync(request);
                            }
                            catch (ProvisionedThroughputExceededException)
                            {
                            }

                            await SendUnhandledAsync(request);
                        }
                    }
                    """),
                },
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Helpers_whose_every_caller_is_handled_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Polly;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis;
                private readonly ResiliencePipeline _pipeline;
                Producer(IAmazonKinesis kinesis, ResiliencePipeline pipeline) { _kinesis = kinesis; _pipeline = pipeline; }

                private Task SendOnceAsync(PutRecordRequest request) => _kinesis.PutRecordAsync(request);

                private async ValueTask SendWithTokenAsync(CancellationToken ct) => await _kinesis.PutRecordAsync(new PutRecordRequest(), ct);

                private Task ForwardAsync(PutRecordRequest request) => SendOnceAsync(request);

                public async Task SendAsync(PutRecordRequest request, CancellationToken ct)
                {
                    try
                    {
                        await SendOnceAsync(request);
                        await ForwardAsync(request);
                    }
                    catch (ProvisionedThroughputExceededException)
                    {
                    }

                    await _pipeline.ExecuteAsync(async token => await SendOnceAsync(request), ct);
                    await _pipeline.ExecuteAsync(SendWithTokenAsync, ct);

                    try
                    {
                        await LocalAsync();
                    }
                    catch (Exception)
                    {
                    }

                    async Task LocalAsync() => await _kinesis.PutRecordAsync(request);
                }
            }
            """);
    }

    [Fact]
    public async Task Adaptive_retry_configured_on_a_client_created_here_is_handled()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.Runtime;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis = new AmazonKinesisClient(new AmazonKinesisConfig
                {
                    RetryMode = RequestRetryMode.Adaptive,
                    MaxErrorRetry = 10,
                });

                private readonly AmazonKinesisClient _standard;

                Producer()
                {
                    var config = new AmazonKinesisConfig { RetryMode = RequestRetryMode.Standard };
                    _standard = new AmazonKinesisClient(config);
                }

                async Task SendAsync(PutRecordRequest request)
                {
                    await _kinesis.PutRecordAsync(request);
                    await [|_standard.PutRecordAsync(request)|];

                    var local = new AmazonKinesisClient(new AmazonKinesisConfig { RetryMode = RequestRetryMode.Adaptive });
                    await local.PutRecordAsync(request);

                    var config = new AmazonKinesisConfig();
                    config.RetryMode = RequestRetryMode.Adaptive;
                    using var configured = new AmazonKinesisClient(config);
                    await configured.PutRecordAsync(request);

                    var other = new AmazonKinesisConfig();
                    config.RetryMode = RequestRetryMode.Adaptive;
                    using var notConfigured = new AmazonKinesisClient(other);
                    await [|notConfigured.PutRecordAsync(request)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Other_operations_and_other_types_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.KinesisFirehose;

            class OwnStream { public Task PutRecordAsync(PutRecordRequest request) => Task.CompletedTask; }

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, IAmazonKinesisFirehose firehose, OwnStream own)
                {
                    await kinesis.GetRecordsAsync(new GetRecordsRequest());
                    await kinesis.ListStreamsAsync(new ListStreamsRequest());
                    await own.PutRecordAsync(new PutRecordRequest());
                    await firehose.PutRecordAsync(new Amazon.KinesisFirehose.Model.PutRecordRequest());
                    string name = nameof(kinesis.PutRecordAsync);
                }
            }
            """);
    }

    [Fact]
    public async Task A_decorator_forwarding_to_the_inner_client_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            abstract class MeteredKinesis : IAmazonKinesis
            {
                private readonly IAmazonKinesis _inner;
                protected MeteredKinesis(IAmazonKinesis inner) => _inner = inner;

                public Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default) =>
                    _inner.PutRecordAsync(request, cancellationToken);

                Task<PutRecordsResponse> IAmazonKinesis.PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken) =>
                    _inner.PutRecordsAsync(request, cancellationToken);

                public abstract Amazon.Runtime.IClientConfig Config { get; }
                public abstract IKinesisPaginatorFactory Paginators { get; }
                public abstract void Dispose();
                public abstract Task<DecreaseStreamRetentionPeriodResponse> DecreaseStreamRetentionPeriodAsync(string streamName, int retentionPeriodHours, CancellationToken cancellationToken = default);
                public abstract Task<DecreaseStreamRetentionPeriodResponse> DecreaseStreamRetentionPeriodAsync(DecreaseStreamRetentionPeriodRequest request, CancellationToken cancellationToken = default);
                public abstract Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default);
                public abstract Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default);
                public abstract Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default);
                public abstract Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default);
                public abstract Task<DescribeStreamResponse> DescribeStreamAsync(DescribeStreamRequest request, CancellationToken cancellationToken = default);
                public abstract Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default);
            }
            """);
    }

    [Fact]
    public async Task Test_double_setups_and_expression_trees_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Linq.Expressions;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using NSubstitute;

            namespace NSubstitute
            {
                public static class SubstituteExtensions
                {
                    public static T Received<T>(this T substitute) where T : class => substitute;
                    public static T Returns<T>(this T value, T returnThis, params T[] returnThese) => value;
                }
            }

            class ProducerTests
            {
                void Arrange(IAmazonKinesis kinesis)
                {
                    kinesis.PutRecordAsync(Arg()).Returns(Task.FromResult(new PutRecordResponse()));
                    kinesis.Received().PutRecordAsync(Arg());
                    Expression<Func<IAmazonKinesis, Task<PutRecordResponse>>> setup = k => k.PutRecordAsync(Arg(), default);
                }

                static PutRecordRequest Arg() => null;
            }
            """);
    }

    [Fact]
    public async Task Generated_code_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                Task SendAsync(IAmazonKinesis kinesis) => kinesis.PutRecordAsync(new PutRecordRequest());
            }
            """);
    }

    [Fact]
    public async Task Incomplete_code_gives_no_crash()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Threading.Tasks;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Producer
                {
                    async Task MissingArgument(IAmazonKinesis kinesis) => await kinesis.{|CS7036:PutRecordAsync|}();
                    async Task UndefinedArgument(IAmazonKinesis kinesis) => await kinesis.PutRecordAsync({|CS0103:undefined|});
                    async Task UnresolvedCatch(IAmazonKinesis kinesis)
                    {
                        try { await [|kinesis.PutRecordAsync(null)|]; }
                        catch ({|CS0246:Missing|}) { }
                    }
                    async Task UnresolvedClient({|CS0246:Unknown|} kinesis) => await kinesis.PutRecordAsync(null);
                    private Task Helper(IAmazonKinesis kinesis) => [|kinesis.PutRecordAsync(null)|];
                    void Caller(IAmazonKinesis kinesis) { try { {|CS1501:Helper|}(kinesis, 1); } catch { } }
                    partial void {|CS0751:Missing|}();
                    void NoBody(IAmazonKinesis kinesis) =>{|CS1002:|}{|CS1525:|}
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Top_level_statements_are_reported_without_a_retry_fix()
    {
        const string source = """
            using System;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            IAmazonKinesis kinesis = new AmazonKinesisClient();
            await [|kinesis.PutRecordAsync(new PutRecordRequest())|];
            try
            {
                await kinesis.PutRecordAsync(new PutRecordRequest());
            }
            catch (Exception)
            {
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_the_Kinesis_exception_type_nothing_is_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                namespace Amazon.Kinesis { interface IAmazonKinesis { Task PutRecordAsync(object request); } }
                class Producer { Task SendAsync(Amazon.Kinesis.IAmazonKinesis kinesis) => kinesis.PutRecordAsync(null); }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.FrameworkAndSdk);
        await test.RunAsync();
    }

    // ---- Fixes: retry loop ----

    [Fact]
    public async Task Retry_fix_declares_the_result_before_the_loop_and_keeps_comments()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis;
                Producer(IAmazonKinesis kinesis) => _kinesis = kinesis;

                async Task<string> SendAsync(PutRecordRequest request, CancellationToken cancellationToken)
                {
                    // Send one reading.
                    var response = await [|_kinesis.PutRecordAsync(request, cancellationToken)|]; // one record
                    return response.ShardId;
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis;
                Producer(IAmazonKinesis kinesis) => _kinesis = kinesis;

                async Task<string> SendAsync(PutRecordRequest request, CancellationToken cancellationToken)
                {
                    // Send one reading.
                    PutRecordResponse response;
                    const int maxAttempts = 5;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            response = await _kinesis.PutRecordAsync(request, cancellationToken); // one record
                            break;
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)), cancellationToken);
                        }
                    }
                    return response.ShardId;
                }
            }
            """, AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey);
    }

    [Fact]
    public async Task Retry_fix_sleeps_in_sync_code_and_imports_the_types_it_names()
    {
        await WithSyncMethods("""
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                int Send(IAmazonKinesis kinesis, PutRecordsRequest batch)
                {
                    PutRecordsResponse response = [|kinesis.PutRecords(batch)|];
                    return response.FailedRecordCount ?? 0;
                }
            }
            """, """
            using System;
            using System.Threading;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                int Send(IAmazonKinesis kinesis, PutRecordsRequest batch)
                {
                    PutRecordsResponse response;
                    const int maxAttempts = 5;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            response = kinesis.PutRecords(batch);
                            break;
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)));
                        }
                    }
                    return response.FailedRecordCount ?? 0;
                }
            }
            """, AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey).RunAsync();
    }

    [Fact]
    public async Task Retry_fix_for_a_task_blocked_on_with_GetResult_is_the_sync_loop()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Producer
                {
                    string Send(IAmazonKinesis kinesis, PutRecordRequest request)
                    {
                        var response = [|kinesis.PutRecordAsync(request)|].GetAwaiter().GetResult();
                        return response.ShardId;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Producer
                {
                    string Send(IAmazonKinesis kinesis, PutRecordRequest request)
                    {
                        PutRecordResponse response;
                        const int maxAttempts = 5;
                        const int baseDelayMilliseconds = 100;
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                response = kinesis.PutRecordAsync(request).GetAwaiter().GetResult();
                                break;
                            }
                            catch (ProvisionedThroughputExceededException)
                            {
                                if (attempt == maxAttempts)
                                {
                                    throw;
                                }

                                // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                                Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)));
                            }
                        }
                        return response.ShardId;
                    }
                }
                """,
            CodeActionEquivalenceKey = AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task No_retry_fix_for_a_task_blocked_on_with_Result_or_Wait()
    {
        // Both wrap the exception in an AggregateException: a catch of the throttling exception would never run.
        const string source = """
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                string Send(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    var response = [|kinesis.PutRecordAsync(request)|].Result;
                    [|kinesis.PutRecordAsync(request)|].Wait();
                    return response.ShardId;
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey };
        await test.RunAsync();
    }

    [Fact]
    public async Task Retry_fix_without_Random_Shared_adds_one_locked_static_Random_per_type()
    {
        // A System.Random without Shared, as on .NET Framework, where the SDK's sync methods are public.
        const string frameworkRandom = """
            namespace System
            {
                public class Random
                {
                    public int Next(int maxValue) => maxValue / 2;
                }
            }
            """;
        var test = WithSyncMethods("""
            using System;
            using System.Threading;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                // Writes sensor readings.
                void Send(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    [|kinesis.PutRecord(request)|];
                }

                void SendBatch(IAmazonKinesis kinesis, PutRecordsRequest batch)
                {
                    [|kinesis.PutRecords(batch)|];
                }
            }
            """, """
            using System;
            using System.Threading;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private static readonly Random RetryJitter = new Random();

                // Writes sensor readings.
                void Send(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    const int maxAttempts = 5;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            kinesis.PutRecord(request);
                            break;
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            int delayMilliseconds;
                            lock (RetryJitter)
                            {
                                delayMilliseconds = RetryJitter.Next(baseDelayMilliseconds * (1 << attempt));
                            }

                            Thread.Sleep(delayMilliseconds);
                        }
                    }
                }

                void SendBatch(IAmazonKinesis kinesis, PutRecordsRequest batch)
                {
                    const int maxAttempts = 5;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            kinesis.PutRecords(batch);
                            break;
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            int delayMilliseconds;
                            lock (RetryJitter)
                            {
                                delayMilliseconds = RetryJitter.Next(baseDelayMilliseconds * (1 << attempt));
                            }

                            Thread.Sleep(delayMilliseconds);
                        }
                    }
                }
            }
            """, AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey);
        test.TestState.Sources.Add(frameworkRandom);
        test.FixedState.Sources.Add(frameworkRandom);
        await test.RunAsync();
    }

    [Fact]
    public async Task Retry_fix_reindents_a_multi_line_statement_and_keeps_directives_and_comments()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task<string> SendAsync(IAmazonKinesis kinesis, string payload, CancellationToken ct)
                {
            #if TRACE_WRITES
                    Console.WriteLine(payload);
            #endif
                    /* the record */
                    var response = await [|kinesis.PutRecordAsync(
                        new PutRecordRequest
                        {
                            StreamName = "fms-sensor-stream", // the stream
                            PartitionKey = payload,
                        },
                        ct)|];

                    // Afterwards.
                    return response.SequenceNumber;
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task<string> SendAsync(IAmazonKinesis kinesis, string payload, CancellationToken ct)
                {
            #if TRACE_WRITES
                    Console.WriteLine(payload);
            #endif
                    /* the record */
                    PutRecordResponse response;
                    const int maxAttempts = 5;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            response = await kinesis.PutRecordAsync(
                                new PutRecordRequest
                                {
                                    StreamName = "fms-sensor-stream", // the stream
                                    PartitionKey = payload,
                                },
                                ct);
                            break;
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)), ct);
                        }
                    }

                    // Afterwards.
                    return response.SequenceNumber;
                }
            }
            """, AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey);
    }

    [Fact]
    public async Task Retry_fix_awaits_the_delay_for_a_sync_write_in_async_code_but_sleeps_inside_a_lock()
    {
        await WithSyncMethods("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly object _gate = new object();

                async Task SendAsync(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    await Task.Yield();
                    [|kinesis.PutRecord(request)|];
                    lock (_gate)
                    {
                        [|kinesis.PutRecord(request)|];
                    }
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly object _gate = new object();

                async Task SendAsync(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    await Task.Yield();
                    const int maxAttempts = 5;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            kinesis.PutRecord(request);
                            break;
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)));
                        }
                    }
                    lock (_gate)
                    {
                        const int maxAttempts2 = 5;
                        const int baseDelayMilliseconds2 = 100;
                        for (var attempt2 = 1; ; attempt2++)
                        {
                            try
                            {
                                kinesis.PutRecord(request);
                                break;
                            }
                            catch (ProvisionedThroughputExceededException)
                            {
                                if (attempt2 == maxAttempts2)
                                {
                                    throw;
                                }

                                // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                                Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds2 * (1 << attempt2)));
                            }
                        }
                    }
                }
            }
            """, AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey).RunAsync();
    }

    [Fact]
    public async Task Retry_fix_all_gives_each_loop_its_own_names_and_handles_returns_and_lambdas()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendBothAsync(IAmazonKinesis kinesis, PutRecordRequest first, PutRecordRequest second)
                {
                    await [|kinesis.PutRecordAsync(first)|].ConfigureAwait(false);
                    await [|kinesis.PutRecordAsync(second)|];
                }

                async Task<PutRecordsResponse> SendBatchAsync(IAmazonKinesis kinesis, PutRecordsRequest batch)
                {
                    return await [|kinesis.PutRecordsAsync(batch)|];
                }

                Func<PutRecordRequest, Task> Sender(IAmazonKinesis kinesis) => async request =>
                {
                    await [|kinesis.PutRecordAsync(request)|];
                };
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendBothAsync(IAmazonKinesis kinesis, PutRecordRequest first, PutRecordRequest second)
                {
                    const int maxAttempts = 5;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await kinesis.PutRecordAsync(first).ConfigureAwait(false);
                            break;
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt))).ConfigureAwait(false);
                        }
                    }
                    const int maxAttempts2 = 5;
                    const int baseDelayMilliseconds2 = 100;
                    for (var attempt2 = 1; ; attempt2++)
                    {
                        try
                        {
                            await kinesis.PutRecordAsync(second);
                            break;
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt2 == maxAttempts2)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds2 * (1 << attempt2)));
                        }
                    }
                }

                async Task<PutRecordsResponse> SendBatchAsync(IAmazonKinesis kinesis, PutRecordsRequest batch)
                {
                    const int maxAttempts = 5;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            return await kinesis.PutRecordsAsync(batch);
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)));
                        }
                    }
                }

                Func<PutRecordRequest, Task> Sender(IAmazonKinesis kinesis) => async request =>
                {
                    const int maxAttempts = 5;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await kinesis.PutRecordAsync(request);
                            break;
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)));
                        }
                    }
                };
            }
            """, AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey);
    }

    [Fact]
    public async Task Retry_fix_qualifies_an_ambiguous_exception_and_uses_the_DynamoDB_one_for_tables()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Store
                {
                    async Task SaveAsync(IAmazonDynamoDB dynamo, IAmazonKinesis kinesis, Dictionary<string, AttributeValue> item)
                    {
                        await [|dynamo.PutItemAsync("readings", item)|];
                        await [|kinesis.PutRecordAsync(new PutRecordRequest())|];
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Store
                {
                    async Task SaveAsync(IAmazonDynamoDB dynamo, IAmazonKinesis kinesis, Dictionary<string, AttributeValue> item)
                    {
                        const int maxAttempts = 5;
                        const int baseDelayMilliseconds = 100;
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                await dynamo.PutItemAsync("readings", item);
                                break;
                            }
                            catch (Amazon.DynamoDBv2.Model.ProvisionedThroughputExceededException)
                            {
                                if (attempt == maxAttempts)
                                {
                                    throw;
                                }

                                // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                                await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)));
                            }
                        }
                        const int maxAttempts2 = 5;
                        const int baseDelayMilliseconds2 = 100;
                        for (var attempt2 = 1; ; attempt2++)
                        {
                            try
                            {
                                await kinesis.PutRecordAsync(new PutRecordRequest());
                                break;
                            }
                            catch (Amazon.Kinesis.Model.ProvisionedThroughputExceededException)
                            {
                                if (attempt2 == maxAttempts2)
                                {
                                    throw;
                                }

                                // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                                await Task.Delay(Random.Shared.Next(baseDelayMilliseconds2 * (1 << attempt2)));
                            }
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\naws_analyzers.AWS005.services = kinesis, dynamodb"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Retry_fix_is_not_offered_where_the_write_does_not_complete_in_one_statement()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                Task<PutRecordResponse> ReturnTask(IAmazonKinesis kinesis) => [|kinesis.PutRecordAsync(new PutRecordRequest())|];

                async Task NotAwaitedHere(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    var pending = [|kinesis.PutRecordAsync(request)|];
                    await pending;
                }

                async Task ExpressionBodied(IAmazonKinesis kinesis) => await [|kinesis.PutRecordAsync(new PutRecordRequest())|];

                async Task PatternVariable(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    if (await [|kinesis.PutRecordAsync(request)|] is { ShardId: var shard })
                    {
                        System.Console.WriteLine(shard);
                    }

                    var ok = await [|kinesis.PutRecordAsync(request)|] is PutRecordResponse response && response.ShardId != null;
                    System.Console.WriteLine(ok);
                }

                async Task EmbeddedStatement(IAmazonKinesis kinesis, PutRecordRequest request, bool send)
                {
                    if (send) await [|kinesis.PutRecordAsync(request)|];
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey,
        };
        await test.RunAsync();
    }

    // ---- Fixes: adaptive retry ----

    [Fact]
    public async Task Adaptive_fix_edits_the_config_of_a_client_created_in_a_field_initializer()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis = new AmazonKinesisClient(new AmazonKinesisConfig
                {
                    RegionEndpoint = RegionEndpoint.USEast1 // home region
                });

                async Task SendAsync(PutRecordRequest request)
                {
                    await [|_kinesis.PutRecordAsync(request)|];
                    await [|_kinesis.PutRecordsAsync(new PutRecordsRequest())|];
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.Runtime;

            class Producer
            {
                private readonly IAmazonKinesis _kinesis = new AmazonKinesisClient(new AmazonKinesisConfig
                {
                    RegionEndpoint = RegionEndpoint.USEast1, // home region
                    RetryMode = RequestRetryMode.Adaptive,
                    MaxErrorRetry = 10
                });

                async Task SendAsync(PutRecordRequest request)
                {
                    await _kinesis.PutRecordAsync(request);
                    await _kinesis.PutRecordsAsync(new PutRecordsRequest());
                }
            }
            """, AWS005ThrottlingNotHandledCodeFix.AdaptiveRetryEquivalenceKey);
    }

    [Fact]
    public async Task Adaptive_fix_replaces_weaker_settings_on_a_config_local_and_fills_an_empty_config()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.Runtime;

            class Producer
            {
                private readonly AmazonKinesisClient _client;
                private readonly AmazonKinesisClient _other;

                Producer()
                {
                    var config = new AmazonKinesisConfig { RetryMode = RequestRetryMode.Standard, MaxErrorRetry = 3, };
                    _client = new AmazonKinesisClient(config);
                    _other = new AmazonKinesisClient(new AmazonKinesisConfig());
                }

                async Task SendAsync(PutRecordRequest request)
                {
                    await [|_client.PutRecordAsync(request)|];
                    await [|_other.PutRecordAsync(request)|];
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.Runtime;

            class Producer
            {
                private readonly AmazonKinesisClient _client;
                private readonly AmazonKinesisClient _other;

                Producer()
                {
                    var config = new AmazonKinesisConfig { RetryMode = RequestRetryMode.Adaptive, MaxErrorRetry = 10, };
                    _client = new AmazonKinesisClient(config);
                    _other = new AmazonKinesisClient(new AmazonKinesisConfig() { RetryMode = RequestRetryMode.Adaptive, MaxErrorRetry = 10 });
                }

                async Task SendAsync(PutRecordRequest request)
                {
                    await _client.PutRecordAsync(request);
                    await _other.PutRecordAsync(request);
                }
            }
            """, AWS005ThrottlingNotHandledCodeFix.AdaptiveRetryEquivalenceKey);
    }

    [Fact]
    public async Task Adaptive_fix_works_for_a_DynamoDB_client_created_in_a_constructor()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                class Store
                {
                    private readonly IAmazonDynamoDB _dynamo;

                    Store(string serviceUrl) => _dynamo = new AmazonDynamoDBClient(new AmazonDynamoDBConfig { ServiceURL = serviceUrl });

                    Task SaveAsync(Dictionary<string, AttributeValue> item) => [|_dynamo.PutItemAsync("readings", item)|];
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.Runtime;

                class Store
                {
                    private readonly IAmazonDynamoDB _dynamo;

                    Store(string serviceUrl) => _dynamo = new AmazonDynamoDBClient(new AmazonDynamoDBConfig { ServiceURL = serviceUrl, RetryMode = RequestRetryMode.Adaptive, MaxErrorRetry = 10 });

                    Task SaveAsync(Dictionary<string, AttributeValue> item) => _dynamo.PutItemAsync("readings", item);
                }
                """,
            CodeActionEquivalenceKey = AWS005ThrottlingNotHandledCodeFix.AdaptiveRetryEquivalenceKey,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\naws_analyzers.AWS005.services = dynamodb"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Adaptive_fix_is_not_offered_for_injected_or_config_less_clients()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private readonly IAmazonKinesis _injected;
                private readonly IAmazonKinesis _regionOnly = new AmazonKinesisClient(RegionEndpoint.USEast1);
                private IAmazonKinesis _reassigned = new AmazonKinesisClient(new AmazonKinesisConfig());

                Producer(IAmazonKinesis kinesis) => _injected = kinesis;

                void Swap(IAmazonKinesis other) => _reassigned = other;

                async Task SendAsync(PutRecordRequest request)
                {
                    await [|_injected.PutRecordAsync(request)|];
                    await [|_regionOnly.PutRecordAsync(request)|];
                    await [|_reassigned.PutRecordAsync(request)|];
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AWS005ThrottlingNotHandledCodeFix.AdaptiveRetryEquivalenceKey,
        };
        await test.RunAsync();
    }
}
