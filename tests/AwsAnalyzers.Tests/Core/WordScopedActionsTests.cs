using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
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

    [Fact]
    public async Task Actions_added_together_share_one_type_start_and_each_runs_only_where_its_own_words_are_written()
    {
        var analyzer = new CallAndAssignmentAnalyzer();
        (ImmutableArray<string> calls, AnalyzerTelemetryInfo telemetry) = await RunAsync(
            analyzer,
            new[]
            {
                Service,
                """
                class Options
                {
                    public int Limit { get; set; }
                }
                """,
                """
                class Both
                {
                    void Send(Options options) { options.Limit = 1; Service.PutRecords(); }
                }
                """,
                """
                class CallOnly
                {
                    void Send(Options options) { Service.PutRecords(); Configure(options); }
                    static void Configure(Options options) { options = null; }
                }
                """,
                """
                class AssignmentOnly
                {
                    void Send(Options options) { options.Limit = 2; Service.Other(); }
                }
                """,
                """
                class Neither
                {
                    int count;
                    void Send() { count = 3; Service.Other(); }
                }
                """,
            },
            OutputKind.DynamicallyLinkedLibrary);

        Assert.Equal(
            new[]
            {
                "AssignmentOnly: assignment options.Limit = 2",
                "Both: assignment options.Limit = 1",
                "Both: call Service.PutRecords()",
                "CallOnly: call Configure(options)",
                "CallOnly: call Service.PutRecords()",
            },
            calls.Where(c => !c.StartsWith("Options:", System.StringComparison.Ordinal)));
        Assert.Equal(1, telemetry.SymbolStartActionsCount);
    }

    [Fact]
    public async Task An_action_added_where_a_files_option_holds_runs_in_the_types_with_such_a_file_and_nowhere_else()
    {
        // File1 and File3 turn the action on: TurnedOn and the first part of Split are there.
        string[] files =
        [
            Service,
            "class TurnedOn { void Send() => Service.Other(); }",
            "class LeftAlone { void Send() => Service.Other(); }",
            "partial class Split { void Send() => Service.Other(); }",
            "partial class Split { void Log() => Service.Other(); }",
        ];
        var options = new OptionSetForFiles("/src/File1.cs", "/src/File3.cs");
        (ImmutableArray<string> calls, AnalyzerTelemetryInfo telemetry) = await RunAsync(new OptionScopedCallAnalyzer(), files, OutputKind.DynamicallyLinkedLibrary, options);

        // Both parts of Split: the action is the type's; it is the callback's job to read its own file's option.
        Assert.Equal(new[] { "Split: Service.Other()", "Split: Service.Other()", "TurnedOn: Service.Other()" }, calls);
        Assert.Equal(1, telemetry.SymbolStartActionsCount);
    }

    [Fact]
    public async Task A_files_option_is_read_once_for_all_the_types_the_file_declares()
    {
        // File1 declares three types (one nested) and File2 two: every type asks, and each file's options are read once.
        string[] files =
        [
            Service,
            "class First { void Send() => Service.Other(); class Inner { void Send() => Service.Other(); } } class Second { void Send() => Service.Other(); }",
            "class Third { void Send() => Service.Other(); } class Fourth { void Send() => Service.Other(); }",
        ];
        var analyzer = new CountingOptionAnalyzer();
        (ImmutableArray<string> calls, _) = await RunAsync(analyzer, files, OutputKind.DynamicallyLinkedLibrary, new OptionSetForFiles("/src/File1.cs"));

        Assert.Equal(new[] { "First: Service.Other()", "Inner: Service.Other()", "Second: Service.Other()" }, calls);
        Assert.Equal(1, analyzer.Reads["/src/File1.cs"]);
        Assert.Equal(1, analyzer.Reads["/src/File2.cs"]);
    }

    private static async Task<ImmutableArray<string>> CallbacksAsync(string service, params string[] sources) =>
        await CallbacksAsync(service, sources, OutputKind.DynamicallyLinkedLibrary);

    private static async Task<ImmutableArray<string>> CallbacksAsync(string service, string source, OutputKind outputKind) =>
        await CallbacksAsync(service, new[] { source }, outputKind);

    private static async Task<ImmutableArray<string>> CallbacksAsync(string service, string[] sources, OutputKind outputKind)
    {
        var analyzer = new PutRecordsCallAnalyzer();
        (ImmutableArray<string> calls, _) = await RunAsync(analyzer, sources.Prepend(service).ToArray(), outputKind);
        return calls;
    }

    private static async Task<(ImmutableArray<string> Calls, AnalyzerTelemetryInfo Telemetry)> RunAsync(
        RecordingAnalyzer analyzer, string[] sources, OutputKind outputKind, AnalyzerConfigOptionsProvider? options = null)
    {
        SyntaxTree[] trees = sources
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp12), path: $"/src/File{i}.cs"))
            .ToArray();
        var compilation = CSharpCompilation.Create("UserCode", trees, TestReferences.All, new CSharpCompilationOptions(outputKind));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The test source must compile: " + string.Join("; ", errors.Select(e => e.ToString())));

        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options ?? new OptionSetForFiles()), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        ImmutableArray<Diagnostic> exceptions = await withAnalyzers.GetAllDiagnosticsAsync();
        Assert.DoesNotContain(exceptions, d => d.Id == "AD0001");
        AnalyzerTelemetryInfo telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);

        // Calls in the Service type itself are not asked about: it writes the word too.
        ImmutableArray<string> calls = analyzer.Calls.Where(c => !c.StartsWith("Service:", System.StringComparison.Ordinal)).OrderBy(c => c, System.StringComparer.Ordinal).ToImmutableArray();
        return (calls, telemetry);
    }

