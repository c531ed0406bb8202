using System.Threading.Tasks;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Sqs.AWS011ReceiveWithoutLongPollingAnalyzer,
    AwsAnalyzers.Sqs.AWS011ReceiveWithoutLongPollingCodeFix>;

namespace AwsAnalyzers.Tests.Sqs;

public class AWS011ReceiveWithoutLongPollingTests
{
    /// <summary>The hosting base class as Microsoft.Extensions.Hosting.Abstractions declares it.</summary>
    private const string BackgroundServiceSource = """
        namespace Microsoft.Extensions.Hosting
        {
            public abstract class BackgroundService
            {
                protected abstract System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken);
            }
        }
        """;

    /// <summary>A diagnostic at a markup location; its additional locations (the request and its zero waits) are the fix's business.</summary>
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Reported(int location) =>
        VerifyCS.Diagnostic().WithLocation(location).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations);

    private static VerifyCS.Test WithOptions(string source, string options)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + options));
        return test;
    }

    // ---- What it reports, and the fix ----

    [Fact]
    public async Task Queue_url_overload_in_a_loop_is_reported_and_becomes_a_request_that_waits()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SQS;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string queueUrl, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        var response = await {|#0:sqs.ReceiveMessageAsync(queueUrl, ct)|};
                        await Task.Delay(100, ct);
                    }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string queueUrl, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 20 }, ct);
                        await Task.Delay(100, ct);
                    }
                }
            }
            """,
            null,
            Reported(0).WithArguments("ReceiveMessageAsync", "the queue URL overload never waits"));
    }

    [Fact]
    public async Task Request_built_in_the_loop_without_a_wait_gets_one()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(AmazonSQSClient sqs, string url, CancellationToken ct)
                {
                    for (;;)
                    {
                        var response = await {|#0:sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 }, ct)|};
                    }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(AmazonSQSClient sqs, string url, CancellationToken ct)
                {
                    for (;;)
                    {
                        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, WaitTimeSeconds = 20 }, ct);
                    }
                }
            }
            """,
            null,
            Reported(0).WithArguments("ReceiveMessageAsync", "WaitTimeSeconds is never set"));
    }

    [Fact]
    public async Task Request_local_built_before_the_loop_gets_the_wait_in_its_multi_line_initializer()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url, CancellationToken ct)
                {
                    var request = new ReceiveMessageRequest
                    {
                        QueueUrl = url,
                        MaxNumberOfMessages = 10 // a batch at a time
                    };
                    do
                    {
                        var response = await [|sqs.ReceiveMessageAsync(request, ct)|];
                        foreach (var message in response.Messages)
                        {
                            await sqs.DeleteMessageAsync(url, message.ReceiptHandle, ct);
                        }
                    }
                    while (!ct.IsCancellationRequested);
                }

                async Task TrailingCommaAsync(IAmazonSQS sqs, string url)
                {
                    var request = new ReceiveMessageRequest
                    {
                        QueueUrl = url,
                    };
                    while (true)
                    {
                        await [|sqs.ReceiveMessageAsync(request)|];
                    }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url, CancellationToken ct)
                {
                    var request = new ReceiveMessageRequest
                    {
                        QueueUrl = url,
                        MaxNumberOfMessages = 10, // a batch at a time
                        WaitTimeSeconds = 20 // a batch at a time
                    };
                    do
                    {
                        var response = await sqs.ReceiveMessageAsync(request, ct);
                        foreach (var message in response.Messages)
                        {
                            await sqs.DeleteMessageAsync(url, message.ReceiptHandle, ct);
                        }
                    }
                    while (!ct.IsCancellationRequested);
                }

                async Task TrailingCommaAsync(IAmazonSQS sqs, string url)
                {
                    var request = new ReceiveMessageRequest
                    {
                        QueueUrl = url,
                        WaitTimeSeconds = 20,
                    };
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(request);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Constant_zero_waits_become_twenty()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task InitializerAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        await {|#0:sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 0 })|};
                    }
                }

                async Task StatementAsync(IAmazonSQS sqs, string url)
                {
                    var request = new ReceiveMessageRequest(url);
                    request.WaitTimeSeconds = 0;
                    while (true)
                    {
                        await {|#1:sqs.ReceiveMessageAsync(request)|};
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task InitializerAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 20 });
                    }
                }

                async Task StatementAsync(IAmazonSQS sqs, string url)
                {
                    var request = new ReceiveMessageRequest(url);
                    request.WaitTimeSeconds = 20;
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(request);
                    }
                }
            }
            """,
            null,
            Reported(0).WithArguments("ReceiveMessageAsync", "WaitTimeSeconds is 0"),
            Reported(1).WithArguments("ReceiveMessageAsync", "WaitTimeSeconds is 0"));
    }

    [Fact]
    public async Task Constructor_requests_without_an_initializer_get_one()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    var request = new ReceiveMessageRequest(url); // the queue
                    var empty = new ReceiveMessageRequest { };
                    empty.QueueUrl = url;
                    while (true)
                    {
                        await [|sqs.ReceiveMessageAsync(request)|];
                        await [|sqs.ReceiveMessageAsync(empty)|];
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    var request = new ReceiveMessageRequest(url) { WaitTimeSeconds = 20 }; // the queue
                    var empty = new ReceiveMessageRequest { WaitTimeSeconds = 20 };
                    empty.QueueUrl = url;
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(request);
                        await sqs.ReceiveMessageAsync(empty);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_hosted_service_execute_loop_is_reported_and_fix_all_fixes_every_receive()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Microsoft.Extensions.Hosting;

                sealed class Worker : BackgroundService
                {
                    private readonly IAmazonSQS _sqs;
                    Worker(IAmazonSQS sqs) => _sqs = sqs;

                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        var first = await [|_sqs.ReceiveMessageAsync("https://queue/a", stoppingToken)|];
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            var next = await [|_sqs.ReceiveMessageAsync(queueUrl: "https://queue/b", cancellationToken: stoppingToken)|];
                        }
                    }
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Amazon.SQS.Model;
                using Microsoft.Extensions.Hosting;

                sealed class Worker : BackgroundService
                {
                    private readonly IAmazonSQS _sqs;
                    Worker(IAmazonSQS sqs) => _sqs = sqs;

                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        var first = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = "https://queue/a", WaitTimeSeconds = 20 }, stoppingToken);
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            var next = await _sqs.ReceiveMessageAsync(request: new ReceiveMessageRequest { QueueUrl = "https://queue/b", WaitTimeSeconds = 20 }, cancellationToken: stoppingToken);
                        }
                    }
                }
                """,
        };
        test.TestState.Sources.Add(BackgroundServiceSource);
        test.FixedState.Sources.Add(BackgroundServiceSource);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_receive_run_by_a_retry_policy_each_iteration_is_in_the_loop()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                static Task<T> Retry<T>(Func<Task<T>> call) => call();

                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        await Retry(() => [|sqs.ReceiveMessageAsync(url)|]);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_client_whose_config_times_out_within_twenty_seconds_gets_no_fix()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                private readonly AmazonSQSClient _sqs = new AmazonSQSClient(new AmazonSQSConfig { Timeout = TimeSpan.FromSeconds(10) });

                async Task RunAsync(string url)
                {
                    var config = new AmazonSQSConfig();
                    config.Timeout = TimeSpan.FromMilliseconds(20_000);
                    var local = new AmazonSQSClient(config);
                    while (true)
                    {
                        await [|_sqs.ReceiveMessageAsync(url)|];
                        await [|local.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url })|];
                    }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task A_client_whose_config_allows_a_longer_wait_gets_the_fix()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                private readonly AmazonSQSClient _sqs = new AmazonSQSClient(new AmazonSQSConfig { Timeout = TimeSpan.FromSeconds(30) });

                async Task RunAsync(string url)
                {
                    while (true)
                    {
                        await [|_sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url })|];
                    }
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                private readonly AmazonSQSClient _sqs = new AmazonSQSClient(new AmazonSQSConfig { Timeout = TimeSpan.FromSeconds(30) });

                async Task RunAsync(string url)
                {
                    while (true)
                    {
                        await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 20 });
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_queue_created_with_a_zero_wait_does_not_silence_the_rule()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                Task CreateAsync(IAmazonSQS sqs) => sqs.CreateQueueAsync(new CreateQueueRequest
                {
                    QueueName = "readings",
                    Attributes = new Dictionary<string, string> { [QueueAttributeName.ReceiveMessageWaitTimeSeconds] = "0" },
                });

                Task<GetQueueAttributesResponse> ReadAsync(IAmazonSQS sqs, string url) =>
                    sqs.GetQueueAttributesAsync(url, new List<string> { "ReceiveMessageWaitTimeSeconds" });

                Task SetAsync(IAmazonSQS sqs, string url)
                {
                    var attributes = new Dictionary<string, string>();
                    attributes.Add(QueueAttributeName.ReceiveMessageWaitTimeSeconds, "0");
                    return sqs.SetQueueAttributesAsync(url, attributes);
                }

                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        await [|sqs.ReceiveMessageAsync(url)|];
                    }
                }
            }
            """);
    }

    // ---- What it leaves alone ----

    /// <summary>
    /// The v3 (3.7) shape of the SQS members these tests use: value-type properties are not nullable
    /// (<c>int WaitTimeSeconds</c>), where the restored v4 package has <c>int?</c>.
    /// </summary>
    private const string SqsV3Source = """
        namespace Amazon.SQS
        {
            public partial class AmazonSQSRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
            }

            public partial interface IAmazonSQS : Amazon.Runtime.IAmazonService
            {
                System.Threading.Tasks.Task<Amazon.SQS.Model.ReceiveMessageResponse> ReceiveMessageAsync(string queueUrl, System.Threading.CancellationToken cancellationToken = default);
                System.Threading.Tasks.Task<Amazon.SQS.Model.ReceiveMessageResponse> ReceiveMessageAsync(Amazon.SQS.Model.ReceiveMessageRequest request, System.Threading.CancellationToken cancellationToken = default);
            }
        }

        namespace Amazon.SQS.Model
        {
            public partial class ReceiveMessageRequest : AmazonSQSRequest
            {
                public ReceiveMessageRequest() { }
                public ReceiveMessageRequest(string queueUrl) { QueueUrl = queueUrl; }
                public int MaxNumberOfMessages { get; set; }
                public string QueueUrl { get; set; }
                public int VisibilityTimeout { get; set; }
                public int WaitTimeSeconds { get; set; }
            }

            public partial class ReceiveMessageResponse : Amazon.Runtime.AmazonWebServiceResponse
            {
                public System.Collections.Generic.List<Message> Messages { get; set; } = new System.Collections.Generic.List<Message>();
            }

            public partial class Message
            {
                public string Body { get; set; }
                public string ReceiptHandle { get; set; }
            }
        }
        """;

    /// <summary>A test whose SQS is the v3 shape: the restored v4 SQS assembly is left out and <see cref="SqsV3Source"/> added.</summary>
    private static VerifyCS.Test OnV3Shapes(string source, string? fixedSource = null)
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(("/0/SqsV3.cs", SqsV3Source));
        test.FixedState.Sources.Add(fixedSource ?? source);
        test.FixedState.Sources.Add(("/0/SqsV3.cs", SqsV3Source));
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.Clear();
            foreach (var reference in Infrastructure.TestReferences.FrameworkAndSdk)
            {
                if (reference.Display?.EndsWith("AWSSDK.SQS.dll", System.StringComparison.OrdinalIgnoreCase) != true)
                {
                    state.AdditionalReferences.Add(reference);
                }
            }
        }

        return test;
    }

    [Fact]
    public async Task The_v3_shape_with_a_plain_int_wait_is_reported_and_fixed_the_same_way()
    {
        var test = OnV3Shapes("""
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    var request = new ReceiveMessageRequest(url);
                    request.WaitTimeSeconds = 0;
                    while (true)
                    {
                        await {|#0:sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 })|};
                        await {|#1:sqs.ReceiveMessageAsync(request)|};
                        await {|#2:sqs.ReceiveMessageAsync(url)|};
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    var request = new ReceiveMessageRequest(url);
                    request.WaitTimeSeconds = 20;
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, WaitTimeSeconds = 20 });
                        await sqs.ReceiveMessageAsync(request);
                        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 20 });
                    }
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Reported(0).WithArguments("ReceiveMessageAsync", "WaitTimeSeconds is never set"));
        test.ExpectedDiagnostics.Add(Reported(1).WithArguments("ReceiveMessageAsync", "WaitTimeSeconds is 0"));
        test.ExpectedDiagnostics.Add(Reported(2).WithArguments("ReceiveMessageAsync", "the queue URL overload never waits"));
        await test.RunAsync();
    }

    [Fact]
    public async Task On_the_v3_shape_requests_that_wait_are_not_reported()
    {
        await OnV3Shapes("""
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url, int wait)
                {
                    var later = new ReceiveMessageRequest(url);
                    later.WaitTimeSeconds = wait;
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 20 });
                        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = wait });
                        await sqs.ReceiveMessageAsync(later);
                    }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Requests_that_wait_or_may_be_set_elsewhere_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                private readonly ReceiveMessageRequest _request = new ReceiveMessageRequest();
                private readonly int _wait = 5;

                static ReceiveMessageRequest Build(string url) => new ReceiveMessageRequest(url);
                static void Configure(ReceiveMessageRequest request) { }

                async Task RunAsync(IAmazonSQS sqs, string url, ReceiveMessageRequest fromCaller, int wait)
                {
                    var configured = new ReceiveMessageRequest(url);
                    Configure(configured);
                    var reassigned = new ReceiveMessageRequest(url);
                    reassigned = Build(url);
                    var later = new ReceiveMessageRequest(url);
                    later.WaitTimeSeconds = wait;
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 20 });
                        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 1 });
                        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = wait });
                        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = _wait });
                        await sqs.ReceiveMessageAsync(_request);
                        await sqs.ReceiveMessageAsync(fromCaller);
                        await sqs.ReceiveMessageAsync(Build(url));
                        await sqs.ReceiveMessageAsync(configured);
                        await sqs.ReceiveMessageAsync(reassigned);
                        await sqs.ReceiveMessageAsync(later);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Single_receives_outside_loops_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task<ReceiveMessageResponse> OnceAsync(IAmazonSQS sqs, string url) => await sqs.ReceiveMessageAsync(url);

                void Later(IAmazonSQS sqs, string url, List<Func<Task>> work)
                {
                    while (work.Count < 3)
                    {
                        Func<Task> receive = () => sqs.ReceiveMessageAsync(url);
                        work.Add(receive);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Drain_loops_that_stop_on_an_empty_receive_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Purger
            {
                async Task BreakAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        var response = await sqs.ReceiveMessageAsync(url);
                        if (response.Messages == null || response.Messages.Count == 0)
                        {
                            break;
                        }
                    }
                }

                async Task ReturnAsync(IAmazonSQS sqs, string url)
                {
                    for (;;)
                    {
                        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url));
                        var messages = response.Messages;
                        if (!messages.Any()) return;
                    }
                }

                async Task ConditionAsync(IAmazonSQS sqs, string url)
                {
                    ReceiveMessageResponse response;
                    do
                    {
                        response = await sqs.ReceiveMessageAsync(url);
                    }
                    while (response.Messages?.Count > 0);
                }

                async Task FlagAsync(IAmazonSQS sqs, string url)
                {
                    bool empty = false;
                    while (!empty)
                    {
                        var response = await sqs.ReceiveMessageAsync(url);
                        empty = response.Messages.Count == 0;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_loop_that_only_rests_on_an_empty_receive_is_still_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.SQS;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        var response = await [|sqs.ReceiveMessageAsync(url)|];
                        if (response.Messages.Count == 0)
                        {
                            await Task.Delay(1000);
                            continue;
                        }

                        switch (response.Messages.Count)
                        {
                            case 1:
                                break;
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Queues_configured_to_long_poll_in_the_compilation_silence_the_rule()
    {
        foreach (string configure in new[]
        {
            """Task ConfigureAsync(IAmazonSQS sqs) => sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "q", Attributes = new Dictionary<string, string> { [QueueAttributeName.ReceiveMessageWaitTimeSeconds] = "20" } });""",
            """Task ConfigureAsync(IAmazonSQS sqs) => sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "q", Attributes = new Dictionary<string, string> { { "ReceiveMessageWaitTimeSeconds", "20" } } });""",
            """
            Task ConfigureAsync(IAmazonSQS sqs, int seconds)
            {
                var attributes = new Dictionary<string, string>();
                attributes[@"ReceiveMessageWaitTimeSeconds"] = seconds.ToString();
                return sqs.SetQueueAttributesAsync("q", attributes);
            }
            """,
            """
            Task ConfigureAsync(IAmazonSQS sqs)
            {
                var attributes = new Dictionary<string, string>();
                attributes.Add(QueueAttributeName.ReceiveMessageWaitTimeSeconds, "10");
                return sqs.SetQueueAttributesAsync(new SetQueueAttributesRequest { QueueUrl = "q", Attributes = attributes });
            }
            """,
        })
        {
            await VerifyCS.VerifyAnalyzerAsync($$"""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Amazon.SQS.Model;

                class Infrastructure
                {
                    {{configure}}
                }

                class Consumer
                {
                    async Task RunAsync(IAmazonSQS sqs, string url)
                    {
                        while (true)
                        {
                            await sqs.ReceiveMessageAsync(url);
                            await sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url));
                            // The request's own wait overrides the queue's.
                            await [|sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 0 })|];
                        }
                    }
                }
                """);
        }
    }

    [Fact]
    public async Task Queue_level_long_polling_option_silences_the_rule()
    {
        await WithOptions("""
            using System.Threading.Tasks;
            using Amazon.SQS;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(url);
                    }
                }
            }
            """, "aws_analyzers.AWS011.queue_level_long_polling = true").RunAsync();
    }

    [Fact]
    public async Task Receives_arranged_or_verified_on_test_doubles_and_look_alikes_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Amazon.SQS.Model;
                using Moq;
                using NSubstitute;

                class MyQueue
                {
                    public Task ReceiveMessageAsync(string url) => Task.CompletedTask;
                }

                class ConsumerTests
                {
                    async Task VerifyAsync(IAmazonSQS sqs, Mock<IAmazonSQS> mock, MyQueue mine)
                    {
                        for (int i = 0; i < 3; i++)
                        {
                            sqs.ReceiveMessageAsync("q", CancellationToken.None).Returns(Task.FromResult(new ReceiveMessageResponse()));
                            await sqs.Received().ReceiveMessageAsync("q", CancellationToken.None);
                            mock.Verify(s => s.ReceiveMessageAsync("q", CancellationToken.None));
                            await mine.ReceiveMessageAsync("q");
                        }
                    }
                }
                """,
        };
        test.TestState.Sources.Add(Infrastructure.MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }

    [Fact]
    public async Task Half_typed_code_does_not_throw()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        await sqs.{|CS1501:ReceiveMessageAsync|}();
                        await sqs.ReceiveMessageAsync({|CS0103:missing|});
                        await [|sqs.ReceiveMessageAsync(new ReceiveMessageRequest { {|CS0117:Wait|} = 20 })|];
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Threading.Tasks;
            using Amazon.SQS;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(url);
                    }
                }
            }
            """);
    }
}
