using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Xunit;

namespace AwsAnalyzers.Tests.Metadata;

/// <summary>
/// Runs every analyzer over odd and half-typed code: none may throw (AD0001), whatever rule is added later.
/// </summary>
public class AnalyzerRobustnessTests
{
    public static IEnumerable<object[]> OddSources() => new[]
    {
        new object[] { "top-level statements", """
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            var client = new AmazonKinesisClient();
            await client.PutRecordAsync(new PutRecordRequest { PartitionKey = "k" });
            static int Recurse(int n) => n <= 0 ? 0 : Recurse(n - 1);
            """ },
        new object[] { "half-typed members", """
            using Amazon.Kinesis.Model;
            using Amazon.S3;
            using Amazon.Lambda.Core;
            class Handler
            {
                public void Handle(string input, ILambdaContext context)
                {
                    var s3 = new AmazonS3Client(
                    var request = new PutRecordRequest { PartitionKey = , ExplicitHashKey = 
                    request.PartitionKey =
                }
                public async System.Threading.Tasks.Task Other(
            """ },
        new object[] { "unresolved types and members", """
            using Amazon.Kinesis;
            using Amazon.Athena.Model;
            class C
            {
                UnknownType Field = new UnknownType();
                void M(IAmazonKinesis kinesis)
                {
                    kinesis.PutRecordsAsync(new Unknown.PutRecordsRequest { Records = Missing });
                    var q = new StartQueryExecutionRequest { QueryString = UnknownConst + "SELECT * FROM t" };
                    undefined.ReadToEnd();
                }
            }
            """ },
        new object[] { "deep recursion and self-references", """
            using Amazon.Kinesis.Model;
            class C
            {
                static readonly string A = B;
                static readonly string B = A;
                const string X = "x";
                void M()
                {
                    string a = a;
                    string b = "1"; b = b + b; b = b;
                    var r = new PutRecordRequest { PartitionKey = a };
                    var s = new PutRecordRequest { PartitionKey = b };
                    System.Func<int, int> f = null; f = n => n == 0 ? 0 : f(n - 1);
                }
                int P => P;
            }
            """ },
        new object[] { "handler without body and odd declarations", """
            using Amazon.Lambda.Core;
            abstract class Handler
            {
                public abstract void Handle(object input, ILambdaContext context);
                public extern void External(object input, ILambdaContext context);
                partial void Nothing(ILambdaContext context);
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(OddSources))]
    public async Task No_analyzer_throws(string name, string source)
    {
        _ = name;
        ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var exceptions = new ConcurrentBag<string>();
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Odd",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            TestReferences.All,
            EveryRuleOn(new CSharpCompilationOptions(OutputKind.ConsoleApplication), analyzers));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Without_the_AWS_SDK_no_analyzer_registers_more_than_its_compilation_start()
    {
        ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        CSharpCompilation compilation = CSharpCompilation.Create(
            "AwsFree",
            new[] { CSharpSyntaxTree.ParseText("class PutRecordRequest { public string PartitionKey { get; set; } } class C { object M() => new PutRecordRequest { PartitionKey = \"k\" }; }") },
            Basic.Reference.Assemblies.Net100.References.All,
            EveryRuleOn(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), analyzers));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        foreach (DiagnosticAnalyzer analyzer in analyzers)
        {
            AnalyzerTelemetryInfo telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            Assert.Equal(1, telemetry.CompilationStartActionsCount);
            Assert.Equal(0, telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.SyntaxNodeActionsCount
                + telemetry.SymbolActionsCount + telemetry.SymbolStartActionsCount + telemetry.CompilationEndActionsCount + telemetry.SyntaxTreeActionsCount);
        }
    }

    /// <summary>The rules that are about Lambda handlers: in a project that uses the SDK without Lambda they cost only their gate.</summary>
    private static readonly Type[] s_handlerRules =
    [
        typeof(AwsAnalyzers.Lambda.AWS002ClientCreatedInLambdaHandlerAnalyzer),
        typeof(AwsAnalyzers.Lambda.AWS014NonIdempotentWriteInConsumerAnalyzer),
    ];

    [Fact]
    public async Task Without_a_Lambda_marker_handler_rules_register_nothing_but_their_compilation_start()
    {
        ImmutableArray<DiagnosticAnalyzer> analyzers = s_handlerRules.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
        CSharpCompilation compilation = CSharpCompilation.Create(
            "SdkWithoutLambda",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    using Amazon.S3;
                    class Function
                    {
                        IAmazonS3 Create() => new AmazonS3Client();
                        void Handle(string input, object context) { var s3 = Create(); var other = new AmazonS3Client(); }
                    }
                    """),
            },
            TestReferences.FrameworkAndSdk,
            EveryRuleOn(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), analyzers));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.NotEmpty(analyzers);
        foreach (DiagnosticAnalyzer analyzer in analyzers)
        {
            AnalyzerTelemetryInfo telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            Assert.Equal(1, telemetry.CompilationStartActionsCount);
            Assert.Equal(0, telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.SyntaxNodeActionsCount
                + telemetry.SymbolActionsCount + telemetry.SymbolStartActionsCount + telemetry.CompilationEndActionsCount + telemetry.SyntaxTreeActionsCount);
        }
    }

    /// <summary>Rules that are off by default (AWS020) are checked too: a user who turns one on must not pay for a crash.</summary>
    private static CSharpCompilationOptions EveryRuleOn(CSharpCompilationOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        options.WithSpecificDiagnosticOptions(analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .Where(d => !d.IsEnabledByDefault)
            .Select(d => d.Id)
            .Distinct()
            .Select(id => KeyValuePair.Create(id, ReportDiagnostic.Warn)));

    [Fact]
    public void No_rule_waits_for_the_end_of_the_compilation_to_report()
    {
        foreach (Type type in typeof(AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)))
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, d.CustomTags));
        }
    }
}
