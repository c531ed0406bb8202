using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using AwsAnalyzers.Throttling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Polling;

/// <summary>
/// AWS010: a loop that polls the status of an Athena query, a Glue job run, an EMR cluster, a DynamoDB table or a
/// Kinesis stream and never ends (a terminal value keeps it going), ends early (on one in-progress value of several),
/// or never rests; <c>Thread.Sleep</c> in an async method's polling loop; and a wait for an S3 object the same method
/// has just written, which S3's read-after-write consistency makes pointless.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS010StatusPollingLoopAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.StatusPollingLoop;

    /// <summary>Diagnostic property: which shape was found (<see cref="StuckKind"/>, <see cref="EarlyExitKind"/>, …).</summary>
    public const string KindKey = "Kind";

    public const string StuckKind = "Stuck";
    public const string EarlyExitKind = "EarlyExit";
    public const string NoDelayKind = "NoDelay";
    public const string ThreadSleepKind = "ThreadSleep";
    public const string S3WaitKind = "S3Wait";

    /// <summary>For a stuck or early-exiting loop: the in-progress values to continue on, comma-separated.</summary>
    public const string ContinueKey = "Continue";

    /// <summary>For a stuck loop that used to leave only on success: the success values the code after it assumed.</summary>
    public const string SuccessKey = "Success";

    /// <summary>Metadata name of the status type.</summary>
    public const string StatusTypeKey = "StatusType";

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS010Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS010Description));

    internal static readonly DiagnosticDescriptor StuckRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS010StuckMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor EarlyExitRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS010EarlyExitMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor NoDelayRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS010NoDelayMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor ThreadSleepRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS010ThreadSleepMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor S3WaitRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS010S3WaitMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(StuckRule, EarlyExitRule, NoDelayRule, ThreadSleepRule, S3WaitRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types)
            {
                return;
            }

            var analysis = new Analysis(
                types,
                types.Get("System.Threading.Thread"),
                types.Get("Amazon.Runtime.IAmazonService"),
                new DelayFact(types),
                CallHops.For(start.Compilation));
            var scoped = new WordScopedActions().Add(Analysis.WaitCallWords, analysis.AnalyzeLoop, OperationKind.Loop);
            if (analysis.KnowsThread)
            {
                scoped.Add(s_sleepWords, analysis.AnalyzeInvocation, OperationKind.Invocation);
            }

            scoped.Register(start);
        });
    }

    /// <summary>Whether a call waits: <c>Task.Delay</c>, <c>Thread.Sleep</c>, a periodic timer's tick, or a project method that does one of them.</summary>
    internal sealed class DelayFact : CallFact<bool>
    {
        private readonly INamedTypeSymbol? _task;
        private readonly INamedTypeSymbol? _thread;
        private readonly INamedTypeSymbol? _timer;

        public DelayFact(KnownTypes types)
        {
            _task = types.Get("System.Threading.Tasks.Task");
            _thread = types.Get("System.Threading.Thread");
            _timer = types.Get("System.Threading.PeriodicTimer");
        }

        public override bool Unknown => false;

        /// <summary>The call itself waits (no call hop).</summary>
        public bool IsDelay(IMethodSymbol method) =>
            (method.Name == "Delay" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _task))
            || (method.Name == SleepMethod && SymbolEqualityComparer.Default.Equals(method.ContainingType, _thread))
            || (method.Name == "WaitForNextTickAsync" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _timer));

        public bool Waits(IInvocationOperation invocation, CallHops hops, CancellationToken cancellationToken) =>
            IsDelay(invocation.TargetMethod)
            || (hops.IsProjectMethod(invocation.TargetMethod) && hops.Summary(invocation.TargetMethod, this, cancellationToken));

        public override bool Summarize(IMethodSymbol method, IOperation body, CallHops hops, CancellationToken cancellationToken)
        {
            foreach (IOperation operation in body.Descendants())
            {
                if (operation is IInvocationOperation call && IsDelay(call.TargetMethod))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private const string SleepMethod = "Sleep";

    /// <summary>A sleep names its method: only the types whose files write it get the invocation callbacks.</summary>
    private static readonly WordSet s_sleepWords = WordSet.Of(new[] { SleepMethod });

    private sealed class Analysis
    {
        /// <summary>
        /// The names of the calls a wait is built on: a type whose files write none of them has no loop to walk. Most
        /// loops are the project's own (retries, batches, parsing), in files that call no status operation.
        /// </summary>
        public static readonly WordSet WaitCallWords = WordSet.Of(StatusTable.OperationNames.Concat(S3Wait.HeadNames));

        /// <summary>The same names as texts a loop's span is searched for: a loop that writes none has no wait call to walk to.</summary>
        private static readonly ImmutableArray<string> s_waitCallTexts = SourceIndex.SpanTexts(StatusTable.OperationNames.Concat(S3Wait.HeadNames));

        // The rows of the status table and the S3 wait are resolved when a loop first calls one of their operations:
        // most compilations reference few of these services, and looking up a type a compilation lacks is not cheap.
        private readonly Lazy<ResolvedStatus?>[] _statuses;
        private readonly Lazy<S3Wait?> _s3;
        private readonly INamedTypeSymbol? _thread;
        private readonly INamedTypeSymbol? _service;
        private readonly DelayFact _delay;
        private readonly CallHops _hops;

        public Analysis(KnownTypes types, INamedTypeSymbol? thread, INamedTypeSymbol? service, DelayFact delay, CallHops hops)
        {
            _statuses = new Lazy<ResolvedStatus?>[StatusTable.All.Length];
            for (int i = 0; i < _statuses.Length; i++)
            {
                StatusTable table = StatusTable.All[i];
                _statuses[i] = new Lazy<ResolvedStatus?>(() => ResolvedStatus.Resolve(types, table), LazyThreadSafetyMode.PublicationOnly);
            }

            _s3 = new Lazy<S3Wait?>(() => S3Wait.Create(types), LazyThreadSafetyMode.PublicationOnly);
            _thread = thread;
            _service = service;
            _delay = delay;
            _hops = hops;
        }

        public bool KnowsThread => _thread is not null && _service is not null;

        public void AnalyzeLoop(OperationAnalysisContext context)
        {
            var loop = (ILoopOperation)context.Operation;
            if (loop.Syntax is not StatementSyntax statement
                || !_hops.Source.SpanMayContainAny(statement.SyntaxTree, statement.Span, s_waitCallTexts, context.CancellationToken)
                || CodeThatNeverRuns.Contains(loop))
            {
                return;
            }

            ResolvedStatus? status = null;
            IInvocationOperation? head = null;
            S3Wait? s3 = null;
            foreach (IOperation operation in loop.Descendants())
            {
                if (operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                string name = invocation.TargetMethod.Name;
                if (status is null && StatusTable.IndexOfOperation(name) is var row and >= 0
                    && _statuses[row].Value is { } candidate && candidate.IsStatusCall(invocation))
                {
                    status = candidate;
                }

                if (head is null && S3Wait.IsHeadName(name) && (s3 = _s3.Value) is not null && s3.IsHead(invocation))
                {
                    head = invocation;
                }
            }

            Location location = KeywordLocation(statement);
            if (status is not null)
            {
                AnalyzeStatusLoop(context, loop, status, location);
            }

            if (head is not null && s3!.IsPointlessWait(loop, head, context.Options, context.CancellationToken) is { } target)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    S3WaitRule, location, ImmutableDictionary<string, string?>.Empty.Add(KindKey, S3WaitKind), target));
            }
        }

        private void AnalyzeStatusLoop(OperationAnalysisContext context, ILoopOperation loop, ResolvedStatus status, Location location)
        {
            CancellationToken cancellationToken = context.CancellationToken;
            ImmutableArray<LoopExit> exits = LoopExit.Of(loop, cancellationToken);
            if (exits.IsEmpty)
            {
                return;
            }

            var conditions = new StatusConditions(status, ValueFlow.For(loop, cancellationToken));
            StatusTable table = status.Table;
            ImmutableArray<string> values = table.WaitValues;
            if (!AnyDependsOnStatus(exits, conditions, values))
            {
                // Not a status wait: the loop reads a status but ends on something else.
                return;
            }

            // The values the loop surely goes on polling: no exit is known to be taken on them.
            var continues = new HashSet<string>(StringComparer.Ordinal);
            foreach (string value in values)
            {
                if (!AnyTakenOn(exits, conditions, value))
                {
                    continues.Add(value);
                }
            }

            string statusName = status.StatusType.Name;
            List<string> stuck = values.Where(v => table.IsTerminal(v) && continues.Contains(v)).ToList();
            if (stuck.Count > 0)
            {
                List<string> inProgress = values.Where(v => table.IsInProgress(v) && (continues.Contains(v) || TouchedGroup(table, continues, v))).ToList();
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                    .Add(KindKey, StuckKind)
                    .Add(ContinueKey, string.Join(",", inProgress))
                    .Add(StatusTypeKey, table.StatusType);
                if (table.Failure.All(continues.Contains) && !table.Failure.IsEmpty)
                {
                    // It left only on success, so the code after it takes every exit for success.
                    properties = properties.Add(SuccessKey, string.Join(",", table.Success));
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    StuckRule, location, properties, statusName, string.Join(", ", stuck), string.Join(", ", inProgress)));
            }
            else
            {
                foreach (ImmutableArray<string> group in table.InProgress)
                {
                    List<string> missing = group.Where(v => !continues.Contains(v)).ToList();
                    if (missing.Count > 0 && missing.Count < group.Length)
                    {
                        List<string> inProgress = values.Where(v => table.IsInProgress(v) && (continues.Contains(v) || group.Contains(v))).ToList();
                        context.ReportDiagnostic(Diagnostic.Create(
                            EarlyExitRule,
                            location,
                            ImmutableDictionary<string, string?>.Empty
                                .Add(KindKey, EarlyExitKind)
                                .Add(ContinueKey, string.Join(",", inProgress))
                                .Add(StatusTypeKey, table.StatusType),
                            statusName,
                            string.Join(", ", missing),
                            string.Join(", ", inProgress)));
                        break;
                    }
                }
            }

            if (!RestsOnEveryPath(loop, cancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    NoDelayRule, location, ImmutableDictionary<string, string?>.Empty.Add(KindKey, NoDelayKind), statusName));
            }
        }

        private static bool AnyDependsOnStatus(ImmutableArray<LoopExit> exits, StatusConditions conditions, ImmutableArray<string> values)
        {
            foreach (LoopExit exit in exits)
            {
                if (conditions.DependsOnStatus(exit.Condition, values))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Some exit is known to be taken when the status is <paramref name="value"/>.</summary>
        private static bool AnyTakenOn(ImmutableArray<LoopExit> exits, StatusConditions conditions, string value)
        {
            foreach (LoopExit exit in exits)
            {
                if (conditions.Evaluate(exit.Condition, value) == (exit.ExitsWhen ? Truth.True : Truth.False))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TouchedGroup(StatusTable table, HashSet<string> continues, string value) =>
            table.InProgress.Any(group => group.Contains(value) && group.Any(continues.Contains));

        /// <summary>
        /// True when every path that goes round the loop again waits: a delay (or a project method that waits) that runs on
        /// each iteration, not only in one branch, not in a <c>try</c> whose <c>catch</c> goes round again without it, and
        /// not after a <c>continue</c>.
        /// </summary>
        private bool RestsOnEveryPath(ILoopOperation loop, CancellationToken cancellationToken)
        {
            var continues = new List<IOperation>();
            var delays = new List<IInvocationOperation>();
            foreach (IOperation operation in loop.Descendants())
            {
                switch (operation)
                {
                    case IBranchOperation { BranchKind: BranchKind.Continue } next when SymbolEqualityComparer.Default.Equals(next.Target, loop.ContinueLabel):
                        continues.Add(next);
                        break;
                    case IInvocationOperation call when _delay.Waits(call, _hops, cancellationToken):
                        delays.Add(call);
                        break;
                }
            }

            foreach (IInvocationOperation delay in delays)
            {
                if (RunsOnEveryIteration(delay, loop) && !continues.Any(c => c.Syntax.SpanStart < delay.Syntax.SpanStart))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool RunsOnEveryIteration(IOperation delay, ILoopOperation loop)
        {
            IOperation current = delay;
            while (current.Parent is { } parent && current != loop)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition != current:
                        // One branch waits: the other must leave the loop, or skip the wait only when the loop ends.
                        IOperation? other = conditional.WhenTrue == current ? conditional.WhenFalse : conditional.WhenTrue;
                        if ((other is null && !SkipsOnlyOnTheWayOut(conditional, loop)) || (other is not null && !Loops.Leaves(other, loop)))
                        {
                            return false;
                        }

                        break;
                    case ITryOperation tryOperation when tryOperation.Body == current:
                        foreach (ICatchClauseOperation clause in tryOperation.Catches)
                        {
                            if (!Loops.Leaves(clause.Handler, loop))
                            {
                                return false;
                            }
                        }

                        break;
                    case ICatchClauseOperation:
                    case ISwitchCaseOperation:
                    case ILoopOperation inner when inner != loop:
                    case IConditionalAccessOperation:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical when logical.RightOperand == current:
                    case ICoalesceOperation coalesce when coalesce.WhenNull == current:
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return false;
                }

                current = parent;
            }

            return true;
        }

        /// <summary>
        /// <c>if (!done) await Task.Delay(…);</c> as the last statement of <c>while (!done)</c> or <c>do … while (!done)</c>:
        /// the wait is skipped only when the loop's own condition, read next, ends it.
        /// </summary>
        private static bool SkipsOnlyOnTheWayOut(IConditionalOperation guard, ILoopOperation loop) =>
            loop is IWhileLoopOperation { Condition: { } condition, Body: IBlockOperation { Operations: { IsEmpty: false } statements } }
            && statements[statements.Length - 1] == guard
            && guard.Condition.Syntax.IsEquivalentTo(condition.Syntax, topLevel: false);

        /// <summary>(iv): <c>Thread.Sleep</c> in an async function, in a loop that calls the AWS SDK.</summary>
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name != SleepMethod
                || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _thread)
                || !IsInAsyncFunction(invocation, context.ContainingSymbol)
                || Loops.Enclosing(invocation) is not { } loop
                || CodeThatNeverRuns.Contains(invocation)
                || !CallsTheSdk(loop))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                ThreadSleepRule,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(KindKey, ThreadSleepKind),
                FunctionName(invocation, context.ContainingSymbol)));
        }

        private bool CallsTheSdk(ILoopOperation loop)
        {
            foreach (IOperation operation in loop.Descendants())
            {
                if (operation is IInvocationOperation call && call.TargetMethod.ContainingType.IsOrImplements(_service))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInAsyncFunction(IOperation operation, ISymbol containing)
        {
            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return lambda.Symbol.IsAsync;
                    case ILocalFunctionOperation local:
                        return local.Symbol.IsAsync;
                }
            }

            return containing is IMethodSymbol { IsAsync: true };
        }

        private static string FunctionName(IOperation operation, ISymbol containing)
        {
            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation local)
                {
                    return local.Symbol.Name;
                }
            }

            return containing.Name;
        }
    }

    /// <summary>Where a loop diagnostic goes: the loop's keyword (<c>while</c>, <c>do</c>, <c>for</c>, <c>foreach</c>).</summary>
    private static Location KeywordLocation(StatementSyntax statement) => statement switch
    {
        WhileStatementSyntax whileStatement => whileStatement.WhileKeyword.GetLocation(),
        DoStatementSyntax doStatement => doStatement.DoKeyword.GetLocation(),
        ForStatementSyntax forStatement => forStatement.ForKeyword.GetLocation(),
        CommonForEachStatementSyntax forEach => forEach.ForEachKeyword.GetLocation(),
        _ => statement.GetFirstToken().GetLocation(),
    };
}
