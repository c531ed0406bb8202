using System.Threading.Tasks;
using AwsAnalyzers.Lambda;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Lambda.AWS016SynchronousSideCallAnalyzer,
    AwsAnalyzers.Lambda.AWS016SynchronousSideCallCodeFix>;

namespace AwsAnalyzers.Tests.Lambda;

public class AWS016SynchronousSideCallTests
{
    private static DiagnosticResult Invoke(int location, string method, string handler) =>
        VerifyCS.Diagnostic(AWS016SynchronousSideCallAnalyzer.Rule).WithLocation(location).WithArguments(method, handler);

    private static DiagnosticResult Metric(int location, string method, string handler) =>
        VerifyCS.Diagnostic(AWS016SynchronousSideCallAnalyzer.MetricRule).WithLocation(location).WithArguments(method, handler);

    private static async Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    // ---- (a) RequestResponse invokes ----

    [Fact]
    public async Task An_invoke_with_the_default_or_RequestResponse_type_in_a_handler_is_reported()
    {
        await VerifyNoFixAsync(ReadAnswers, ReadAnswersDiagnostics);
    }

    [Fact]
    public async Task An_invoke_with_the_default_or_RequestResponse_type_is_reported_in_v3_shapes()
    {
        var test = new VerifyCS.Test { TestCode = ReadAnswers, FixedCode = ReadAnswers };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        test.ExpectedDiagnostics.AddRange(ReadAnswersDiagnostics);
        test.FixedState.ExpectedDiagnostics.AddRange(ReadAnswersDiagnostics);
        await test.RunAsync();
    }

    private static readonly DiagnosticResult[] ReadAnswersDiagnostics =
    {
        Invoke(0, "InvokeAsync", "Function.Handler"), Invoke(1, "InvokeAsync", "Function.Handler"), Invoke(2, "InvokeAsync", "Function.Handler"),
    };

    /// <summary>Invokes whose answers are read: reported, with no fix.</summary>
    private const string ReadAnswers = """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            public class Function
            {
                private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

                public async Task<string> Handler(string input, ILambdaContext context)
                {
                    InvokeResponse enriched = await {|#0:s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "enrich", Payload = input })|};
                    var request = new InvokeRequest { FunctionName = "score", InvocationType = InvocationType.RequestResponse };
                    InvokeResponse scored = await {|#1:s_lambda.InvokeAsync(request)|};
                    var byName = new InvokeRequest { FunctionName = "score", InvocationType = "RequestResponse" };
                    InvokeResponse named = await {|#2:s_lambda.InvokeAsync(byName)|};
                    return new StreamReader(enriched.Payload).ReadToEnd() + scored.FunctionError + named.Payload.Length;
                }
            }
            """;

    [Fact]
    public async Task Every_kind_of_handler_and_a_helper_one_call_away_is_reported()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System.IO;
                    using System.Threading.Tasks;
                    using Amazon.Lambda;
                    using Amazon.Lambda.Model;
                    using Amazon.Lambda.RuntimeSupport;
                    using Amazon.Lambda.Serialization.SystemTextJson;

