using System.Threading.Tasks;
using AwsAnalyzers.Polling;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Polling.AWS010StatusPollingLoopAnalyzer,
    AwsAnalyzers.Polling.AWS010StatusPollingLoopCodeFix>;

namespace AwsAnalyzers.Tests.Polling;

public class AWS010StatusPollingLoopTests
{
    private static DiagnosticResult Stuck(int location, string status, string stuck, string inProgress) =>
        VerifyCS.Diagnostic(AWS010StatusPollingLoopAnalyzer.StuckRule).WithLocation(location).WithArguments(status, stuck, inProgress);

    private static DiagnosticResult EarlyExit(int location, string status, string missing, string inProgress) =>
        VerifyCS.Diagnostic(AWS010StatusPollingLoopAnalyzer.EarlyExitRule).WithLocation(location).WithArguments(status, missing, inProgress);

    private static DiagnosticResult NoDelay(int location, string status) =>
        VerifyCS.Diagnostic(AWS010StatusPollingLoopAnalyzer.NoDelayRule).WithLocation(location).WithArguments(status);

    private static DiagnosticResult ThreadSleep(int location, string function) =>
        VerifyCS.Diagnostic(AWS010StatusPollingLoopAnalyzer.ThreadSleepRule).WithLocation(location).WithArguments(function);

    private static DiagnosticResult S3Wait(int location, string key) =>
        VerifyCS.Diagnostic(AWS010StatusPollingLoopAnalyzer.S3WaitRule).WithLocation(location).WithArguments(key);

    private static VerifyCS.Test Test(string source, string? fixedSource = null, string? key = null, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource ?? source, CodeActionEquivalenceKey = key };
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static VerifyCS.Test V3(VerifyCS.Test test)
    {
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        return test;
    }

    private const string AthenaNotSucceeded = """
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Athena;
        using Amazon.Athena.Model;

        class Reports
        {
            async Task<string> WaitAsync(IAmazonAthena athena, string id, CancellationToken ct)
            {
                var state = QueryExecutionState.QUEUED;
                {|#0:while|} (state != QueryExecutionState.SUCCEEDED)
                {
                    await Task.Delay(1000, ct);
                    var response = await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, ct);
                    state = response.QueryExecution.Status.State;
                }

                return id;
            }
        }
        """;

    private const string AthenaNotSucceededFixed = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Athena;
        using Amazon.Athena.Model;

        class Reports
        {
            async Task<string> WaitAsync(IAmazonAthena athena, string id, CancellationToken ct)
            {
                var state = QueryExecutionState.QUEUED;
                while (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING)
                {
                    await Task.Delay(1000, ct);
                    var response = await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, ct);
                    state = response.QueryExecution.Status.State;
                }

                if (state != QueryExecutionState.SUCCEEDED)
                {
                    throw new InvalidOperationException("The wait ended in state " + state);
                }

