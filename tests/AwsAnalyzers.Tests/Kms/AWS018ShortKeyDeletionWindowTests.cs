using System;
using System.Linq;
using System.Threading.Tasks;
using AwsAnalyzers.Kms;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Kms.AWS018ShortKeyDeletionWindowAnalyzer,
    AwsAnalyzers.Kms.AWS018ShortKeyDeletionWindowCodeFix>;

namespace AwsAnalyzers.Tests.Kms;

public class AWS018ShortKeyDeletionWindowTests
{
    /// <summary>
    /// The v3 shapes of AWSSDK.KeyManagementService (3.7), which the feed does not serve: <c>int</c> instead of the
    /// v4 <c>int?</c>, as the v3 generated <c>ScheduleKeyDeletionRequest</c> and <c>IAmazonKeyManagementService</c>
    /// declare them. Compiled in place of the real v4 assembly.
    /// </summary>
    private const string V3KmsShapes = """
        namespace Amazon.KeyManagementService
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.KeyManagementService.Model;

            public partial class AmazonKeyManagementServiceRequest : Amazon.Runtime.AmazonWebServiceRequest { }

            public partial interface IAmazonKeyManagementService : System.IDisposable
            {
                Task<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(string keyId, CancellationToken cancellationToken = default);
                Task<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(string keyId, int pendingWindowInDays, CancellationToken cancellationToken = default);
                Task<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(ScheduleKeyDeletionRequest request, CancellationToken cancellationToken = default);
            }
        }

        namespace Amazon.KeyManagementService.Model
        {
            public partial class ScheduleKeyDeletionRequest : AmazonKeyManagementServiceRequest
            {
                private int? _pendingWindowInDays;
                public string KeyId { get; set; }
                public int PendingWindowInDays { get { return this._pendingWindowInDays.GetValueOrDefault(); } set { this._pendingWindowInDays = value; } }
            }

            public partial class ScheduleKeyDeletionResponse : Amazon.Runtime.AmazonWebServiceResponse { }
        }
        """;

    private static DiagnosticResult Short(int location, int days, int minimum = 30) =>
        VerifyCS.Diagnostic().WithLocation(location).WithArguments(days.ToString(System.Globalization.CultureInfo.InvariantCulture), minimum.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Task VerifyV3Async(string source, string? fixedSource, string? equivalenceKey, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, CodeActionEquivalenceKey = equivalenceKey };
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
        }