                    var lambda = new AmazonLambdaClient();
                    await LambdaBootstrapBuilder.Create(async (string input) =>
                    {
                        var response = await {|#0:lambda.InvokeAsync(new InvokeRequest { FunctionName = "next", Payload = input })|};
                        return response.Payload.Length;
                    }, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                    """,
                    """
                    using System.Threading.Tasks;
                    using Amazon.Lambda;
                    using Amazon.Lambda.Annotations;
                    using Amazon.Lambda.Model;

                    public class Reports
                    {
                        private readonly IAmazonLambda _lambda;

                        public Reports(IAmazonLambda lambda) => _lambda = lambda;

                        [LambdaFunction]
                        public async Task<string> Daily(string day) => (await Render(day)).ExecutedVersion;

                        // Not a handler, but every call of Daily runs it.
                        private Task<InvokeResponse> Render(string day) =>
                            {|#1:_lambda.InvokeAsync(new InvokeRequest { FunctionName = "render", Payload = day })|};

                        // Never called by a handler.
                        public Task<InvokeResponse> Backfill(string day) =>
                            _lambda.InvokeAsync(new InvokeRequest { FunctionName = "render", Payload = day });
                    }
                    """,
                },
            },
        };
        test.ExpectedDiagnostics.Add(Invoke(0, "InvokeAsync", "(lambda)"));
        test.ExpectedDiagnostics.Add(Invoke(1, "InvokeAsync", "Reports.Daily"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_discarded_response_is_fixed_by_invoking_asynchronously()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            public class Function
            {
                private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

                public async Task Handler(string input, ILambdaContext context)
                {
                    // notify the auditor
                    await {|#0:s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit", Payload = input })|};
                    await {|#1:s_lambda.InvokeAsync(new InvokeRequest
                    {
                        FunctionName = "archive",
                        Payload = input,
                    })|};
                    var request = new InvokeRequest { FunctionName = "index", InvocationType = InvocationType.RequestResponse };
                    request.Payload = input;
                    _ = await {|#2:s_lambda.InvokeAsync(request)|};
                    var plain = new InvokeRequest();
                    plain.FunctionName = "count";
                    InvokeResponse counted = await {|#3:s_lambda.InvokeAsync(plain)|};
                    if (counted.StatusCode >= 300)
                    {
                        context.Logger.LogLine("count failed");
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            public class Function
            {
                private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

                public async Task Handler(string input, ILambdaContext context)
                {
                    // notify the auditor
                    await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit", Payload = input, InvocationType = InvocationType.Event });
                    await s_lambda.InvokeAsync(new InvokeRequest
                    {
                        FunctionName = "archive",
                        Payload = input,
                        InvocationType = InvocationType.Event,
                    });
                    var request = new InvokeRequest { FunctionName = "index", InvocationType = InvocationType.Event };
                    request.Payload = input;
                    _ = await s_lambda.InvokeAsync(request);
                    var plain = new InvokeRequest() { InvocationType = InvocationType.Event };
                    plain.FunctionName = "count";
                    InvokeResponse counted = await s_lambda.InvokeAsync(plain);
                    if (counted.StatusCode >= 300)
                    {
                        context.Logger.LogLine("count failed");
                    }
                }
            }
            """, AWS016SynchronousSideCallCodeFix.InvokeAsynchronouslyEquivalenceKey,
            Invoke(0, "InvokeAsync", "Function.Handler"), Invoke(1, "InvokeAsync", "Function.Handler"),
            Invoke(2, "InvokeAsync", "Function.Handler"), Invoke(3, "InvokeAsync", "Function.Handler"));
    }

    [Fact]
    public async Task A_sync_invoke_of_the_framework_builds_is_fixed_and_its_type_named_through_a_using()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Lambda.Core;
                using Amazon.Lambda.Model;

                public class Function
                {
                    private static readonly Amazon.Lambda.AmazonLambdaClient s_lambda = new Amazon.Lambda.AmazonLambdaClient();

                    public void Handler(string input, ILambdaContext context)
                    {
                        var request = new InvokeRequest { FunctionName = "audit" };
                        request.InvocationType = Amazon.Lambda.InvocationType.RequestResponse;
                        {|#0:s_lambda.Invoke(request)|};
                    }
                }
                """,
            FixedCode = """
                using Amazon.Lambda;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.Model;

                public class Function
                {
                    private static readonly Amazon.Lambda.AmazonLambdaClient s_lambda = new Amazon.Lambda.AmazonLambdaClient();

                    public void Handler(string input, ILambdaContext context)
                    {
                        var request = new InvokeRequest { FunctionName = "audit" };
                        request.InvocationType = InvocationType.Event;
                        s_lambda.Invoke(request);
                    }
                }
                """,
            CodeActionEquivalenceKey = AWS016SynchronousSideCallCodeFix.InvokeAsynchronouslyEquivalenceKey,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllWithSyncMethods);
        test.ExpectedDiagnostics.Add(Invoke(0, "Invoke", "Function.Handler"));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_answer_that_is_read_gets_no_fix()
    {
        await VerifyNoFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            public class Function
            {
                private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

                public async Task<InvokeResponse> Handler(string input, ILambdaContext context)
                {
                    InvokeResponse checkedResponse = await {|#0:s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "a" })|};
                    if (checkedResponse.StatusCode != 200)
                    {
                        return null;
                    }

                    InvokeResponse failed = await {|#1:s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "b" })|};
                    if (failed.FunctionError != null)
                    {
                        return failed;
                    }

                    return await {|#2:s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "c" })|};
                }
            }
            """,
            Invoke(0, "InvokeAsync", "Function.Handler"), Invoke(1, "InvokeAsync", "Function.Handler"), Invoke(2, "InvokeAsync", "Function.Handler"));
    }

