using System.Threading.Tasks;
using AwsAnalyzers.Tasks;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Tasks.AWS009SdkTaskBlockedOrDiscardedAnalyzer,
    AwsAnalyzers.Tasks.AWS009SdkTaskBlockedOrDiscardedCodeFix>;

namespace AwsAnalyzers.Tests.Tasks;

public class AWS009SdkTaskBlockedOrDiscardedTests
{
    private static DiagnosticResult Blocking(int location) => VerifyCS.Diagnostic(AWS009SdkTaskBlockedOrDiscardedAnalyzer.Rule).WithLocation(location);

    private static DiagnosticResult InHandler(int location) => VerifyCS.Diagnostic(AWS009SdkTaskBlockedOrDiscardedAnalyzer.HandlerRule).WithLocation(location);

    private static DiagnosticResult DeadCatch(int location) => VerifyCS.Diagnostic(AWS009SdkTaskBlockedOrDiscardedAnalyzer.DeadCatchRule).WithLocation(location);

    private static DiagnosticResult AsyncVoid(int location) => VerifyCS.Diagnostic(AWS009SdkTaskBlockedOrDiscardedAnalyzer.AsyncVoidRule).WithLocation(location);

    private static DiagnosticResult Discarded(int location) => VerifyCS.Diagnostic(AWS009SdkTaskBlockedOrDiscardedAnalyzer.DiscardedRule).WithLocation(location);

    private static DiagnosticResult VoidLambda(int location) => VerifyCS.Diagnostic(AWS009SdkTaskBlockedOrDiscardedAnalyzer.VoidLambdaRule).WithLocation(location);

    private static DiagnosticResult Deleting(int location) => VoidLambda(location).WithArguments("DeleteObjectAsync");

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyCS.VerifyAnalyzerAsync(source, expected);