        foreach (SolutionState state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.Clear();
            state.AdditionalReferences.AddRange(Infrastructure.TestReferences.All.Where(r => r.Display?.Contains("AWSSDK.KeyManagementService", StringComparison.Ordinal) != true));
            state.Sources.Add(("V3Kms.cs", V3KmsShapes));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyWithMinimumAsync(string source, string minimum, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerWithOptionsAsync(source, "aws_analyzers.AWS018.min_pending_window_days = " + minimum, expected);

    // ---- What it reports ----

    [Fact]
    public async Task A_seven_day_window_on_the_request_and_the_convenience_overload_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                Task Request(IAmazonKeyManagementService kms, CancellationToken ct) =>
                    kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = "alias/bigdata-key", PendingWindowInDays = {|#0:7|} }, ct);

                Task Overload(IAmazonKeyManagementService kms, CancellationToken ct) => kms.ScheduleKeyDeletionAsync("alias/bigdata-key", {|#1:7|}, ct);

                Task Client(AmazonKeyManagementServiceClient kms) => kms.ScheduleKeyDeletionAsync("alias/bigdata-key", pendingWindowInDays: {|#2:10|});

                void Statement(ScheduleKeyDeletionRequest request) => request.PendingWindowInDays = {|#3:29|};
            }
            """,
            Short(0, 7), Short(1, 7), Short(2, 10), Short(3, 29));
    }

    [Fact]
    public async Task Constants_and_locals_written_once_are_followed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                private const int QuickDeletion = 7;

                ScheduleKeyDeletionRequest FromConst() => new ScheduleKeyDeletionRequest { PendingWindowInDays = {|#0:QuickDeletion|} };

                ScheduleKeyDeletionRequest FromLocal()
                {
                    var days = 14;
                    return new ScheduleKeyDeletionRequest { PendingWindowInDays = {|#1:days|} };
                }
            }
            """,
            Short(0, 7), Short(1, 14));
    }

    [Fact]
    public async Task V3_int_property_and_argument_are_reported_and_fixed()
    {
        await VerifyV3Async("""
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                ScheduleKeyDeletionRequest Request() => new ScheduleKeyDeletionRequest { KeyId = "k", PendingWindowInDays = {|#0:7|} };
                Task Overload(IAmazonKeyManagementService kms) => kms.ScheduleKeyDeletionAsync("k", {|#1:7|});
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                ScheduleKeyDeletionRequest Request() => new ScheduleKeyDeletionRequest { KeyId = "k" };
                Task Overload(IAmazonKeyManagementService kms) => kms.ScheduleKeyDeletionAsync("k");
            }
            """,
            AWS018ShortKeyDeletionWindowCodeFix.RemoveEquivalenceKey,
            Short(0, 7), Short(1, 7));
    }

    [Fact]
    public async Task The_minimum_is_configurable()
    {
        const string source = """
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                ScheduleKeyDeletionRequest Week() => new ScheduleKeyDeletionRequest { PendingWindowInDays = {|#0:7|} };
                ScheduleKeyDeletionRequest Fortnight() => new ScheduleKeyDeletionRequest { PendingWindowInDays = 14 };
            }
            """;
        await VerifyWithMinimumAsync(source, "14", Short(0, 7, minimum: 14));

        // A value the option does not accept falls back to 30 (and AWS000 says so): both are reported.
        await VerifyWithMinimumAsync(source.Replace("= 14", "= {|#1:14|}", StringComparison.Ordinal), "45", Short(0, 7), Short(1, 14));
    }

    // ---- What it leaves alone ----

    [Fact]
    public async Task The_default_and_values_at_or_above_the_minimum_and_non_constants_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                Task Omitted(IAmazonKeyManagementService kms) => kms.ScheduleKeyDeletionAsync("k");
                Task OmittedRequest(IAmazonKeyManagementService kms) => kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = "k" });
                Task Thirty(IAmazonKeyManagementService kms) => kms.ScheduleKeyDeletionAsync("k", 30);
                Task Configured(IAmazonKeyManagementService kms, int days) => kms.ScheduleKeyDeletionAsync("k", days);
                Task Null(IAmazonKeyManagementService kms) => kms.ScheduleKeyDeletionAsync("k", null);

                ScheduleKeyDeletionRequest WrittenTwice(bool urgent)
                {
                    int days = 30;
                    if (urgent)
                    {
                        days = 7;
                    }

                    return new ScheduleKeyDeletionRequest { PendingWindowInDays = days };
                }
            }

            class Unrelated
            {
                public int PendingWindowInDays { get; set; }
                void Set() => PendingWindowInDays = 7;
            }
            """);
    }

    [Fact]
    public async Task Mock_setups_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.KeyManagementService;
                using Moq;

                class KeyRetirementTests
                {
                    void Arrange(Mock<IAmazonKeyManagementService> kms) =>
                        kms.Setup(k => k.ScheduleKeyDeletionAsync("k", 7, default));
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
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                ScheduleKeyDeletionRequest Week() => new ScheduleKeyDeletionRequest { PendingWindowInDays = 7 };
            }
            """);
    }