    [Fact]
    public async Task Event_and_dry_run_invokes_requests_set_elsewhere_and_code_outside_handlers_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            public class Function
            {
                private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

                public Function()
                {
                    // Warm-up at init runs once per execution environment.
                    s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "warm" }).GetAwaiter().GetResult();
                }

                public async Task Handler(InvokeRequest given, InvocationType type, ILambdaContext context)
                {
                    await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "a", InvocationType = InvocationType.Event });
                    await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "b", InvocationType = InvocationType.DryRun });
                    await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "c", InvocationType = "Event" });
                    await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "d", InvocationType = type });
                    await s_lambda.InvokeAsync(given);
                    var configured = new InvokeRequest { FunctionName = "e" };
                    Configure(configured);
                    await s_lambda.InvokeAsync(configured);
                    var later = new InvokeRequest { FunctionName = "f" };
                    later.InvocationType = InvocationType.Event;
                    await s_lambda.InvokeAsync(later);
                }

                private static void Configure(InvokeRequest request) => request.InvocationType = InvocationType.Event;

                public static Task<InvokeResponse> FromAConsole() => s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "g" });
            }
            """);
    }

    [Fact]
    public async Task Mock_setups_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using Amazon.Lambda;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.Model;
                using Moq;

                public class FunctionTests
                {
                    public void Handler(ILambdaContext context)
                    {
                        var lambda = new Mock<IAmazonLambda>();
                        lambda.Setup(l => l.InvokeAsync(It.Is<InvokeRequest>(r => r.FunctionName == "a"), default(CancellationToken)));
                    }
                }
                """,
        };
        test.TestState.Sources.Add(MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }

    // ---- (b) PutMetricData ----

    [Fact]
    public async Task PutMetricData_in_a_handler_is_reported_in_v4_and_v3_shapes()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;
            using Amazon.Lambda.Core;

            public class Function
            {
                private static readonly IAmazonCloudWatch s_cloudWatch = new AmazonCloudWatchClient();

                public async Task Handler(string input, ILambdaContext context)
                {
                    var request = new PutMetricDataRequest { Namespace = "Sensors" };
                    request.MetricData.Add(new MetricDatum { MetricName = "Readings", Value = input.Length });
                    PutMetricDataResponse response = await {|#0:s_cloudWatch.PutMetricDataAsync(request)|};
                }

                public Task Publish(PutMetricDataRequest request) => s_cloudWatch.PutMetricDataAsync(request);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Metric(0, "PutMetricDataAsync", "Function.Handler"));

        var v3 = new VerifyCS.Test { TestCode = source };
        v3.TestState.AdditionalReferences.Clear();
        v3.TestState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        v3.ExpectedDiagnostics.Add(Metric(0, "PutMetricDataAsync", "Function.Handler"));
        await v3.RunAsync();
    }

    [Fact]
    public async Task PutMetricData_with_constant_names_is_written_as_one_embedded_metric_format_line()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;
            using Amazon.Lambda.Core;

            public class Function
            {
                private static readonly IAmazonCloudWatch s_cloudWatch = new AmazonCloudWatchClient();

                public async Task Handler(string input, ILambdaContext context)
                {
                    await Task.Yield();
                    // one reading stored
                    await {|#0:s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest
                    {
                        Namespace = "Sensor\"Pipeline",
                        MetricData = new List<MetricDatum>
                        {
                            new MetricDatum { MetricName = "Readings", Unit = StandardUnit.Count, Value = input.Length },
                            new MetricDatum { MetricName = "Rate", Unit = StandardUnit.CountSecond, Value = 1.5 },
                            new MetricDatum { MetricName = "Raw", Value = 2 },
                        },
                    })|};
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;
            using Amazon.Lambda.Core;

            public class Function
            {
                private static readonly IAmazonCloudWatch s_cloudWatch = new AmazonCloudWatchClient();

                public async Task Handler(string input, ILambdaContext context)
                {
                    await Task.Yield();
                    // one reading stored
                    Console.WriteLine("{\"_aws\":{\"Timestamp\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Sensor\\\"Pipeline\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"Readings\",\"Unit\":\"Count\"},{\"Name\":\"Rate\",\"Unit\":\"Count/Second\"},{\"Name\":\"Raw\"}]}]},\"Readings\":" + ((double)(input.Length)).ToString("R", CultureInfo.InvariantCulture) + ",\"Rate\":" + ((double)(1.5)).ToString("R", CultureInfo.InvariantCulture) + ",\"Raw\":" + ((double)(2)).ToString("R", CultureInfo.InvariantCulture) + "}");
                }
            }
            """, AWS016SynchronousSideCallCodeFix.WriteEmbeddedMetricEquivalenceKey,
            Metric(0, "PutMetricDataAsync", "Function.Handler"));
    }

    [Fact]
    public async Task Dimensions_computed_at_run_time_are_escaped_by_one_added_method_and_the_last_await_stays()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;
            using Amazon.Lambda.Core;

            public class Function
            {
                private static readonly IAmazonCloudWatch s_cloudWatch = new AmazonCloudWatchClient();

                public async Task Handler(string device, ILambdaContext context)
                {
                    await {|#0:s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest
                    {
                        Namespace = "SensorPipeline",
                        MetricData =
                        {
                            new MetricDatum { MetricName = "Readings", Value = 1, Dimensions = { new Dimension { Name = "Device", Value = device }, new Dimension { Name = "Stage", Value = "prod" } } },
                        },
                    })|};
                    await {|#1:s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest
                    {
                        Namespace = "SensorPipeline",
                        MetricData = { new MetricDatum { MetricName = "Batches", Value = 1, Dimensions = { new Dimension { Name = "Device", Value = context.FunctionName } } } },
                    })|}.ConfigureAwait(false);
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Text;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;
            using Amazon.Lambda.Core;

            public class Function
            {
                private static readonly IAmazonCloudWatch s_cloudWatch = new AmazonCloudWatchClient();

                public async Task Handler(string device, ILambdaContext context)
                {
                    Console.WriteLine("{\"_aws\":{\"Timestamp\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ",\"CloudWatchMetrics\":[{\"Namespace\":\"SensorPipeline\",\"Dimensions\":[[\"Device\",\"Stage\"]],\"Metrics\":[{\"Name\":\"Readings\"}]}]},\"Device\":" + EmfJsonString(device) + ",\"Stage\":\"prod\",\"Readings\":" + ((double)(1)).ToString("R", CultureInfo.InvariantCulture) + "}");
                    await Console.Out.WriteLineAsync("{\"_aws\":{\"Timestamp\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ",\"CloudWatchMetrics\":[{\"Namespace\":\"SensorPipeline\",\"Dimensions\":[[\"Device\"]],\"Metrics\":[{\"Name\":\"Batches\"}]}]},\"Device\":" + EmfJsonString(context.FunctionName) + ",\"Batches\":" + ((double)(1)).ToString("R", CultureInfo.InvariantCulture) + "}").ConfigureAwait(false);
                }

                /// <summary>A JSON string for an embedded metric format document: quotes, backslashes and control characters escaped.</summary>
                private static string EmfJsonString(string value)
                {
                    var json = new StringBuilder("\"");
                    foreach (char c in value ?? string.Empty)
                    {
                        if (c == '"' || c == '\\')
                        {
                            json.Append('\\').Append(c);
                        }
                        else if (c < ' ')
                        {
                            json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            json.Append(c);
                        }
                    }

                    return json.Append('"').ToString();
                }
            }
            """, AWS016SynchronousSideCallCodeFix.WriteEmbeddedMetricEquivalenceKey,
            Metric(0, "PutMetricDataAsync", "Function.Handler"), Metric(1, "PutMetricDataAsync", "Function.Handler"));
    }

    [Fact]
    public async Task PutMetricData_that_the_format_cannot_carry_gets_no_fix()
    {
        await VerifyNoFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;
            using Amazon.Lambda.Core;

            public class Function
            {
                private static readonly IAmazonCloudWatch s_cloudWatch = new AmazonCloudWatchClient();

                public async Task<PutMetricDataResponse> Handler(string ns, string device, ILambdaContext context)
                {
                    await {|#0:s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = ns, MetricData = { new MetricDatum { MetricName = "A", Value = 1 } } })|};
                    await {|#1:s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = "S", MetricData = { new MetricDatum { MetricName = "A", Value = 1, Timestamp = DateTime.UtcNow } } })|};
                    await {|#2:s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest
                    {
                        Namespace = "S",
                        MetricData =
                        {
                            new MetricDatum { MetricName = "A", Value = 1, Dimensions = { new Dimension { Name = "Device", Value = device } } },
                            new MetricDatum { MetricName = "B", Value = 1 },
                        },
                    })|};
                    await {|#3:s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = "S", MetricData = { new MetricDatum { MetricName = "A", Value = 1 }, new MetricDatum { MetricName = "A", Value = 2 } } })|};
                    return await {|#4:s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = "S", MetricData = { new MetricDatum { MetricName = "A", Value = 1 } } })|};
                }
            }
            """,
            Metric(0, "PutMetricDataAsync", "Function.Handler"), Metric(1, "PutMetricDataAsync", "Function.Handler"),
            Metric(2, "PutMetricDataAsync", "Function.Handler"), Metric(3, "PutMetricDataAsync", "Function.Handler"),
            Metric(4, "PutMetricDataAsync", "Function.Handler"));
    }

    [Fact]
    public async Task A_project_without_Lambda_markers_is_not_analyzed()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.CloudWatch;
                using Amazon.CloudWatch.Model;

                public class Worker
                {
                    public Task Run(IAmazonCloudWatch cloudWatch, string context) =>
                        cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = "Sensors" });
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.FrameworkAndSdk);
        test.TestState.AdditionalReferences.AddRange(StubAssemblies.V4.RemoveAll(r =>
            r is PortableExecutableReference executable
            && executable.GetMetadata() is AssemblyMetadata assembly
            && assembly.GetModules()[0].Name.StartsWith("Amazon.Lambda.", System.StringComparison.Ordinal)));
        await test.RunAsync();
    }

    [Fact]
    public async Task Half_typed_code_does_not_throw()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            public class Function
            {
                public async Task Handler(IAmazonLambda lambda, ILambdaContext context)
                {
                    await lambda.{|CS7036:InvokeAsync|}();
                    await {|#0:lambda.InvokeAsync(new InvokeRequest { {|CS0117:Unknown|} = 1 })|};
                    await {|CS0103:missing|}.InvokeAsync(new InvokeRequest());
                }
            }
            """,
            Invoke(0, "InvokeAsync", "Function.Handler"));
    }
}
