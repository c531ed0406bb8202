using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>
/// <see cref="WordScopedActions"/> gives a rule the callbacks of the types whose files write its words, each once, and
/// none elsewhere.
/// </summary>
public class WordScopedActionsTests
{
    private const string Service = """
        public static class Service
        {
            public static void PutRecords() { }
            public static void Other() { }
        }
        """;

    [Fact]
    public async Task A_type_that_writes_the_word_gets_its_callbacks_and_one_that_does_not_gets_none()
    {
        ImmutableArray<string> calls = await CallbacksAsync(
            Service,
            """
            class Producer
            {
                void Send() { Service.PutRecords(); Service.Other(); }
            }
            """,
            """
            class Unrelated
            {
                void Work() { Service.Other(); }
            }
            """);

        Assert.Equal(new[] { "Producer: Service.Other()", "Producer: Service.PutRecords()" }, calls);
    }

    [Fact]
    public async Task A_nested_type_gets_each_callback_once()
    {
        ImmutableArray<string> calls = await CallbacksAsync(
            Service,
            """
            class Outer
            {
                void Send() => Service.PutRecords();

                class Inner
                {
                    void Send() => Service.PutRecords();

                    class Innermost
                    {
                        void Send() { System.Action send = () => Service.PutRecords(); send(); }
                    }
                }
            }
            """);

        Assert.Equal(
            new[] { "Inner: Service.PutRecords()", "Innermost: Service.PutRecords()", "Innermost: send()", "Outer: Service.PutRecords()" },
            calls);
    }

    [Fact]
    public async Task Each_part_of_a_partial_type_gets_the_callbacks_when_one_part_writes_the_word()
    {
        ImmutableArray<string> calls = await CallbacksAsync(
            Service,
            "partial class Producer { void Send() => Service.PutRecords(); }",
            "partial class Producer { void Log() => Service.Other(); }");

        Assert.Equal(new[] { "Producer: Service.Other()", "Producer: Service.PutRecords()" }, calls);
    }

    [Fact]
    public async Task Top_level_statements_get_their_callbacks()
    {
        ImmutableArray<string> calls = await CallbacksAsync(Service, "Service.PutRecords();", outputKind: OutputKind.ConsoleApplication);

        Assert.Equal(new[] { "Program: Service.PutRecords()" }, calls);
    }

    [Fact]
    public async Task A_word_in_a_comment_or_a_string_is_enough_and_a_longer_word_is_not()
    {
        ImmutableArray<string> calls = await CallbacksAsync(
            Service,
            """
            class Commented
            {
                // PutRecords is called elsewhere
                void Work() => Service.Other();
            }
            """,
            """
            class Logged
            {
                string Work() { Service.Other(); return "sent by PutRecords"; }
            }
            """,
            """
            class Longer
            {
                void PutRecordsLater() => Service.Other();
            }
            """);

        Assert.Equal(new[] { "Commented: Service.Other()", "Logged: Service.Other()" }, calls);
    }

    private static async Task<ImmutableArray<string>> CallbacksAsync(string service, params string[] sources) =>
        await CallbacksAsync(service, sources, OutputKind.DynamicallyLinkedLibrary);

    private static async Task<ImmutableArray<string>> CallbacksAsync(string service, string source, OutputKind outputKind) =>
        await CallbacksAsync(service, new[] { source }, outputKind);

    private static async Task<ImmutableArray<string>> CallbacksAsync(string service, string[] sources, OutputKind outputKind)
    {
        SyntaxTree[] trees = sources.Prepend(service)
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp12), path: $"/src/File{i}.cs"))
            .ToArray();
        var compilation = CSharpCompilation.Create("UserCode", trees, TestReferences.All, new CSharpCompilationOptions(outputKind));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The test source must compile: " + string.Join("; ", errors.Select(e => e.ToString())));

        var analyzer = new PutRecordsCallAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));
        ImmutableArray<Diagnostic> exceptions = await withAnalyzers.GetAllDiagnosticsAsync();
        Assert.DoesNotContain(exceptions, d => d.Id == "AD0001");

        // Calls in the Service type itself are not asked about: it writes the word too.
        return analyzer.Calls.Where(c => !c.StartsWith("Service:", System.StringComparison.Ordinal)).OrderBy(c => c, System.StringComparer.Ordinal).ToImmutableArray();
    }

#pragma warning disable RS1036, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class PutRecordsCallAnalyzer : DiagnosticAnalyzer
    {
        private static readonly WordSet s_words = WordSet.Of(new[] { "PutRecords" });

        private static readonly DiagnosticDescriptor Never = new("TEST001", "Never", "Never", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public ConcurrentBag<string> Calls { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
            context.RegisterCompilationStartAction(start => start.RegisterOperationActionWhereWritten(
                s_words,
                operation => Calls.Add(operation.ContainingSymbol.ContainingType.Name + ": " + operation.Operation.Syntax),
                OperationKind.Invocation));
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
