using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Batches;
using AwsAnalyzers.Tests.Core;
using AwsAnalyzers.Tests.Infrastructure;
using AwsAnalyzers.Throttling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

using static AwsAnalyzers.Tests.Infrastructure.DocumentFixes;

namespace AwsAnalyzers.Tests.Throttling;

/// <summary>
/// A batch write that both AWS005 (throttling not handled) and AWS006 (partial failures not checked) report: whichever
/// fix runs first, the other is still offered, and the code both leave retries throttling and resends the failed
/// entries.
/// </summary>
public class AWS005AWS006CompositionTests
{
    private const string BothServices = "aws_analyzers.AWS005.services = kinesis, dynamodb";

    private const string Kinesis = """
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Kinesis;
        using Amazon.Kinesis.Model;

        class Producer
        {
            private readonly IAmazonKinesis _kinesis;
            Producer(IAmazonKinesis kinesis) => _kinesis = kinesis;

            async Task<int> SendAsync(PutRecordsRequest request, CancellationToken ct)
            {
                var response = await _kinesis.PutRecordsAsync(request, ct);
                return (int)response.HttpStatusCode;
            }
        }
        """;

    private const string DynamoDb = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;

        class Store
        {
            private readonly IAmazonDynamoDB _dynamo;
            Store(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

            async Task<int> WriteAsync(Dictionary<string, List<WriteRequest>> items, CancellationToken ct)
            {
                var response = await _dynamo.BatchWriteItemAsync(items, ct);
                return (int)response.HttpStatusCode;
            }
        }
        """;

    private const string KinesisSync = """
        using Amazon.Kinesis;
        using Amazon.Kinesis.Model;

        class Producer
        {
            int Send(IAmazonKinesis kinesis, PutRecordsRequest request)
            {
                PutRecordsResponse response = kinesis.PutRecords(request);
                return (int)response.HttpStatusCode;
            }
        }
        """;

    public static IEnumerable<object[]> Cases()
    {
        foreach ((string name, string source, string resendCondition, string call) in new[]
        {
            ("Kinesis PutRecords", Kinesis, "pendingResponse.FailedRecordCount > 0", "PutRecordsAsync"),
            ("DynamoDB BatchWriteItem", DynamoDb, "pendingResponse.UnprocessedItems?.Count > 0", "BatchWriteItemAsync"),
            ("Kinesis PutRecords, sync API", KinesisSync, "pendingResponse.FailedRecordCount > 0", "PutRecords"),
        })
        {
            yield return new object[] { name, source, resendCondition, call, true };
            yield return new object[] { name, source, resendCondition, call, false };
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Either_fix_first_leaves_the_other_offered_and_the_result_retries_and_resends(
        string name, string source, string resendCondition, string call, bool throttlingFirst)
    {
        _ = name;
        Document document = CreateDocument(source);
        Assert.Equal(1, await CountAsync(document, new AWS005ThrottlingNotHandledAnalyzer()));
        Assert.Equal(1, await CountAsync(document, new AWS006BatchPartialFailureNotCheckedAnalyzer()));

        (DiagnosticAnalyzer, CodeFixProvider, string) retry = (new AWS005ThrottlingNotHandledAnalyzer(), new AWS005ThrottlingNotHandledCodeFix(), AWS005ThrottlingNotHandledCodeFix.RetryLoopEquivalenceKey);
        (DiagnosticAnalyzer, CodeFixProvider, string) resend = (new AWS006BatchPartialFailureNotCheckedAnalyzer(), new AWS006BatchPartialFailureNotCheckedCodeFix(), AWS006BatchPartialFailureNotCheckedCodeFix.ResendEquivalenceKey);
        foreach ((DiagnosticAnalyzer analyzer, CodeFixProvider fix, string key) in throttlingFirst ? new[] { retry, resend } : new[] { resend, retry })
        {
            document = await FixAllAsync(document, analyzer, fix, key);
        }

        await AssertRetriesAndResendsAsync(document, resendCondition, call);
    }

    [Theory]
    [InlineData("""
        using System.Threading.Tasks;
        using Amazon.KinesisFirehose;
        using Amazon.KinesisFirehose.Model;

        class Shipper
        {
            async Task<int> ShipAsync(IAmazonKinesisFirehose firehose, PutRecordBatchRequest request)
            {
                var response = await firehose.PutRecordBatchAsync(request);
                return (int)response.HttpStatusCode;
            }
        }
        """)]
    [InlineData("""
        using System.Threading.Tasks;
        using Amazon.SQS;
        using Amazon.SQS.Model;