    [Fact]
    public async Task Without_aws_types_nothing_is_registered()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                namespace Amazon.KeyManagementService.Model { class ScheduleKeyDeletionRequest { public int PendingWindowInDays { get; set; } } }
                class User { object Make() => new Amazon.KeyManagementService.Model.ScheduleKeyDeletionRequest { PendingWindowInDays = 7 }; }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        await test.RunAsync();
    }

    [Fact]
    public async Task Incomplete_code_gives_no_crash()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                Task Missing(IAmazonKeyManagementService kms) => kms.{|CS1501:ScheduleKeyDeletionAsync|}("k", 7, default, 1);
                object Unknown() => new ScheduleKeyDeletionRequest { {|CS0117:PendingWindow|} = 7 };
                object Text() => new ScheduleKeyDeletionRequest { PendingWindowInDays = {|CS0029:"7"|} };
            }
            """);
    }

    // ---- Fixes ----

    [Fact]
    public async Task Fix_removes_the_waiting_period_keeping_comments()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                Task Request(IAmazonKeyManagementService kms, CancellationToken ct) =>
                    kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest
                    {
                        KeyId = "alias/bigdata-key",
                        PendingWindowInDays = {|#0:7|},
                    }, ct);

                Task Overload(IAmazonKeyManagementService kms, CancellationToken ct) => kms.ScheduleKeyDeletionAsync("alias/bigdata-key", {|#1:7|}, ct);

                void Statement(ScheduleKeyDeletionRequest request)
                {
                    var days = 7;
                    // Retire the key quickly.
                    request.PendingWindowInDays = {|#2:days|};
                    request.KeyId = "alias/old";
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                Task Request(IAmazonKeyManagementService kms, CancellationToken ct) =>
                    kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest
                    {
                        KeyId = "alias/bigdata-key",
                    }, ct);

                Task Overload(IAmazonKeyManagementService kms, CancellationToken ct) => kms.ScheduleKeyDeletionAsync("alias/bigdata-key", ct);

                void Statement(ScheduleKeyDeletionRequest request)
                {
                    // Retire the key quickly.
                    request.KeyId = "alias/old";
                }
            }
            """,
            AWS018ShortKeyDeletionWindowCodeFix.RemoveEquivalenceKey,
            Short(0, 7), Short(1, 7), Short(2, 7));
    }

    [Fact]
    public async Task Fix_writes_the_minimum()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                private const int QuickDeletion = 7;

                ScheduleKeyDeletionRequest Request() => new ScheduleKeyDeletionRequest { PendingWindowInDays = {|#0:QuickDeletion|} /* days */ };
                Task Overload(IAmazonKeyManagementService kms) => kms.ScheduleKeyDeletionAsync("k", pendingWindowInDays: {|#1:7|});
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                private const int QuickDeletion = 7;

                ScheduleKeyDeletionRequest Request() => new ScheduleKeyDeletionRequest { PendingWindowInDays = 30 /* days */ };
                Task Overload(IAmazonKeyManagementService kms) => kms.ScheduleKeyDeletionAsync("k", pendingWindowInDays: 30);
            }
            """,
            AWS018ShortKeyDeletionWindowCodeFix.UseMinimumEquivalenceKey,
            Short(0, 7), Short(1, 7));
    }

    [Fact]
    public async Task No_removal_where_the_assignment_is_used_as_a_value()
    {
        const string source = """
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                int Chained(ScheduleKeyDeletionRequest request) => (int)(request.PendingWindowInDays = {|#0:7|});
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source.Replace("{|#0:7|}", "30", StringComparison.Ordinal),
            CodeActionEquivalenceKey = AWS018ShortKeyDeletionWindowCodeFix.UseMinimumEquivalenceKey,
        };
        test.ExpectedDiagnostics.Add(Short(0, 7));
        await test.RunAsync();

        var removal = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AWS018ShortKeyDeletionWindowCodeFix.RemoveEquivalenceKey,
        };
        removal.ExpectedDiagnostics.Add(Short(0, 7));
        removal.FixedState.ExpectedDiagnostics.Add(Short(0, 7));
        await removal.RunAsync();
    }
}