#pragma warning disable RS1036, RS1041, RS2008
    private abstract class RecordingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("TEST001", "Never", "Never", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public ConcurrentBag<string> Calls { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
            context.RegisterCompilationStartAction(Start);
        }

        /// <summary>What the analyzer registers at compilation start: the actions under test.</summary>
        protected abstract void Start(CompilationStartAnalysisContext start);

        /// <summary>Records an operation's callback as its type's name and the operation's code.</summary>
        protected void Record(OperationAnalysisContext operation, string kind = "") =>
            Calls.Add(operation.ContainingSymbol.ContainingType.Name + ": " + kind + operation.Operation.Syntax);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class PutRecordsCallAnalyzer : RecordingAnalyzer
    {
        private static readonly WordSet s_words = WordSet.Of(new[] { "PutRecords" });

        protected override void Start(CompilationStartAnalysisContext start) =>
            start.RegisterOperationActionWhereWritten(s_words, operation => Record(operation), OperationKind.Invocation);
    }

    /// <summary>Two actions with their own words, added to one <see cref="WordScopedActions"/>.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CallAndAssignmentAnalyzer : RecordingAnalyzer
    {
        private static readonly WordSet s_callWords = WordSet.Of(new[] { "PutRecords" });
        private static readonly WordSet s_assignmentWords = WordSet.Of(new[] { "Limit" });

        protected override void Start(CompilationStartAnalysisContext start) => new WordScopedActions()
            .Add(s_callWords, operation => Record(operation, "call "), OperationKind.Invocation)
            .Add(s_assignmentWords, operation => Record(operation, "assignment "), OperationKind.SimpleAssignment)
            .Register(start);
    }

    /// <summary>A call action on the files whose options set <c>test.calls = true</c>, beside a word-scoped one.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OptionScopedCallAnalyzer : RecordingAnalyzer
    {
        private static readonly WordSet s_words = WordSet.Of(new[] { "PutRecords" });

        protected override void Start(CompilationStartAnalysisContext start) => new WordScopedActions()
            .Add(s_words, _ => { }, OperationKind.Invocation)
            .AddWhere(
                static (options, tree) => options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(OptionSetForFiles.Key, out string? value) && value == "true",
                operation => Record(operation),
                OperationKind.Invocation)
            .Register(start);
    }
    /// <summary>A call action on the files whose options set <c>test.calls = true</c>, counting each file's reads of the option.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CountingOptionAnalyzer : RecordingAnalyzer
    {
        /// <summary>How many times the option was read for each file.</summary>
        public ConcurrentDictionary<string, int> Reads { get; } = new();

        protected override void Start(CompilationStartAnalysisContext start) => new WordScopedActions()
            .AddWhere(
                (options, tree) =>
                {
                    Reads.AddOrUpdate(tree.FilePath, 1, (_, n) => n + 1);
                    return options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(OptionSetForFiles.Key, out string? value) && value == "true";
                },
                operation => Record(operation),
                OperationKind.Invocation)
            .Register(start);
    }
#pragma warning restore RS1036, RS1041, RS2008

    /// <summary>Options that set <see cref="Key"/> to <c>true</c> for the files at the given paths and nothing elsewhere.</summary>
    private sealed class OptionSetForFiles : AnalyzerConfigOptionsProvider
    {
        public const string Key = "test.calls";

        private readonly ImmutableHashSet<string> _paths;

        public OptionSetForFiles(params string[] paths) => _paths = paths.ToImmutableHashSet();

        public override AnalyzerConfigOptions GlobalOptions => Values.None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _paths.Contains(tree.FilePath) ? Values.CallsOn : Values.None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.None;

        private sealed class Values : AnalyzerConfigOptions
        {
            public static readonly Values None = new(ImmutableDictionary<string, string>.Empty);
            public static readonly Values CallsOn = new(ImmutableDictionary<string, string>.Empty.Add(Key, "true"));

            private readonly ImmutableDictionary<string, string> _values;

            private Values(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