        class Queue
        {
            async Task<int> SendAsync(IAmazonSQS sqs, SendMessageBatchRequest request)
            {
                var response = await sqs.SendMessageBatchAsync(request);
                return (int)response.HttpStatusCode;
            }
        }
        """)]
    public async Task Batches_AWS005_does_not_check_get_only_the_resend(string source)
    {
        // AWS005 checks Kinesis and DynamoDB writes only, so Firehose and SQS batches meet one rule, not both.
        Document document = CreateDocument(source);
        Assert.Equal(0, await CountAsync(document, new AWS005ThrottlingNotHandledAnalyzer()));
        Assert.Equal(1, await CountAsync(document, new AWS006BatchPartialFailureNotCheckedAnalyzer()));

        document = await FixAllAsync(
            document, new AWS006BatchPartialFailureNotCheckedAnalyzer(), new AWS006BatchPartialFailureNotCheckedCodeFix(), AWS006BatchPartialFailureNotCheckedCodeFix.ResendEquivalenceKey);

        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(await DiagnosticsAsync(document, new AWS005ThrottlingNotHandledAnalyzer(), new AWS006BatchPartialFailureNotCheckedAnalyzer()));
    }

    [Fact]
    public async Task Fix_all_with_both_rules_retries_throttling_and_resends_unprocessed_items()
    {
        // Both diagnostics sit on the one call; fixing one at a time applies AWS005's retry first and AWS006's resend
        // after it, Fix All runs each rule's fix over the document in turn. Both end in the same code.
        var test = new BothRulesTest
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                class Store
                {
                    private readonly IAmazonDynamoDB _dynamo;
                    Store(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

                    async Task<int> WriteAsync(Dictionary<string, List<WriteRequest>> items, CancellationToken ct)
                    {
                        var response = await {|AWS005:{|AWS006:_dynamo.BatchWriteItemAsync(items, ct)|}|};
                        return (int)response.HttpStatusCode;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                class Store
                {
                    private readonly IAmazonDynamoDB _dynamo;
                    Store(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

                    async Task<int> WriteAsync(Dictionary<string, List<WriteRequest>> items, CancellationToken ct)
                    {
                        BatchWriteItemResponse response;
                        const int maxAttempts = 5;
                        const int baseDelayMilliseconds = 100;
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                response = await _dynamo.BatchWriteItemAsync(items, ct);
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
                        var pendingResponse = response;
                        for (int resend = 1; pendingResponse.UnprocessedItems?.Count > 0; resend++)
                        {
                            const int maxResends = 3;
                            if (resend > maxResends)
                            {
                                throw new InvalidOperationException($"{pendingResponse.UnprocessedItems.Sum(table => table.Value.Count)} DynamoDB write requests still failed after {maxResends} resends.");
                            }

                            const int baseDelayMilliseconds2 = 100;
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds2 * (1 << resend)), ct);
                            const int maxAttempts2 = 5;
                            const int baseDelayMilliseconds3 = 100;
                            for (var attempt2 = 1; ; attempt2++)
                            {
                                try
                                {
                                    pendingResponse = await _dynamo.BatchWriteItemAsync(pendingResponse.UnprocessedItems, ct);
                                    break;
                                }
                                catch (ProvisionedThroughputExceededException)
                                {
                                    if (attempt2 == maxAttempts2)
                                    {
                                        throw;
                                    }

                                    // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                                    await Task.Delay(Random.Shared.Next(baseDelayMilliseconds3 * (1 << attempt2)), ct);
                                }
                            }
                        }

                        return (int)response.HttpStatusCode;
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    /// <summary>Both analyzers and both fixes over one document, with AWS005 checking DynamoDB as well.</summary>
    private sealed class BothRulesTest : CSharpCodeFixTest<AWS005ThrottlingNotHandledAnalyzer, AWS005ThrottlingNotHandledCodeFix, DefaultVerifier>
    {
        public BothRulesTest()
        {
            TestSetup.Apply(this);
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + BothServices));
            NumberOfIncrementalIterations = -4;
            NumberOfFixAllIterations = -4;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            new DiagnosticAnalyzer[] { new AWS005ThrottlingNotHandledAnalyzer(), new AWS006BatchPartialFailureNotCheckedAnalyzer() };

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() =>
            new CodeFixProvider[] { new AWS005ThrottlingNotHandledCodeFix(), new AWS006BatchPartialFailureNotCheckedCodeFix() };
    }

    private static Document CreateDocument(string source)
    {
        // The stubs with sync client methods, as the .NET Framework builds of the SDK have them.
        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp12))
            .AddMetadataReferences(TestReferences.AllWithSyncMethods);
        project = project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From("root = true\n[*.cs]\n" + BothServices), filePath: "/0/.editorconfig").Project;
        return project.AddDocument("Test0.cs", SourceText.From(source), filePath: "/0/Test0.cs");
    }

    private static async Task<int> CountAsync(Document document, DiagnosticAnalyzer analyzer) => (await DiagnosticsAsync(document, analyzer)).Length;

    /// <summary>
    /// The code compiles, neither rule reports anything, the failed entries are resent in a loop, and every call of
    /// the write (the first one and the resend) is retried on throttling on its own: AWS005 would report one that is not.
    /// </summary>
    private static async Task AssertRetriesAndResendsAsync(Document document, string resendCondition, string call)
    {
        string text = (await document.GetTextAsync()).ToString();
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        Assert.True(
            compilation.GetDiagnostics().All(d => d.Severity != DiagnosticSeverity.Error),
            string.Join("\n", compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + text);
        Assert.True(
            (await DiagnosticsAsync(document, new AWS005ThrottlingNotHandledAnalyzer(), new AWS006BatchPartialFailureNotCheckedAnalyzer())).IsEmpty,
            text);

        SyntaxNode root = (await document.GetSyntaxRootAsync())!;
        // The resend loop is not itself retried: a throttled resend would start over with entries already written.
        ForStatementSyntax resends = Assert.Single(root.DescendantNodes().OfType<ForStatementSyntax>(), loop => loop.Condition?.ToString() == resendCondition);
        Assert.Empty(resends.Ancestors().OfType<TryStatementSyntax>());
        var writes = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method } && method == call)
            .ToList();
        Assert.Equal(2, writes.Count);
        Assert.All(writes, write => Assert.Contains(
            write.Ancestors().OfType<TryStatementSyntax>(),
            tryStatement => tryStatement.Catches.Any(c => c.Declaration?.Type.ToString() == "ProvisionedThroughputExceededException")));
    }
}
