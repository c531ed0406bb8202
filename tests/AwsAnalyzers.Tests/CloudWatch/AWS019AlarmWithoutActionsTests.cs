using System.Threading.Tasks;
using AwsAnalyzers.CloudWatch;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.CloudWatch.AWS019AlarmWithoutActionsAnalyzer,
    AwsAnalyzers.CloudWatch.AWS019AlarmWithoutActionsCodeFix>;

namespace AwsAnalyzers.Tests.CloudWatch;

public class AWS019AlarmWithoutActionsTests
{
    private const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:on-call";

    private static DiagnosticResult NoActions(int location) =>
        VerifyCS.Diagnostic(AWS019AlarmWithoutActionsAnalyzer.Rule).WithLocation(location);

    private static DiagnosticResult Disabled(int location) =>
        VerifyCS.Diagnostic(AWS019AlarmWithoutActionsAnalyzer.DisabledRule).WithLocation(location);

    private static DiagnosticResult Namespace(int location, string metricNamespace) =>
        VerifyCS.Diagnostic(AWS019AlarmWithoutActionsAnalyzer.NamespaceRule).WithLocation(location).WithArguments(metricNamespace);

    private static VerifyCS.Test WithDefaultAction(string source, string? fixedSource, string action = TopicArn)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource ?? source };
        string config = $"""
            is_global = true
            aws_analyzers.AWS019.default_alarm_action = {action}
            """;
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        return test;
    }

    // ---- (a) alarms ----

    [Fact]
    public async Task Alarms_without_actions_or_with_actions_disabled_are_reported_on_their_creation_with_no_fix_by_default()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;

            class Alarms
            {
                async Task CreateAsync(IAmazonCloudWatch cloudWatch, List<string> onCall)
                {
                    await cloudWatch.PutMetricAlarmAsync({|#0:new PutMetricAlarmRequest
                    {
                        AlarmName = "EMR-High-Latency",
                        MetricName = "Latency",
                        Namespace = "AWS/ElasticMapReduce",
                        Threshold = 1000,
                    }|});

                    var quiet = {|#1:new PutMetricAlarmRequest { AlarmName = "quiet", AlarmActions = new List<string>() }|};
                    quiet.OKActions = null;
                    await cloudWatch.PutMetricAlarmAsync(quiet);

                    await cloudWatch.PutMetricAlarmAsync({|#2:new PutMetricAlarmRequest { AlarmName = "muted", AlarmActions = onCall, ActionsEnabled = false }|});
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        DiagnosticResult[] expected = { NoActions(0), NoActions(1), Disabled(2) };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task An_alarm_created_with_new_in_the_call_that_sends_it_is_reported_in_a_file_that_never_names_its_type()
    {
        // The rule's callbacks run only in the types whose files write its words; the request's type is not written
        // here, the call that sends it is.
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System.Threading.Tasks;
                    using Amazon.CloudWatch;

                    class Alarms
                    {
                        Task CreateAsync(IAmazonCloudWatch cloudWatch) =>
                            cloudWatch.PutMetricAlarmAsync({|#0:new() { AlarmName = "EMR-High-Latency", MetricName = "Latency", Threshold = 1000 }|});
                    }
                    """,
                    """
                    class Unrelated
                    {
                        int Twice(int value) => value * 2;
                    }
                    """,
                },
                ExpectedDiagnostics = { NoActions(0) },
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Alarms_with_actions_assigned_added_or_from_variables_and_requests_that_escape_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;

            class Alarms
            {
                async Task CreateAsync(IAmazonCloudWatch cloudWatch, List<string> onCall, string topic, PutMetricAlarmRequest given)
                {
                    await cloudWatch.PutMetricAlarmAsync(new PutMetricAlarmRequest { AlarmName = "a", AlarmActions = new List<string> { topic } });
                    await cloudWatch.PutMetricAlarmAsync(new PutMetricAlarmRequest { AlarmName = "b", OKActions = onCall });
                    await cloudWatch.PutMetricAlarmAsync(new PutMetricAlarmRequest { AlarmName = "c", InsufficientDataActions = { topic } });

                    var added = new PutMetricAlarmRequest { AlarmName = "d", AlarmActions = new List<string>() };
                    added.AlarmActions.Add(topic);
                    await cloudWatch.PutMetricAlarmAsync(added);

                    var helped = new PutMetricAlarmRequest { AlarmName = "e" };
                    AddOnCall(helped, topic);
                    await cloudWatch.PutMetricAlarmAsync(helped);

                    var enabled = new PutMetricAlarmRequest { AlarmName = "f", AlarmActions = onCall, ActionsEnabled = true };
                    await cloudWatch.PutMetricAlarmAsync(enabled);

                    await cloudWatch.PutMetricAlarmAsync(given);
                }

                private static void AddOnCall(PutMetricAlarmRequest request, string topic) => request.AlarmActions = new List<string> { topic };
            }
            """);
    }

    [Fact]
    public async Task A_default_action_in_the_options_is_added_by_the_fix_with_Fix_All_in_v3_shapes()
    {
        VerifyCS.Test test = WithDefaultAction("""
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;

            class Alarms
            {
                async Task CreateAsync(AmazonCloudWatchClient cloudWatch)
                {
                    // the guide's latency alarm
                    await cloudWatch.PutMetricAlarmAsync({|#0:new PutMetricAlarmRequest
                    {
                        AlarmName = "EMR-High-Latency",
                        Threshold = 1000,
                    }|});
                    var request = {|#1:new PutMetricAlarmRequest { AlarmName = "EMR-Idle" }|};
                    await cloudWatch.PutMetricAlarmAsync(request);
                    await cloudWatch.PutMetricAlarmAsync({|#2:new PutMetricAlarmRequest()|});
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;

            class Alarms
            {
                async Task CreateAsync(AmazonCloudWatchClient cloudWatch)
                {
                    // the guide's latency alarm
                    await cloudWatch.PutMetricAlarmAsync(new PutMetricAlarmRequest
                    {
                        AlarmName = "EMR-High-Latency",
                        Threshold = 1000,
                        AlarmActions = new List<string> { "arn:aws:sns:eu-west-1:123456789012:on-call" },
                    });
                    var request = new PutMetricAlarmRequest { AlarmName = "EMR-Idle", AlarmActions = new List<string> { "arn:aws:sns:eu-west-1:123456789012:on-call" } };
                    await cloudWatch.PutMetricAlarmAsync(request);
                    await cloudWatch.PutMetricAlarmAsync(new PutMetricAlarmRequest() { AlarmActions = new List<string> { "arn:aws:sns:eu-west-1:123456789012:on-call" } });
                }
            }
            """);
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        test.ExpectedDiagnostics.AddRange(new[] { NoActions(0), NoActions(1), NoActions(2) });
        await test.RunAsync();
    }

    [Fact]
    public async Task Disabled_actions_get_no_fix_even_with_a_default_action()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;

            class Alarms
            {
                Task CreateAsync(IAmazonCloudWatch cloudWatch) =>
                    cloudWatch.PutMetricAlarmAsync({|#0:new PutMetricAlarmRequest { AlarmName = "muted", ActionsEnabled = false }|});
            }
            """;
        VerifyCS.Test test = WithDefaultAction(source, null);
        test.ExpectedDiagnostics.Add(Disabled(0));
        test.FixedState.ExpectedDiagnostics.Add(Disabled(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_default_action_that_is_not_an_ARN_is_reported_as_AWS000_and_offers_no_fix()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<global::AwsAnalyzers.Configuration.AWS000UnrecognizedOptionAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { }",
        };
        TestSetup.Apply(test);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\naws_analyzers.AWS019.default_alarm_action = sns-on-call\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(global::AwsAnalyzers.Configuration.AWS000UnrecognizedOptionAnalyzer.Rule).WithMessage(
            "Unrecognized value 'sns-on-call' for aws_analyzers.AWS019.default_alarm_action: expected an ARN (arn:partition:service:region:account:resource) or none; using 'none'"));
        await test.RunAsync();

        const string source = """
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;

            class Alarms
            {
                Task CreateAsync(IAmazonCloudWatch cloudWatch) =>
                    cloudWatch.PutMetricAlarmAsync({|#0:new PutMetricAlarmRequest { AlarmName = "quiet" }|});
            }
            """;
        VerifyCS.Test noFix = WithDefaultAction(source, null, action: "sns-on-call");
        noFix.ExpectedDiagnostics.Add(NoActions(0));
        noFix.FixedState.ExpectedDiagnostics.Add(NoActions(0));
        await noFix.RunAsync();
    }

    // ---- (b) AWS/ namespaces ----

    [Fact]
    public async Task A_custom_metric_in_an_AWS_namespace_is_reported_and_alarms_on_AWS_metrics_are_not()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;

            class Metrics
            {
                private const string Reserved = "AWS/Lambda";

                async Task PublishAsync(IAmazonCloudWatch cloudWatch, string chosen, List<string> onCall)
                {
                    await cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = {|#0:"AWS/SensorPipeline"|} });
                    var request = new PutMetricDataRequest();
                    request.Namespace = {|#1:Reserved|};
                    await cloudWatch.PutMetricDataAsync(request);
                    await cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = "SensorPipeline/AWS" });
                    await cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = "aws/lowercase-is-another-namespace" });
                    await cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = chosen });
                    await cloudWatch.PutMetricAlarmAsync(new PutMetricAlarmRequest { Namespace = "AWS/Lambda", AlarmActions = onCall });
                }
            }
            """.Replace("string chosen, List<string>", "string chosen, System.Collections.Generic.List<string>"),
            Namespace(0, "AWS/SensorPipeline"), Namespace(1, "AWS/Lambda"));
    }

    [Fact]
    public async Task Mock_setups_and_half_typed_code_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using Amazon.CloudWatch;
                using Amazon.CloudWatch.Model;
                using Moq;

                class AlarmTests
                {
                    void Arrange(IAmazonCloudWatch cloudWatch)
                    {
                        var mock = new Mock<IAmazonCloudWatch>();
                        mock.Setup(c => c.PutMetricAlarmAsync(new PutMetricAlarmRequest { AlarmName = "x" }, default(CancellationToken)));
                        cloudWatch.{|CS7036:PutMetricAlarmAsync|}();
                        cloudWatch.PutMetricAlarmAsync({|CS1503:"x"|});
                        new PutMetricDataRequest { {|CS0117:Namspace|} = "AWS/x" };
                    }
                }
                """,
        };
        test.TestState.Sources.Add(MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }
}
