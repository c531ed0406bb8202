using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>
/// The loops <see cref="BackoffWriter"/> writes, through a test fix that wraps every <c>Send</c>/<c>SendAsync</c>
/// statement: retried on <c>TimeoutException</c>, or run again while <c>pending &gt; 0</c>.
/// </summary>
public class BackoffWriterTests
{
    private const string RetryOnException = "Test.RetryOnException";
    private const string RetryWhile = "Test.RetryWhile";

    [Fact]
    public async Task Async_retry_waits_with_the_token_of_the_call()
    {
        await VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class Sender
            {
                Task SendAsync(CancellationToken token) => Task.CompletedTask;

                async Task RunAsync(CancellationToken other, CancellationToken token)
                {
                    [|await SendAsync(token);|]
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Sender
            {
                Task SendAsync(CancellationToken token) => Task.CompletedTask;

                async Task RunAsync(CancellationToken other, CancellationToken token)
                {
                    const int maxAttempts = 3;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await SendAsync(token);
                            break;
                        }
                        catch (TimeoutException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)), token);
                        }
                    }
                }
            }
            """, RetryOnException);
    }

    [Fact]
    public async Task Async_retry_waits_with_the_one_token_in_scope_and_without_one_when_there_is_none()
    {
        await VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Sender
            {
                Task SendAsync() => Task.CompletedTask;

                async Task WithTokenAsync(CancellationToken cancellationToken)
                {
                    [|await SendAsync();|]
                }

                async Task WithoutTokenAsync()
                {
                    [|await SendAsync();|]
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Sender
            {
                Task SendAsync() => Task.CompletedTask;

                async Task WithTokenAsync(CancellationToken cancellationToken)
                {
                    const int maxAttempts = 3;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await SendAsync();
                            break;
                        }
                        catch (TimeoutException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            await Task.Delay(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)), cancellationToken);
                        }
                    }
                }

                async Task WithoutTokenAsync()
                {
                    const int maxAttempts = 3;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await SendAsync();
                            break;
                        }
                        catch (TimeoutException)
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
            }
            """, RetryOnException);
    }

    [Fact]
    public async Task Sync_loop_sleeps_and_names_the_remaining_entries_when_it_gives_up()
    {
        await VerifyAsync("""
            class Sender
            {
                int pending;

                void Send() => pending--;

                void Run(System.Threading.CancellationToken cancellationToken)
                {
                    [|Send();|]
                }
            }
            """, """
            using System;
            using System.Threading;

            class Sender
            {
                int pending;

                void Send() => pending--;

                void Run(System.Threading.CancellationToken cancellationToken)
                {
                    for (int attempt = 1; pending > 0; attempt++)
                    {
                        const int maxAttempts = 2;
                        if (attempt > maxAttempts)
                        {
                            throw new InvalidOperationException($"{pending} entries still failed after {maxAttempts} retries.");
                        }

                        const int baseDelayMilliseconds = 100;
                        Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)));
                        Send();
                    }
                }
            }
            """, RetryWhile);
    }

    [Fact]
    public async Task New_names_avoid_every_name_in_scope_and_in_the_member()
    {
        await VerifyAsync("""
            using System;
            using System.Threading;

            class Sender
            {
                private int baseDelayMilliseconds;

                void Send() { }

                void Run(int attempt)
                {
                    [|Send();|]
                    if (attempt > 1)
                    {
                        var maxAttempts = attempt;
                    }
                }
            }
            """, """
            using System;
            using System.Threading;

            class Sender
            {
                private int baseDelayMilliseconds;

                void Send() { }

                void Run(int attempt)
                {
                    const int maxAttempts2 = 3;
                    const int baseDelayMilliseconds2 = 100;
                    for (var attempt2 = 1; ; attempt2++)
                    {
                        try
                        {
                            Send();
                            break;
                        }
                        catch (TimeoutException)
                        {
                            if (attempt2 == maxAttempts2)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds2 * (1 << attempt2)));
                        }
                    }
                    if (attempt > 1)
                    {
                        var maxAttempts = attempt;
                    }
                }
            }
            """, RetryOnException);
    }

    [Fact]
    public async Task Types_hidden_by_the_users_own_keep_a_qualified_name()
    {
        await VerifyAsync("""
            using System;

            class Thread { }

            class Sender
            {
                void Send() { }

                void Run()
                {
                    [|Send();|]
                }
            }
            """, """
            using System;

            class Thread { }

            class Sender
            {
                void Send() { }

                void Run()
                {
                    const int maxAttempts = 3;
                    const int baseDelayMilliseconds = 100;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            Send();
                            break;
                        }
                        catch (TimeoutException)
                        {
                            if (attempt == maxAttempts)
                            {
                                throw;
                            }

                            // Full jitter: a random wait below the exponential backoff, so throttled writers spread out.
                            System.Threading.Thread.Sleep(Random.Shared.Next(baseDelayMilliseconds * (1 << attempt)));
                        }
                    }
                }
            }
            """, RetryOnException);
    }

    [Fact]
    public async Task Without_Random_Shared_one_static_Random_per_type_is_drawn_under_a_lock()
    {
        // netstandard2.0 and C# 7.3, as a .NET Framework library builds: no Random.Shared.
        var test = new Test
        {
            TestCode = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                class Sender
                {
                    Task SendAsync(CancellationToken token) { return Task.CompletedTask; }

                    async Task RunAsync(CancellationToken token)
                    {
                        [|await SendAsync(token);|]
                    }

                    void Send() { }

                    void Run()
                    {
                        [|Send();|]
                    }
                }

                class Other
                {
                    void Send() { }

                    void Run()
                    {
                        [|Send();|]
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                class Sender
                {
                    private static readonly Random RetryJitter = new Random();

                    Task SendAsync(CancellationToken token) { return Task.CompletedTask; }

                    async Task RunAsync(CancellationToken token)
                    {
                        const int maxAttempts = 3;
                        const int baseDelayMilliseconds = 100;
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                await SendAsync(token);
                                break;
                            }
                            catch (TimeoutException)
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

                                await Task.Delay(delayMilliseconds, token);
                            }
                        }
                    }

                    void Send() { }

                    void Run()
                    {
                        const int maxAttempts = 3;
                        const int baseDelayMilliseconds = 100;
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                Send();
                                break;
                            }
                            catch (TimeoutException)
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

                class Other
                {
                    private static readonly Random RetryJitter = new Random();

                    void Send() { }

                    void Run()
                    {
                        const int maxAttempts = 3;
                        const int baseDelayMilliseconds = 100;
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                Send();
                                break;
                            }
                            catch (TimeoutException)
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
                """,
            CodeActionEquivalenceKey = RetryOnException,
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
        };
        test.TestState.AdditionalReferences.Clear();
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(
            projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp7_3)));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_field_that_takes_the_jitter_name_gets_another_name()
    {
        var test = new Test
        {
            TestCode = """
                using System;
                using System.Threading;

                class Sender
                {
                    private string RetryJitter = "";
                    private int pending;

                    void Send() { }

                    void Run()
                    {
                        [|Send();|]
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading;

                class Sender
                {
                    private static readonly Random RetryJitter2 = new Random();

                    private string RetryJitter = "";
                    private int pending;

                    void Send() { }

                    void Run()
                    {
                        for (int attempt = 1; pending > 0; attempt++)
                        {
                            const int maxAttempts = 2;
                            if (attempt > maxAttempts)
                            {
                                throw new InvalidOperationException($"{pending} entries still failed after {maxAttempts} retries.");
                            }

                            const int baseDelayMilliseconds = 100;
                            int delayMilliseconds;
                            lock (RetryJitter2)
                            {
                                delayMilliseconds = RetryJitter2.Next(baseDelayMilliseconds * (1 << attempt));
                            }

                            Thread.Sleep(delayMilliseconds);
                            Send();
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = RetryWhile,
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
        };
        test.TestState.AdditionalReferences.Clear();
        await test.RunAsync();
    }

    private static Task VerifyAsync(string source, string fixedSource, string equivalenceKey)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        return test.RunAsync();
    }

    private sealed class Test : CSharpCodeFixTest<SendCallAnalyzer, WrapSendFix, DefaultVerifier>
    {
        public Test()
        {
            TestSetup.Apply(this);
        }
    }

    /// <summary>Reports every expression statement, outside a loop, that calls a method named <c>Send</c> or <c>SendAsync</c>.</summary>
    /// <remarks>Never shipped: no release tracking, and the test harness creates it without the export attribute.</remarks>
#pragma warning disable RS1001 // Not exported: only the test harness runs it.
    public sealed class SendCallAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // A test-only rule, in no release.
        public static readonly DiagnosticDescriptor Rule = new(
            "TEST0001", "Send call", "Send call", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(
                operation =>
                {
                    if (operation.Operation is IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement }
                        && !statement.Ancestors().OfType<ForStatementSyntax>().Any()
                        && statement.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "Send" or "SendAsync" }))
                    {
                        operation.ReportDiagnostic(Diagnostic.Create(Rule, statement.GetLocation()));
                    }
                },
                OperationKind.ExpressionStatement);
        }
    }

    /// <summary>Wraps the reported statement in one of the writer's loops.</summary>
    public sealed class WrapSendFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(SendCallAnalyzer.Rule.Id);

        public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(FixAsync);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (string key in new[] { RetryOnException, RetryWhile })
            {
                context.RegisterCodeFix(
                    CodeAction.Create(key, ct => FixAsync(context.Document, ImmutableArray.Create(context.Diagnostics[0]), key, ct), key),
                    context.Diagnostics[0]);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken))!;
            SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken))!;
            DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken);
            var writer = new BackoffWriter(editor, model);
            foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var statement = (ExpressionStatementSyntax)root.FindNode(diagnostic.Location.SourceSpan);
                var invocation = (IInvocationOperation)model.GetOperation(statement.DescendantNodes().OfType<InvocationExpressionSyntax>().First(), cancellationToken)!;
                WaitStyle wait = WaitStyle.For(statement, model, WaitStyle.TokenArgument(invocation), configureAwait: null, cancellationToken: cancellationToken);
                var body = new[] { new CodeLine(0, statement.WithoutTrivia().ToString()) };
                List<CodeLine> lines = key == RetryOnException
                    ? writer.RetryOnException(statement, writer.Reserve(statement, "attempt", "maxAttempts"), 3, writer.Types.Name("System.TimeoutException"), body, bodyExits: false, wait)
                    : writer.RetryWhile(statement, writer.Reserve(statement, "attempt", "maxAttempts"), 2, "pending > 0", "pending", "entries", "retries", body, wait);

                string indent = SourceLayout.Indentation(statement);
                string unit = SourceLayout.IndentationUnit(statement, indent);
                string eol = SourceLayout.EndOfLine(statement);

                // Declarations before the loop become statements of their own; insert them before replacing the
                // statement, which the editor tracks only until then.
                int loopStart = lines.FindIndex(line => line.Text.StartsWith("for ", System.StringComparison.Ordinal));
                editor.InsertBefore(statement, lines.Take(loopStart).Select(line => writer.Parse(CodeLine.Render(new[] { line }, indent, unit, eol))));
                editor.ReplaceNode(statement, writer.Parse(CodeLine.Render(lines.Skip(loopStart), indent, unit, eol)));
            }

            return editor.GetChangedDocument();
        }
    }
}