    private static Task VerifyFixAsync(string source, string fixedSource, string key, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyCodeFixAsync(source, fixedSource, key, expected);

    /// <summary>A fix whose code is checked on C# 7.3, the language of .NET Framework projects.</summary>
    private static Task VerifyFixOnCSharp73Async(string source, string fixedSource, string key, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = key };
        test.ExpectedDiagnostics.AddRange(expected);
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(
            projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp7_3)));
        return test.RunAsync();
    }

    // ---- (a) Blocking in asynchronous code ----

    [Fact]
    public async Task Result_in_an_async_method_is_reported_with_the_method_and_the_form_and_fixed_with_a_parenthesized_await()
    {
        await VerifyFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reader
            {
                async Task<Stream> OpenAsync(IAmazonS3 s3)
                {
                    await Task.Yield();
                    // the body
                    return {|#0:s3.GetObjectAsync("bucket", "key").Result|}.ResponseStream; // kept
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reader
            {
                async Task<Stream> OpenAsync(IAmazonS3 s3)
                {
                    await Task.Yield();
                    // the body
                    return (await s3.GetObjectAsync("bucket", "key")).ResponseStream; // kept
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.AwaitKey,
            Blocking(0).WithArguments("GetObjectAsync", ".Result"));
    }

    [Fact]
    public async Task Wait_and_GetResult_through_a_local_and_ConfigureAwait_are_awaited_in_an_async_method()
    {
        await VerifyFixAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;

            class Cleaner
            {
                async Task CleanAsync(IAmazonS3 s3)
                {
                    var delete = s3.DeleteObjectAsync("bucket", "a");
                    {|#0:delete.Wait()|};
                    var listed = {|#1:s3.ListBucketsAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};
                    await Task.Delay(listed.Buckets.Count);
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.S3;

            class Cleaner
            {
                async Task CleanAsync(IAmazonS3 s3)
                {
                    var delete = s3.DeleteObjectAsync("bucket", "a");
                    await delete;
                    var listed = await s3.ListBucketsAsync().ConfigureAwait(false);
                    await Task.Delay(listed.Buckets.Count);
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.AwaitKey,
            Blocking(0).WithArguments("DeleteObjectAsync", ".Wait()"),
            Blocking(1).WithArguments("ListBucketsAsync", ".GetAwaiter().GetResult()"));
    }

    [Fact]
    public async Task A_Task_returning_method_returning_FromResult_becomes_async_once_for_all_its_diagnostics()
    {
        await VerifyFixAsync("""
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Counter
            {
                public Task<int> CountAsync(IAmazonDynamoDB dynamo, bool both)
                {
                    var first = {|#0:dynamo.ScanAsync(new ScanRequest("a")).Result|};
                    if (!both)
                    {
                        return Task.FromResult(first.Count ?? 0);
                    }

                    return Task.FromResult((first.Count ?? 0) + ({|#1:dynamo.ScanAsync(new ScanRequest("b")).Result|}.Count ?? 0));
                }

                Task ForgetAsync(IAmazonDynamoDB dynamo)
                {
                    {|#2:dynamo.DeleteTableAsync("old")|};
                    return Task.CompletedTask;
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Counter
            {
                public async Task<int> CountAsync(IAmazonDynamoDB dynamo, bool both)
                {
                    var first = await dynamo.ScanAsync(new ScanRequest("a"));
                    if (!both)
                    {
                        return first.Count ?? 0;
                    }

                    return (first.Count ?? 0) + ((await dynamo.ScanAsync(new ScanRequest("b"))).Count ?? 0);
                }

                async Task ForgetAsync(IAmazonDynamoDB dynamo)
                {
                    await dynamo.DeleteTableAsync("old");
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.AwaitKey,
            Blocking(0).WithArguments("ScanAsync", ".Result"),
            Blocking(1).WithArguments("ScanAsync", ".Result"),
            Discarded(2).WithArguments("DeleteTableAsync"));
    }

    [Fact]
    public async Task An_expression_bodied_FromResult_member_and_a_local_function_become_async()
    {
        await VerifyFixAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;

            class Buckets
            {
                Task<int> CountAsync(IAmazonS3 s3) => Task.FromResult({|#0:s3.ListBucketsAsync().Result|}.Buckets.Count);

                async Task RunAsync(IAmazonS3 s3)
                {
                    await Delete();

                    Task Delete()
                    {
                        {|#1:s3.DeleteBucketAsync("b").Wait()|};
                        return Task.CompletedTask;
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.S3;

            class Buckets
            {
                async Task<int> CountAsync(IAmazonS3 s3) => (await s3.ListBucketsAsync()).Buckets.Count;

                async Task RunAsync(IAmazonS3 s3)
                {
                    await Delete();

                    async Task Delete()
                    {
                        await s3.DeleteBucketAsync("b");
                    }
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.AwaitKey,
            Blocking(0).WithArguments("ListBucketsAsync", ".Result"),
            Blocking(1).WithArguments("DeleteBucketAsync", ".Wait()"));
    }

    [Fact]
    public async Task A_Task_returning_method_that_returns_another_task_or_blocks_in_a_lock_is_reported_without_a_fix()
    {
        string source = """
                using System.Threading.Tasks;
                using Amazon.S3;

                class Pass
                {
                    private readonly object _gate = new object();

                    Task PassOn(IAmazonS3 s3)
                    {
                        {|#0:s3.DeleteBucketAsync("a").Wait()|};
                        return s3.DeleteBucketAsync("b");
                    }

                    async Task LockedAsync(IAmazonS3 s3)
                    {
                        await Task.Yield();
                        lock (_gate)
                        {
                            {|#1:s3.DeleteBucketAsync("c").Wait()|};
                        }
                    }

                    async Task TimedAsync(IAmazonS3 s3)
                    {
                        await Task.Yield();
                        {|#2:s3.DeleteBucketAsync("d").Wait(1000)|};
                    }
                }
                """;
        var test = new VerifyCS.Test { TestCode = source };
        DiagnosticResult[] expected =
        [
            Blocking(0).WithArguments("DeleteBucketAsync", ".Wait()"),
            Blocking(1).WithArguments("DeleteBucketAsync", ".Wait()"),
            Blocking(2).WithArguments("DeleteBucketAsync", ".Wait(…)"),
        ];
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedCode = source;
        await test.RunAsync();
    }

    [Fact]
    public async Task Blocking_in_an_async_lambda_and_on_high_level_SDK_tasks_is_reported()
    {
        await VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2.DataModel;
            using Amazon.DynamoDBv2.DocumentModel;
            using Amazon.S3.Transfer;

            class Reading { }

            class Store
            {
                async Task SaveAsync(IDynamoDBContext context, ITable table, ITransferUtility transfer, Reading reading)
                {
                    {|#0:context.SaveAsync(reading).Wait()|};
                    var document = {|#1:table.GetItemAsync(new Primitive("id")).Result|};
                    {|#2:transfer.UploadAsync("file", "bucket").GetAwaiter().GetResult()|};
                    var search = table.Scan(new ScanFilter());
                    var page = {|#3:search.GetNextSetAsync().Result|};
                    Func<Task> later = async () => { await Task.Yield(); var all = {|#4:context.ScanAsync<Reading>(new ScanCondition[0]).GetRemainingAsync().Result|}; };
                    await later();
                }
            }
            """,
            Blocking(0).WithArguments("SaveAsync", ".Wait()"),
            Blocking(1).WithArguments("GetItemAsync", ".Result"),
            Blocking(2).WithArguments("UploadAsync", ".GetAwaiter().GetResult()"),
            Blocking(3).WithArguments("GetNextSetAsync", ".Result"),
            Blocking(4).WithArguments("GetRemainingAsync", ".Result"));
    }

    [Fact]
    public async Task Kinesis_in_v3_shapes_is_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Producer
                {
                    async Task SendAsync(IAmazonKinesis kinesis, PutRecordRequest request)
                    {
                        await Task.Yield();
                        var sequence = [|kinesis.PutRecordAsync(request).Result|].SequenceNumber;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    // ---- (a) in Lambda handlers, one call hop included ----

    [Fact]
    public async Task Result_and_Wait_in_a_synchronous_handler_and_one_hop_away_are_reported_and_use_GetResult()
    {
        await VerifyFixAsync("""
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;
            using Amazon.S3;

            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public string Handle(SQSEvent input, ILambdaContext context)
                {
                    Delete(input.Records[0].Body);
                    return {|#0:_s3.GetObjectAsync("bucket", "key").Result|}.ETag;
                }

                private void Delete(string key)
                {
                    {|#1:_s3.DeleteObjectAsync("bucket", key).Wait()|};
                }
            }
            """, """
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;
            using Amazon.S3;

            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public string Handle(SQSEvent input, ILambdaContext context)
                {
                    Delete(input.Records[0].Body);
                    return _s3.GetObjectAsync("bucket", "key").GetAwaiter().GetResult().ETag;
                }

                private void Delete(string key)
                {
                    _s3.DeleteObjectAsync("bucket", key).GetAwaiter().GetResult();
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.GetResultKey,
            InHandler(0).WithArguments("GetObjectAsync", ".Result"),
            InHandler(1).WithArguments("DeleteObjectAsync", ".Wait()"));
    }

    [Fact]
    public async Task Handler_kinds_the_discovery_knows_are_handlers()
    {
        await VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            using Amazon.S3;

            public class Functions
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                [LambdaFunction]
                public string Annotated(string key) => {|#0:_s3.GetObjectAsync("bucket", key).Result|}.ETag;

                public static async Task Main()
                {
                    IAmazonS3 s3 = new AmazonS3Client();
                    Func<string, ILambdaContext, string> handler = (key, context) => {|#1:s3.GetObjectAsync("bucket", key).Result|}.ETag;
                    await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                }
            }
            """,
            InHandler(0).WithArguments("GetObjectAsync", ".Result"),
            InHandler(1).WithArguments("GetObjectAsync", ".Result"));
    }

    [Fact]
    public async Task Blocking_in_synchronous_code_that_is_no_handler_or_with_GetResult_in_a_handler_is_not_reported()
    {
        await VerifyAsync("""
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Tool
            {
                public static void Main()
                {
                    IAmazonS3 s3 = new AmazonS3Client();
                    var response = s3.ListBucketsAsync().Result;
                    s3.DeleteBucketAsync("b").Wait();
                }

                public string Handle(string key, ILambdaContext context)
                {
                    IAmazonS3 s3 = null;
                    return s3.GetObjectAsync("bucket", key).GetAwaiter().GetResult().ETag;
                }
            }
            """);
    }

    // ---- (b) A catch that never runs ----

    [Fact]
    public async Task Result_in_a_try_whose_catch_names_the_service_exception_is_reported_in_any_method_and_fixed_with_GetResult()
    {
        await VerifyFixAsync("""
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.S3;

            public class Tool
            {
                public static string Read(IAmazonS3 s3, IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    try
                    {
                        try
                        {
                            {|#0:kinesis.PutRecordAsync(request).Wait()|};
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                        }

                        return /* the tag */ {|#1:s3.GetObjectAsync("bucket", "key").Result|}.ETag;
                    }
                    catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
                    {
                        return null;
                    }
                }
            }
            """, """
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.S3;

            public class Tool
            {
                public static string Read(IAmazonS3 s3, IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    try
                    {
                        try
                        {
                            kinesis.PutRecordAsync(request).GetAwaiter().GetResult();
                        }
                        catch (ProvisionedThroughputExceededException)
                        {
                        }

                        return /* the tag */ s3.GetObjectAsync("bucket", "key").GetAwaiter().GetResult().ETag;
                    }
                    catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
                    {
                        return null;
                    }
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.GetResultKey,
            DeadCatch(0).WithArguments("PutRecordAsync", ".Wait()", "ProvisionedThroughputExceededException"),
            DeadCatch(1).WithArguments("GetObjectAsync", ".Result", "AmazonS3Exception"));
    }

    [Fact]
    public async Task The_GetResult_fix_compiles_on_CSharp_7_3()
    {
        await VerifyFixOnCSharp73Async("""
            using Amazon.S3;

            public class Tool
            {
                public static void Delete(IAmazonS3 s3)
                {
                    try
                    {
                        {|#0:s3.DeleteObjectAsync("bucket", "key").Wait()|};
                    }
                    catch (AmazonS3Exception)
                    {
                    }
                }
            }
            """, """
            using Amazon.S3;

            public class Tool
            {
                public static void Delete(IAmazonS3 s3)
                {
                    try
                    {
                        s3.DeleteObjectAsync("bucket", "key").GetAwaiter().GetResult();
                    }
                    catch (AmazonS3Exception)
                    {
                    }
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.GetResultKey,
            DeadCatch(0).WithArguments("DeleteObjectAsync", ".Wait()", "AmazonS3Exception"));
    }

    [Fact]
    public async Task A_catch_of_AggregateException_a_catch_of_other_types_or_GetResult_is_not_reported_in_synchronous_code()
    {
        await VerifyAsync("""
            using System;
            using System.IO;
            using Amazon.Runtime;
            using Amazon.S3;

            public class Tool
            {
                public static void Delete(IAmazonS3 s3)
                {
                    try
                    {
                        s3.DeleteObjectAsync("bucket", "a").Wait();
                    }
                    catch (AmazonServiceException)
                    {
                    }
                    catch (AggregateException e) when (e.InnerException is AmazonS3Exception)
                    {
                    }

                    try
                    {
                        s3.DeleteObjectAsync("bucket", "b").Wait();
                    }
                    catch (IOException)
                    {
                    }

                    try
                    {
                        s3.DeleteObjectAsync("bucket", "c").GetAwaiter().GetResult();
                    }
                    catch (AmazonS3Exception)
                    {
                    }

                    try
                    {
                    }
                    catch (AmazonS3Exception)
                    {
                        s3.DeleteObjectAsync("bucket", "d").Wait();
                    }
                }
            }
            """);
    }

    // ---- (c) async void handlers ----

    [Fact]
    public async Task An_async_void_handler_is_reported_on_its_name_and_returns_Task()
    {
        await VerifyFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;
            using Amazon.S3;

            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                // Deletes the object each message names.
                public async /* kept */ void {|#0:Handle|}(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        await _s3.DeleteObjectAsync("bucket", message.Body);
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;
            using Amazon.S3;

            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                // Deletes the object each message names.
                public async /* kept */ Task Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        await _s3.DeleteObjectAsync("bucket", message.Body);
                    }
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.ReturnTaskKey,
            AsyncVoid(0).WithArguments("Function.Handle"));
    }

    [Fact]
    public async Task The_Task_fix_adds_the_namespace_when_the_file_lacks_it()
    {
        await VerifyFixAsync("""
            using Amazon.Lambda.Core;

            public class Function
            {
                public async void {|#0:Handle|}(string input, ILambdaContext context)
                {
                    await System.Threading.Tasks.Task.Yield();
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async Task Handle(string input, ILambdaContext context)
                {
                    await System.Threading.Tasks.Task.Yield();
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.ReturnTaskKey,
            AsyncVoid(0).WithArguments("Function.Handle"));
    }

    [Fact]
    public async Task An_async_void_handler_a_delegate_or_an_interface_needs_void_is_reported_without_a_fix()
    {
        string source = """
                using System;
                using Amazon.Lambda.Core;

                public interface IConsumer
                {
                    void Consume(string input, ILambdaContext context);
                }

                public class Function : IConsumer
                {
                    public async void {|#0:Handle|}(string input, ILambdaContext context)
                    {
                        await System.Threading.Tasks.Task.Yield();
                    }

                    public async void {|#1:Consume|}(string input, ILambdaContext context)
                    {
                        await System.Threading.Tasks.Task.Yield();
                    }

                    public Action<string, ILambdaContext> AsAction() => Handle;
                }
                """;
        var test = new VerifyCS.Test { TestCode = source };
        DiagnosticResult[] expected = [AsyncVoid(0).WithArguments("Function.Handle"), AsyncVoid(1).WithArguments("Function.Consume")];
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedCode = source;
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task An_async_void_handler_that_implements_a_partial_method_is_reported_without_a_fix()
    {
        // The declaration says void; changing the async part alone would not compile.
        string source = """
                using Amazon.Lambda.Core;

                public partial class Function
                {
                    public partial void Handle(string input, ILambdaContext context);

                    public async partial void {|#0:Handle|}(string input, ILambdaContext context)
                    {
                        await System.Threading.Tasks.Task.Yield();
                    }
                }
                """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(AsyncVoid(0).WithArguments("Function.Handle"));
        test.FixedState.ExpectedDiagnostics.Add(AsyncVoid(0).WithArguments("Function.Handle"));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task An_async_void_method_that_is_no_handler_and_an_async_Task_handler_are_not_reported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async void OnTimer(object state) => await Task.Yield();

                public async Task Handle(string input, ILambdaContext context) => await Task.Yield();
            }
            """);
    }

    [Fact]
    public async Task Async_void_handlers_of_nested_and_partial_types_are_reported_once_and_a_generated_part_is_left_alone()
    {
        // The handler's type is split over three files, one of them generated, and holds a nested type.
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/Functions.cs", """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public partial class Functions
            {
                public async void {|#0:Handle|}(string input, ILambdaContext context) => await Task.Yield();

                public class Inner
                {
                    public async void {|#1:Handle|}(string input, ILambdaContext context) => await Task.Yield();
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Functions.More.cs", """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public partial class Functions
            {
                public async void {|#2:Consume|}(string input, ILambdaContext context) => await Task.Yield();
            }
            """));
        test.TestState.Sources.Add(("/0/Functions.g.cs", """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public partial class Functions
            {
                public async void Generated(string input, ILambdaContext context) => await Task.Yield();
            }
            """));
        test.ExpectedDiagnostics.AddRange(
        [
            AsyncVoid(2).WithArguments("Functions.Consume"),
            AsyncVoid(0).WithArguments("Functions.Handle"),
            AsyncVoid(1).WithArguments("Inner.Handle"),
        ]);
        await test.RunAsync();
    }

    // ---- (d) Discarded tasks ----

    [Fact]
    public async Task A_discarded_task_in_synchronous_code_is_waited_for_and_a_deliberate_discard_is_silent()
    {
        await VerifyFixAsync("""
            using System;
            using System.Collections.Generic;
            using Amazon.S3;

            public class Cleaner
            {
                public void Clean(IAmazonS3 s3, List<string> keys)
                {
                    {|#0:s3.DeleteObjectAsync("bucket", "a")|}; // first
                    _ = s3.DeleteObjectAsync("bucket", "b");
                    keys.ForEach(key => {|#1:s3.DeleteObjectAsync("bucket", key)|});
                    Action later = () => { {|#2:s3.DeleteBucketAsync("bucket")|}; };
                    later();
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using Amazon.S3;

            public class Cleaner
            {
                public void Clean(IAmazonS3 s3, List<string> keys)
                {
                    s3.DeleteObjectAsync("bucket", "a").GetAwaiter().GetResult(); // first
                    _ = s3.DeleteObjectAsync("bucket", "b");
                    keys.ForEach(key => s3.DeleteObjectAsync("bucket", key).GetAwaiter().GetResult());
                    Action later = () => { s3.DeleteBucketAsync("bucket").GetAwaiter().GetResult(); };
                    later();
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.GetResultKey,
            Discarded(0).WithArguments("DeleteObjectAsync"),
            Discarded(1).WithArguments("DeleteObjectAsync"),
            Discarded(2).WithArguments("DeleteBucketAsync"));
    }

    [Fact]
    public async Task A_discarded_call_of_a_generic_method_is_waited_for_like_any_other()
    {
        await VerifyFixAsync("""
            using Amazon.DynamoDBv2.DataModel;

            public class Order
            {
                public string Id { get; set; }
            }

            public class Store
            {
                public void Save(IDynamoDBContext context, Order order)
                {
                    {|#0:context.SaveAsync<Order>(order)|};
                }
            }
            """, """
            using Amazon.DynamoDBv2.DataModel;

            public class Order
            {
                public string Id { get; set; }
            }

            public class Store
            {
                public void Save(IDynamoDBContext context, Order order)
                {
                    context.SaveAsync<Order>(order).GetAwaiter().GetResult();
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.GetResultKey,
            Discarded(0).WithArguments("SaveAsync"));
    }

    [Fact]
    public async Task A_discarded_task_in_an_async_method_left_to_the_compiler_warning_and_a_returned_or_stored_task_is_not_reported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;

            public class Cleaner
            {
                public async Task CleanAsync(IAmazonS3 s3)
                {
                    s3.DeleteObjectAsync("bucket", "a");
                    await Task.Yield();
                }

                public Task Pass(IAmazonS3 s3) => s3.DeleteObjectAsync("bucket", "b");

                public Task Store(IAmazonS3 s3)
                {
                    var pending = s3.DeleteObjectAsync("bucket", "c");
                    return pending;
                }
            }
            """);
    }

    // ---- (e) async lambdas nothing waits for ----

    [Fact]
    public async Task ForEach_with_an_async_lambda_in_an_async_method_becomes_a_foreach_loop()
    {
        await VerifyFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;

            public class Cleaner
            {
                public async Task CleanAsync(IAmazonS3 s3, List<string> keys, List<string> buckets)
                {
                    // every key
                    keys.ForEach({|#0:async|} key => await s3.DeleteObjectAsync("bucket", key));
                    buckets.ForEach({|#1:async|} (string bucket) =>
                    {
                        var listed = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket });
                        await s3.DeleteBucketAsync(bucket);
                    });
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;

            public class Cleaner
            {
                public async Task CleanAsync(IAmazonS3 s3, List<string> keys, List<string> buckets)
                {
                    // every key
                    foreach (var key in keys)
                    {
                        await s3.DeleteObjectAsync("bucket", key);
                    }
                    foreach (string bucket in buckets)
                    {
                        var listed = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket });
                        await s3.DeleteBucketAsync(bucket);
                    }
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.ForeachKey,
            VoidLambda(0).WithArguments("DeleteObjectAsync"),
            VoidLambda(1).WithArguments("ListObjectsV2Async"));
    }

    [Fact]
    public async Task The_foreach_fix_makes_a_FromResult_method_async_and_compiles_on_CSharp_7_3()
    {
        await VerifyFixOnCSharp73Async("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;

            public class Cleaner
            {
                public Task<int> CleanAsync(IAmazonS3 s3, List<string> keys)
                {
                    keys.ForEach({|#0:async|} key => await s3.DeleteObjectAsync("bucket", key));
                    return Task.FromResult(keys.Count);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;

            public class Cleaner
            {
                public async Task<int> CleanAsync(IAmazonS3 s3, List<string> keys)
                {
                    foreach (var key in keys)
                    {
                        await s3.DeleteObjectAsync("bucket", key);
                    }
                    return keys.Count;
                }
            }
            """,
            AWS009SdkTaskBlockedOrDiscardedCodeFix.ForeachKey,
            Deleting(0));
    }

    [Fact]
    public async Task Parallel_ForEach_and_ForEach_in_synchronous_code_or_with_a_return_are_reported_without_a_fix()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;

                public class Cleaner
                {
                    public void Clean(IAmazonS3 s3, List<string> keys)
                    {
                        Parallel.ForEach(keys, {|#0:async|} key => await s3.DeleteObjectAsync("bucket", key));
                        keys.ForEach({|#1:async|} key => await s3.DeleteObjectAsync("bucket", key));
                    }

                    public async Task CleanAsync(IAmazonS3 s3, List<string> keys, string key)
                    {
                        keys.ForEach({|#2:async|} k =>
                        {
                            if (k.Length == 0)
                            {
                                return;
                            }

                            await s3.DeleteObjectAsync("bucket", k);
                        });
                        keys.ForEach({|#3:async|} key2 => await s3.DeleteObjectAsync("bucket", key));
                        keys.ForEach({|#4:async|} key => await s3.DeleteObjectAsync("bucket", key));
                    }
                }
                """,
        };
        DiagnosticResult[] all = [Deleting(0), Deleting(1), Deleting(2), Deleting(4)];
        test.ExpectedDiagnostics.AddRange(all);
        test.ExpectedDiagnostics.Add(Deleting(3));
        test.FixedCode = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;

            public class Cleaner
            {
                public void Clean(IAmazonS3 s3, List<string> keys)
                {
                    Parallel.ForEach(keys, {|#0:async|} key => await s3.DeleteObjectAsync("bucket", key));
                    keys.ForEach({|#1:async|} key => await s3.DeleteObjectAsync("bucket", key));
                }

                public async Task CleanAsync(IAmazonS3 s3, List<string> keys, string key)
                {
                    keys.ForEach({|#2:async|} k =>
                    {
                        if (k.Length == 0)
                        {
                            return;
                        }

                        await s3.DeleteObjectAsync("bucket", k);
                    });
                    foreach (var key2 in keys)
                    {
                        await s3.DeleteObjectAsync("bucket", key);
                    }
                    keys.ForEach({|#4:async|} key => await s3.DeleteObjectAsync("bucket", key));
                }
            }
            """;
        test.FixedState.ExpectedDiagnostics.AddRange(all);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.CodeActionEquivalenceKey = AWS009SdkTaskBlockedOrDiscardedCodeFix.ForeachKey;
        await test.RunAsync();
    }

    [Fact]
    public async Task Async_lambdas_returning_Task_event_handlers_and_lambdas_awaiting_no_SDK_call_are_not_reported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.S3;

            public class Cleaner
            {
                public event EventHandler Done;

                public async Task CleanAsync(IAmazonS3 s3, List<string> keys)
                {
                    await Task.WhenAll(keys.Select(async key => await s3.DeleteObjectAsync("bucket", key)));
                    Done += async (sender, e) => await s3.DeleteBucketAsync("bucket");
                    keys.ForEach(async key => await Task.Delay(key.Length));
                }
            }
            """);
    }

    // ---- Tasks already complete, code that runs once, code that never runs ----

    [Fact]
    public async Task Tasks_already_awaited_awaited_together_or_tested_for_completion_are_not_reported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;

            public class Reader
            {
                public async Task<string> ReadAsync(IAmazonS3 s3)
                {
                    var first = s3.GetObjectAsync("bucket", "a");
                    var second = s3.GetObjectAsync("bucket", "b");
                    var third = s3.GetObjectAsync("bucket", "c");
                    var fourth = s3.GetObjectAsync("bucket", "d");
                    await first;
                    await Task.WhenAll(second, third);
                    string tags = first.Result.ETag + second.Result.ETag + third.Result.ETag;
                    if (fourth.IsCompleted)
                    {
                        tags += fourth.Result.ETag;
                    }

                    return tags;
                }
            }
            """);
    }

    [Fact]
    public async Task Constructors_static_initializers_and_mock_verifications_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.S3;
                using NSubstitute;

                public class Warm
                {
                    private static readonly string Region = new AmazonS3Client().ListBucketsAsync().Result.Buckets.Count.ToString();

                    public Warm(IAmazonS3 s3)
                    {
                        s3.ListBucketsAsync().Wait();
                        s3.DeleteBucketAsync("warm");
                    }

                    public void Verify(IAmazonS3 s3)
                    {
                        s3.Received().DeleteObjectAsync("bucket", "key");
                    }
                }
                """,
        };
        test.TestState.Sources.Add(MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }

    [Fact]
    public async Task Sync_SDK_methods_and_tasks_of_other_libraries_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                public class Mixed
                {
                    public async Task RunAsync(IAmazonKinesis kinesis, PutRecordRequest request, HttpClient http)
                    {
                        var response = kinesis.PutRecord(request);
                        var page = http.GetStringAsync("https://example.com").Result;
                        await Task.Yield();
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllWithSyncMethods);
        await test.RunAsync();
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        await VerifyAsync("""
            // <auto-generated/>
            using System.Threading.Tasks;
            using Amazon.S3;

            class Generated
            {
                async Task RunAsync(IAmazonS3 s3)
                {
                    await Task.Yield();
                    s3.DeleteBucketAsync("b").Wait();
                }
            }
            """);
    }

    [Fact]
    public async Task Half_typed_code_does_not_throw()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.S3;

                class Broken
                {
                    async Task RunAsync(IAmazonS3 s3)
                    {
                        var x = s3.{|CS1061:MissingAsync|}().Result;
                        {|CS0103:unknown|}.Wait();
                        var y = [|s3.DeleteBucketAsync("b").Result|];
                    }

                    async void Go() => await {|CS0103:Nothing|}();
                }
                """,
        };
        test.CompilerDiagnostics = CompilerDiagnostics.Errors;
        await test.RunAsync();
    }
}
