using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Sqs;

/// <summary>
/// AWS011: <c>IAmazonSQS.ReceiveMessage[Async]</c> called again and again (in a loop, or in a hosted service's
/// <c>ExecuteAsync</c>) with short polling: the queue-URL overload, or a request built here whose
/// <c>WaitTimeSeconds</c> is never set or is 0. Every empty answer is a billed request, and short polling samples only
/// some of the queue's servers, so it also answers empty while messages wait.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS011ReceiveWithoutLongPollingAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ReceiveWithoutLongPolling;

    /// <summary>Diagnostic property: <see cref="QueueUrlShape"/> or <see cref="RequestShape"/>.</summary>
    public const string ShapeKey = "Shape";

    /// <summary>The <c>(string queueUrl)</c> overload; the fix turns the URL into a request.</summary>
    public const string QueueUrlShape = "QueueUrl";

    /// <summary>
    /// A request created in the method. The diagnostic's first additional location is its creation; the others, when
    /// there are any, are the constant 0 values written to <c>WaitTimeSeconds</c>.
    /// </summary>
    public const string RequestShape = "Request";

    /// <summary>The longest wait SQS allows, in seconds; the fix's value.</summary>
    public const int MaxWaitTimeSeconds = 20;

    internal const string WaitTimeSecondsProperty = "WaitTimeSeconds";
    internal const string ReceiveMessageRequestName = "Amazon.SQS.Model.ReceiveMessageRequest";
    internal const string QueueAttributeName = "ReceiveMessageWaitTimeSeconds";
    private const string ReceiveMethod = "ReceiveMessage";

    /// <summary>A receive names its method: only the types whose files write it get the invocation callbacks.</summary>
    private static readonly WordSet s_receiveWords = WordSet.OfMethods(ReceiveMethod);

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId,
        title: RuleText.Get(nameof(AnalyzerResources.AWS011Title)),
        messageFormat: RuleText.Get(nameof(AnalyzerResources.AWS011MessageFormat)),
        RuleCategories.Cost,
        DiagnosticSeverity.Warning,
        description: RuleText.Get(nameof(AnalyzerResources.AWS011Description)));

    /// <summary>Why the receive short-polls, as the message says it: words, so they follow the message's language.</summary>
    private static readonly LocalizableString s_queueUrlOverload = RuleText.Get(nameof(AnalyzerResources.AWS011QueueUrlOverload));
    private static readonly LocalizableString s_waitNeverSet = RuleText.Get(nameof(AnalyzerResources.AWS011WaitNeverSet));
    private static readonly LocalizableString s_waitZero = RuleText.Get(nameof(AnalyzerResources.AWS011WaitZero));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types
                || types.Get("Amazon.SQS.IAmazonSQS") is not { } sqs
                || types.Get(ReceiveMessageRequestName) is not { } request)
            {
                return;
            }

            var analysis = new Analysis(
                sqs,
                types.Get("Amazon.SQS.AmazonSQSClient"),
                request,
                types.Get("Amazon.SQS.Model.ReceiveMessageResponse"),
                types.Get("Microsoft.Extensions.Hosting.BackgroundService"),
                SourceIndex.For(start.Compilation));
            start.RegisterOperationActionWhereWritten(s_receiveWords, analysis.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    /// <summary>What the request of one receive says about its wait.</summary>
    private enum Wait
    {
        /// <summary>Long polling, or a value we cannot see (a field, a parameter, a factory, a variable): silent.</summary>
        LongOrUnknown,

        /// <summary>The queue-URL overload: never waits.</summary>
        QueueUrlOverload,

        /// <summary>A request built here that never sets <c>WaitTimeSeconds</c>.</summary>
        NeverSet,

        /// <summary>A request built here whose every <c>WaitTimeSeconds</c> is constant 0 (or null).</summary>
        Zero,
    }

    private sealed class Analysis
    {
        private readonly INamedTypeSymbol _sqs;
        private readonly INamedTypeSymbol? _client;
        private readonly INamedTypeSymbol _request;
        private readonly INamedTypeSymbol? _response;
        private readonly INamedTypeSymbol? _backgroundService;
        private readonly SourceIndex _source;

        /// <summary>0 not yet known, 1 some queue of the compilation is configured to long-poll, 2 none is.</summary>
        private int _queueLongPolling;

        public Analysis(
            INamedTypeSymbol sqs, INamedTypeSymbol? client, INamedTypeSymbol request, INamedTypeSymbol? response,
            INamedTypeSymbol? backgroundService, SourceIndex source)
        {
            _sqs = sqs;
            _client = client;
            _request = request;
            _response = response;
            _backgroundService = backgroundService;
            _source = source;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (method.Name is not (ReceiveMethod + "Async" or ReceiveMethod)
                || method.Parameters.IsEmpty
                || !(method.ContainingType.IsOrImplements(_sqs) || method.ContainingType.IsOrDerivesFrom(_client))
                || CodeThatNeverRuns.Contains(invocation)
                || CodeThatNeverRuns.IsCallOnTestDouble(invocation, context.CancellationToken))
            {
                return;
            }

            ILoopOperation? loop = Loops.Enclosing(invocation);
            if ((loop is null && !IsHostedServiceLoop(context.ContainingSymbol))
                || RuleOptions.QueueLevelLongPolling.Read(context.Options, invocation.Syntax.SyntaxTree))
            {
                return;
            }

            var zeroWrites = ImmutableArray.CreateBuilder<IOperation>();
            IObjectCreationOperation? creation = null;
            Wait wait = method.Parameters[0].Type.SpecialType == SpecialType.System_String
                ? Wait.QueueUrlOverload
                : RequestWait(invocation, zeroWrites, out creation, context.CancellationToken);
            if (wait == Wait.LongOrUnknown
                || (loop is not null && IsDrainLoop(loop, context.CancellationToken))
                || (wait != Wait.Zero && SomeQueueLongPolls(context.CancellationToken)))
            {
                return;
            }

            // Whether the client's own config would time out a long wait decides only whether the fix is offered: the fix
            // reads it, so the build does not look for the client's creation at every report.
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                .Add(ShapeKey, wait == Wait.QueueUrlOverload ? QueueUrlShape : RequestShape);

            var additional = ImmutableArray.CreateBuilder<Location>();
            if (creation is not null)
            {
                additional.Add(creation.Syntax.GetLocation());
                foreach (IOperation zero in zeroWrites)
                {
                    additional.Add(zero.Syntax.GetLocation());
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                invocation.Syntax.GetLocation(),
                additional.ToImmutable(),
                properties,
                method.Name,
                wait switch
                {
                    Wait.QueueUrlOverload => s_queueUrlOverload,
                    Wait.NeverSet => s_waitNeverSet,
                    _ => s_waitZero,
                }));
        }

        /// <summary>A <c>BackgroundService.ExecuteAsync</c> override: the host runs it for the life of the process.</summary>
        private bool IsHostedServiceLoop(ISymbol containing)
        {
            for (IMethodSymbol? method = containing as IMethodSymbol; method is not null; method = method.OverriddenMethod)
            {
                if (method is { Name: "ExecuteAsync", IsOverride: false } && SymbolEqualityComparer.Default.Equals(method.ContainingType, _backgroundService))
                {
                    return true;
                }
            }

            return false;
        }

        private Wait RequestWait(
            IInvocationOperation invocation, ImmutableArray<IOperation>.Builder zeroWrites, out IObjectCreationOperation? creation, CancellationToken cancellationToken)
        {
            creation = null;
            IArgumentOperation? argument = null;
            foreach (IArgumentOperation candidate in invocation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.Parameter?.Type, _request))
                {
                    argument = candidate;
                }
            }

            if (argument is null)
            {
                return Wait.LongOrUnknown;
            }

            IOperation value = argument.Value.WalkDownConversions();
            ValueFlow? flow = null;
            ILocalSymbol? local = null;
            if (value is ILocalReferenceOperation reference)
            {
                // A request built in this method and sent here; one from a field, a parameter or a factory may be set
                // up elsewhere.
                local = reference.Local;
                flow = ValueFlow.For(invocation, cancellationToken);
                value = flow.SingleValue(local)?.WalkDownConversions() ?? value;
            }

            if (value is not IObjectCreationOperation created || !SymbolEqualityComparer.Default.Equals(created.Type, _request)
                || (flow is not null && flow.Escapes(created, keepsArgument: null, cancellationToken)))
            {
                return Wait.LongOrUnknown;
            }

            creation = created;
            bool written = false;
            if (created.Initializer is { } initializer)
            {
                foreach (IOperation element in initializer.Initializers)
                {
                    if (element is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: WaitTimeSecondsProperty } } assignment)
                    {
                        written = true;
                        if (!IsZero(assignment.Value))
                        {
                            return Wait.LongOrUnknown;
                        }

                        zeroWrites.Add(assignment.Value);
                    }
                }
            }

            if (flow is not null && local is not null)
            {
                foreach (IOperation read in flow.Reads(local))
                {
                    if (read.Parent is IPropertyReferenceOperation { Property.Name: WaitTimeSecondsProperty } property && property.Instance == read)
                    {
                        if (property.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != property)
                        {
                            // Read (`request.WaitTimeSeconds ?? 20`) or combined (`+=`): not a plain constant write.
                            if (property.Parent is IAssignmentOperation)
                            {
                                return Wait.LongOrUnknown;
                            }

                            continue;
                        }

                        written = true;
                        if (!IsZero(assignment.Value))
                        {
                            return Wait.LongOrUnknown;
                        }

                        zeroWrites.Add(assignment.Value);
                    }
                }
            }

            return written ? Wait.Zero : Wait.NeverSet;
        }

        /// <summary>Constant 0, or null (v4's <c>int?</c> unset): short polling.</summary>
        private static bool IsZero(IOperation value)
        {
            Optional<object?> constant = value.WalkDownConversions().ConstantValue;
            return constant.HasValue && (constant.Value is null or 0);
        }

        /// <summary>
        /// A loop that stops once a receive returns no message (a purge or a drain): it wants the empty answer at once.
        /// It reads the response's <c>Messages</c> (directly, or through a local it stores them or a test of them in)
        /// in the loop's condition, or in the condition of an <c>if</c> that leaves the loop.
        /// </summary>
        private bool IsDrainLoop(ILoopOperation loop, CancellationToken cancellationToken)
        {
            if (_response is null)
            {
                return false;
            }

            // The body's value flow is asked for only when the messages go into a local first: a drain test on the
            // response itself (`if (response.Messages.Count == 0) break;`) and a loop over the messages need none.
            ValueFlow? flow = null;
            ValueFlow Flow() => flow ??= ValueFlow.For(loop, cancellationToken);
            foreach (IOperation operation in loop.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is IPropertyReferenceOperation { Property.Name: "Messages" } messages
                    && SymbolEqualityComparer.Default.Equals(messages.Property.ContainingType, _response)
                    && DecidesExit(messages, loop, Flow, depth: 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DecidesExit(IOperation value, ILoopOperation loop, Func<ValueFlow> flow, int depth)
        {
            for (IOperation current = value; current.Parent is { } parent && current != loop; current = parent)
            {
                switch (parent)
                {
                    case IWhileLoopOperation whileLoop when whileLoop == loop && whileLoop.Condition == current:
                    case IForLoopOperation forLoop when forLoop == loop && forLoop.Condition == current:
                        return true;
                    case IConditionalOperation conditional when conditional.Condition == current && conditional.Type is null:
                        return Loops.Leaves(conditional.WhenTrue, loop) || (conditional.WhenFalse is { } whenFalse && Loops.Leaves(whenFalse, loop));
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local } } assignment when assignment.Value == current:
                        return depth == 0 && LocalDecidesExit(local, loop, flow);
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var declared } }:
                        return depth == 0 && LocalDecidesExit(declared, loop, flow);
                    case IExpressionStatementOperation or IBlockOperation:
                        return false;
                }
            }

            return false;
        }

        private static bool LocalDecidesExit(ILocalSymbol local, ILoopOperation loop, Func<ValueFlow> flow)
        {
            foreach (IOperation read in flow().Reads(local))
            {
                if (Loops.IsInside(read, loop) && DecidesExit(read, loop, flow, depth: 1))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when some code of the compilation creates or configures a queue with <c>ReceiveMessageWaitTimeSeconds</c>
        /// other than a constant 0: that queue long-polls a receive that does not set its own wait, and which queue a
        /// receive reads is not known here. A request's own <c>WaitTimeSeconds = 0</c> overrides the queue's setting, so
        /// it is reported all the same.
        /// </summary>
        private bool SomeQueueLongPolls(CancellationToken cancellationToken)
        {
            if (_queueLongPolling == 0)
            {
                bool configured = false;
                foreach (SyntaxToken token in _source.Occurrences(QueueAttributeName, cancellationToken))
                {
                    configured |= token.Parent is IdentifierNameSyntax name && SetsNonZero(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name);
                }

                foreach (SyntaxToken token in _source.StringLiterals(QueueAttributeName, cancellationToken))
                {
                    configured |= token.Parent is LiteralExpressionSyntax literal && SetsNonZero(literal);
                }

                Interlocked.CompareExchange(ref _queueLongPolling, configured ? 1 : 2, 0);
            }

            return _queueLongPolling == 1;
        }

        /// <summary>
        /// <c>[key] = value</c>, <c>{ key, value }</c>, <c>x[key] = value</c> or <c>x.Add(key, value)</c> with a value that
        /// is not the literal <c>"0"</c>. A list of attribute names to read (<c>AttributeNames = { key }</c>) sets nothing.
        /// </summary>
        private static bool SetsNonZero(ExpressionSyntax key)
        {
            ExpressionSyntax? value = key.Parent switch
            {
                ArgumentSyntax { Parent: BracketedArgumentListSyntax { Parent: ExpressionSyntax indexer } }
                    when indexer.Parent is AssignmentExpressionSyntax assignment && assignment.Left == indexer => assignment.Right,
                InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Expressions: { Count: 2 } pair }
                    when pair[0] == key => pair[1],
                ArgumentSyntax { Parent: ArgumentListSyntax { Arguments: { Count: 2 } arguments, Parent: InvocationExpressionSyntax call } }
                    when arguments[0].Expression == key && IsAdd(call) => arguments[1].Expression,
                _ => null,
            };

            return value is not null
                && !(value is LiteralExpressionSyntax { Token.Value: string text }
                    && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) && seconds <= 0);
        }

        private static bool IsAdd(InvocationExpressionSyntax call) => call.Expression switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "TryAdd" } => true,
            IdentifierNameSyntax { Identifier.ValueText: "Add" } => true,
            _ => false,
        };
    }
}