                return id;
            }
        }
        """;

    // ---- (i) a terminal value keeps the loop going ----

    [Fact]
    public async Task Athena_loop_until_succeeded_spins_on_failure_and_is_rewritten_to_the_in_progress_values()
    {
        await Test(AthenaNotSucceeded, AthenaNotSucceededFixed, null, Stuck(0, "QueryExecutionState", "FAILED, CANCELLED", "QUEUED, RUNNING")).RunAsync();
    }

    [Fact]
    public async Task The_same_loop_on_v3_shapes_is_reported_and_fixed_the_same_way()
    {
        await V3(Test(AthenaNotSucceeded, AthenaNotSucceededFixed, null, Stuck(0, "QueryExecutionState", "FAILED, CANCELLED", "QUEUED, RUNNING"))).RunAsync();
    }

    [Fact]
    public async Task A_loop_that_ends_on_only_some_failures_is_reported_and_keeps_its_other_conditions()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Glue;
            using Amazon.Glue.Model;

            class Jobs
            {
                async Task WaitAsync(IAmazonGlue glue, GetJobRunRequest request, CancellationToken ct)
                {
                    GetJobRunResponse run = await glue.GetJobRunAsync(request, ct);
                    {|#0:while|} (run.JobRun.JobRunState != JobRunState.SUCCEEDED && run.JobRun.JobRunState != JobRunState.FAILED && !ct.IsCancellationRequested)
                    {
                        await Task.Delay(5000, ct);
                        run = await glue.GetJobRunAsync(request, ct);
                    }

                    if (run.JobRun.JobRunState == JobRunState.FAILED)
                    {
                        throw new System.Exception(run.JobRun.ErrorMessage);
                    }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Glue;
            using Amazon.Glue.Model;

            class Jobs
            {
                async Task WaitAsync(IAmazonGlue glue, GetJobRunRequest request, CancellationToken ct)
                {
                    GetJobRunResponse run = await glue.GetJobRunAsync(request, ct);
                    while ((run.JobRun.JobRunState == JobRunState.STARTING || run.JobRun.JobRunState == JobRunState.RUNNING || run.JobRun.JobRunState == JobRunState.WAITING || run.JobRun.JobRunState == JobRunState.STOPPING) && !ct.IsCancellationRequested)
                    {
                        await Task.Delay(5000, ct);
                        run = await glue.GetJobRunAsync(request, ct);
                    }

                    if (run.JobRun.JobRunState == JobRunState.FAILED)
                    {
                        throw new System.Exception(run.JobRun.ErrorMessage);
                    }
                }
            }
            """,
            null,
            Stuck(0, "JobRunState", "STOPPED, TIMEOUT, ERROR, EXPIRED", "STARTING, RUNNING, WAITING, STOPPING"));
    }

    [Fact]
    public async Task A_while_true_loop_that_breaks_only_on_success_gets_a_throw_for_the_states_it_spun_on()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Clusters
            {
                async Task WaitAsync(IAmazonElasticMapReduce emr, string id)
                {
                    {|#0:while|} (true)
                    {
                        var cluster = (await emr.DescribeClusterAsync(new DescribeClusterRequest { ClusterId = id })).Cluster;
                        if (cluster.Status.State.Value == "WAITING")
                        {
                            break;
                        }

                        await Task.Delay(10000);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Clusters
            {
                async Task WaitAsync(IAmazonElasticMapReduce emr, string id)
                {
                    while (true)
                    {
                        var cluster = (await emr.DescribeClusterAsync(new DescribeClusterRequest { ClusterId = id })).Cluster;
                        if (cluster.Status.State.Value == "WAITING")
                        {
                            break;
                        }

                        if (cluster.Status.State.Value != "STARTING" && cluster.Status.State.Value != "BOOTSTRAPPING" && cluster.Status.State.Value != "RUNNING" && cluster.Status.State.Value != "TERMINATING")
                        {
                            throw new InvalidOperationException("The wait ended in state " + cluster.Status.State.Value);
                        }

                        await Task.Delay(10000);
                    }
                }
            }
            """;
        await Test(source, fixedSource, expected: Stuck(0, "ClusterState", "TERMINATED, TERMINATED_WITH_ERRORS", "STARTING, BOOTSTRAPPING, RUNNING, TERMINATING")).RunAsync();
    }

    [Fact]
    public async Task While_true_loops_on_v3_shapes_get_the_throw_with_the_sdk_s_constants_and_fix_all_fixes_each()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;
            using Amazon.Glue;
            using Amazon.Glue.Model;

            class Waits
            {
                async Task AthenaAsync(IAmazonAthena athena, GetQueryExecutionRequest request, CancellationToken ct)
                {
                    {|#0:while|} (!ct.IsCancellationRequested)
                    {
                        var state = (await athena.GetQueryExecutionAsync(request, ct)).QueryExecution.Status.State;
                        if (state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED) return;
                        await Task.Delay(1000, ct);
                    }
                }

                async Task GlueAsync(IAmazonGlue glue, GetJobRunRequest request)
                {
                    {|#1:for|} (;;)
                    {
                        await Task.Delay(5000);
                        var run = (await glue.GetJobRunAsync(request)).JobRun;
                        if (run.JobRunState == JobRunState.SUCCEEDED)
                        {
                            break;
                        }
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;
            using Amazon.Glue;
            using Amazon.Glue.Model;

            class Waits
            {
                async Task AthenaAsync(IAmazonAthena athena, GetQueryExecutionRequest request, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        var state = (await athena.GetQueryExecutionAsync(request, ct)).QueryExecution.Status.State;
                        if (state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED) return;

                        if (state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING)
                        {
                            throw new InvalidOperationException("The wait ended in state " + state);
                        }

                        await Task.Delay(1000, ct);
                    }
                }

                async Task GlueAsync(IAmazonGlue glue, GetJobRunRequest request)
                {
                    for (;;)
                    {
                        await Task.Delay(5000);
                        var run = (await glue.GetJobRunAsync(request)).JobRun;
                        if (run.JobRunState == JobRunState.SUCCEEDED)
                        {
                            break;
                        }

                        if (run.JobRunState != JobRunState.STARTING && run.JobRunState != JobRunState.RUNNING && run.JobRunState != JobRunState.WAITING && run.JobRunState != JobRunState.STOPPING)
                        {
                            throw new InvalidOperationException("The wait ended in state " + run.JobRunState);
                        }
                    }
                }
            }
            """;
        await V3(Test(
            source,
            fixedSource,
            expected: new[]
            {
                Stuck(0, "QueryExecutionState", "CANCELLED", "QUEUED, RUNNING"),
                Stuck(1, "JobRunState", "FAILED, STOPPED, TIMEOUT, ERROR, EXPIRED", "STARTING, RUNNING, WAITING, STOPPING"),
            })).RunAsync();
    }

    [Fact]
    public async Task While_true_loops_with_two_status_exits_that_end_early_or_never_on_success_get_no_throw()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class Waits
            {
                async Task TwoExitsAsync(IAmazonAthena athena, GetQueryExecutionRequest request)
                {
                    {|#0:while|} (true)
                    {
                        var state = (await athena.GetQueryExecutionAsync(request)).QueryExecution.Status.State;
                        if (state == QueryExecutionState.SUCCEEDED) break;
                        if (state == QueryExecutionState.FAILED) throw new InvalidOperationException(state);
                        await Task.Delay(1000);
                    }
                }

                async Task EndsEarlyAsync(IAmazonAthena athena, GetQueryExecutionRequest request)
                {
                    {|#1:while|} (true)
                    {
                        var state = (await athena.GetQueryExecutionAsync(request)).QueryExecution.Status.State;
                        if (state != QueryExecutionState.RUNNING) break;
                        await Task.Delay(1000);
                    }
                }

                async Task NeverOnSuccessAsync(IAmazonAthena athena, GetQueryExecutionRequest request)
                {
                    {|#2:while|} (true)
                    {
                        var state = (await athena.GetQueryExecutionAsync(request)).QueryExecution.Status.State;
                        if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) throw new InvalidOperationException(state);
                        await Task.Delay(1000);
                    }
                }
            }
            """;
        await Test(source, expected: new[]
        {
            Stuck(0, "QueryExecutionState", "CANCELLED", "QUEUED, RUNNING"),
            EarlyExit(1, "QueryExecutionState", "QUEUED", "QUEUED, RUNNING"),
            Stuck(2, "QueryExecutionState", "SUCCEEDED", "QUEUED, RUNNING"),
        }).RunAsync();
    }

    [Fact]
    public async Task A_null_check_on_the_response_does_not_hide_the_status_test()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Clusters
            {
                async Task WaitAsync(IAmazonElasticMapReduce emr, DescribeClusterRequest request)
                {
                    Cluster cluster = null;
                    {|#0:while|} (cluster == null || cluster.Status.State != ClusterState.WAITING)
                    {
                        cluster = (await emr.DescribeClusterAsync(request)).Cluster;
                        await Task.Delay(10000);
                    }
                }
            }
            """,
            Stuck(0, "ClusterState", "TERMINATED, TERMINATED_WITH_ERRORS", "STARTING, BOOTSTRAPPING, RUNNING, TERMINATING"));
    }

    // ---- (ii) one in-progress value of several ----

    [Fact]
    public async Task Continuing_only_while_running_takes_a_starting_run_for_finished()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Glue;
            using Amazon.Glue.Model;

            class Jobs
            {
                async Task<JobRunState> WaitAsync(IAmazonGlue glue, GetJobRunRequest request)
                {
                    JobRun run;
                    {|#0:do|}
                    {
                        await Task.Delay(2000);
                        run = (await glue.GetJobRunAsync(request)).JobRun;
                    }
                    while (run.JobRunState == JobRunState.RUNNING);

                    return run.JobRunState;
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.Glue;
            using Amazon.Glue.Model;

            class Jobs
            {
                async Task<JobRunState> WaitAsync(IAmazonGlue glue, GetJobRunRequest request)
                {
                    JobRun run;
                    do
                    {
                        await Task.Delay(2000);
                        run = (await glue.GetJobRunAsync(request)).JobRun;
                    }
                    while (run.JobRunState == JobRunState.STARTING || run.JobRunState == JobRunState.RUNNING || run.JobRunState == JobRunState.WAITING);

                    return run.JobRunState;
                }
            }
            """,
            null,
            EarlyExit(0, "JobRunState", "STARTING, WAITING", "STARTING, RUNNING, WAITING"));
    }

    [Fact]
    public async Task Athena_string_states_continuing_only_on_running_are_reported()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class Reports
            {
                async Task WaitAsync(IAmazonAthena athena, GetQueryExecutionRequest request)
                {
                    string state = "RUNNING";
                    {|#0:while|} (state == "RUNNING")
                    {
                        await Task.Delay(500);
                        state = (await athena.GetQueryExecutionAsync(request)).QueryExecution.Status.State.Value;
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class Reports
            {
                async Task WaitAsync(IAmazonAthena athena, GetQueryExecutionRequest request)
                {
                    string state = "RUNNING";
                    while (state == "QUEUED" || state == "RUNNING")
                    {
                        await Task.Delay(500);
                        state = (await athena.GetQueryExecutionAsync(request)).QueryExecution.Status.State.Value;
                    }
                }
            }
            """,
            null,
            EarlyExit(0, "QueryExecutionState", "QUEUED", "QUEUED, RUNNING"));
    }

    // ---- (iii) no delay on a path that goes round again ----

    [Fact]
    public async Task A_dynamodb_wait_without_a_delay_gets_one()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;

            class Tables
            {
                async Task WaitAsync(IAmazonDynamoDB dynamo, string table, CancellationToken cancellationToken)
                {
                    var status = (await dynamo.DescribeTableAsync(table, cancellationToken)).Table.TableStatus;
                    {|#0:while|} (status != TableStatus.ACTIVE)
                    {
                        status = (await dynamo.DescribeTableAsync(table, cancellationToken)).Table.TableStatus;
                    }
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;

            class Tables
            {
                async Task WaitAsync(IAmazonDynamoDB dynamo, string table, CancellationToken cancellationToken)
                {
                    var status = (await dynamo.DescribeTableAsync(table, cancellationToken)).Table.TableStatus;
                    while (status != TableStatus.ACTIVE)
                    {
                        status = (await dynamo.DescribeTableAsync(table, cancellationToken)).Table.TableStatus;
                        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    }
                }
            }
            """,
            null,
            NoDelay(0, "TableStatus"));
    }

    [Fact]
    public async Task A_sync_kinesis_wait_without_a_delay_gets_thread_sleep()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Streams
                {
                    void Wait(IAmazonKinesis kinesis, string name)
                    {
                        {|#0:for|} (var status = StreamStatus.CREATING; status != StreamStatus.ACTIVE; )
                        {
                            status = kinesis.DescribeStreamSummary(new DescribeStreamSummaryRequest { StreamName = name }).StreamDescriptionSummary.StreamStatus;
                        }
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Streams
                {
                    void Wait(IAmazonKinesis kinesis, string name)
                    {
                        for (var status = StreamStatus.CREATING; status != StreamStatus.ACTIVE; )
                        {
                            status = kinesis.DescribeStreamSummary(new DescribeStreamSummaryRequest { StreamName = name }).StreamDescriptionSummary.StreamStatus;
                            Thread.Sleep(TimeSpan.FromSeconds(1));
                        }
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllWithSyncMethods);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllWithSyncMethods);
        test.ExpectedDiagnostics.Add(NoDelay(0, "StreamStatus"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Delays_skipped_by_a_catch_a_branch_or_a_continue_count_as_missing_and_a_continue_gets_no_fix()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class Reports
            {
                async Task CatchAsync(IAmazonAthena athena, GetQueryExecutionRequest request)
                {
                    var state = QueryExecutionState.QUEUED;
                    {|#0:while|} (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING)
                    {
                        try
                        {
                            state = (await athena.GetQueryExecutionAsync(request)).QueryExecution.Status.State;
                            await Task.Delay(1000);
                        }
                        catch (AmazonAthenaException)
                        {
                        }
                    }
                }

                async Task BranchAsync(IAmazonAthena athena, GetQueryExecutionRequest request)
                {
                    var state = QueryExecutionState.QUEUED;
                    {|#1:while|} (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING)
                    {
                        state = (await athena.GetQueryExecutionAsync(request)).QueryExecution.Status.State;
                        if (state == QueryExecutionState.RUNNING)
                        {
                            await Task.Delay(1000);
                        }
                    }
                }

                async Task ContinueAsync(IAmazonAthena athena, GetQueryExecutionRequest request)
                {
                    var state = QueryExecutionState.QUEUED;
                    {|#2:while|} (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING)
                    {
                        state = (await athena.GetQueryExecutionAsync(request)).QueryExecution.Status.State;
                        if (state == QueryExecutionState.QUEUED)
                        {
                            continue;
                        }

                        await Task.Delay(1000);
                    }
                }
            }
            """;
        // The catch and the branch get a delay at the end of the body; a loop with a continue gets none.
        string fixedSource = source
            .Replace("            }\n            catch (AmazonAthenaException)\n            {\n            }\n        }", "            }\n            catch (AmazonAthenaException)\n            {\n            }\n\n            await Task.Delay(TimeSpan.FromSeconds(1));\n        }")
            .Replace("                await Task.Delay(1000);\n            }\n        }", "                await Task.Delay(1000);\n            }\n\n            await Task.Delay(TimeSpan.FromSeconds(1));\n        }");
        Assert.NotEqual(source, fixedSource);
        var test = Test(source, fixedSource.Replace("{|#0:while|}", "while").Replace("{|#1:while|}", "while"), null,
            NoDelay(0, "QueryExecutionState"), NoDelay(1, "QueryExecutionState"), NoDelay(2, "QueryExecutionState"));
        test.FixedState.ExpectedDiagnostics.Add(NoDelay(2, "QueryExecutionState"));
        await test.RunAsync();
    }

    // ---- (iv) Thread.Sleep in async code ----

    [Fact]
    public async Task Thread_sleep_in_an_async_polling_loop_becomes_task_delay()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Buckets
            {
                async Task WaitAsync(IAmazonS3 s3, string bucket)
                {
                    for (int i = 0; i < 10; i++)
                    {
                        var objects = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 });
                        if (objects.KeyCount > 0)
                        {
                            return;
                        }

                        {|#0:Thread.Sleep(500)|};
                    }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Buckets
            {
                async Task WaitAsync(IAmazonS3 s3, string bucket)
                {
                    for (int i = 0; i < 10; i++)
                    {
                        var objects = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 });
                        if (objects.KeyCount > 0)
                        {
                            return;
                        }

                        await Task.Delay(500);
                    }
                }
            }
            """,
            null,
            ThreadSleep(0, "WaitAsync"));
    }

    [Fact]
    public async Task Thread_sleep_in_sync_code_or_in_loops_that_call_no_sdk_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Waits
            {
                void Sync(IAmazonS3 s3)
                {
                    for (int i = 0; i < 3; i++)
                    {
                        s3.ListBucketsAsync().Wait();
                        Thread.Sleep(100);
                    }
                }

                async Task NoSdkAsync()
                {
                    for (int i = 0; i < 3; i++)
                    {
                        Thread.Sleep(100);
                        await Task.Yield();
                    }
                }
            }
            """);
    }

    // ---- (v) waiting for S3 consistency that already exists ----

    private const string S3WaitSource = """
        using System.Net;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;

        class Archive
        {
            async Task StoreAsync(IAmazonS3 s3, string bucket, string key, string body)
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body });
                // S3 is "eventually consistent": wait until the object shows up.
                {|#0:while|} (true)
                {
                    try
                    {
                        await s3.GetObjectMetadataAsync(bucket, key);
                        break;
                    }
                    catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
                    {
                        await Task.Delay(500);
                    }
                }

                await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key + ".done", ContentBody = "" });
            }
        }
        """;

    [Fact]
    public async Task A_wait_for_an_object_the_method_just_wrote_is_removed()
    {
        await VerifyCS.VerifyCodeFixAsync(S3WaitSource, """
            using System.Net;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Archive
            {
                async Task StoreAsync(IAmazonS3 s3, string bucket, string key, string body)
                {
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body });

                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key + ".done", ContentBody = "" });
                }
            }
            """,
            null,
            S3Wait(0, "key"));
    }

    [Fact]
    public async Task Waits_for_objects_someone_else_writes_or_on_other_endpoints_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Archive
            {
                private readonly AmazonS3Client _minio = new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://localhost:9000", ForcePathStyle = true });

                async Task OtherKeyAsync(IAmazonS3 s3, string bucket, string key)
                {
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key + ".tmp" });
                    while (true)
                    {
                        try { await s3.GetObjectMetadataAsync(bucket, key); break; }
                        catch (AmazonS3Exception) { await Task.Delay(500); }
                    }
                }

                async Task SomeoneElseAsync(IAmazonS3 s3, string bucket, string key)
                {
                    while (true)
                    {
                        try { await s3.GetObjectMetadataAsync(bucket, key); break; }
                        catch (AmazonS3Exception) { await Task.Delay(500); }
                    }
                }

                async Task CompatibleStoreAsync(string bucket, string key)
                {
                    await _minio.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key });
                    while (true)
                    {
                        try { await _minio.GetObjectMetadataAsync(bucket, key); break; }
                        catch (AmazonS3Exception) { await Task.Delay(500); }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task The_s3_compatible_endpoint_option_silences_the_consistency_wait()
    {
        var test = new VerifyCS.Test { TestCode = S3WaitSource.Replace("{|#0:while|}", "while") };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\naws_analyzers.AWS010.s3_compatible_endpoint = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_bucket_test_after_an_object_write_to_that_bucket_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.S3.Util;

            class Archive
            {
                async Task StoreAsync(IAmazonS3 s3, string bucket, string key)
                {
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x" });
                    {|#0:while|} (!await AmazonS3Util.DoesS3BucketExistV2Async(s3, bucket))
                    {
                        await Task.Delay(500);
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, S3Wait(0, "bucket"));
    }

    // ---- A flag set from the status ----

    [Fact]
    public async Task A_flag_set_from_only_some_terminal_states_is_reported_without_a_fix()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class Reports
            {
                async Task WaitAsync(IAmazonAthena athena, string id, CancellationToken ct)
                {
                    bool done = false;
                    {|#0:while|} (!done)
                    {
                        await Task.Delay(1000, ct);
                        var state = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, ct)).QueryExecution.Status.State;
                        done = state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED;
                    }
                }
            }
            """;
        await Test(source, expected: Stuck(0, "QueryExecutionState", "CANCELLED", "QUEUED, RUNNING")).RunAsync();
    }

    [Fact]
    public async Task The_same_flag_on_v3_shapes_is_reported_the_same_way()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.Glue;
            using Amazon.Glue.Model;

            class Jobs
            {
                async Task WaitAsync(IAmazonGlue glue, GetJobRunRequest request)
                {
                    bool finished;
                    {|#0:do|}
                    {
                        var run = (await glue.GetJobRunAsync(request)).JobRun;
                        finished = run.JobRunState == JobRunState.SUCCEEDED || run.JobRunState == JobRunState.FAILED;
                        await Task.Delay(5000);
                    }
                    while (!finished);
                }
            }
            """;
        await V3(Test(source, expected: Stuck(0, "JobRunState", "STOPPED, TIMEOUT, ERROR, EXPIRED", "STARTING, RUNNING, WAITING, STOPPING"))).RunAsync();
    }

    // ---- What it leaves alone ----

    [Fact]
    public async Task Loops_with_complete_state_handling_and_a_delay_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;
            using Amazon.Glue;
            using Amazon.Glue.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Waits
            {
                async Task AthenaAsync(IAmazonAthena athena, GetQueryExecutionRequest request, CancellationToken ct)
                {
                    while (true)
                    {
                        var state = (await athena.GetQueryExecutionAsync(request, ct)).QueryExecution.Status.State;
                        if (state == QueryExecutionState.SUCCEEDED) break;
                        if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) throw new InvalidOperationException(state);
                        await Task.Delay(1000, ct);
                    }
                }

                async Task SwitchAsync(IAmazonGlue glue, GetJobRunRequest request)
                {
                    var state = JobRunState.STARTING;
                    while (state.Value is "STARTING" or "RUNNING" or "WAITING")
                    {
                        await PauseAsync();
                        state = (await glue.GetJobRunAsync(request)).JobRun.JobRunState;
                    }
                }

                static Task PauseAsync() => Task.Delay(TimeSpan.FromSeconds(2));

                async Task KinesisAsync(IAmazonKinesis kinesis, string name)
                {
                    StreamStatus status;
                    do
                    {
                        await Task.Delay(1000);
                        status = (await kinesis.DescribeStreamAsync(new DescribeStreamRequest { StreamName = name })).StreamDescription.StreamStatus;
                    }
                    while (status != StreamStatus.ACTIVE);
                }

                async Task TimerAsync(IAmazonAthena athena, GetQueryExecutionRequest request, CancellationToken ct)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
                    var state = QueryExecutionState.QUEUED;
                    while (await timer.WaitForNextTickAsync(ct) && (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING))
                    {
                        state = (await athena.GetQueryExecutionAsync(request, ct)).QueryExecution.Status.State;
                    }
                }

                async Task NotAStatusWaitAsync(IAmazonAthena athena, string[] ids)
                {
                    foreach (string id in ids)
                    {
                        var state = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id })).QueryExecution.Status.State;
                        Console.WriteLine(state);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Loops_that_end_through_a_flag_set_from_every_terminal_state_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;
            using Amazon.Glue;
            using Amazon.Glue.Model;

            class Waits
            {
                async Task AthenaAsync(IAmazonAthena athena, string id, CancellationToken ct)
                {
                    var done = false;
                    while (!done)
                    {
                        await Task.Delay(1000, ct);
                        var state = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, ct)).QueryExecution.Status.State;
                        done = state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED;
                        if (state == QueryExecutionState.FAILED)
                        {
                            throw new InvalidOperationException(id);
                        }
                    }
                }

                async Task GlueAsync(IAmazonGlue glue, GetJobRunRequest request)
                {
                    bool finished;
                    do
                    {
                        var state = (await glue.GetJobRunAsync(request)).JobRun.JobRunState;
                        finished = state != JobRunState.STARTING && state != JobRunState.RUNNING && state != JobRunState.WAITING && state != JobRunState.STOPPING;
                        if (!finished)
                        {
                            await Task.Delay(5000);
                        }
                    }
                    while (!finished);
                }

                async Task CancelledAsync(IAmazonAthena athena, string id, CancellationToken ct)
                {
                    bool done = false;
                    while (!done && !ct.IsCancellationRequested)
                    {
                        var state = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, ct)).QueryExecution.Status.State;
                        done = state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING;
                        await Task.Delay(1000, ct);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_bucket_test_after_creating_the_bucket_is_not_reported()
    {
        // Bucket configurations, unlike objects, are eventually consistent: a new bucket may take a moment to show.
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.S3.Util;

            class Buckets
            {
                async Task CreateAsync(IAmazonS3 s3, string bucket)
                {
                    await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
                    while (!await AmazonS3Util.DoesS3BucketExistV2Async(s3, bucket))
                    {
                        await Task.Delay(500);
                    }
                }

                async Task CreateByNameAsync(IAmazonS3 s3, string bucket)
                {
                    await s3.PutBucketAsync(bucket);
                    for (int i = 0; i < 10; i++)
                    {
                        if (await AmazonS3Util.DoesS3BucketExistV2Async(s3, bucket))
                        {
                            break;
                        }

                        await Task.Delay(500);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Loops_arranging_test_doubles_and_half_typed_code_are_not_reported_and_do_not_throw()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.Athena;
                using Amazon.Athena.Model;
                using Moq;

                class WaitTests
                {
                    void Arrange(Mock<IAmazonAthena> mock)
                    {
                        for (int i = 0; i < 3; i++)
                        {
                            mock.Setup(a => a.GetQueryExecutionAsync(It.Is<GetQueryExecutionRequest>(r => r.QueryExecutionId == "q"), CancellationToken.None));
                        }
                    }

                    async Task HalfTypedAsync(IAmazonAthena athena)
                    {
                        var state = QueryExecutionState.QUEUED;
                        while (state != QueryExecutionState.{|CS0117:DONE|})
                        {
                            state = (await athena.GetQueryExecutionAsync({|CS0103:missing|})).QueryExecution.Status.State;
                            await Task.Delay(1);
                        }
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
        await VerifyCS.VerifyAnalyzerAsync(AthenaNotSucceeded.Replace("{|#0:while|}", "while").Insert(0, "// <auto-generated/>\n"));
    }
}
