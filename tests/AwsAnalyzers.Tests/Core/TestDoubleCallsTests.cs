using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AwsAnalyzers.Batches;
using AwsAnalyzers.Pagination;
using AwsAnalyzers.Sqs;
using AwsAnalyzers.Throttling;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>
/// A test that calls a mock's object, a substitute or a fake directly (to check the double it set up) reaches no
/// service: the rules about what the service does with a call (the pages it leaves, the throttling and partial failures
/// it answers with, the empty receives it bills) stay silent there, and report the same calls on a real client.
/// </summary>
public class TestDoubleCallsTests
{
    private const string Calls = """
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "b" });
            foreach (var o in page.S3Objects) { System.Console.WriteLine(o.Key); }
            await kinesis.PutRecordAsync(new Amazon.Kinesis.Model.PutRecordRequest { StreamName = "s", PartitionKey = page.KeyCount.ToString() });
            await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest());
            while (true) { var received = await sqs.ReceiveMessageAsync("q"); System.Console.WriteLine(received.Messages.Count); }
        """;

    private static string Source(string clients) => """
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Kinesis;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.SQS;
        using Moq;
        using NSubstitute;

        class Tests
        {
            private readonly IAmazonDynamoDB _dynamo = Substitute.For<IAmazonDynamoDB>();

            static IAmazonSQS CreateQueueDouble()
            {
                var mock = new Mock<IAmazonSQS>();
                return mock.Object;
            }

            async Task Run(IAmazonS3 realS3, IAmazonDynamoDB realDynamo, IAmazonSQS realSqs, IAmazonKinesis realKinesis)
            {
        """ + clients + Calls + """
            }
        }
        """ + MockingLibrarySources.EntryPoints;

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(SourceText.From(source), new CSharpParseOptions(LanguageVersion.CSharp12), path: "/0/Test0.cs");
        Compilation compilation = CSharpCompilation.Create("Test", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        ImmutableArray<DiagnosticAnalyzer> analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new AWS005ThrottlingNotHandledAnalyzer(), new AWS006BatchPartialFailureNotCheckedAnalyzer(), new AWS007PageReadOnceAnalyzer(), new AWS011ReceiveWithoutLongPollingAnalyzer());
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }

    [Fact]
    public async Task The_calls_on_real_clients_are_reported_by_each_rule()
    {
        ImmutableArray<Diagnostic> diagnostics = await DiagnosticsAsync(Source("""
                    var s3 = realS3;
                    var dynamo = realDynamo;
                    var sqs = realSqs;
                    var kinesis = realKinesis;

            """));

        Assert.Equal(new[] { "AWS005", "AWS006", "AWS007", "AWS011" }, diagnostics.Select(d => d.Id).OrderBy(id => id).ToArray());
    }

    [Fact]
    public async Task The_same_calls_on_test_doubles_are_not_reported()
    {
        ImmutableArray<Diagnostic> diagnostics = await DiagnosticsAsync(Source("""
                    var s3 = new Mock<IAmazonS3>().Object;
                    var dynamo = _dynamo;
                    var sqs = CreateQueueDouble();
                    IAmazonKinesis kinesis = Mock.Of<IAmazonKinesis>();

            """));

        Assert.Empty(diagnostics);
    }
}
