using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.CloudWatch;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// AWS016: a side call that makes a Lambda handler wait on every invocation. A <c>RequestResponse</c> invoke (the
/// default <c>InvocationType</c>) holds the caller while the other function runs, and both count against concurrency;
/// <c>PutMetricData</c> is a billed API call per invocation where the embedded metric format in the log costs none.
/// </summary>
/// <remarks>
/// Handlers come from <see cref="LambdaHandlers"/>, and a call one hop away from a handler through
/// <see cref="CallHops"/>. A compilation without a Lambda marker, or without AWSSDK.Lambda and AWSSDK.CloudWatch,
/// registers nothing.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS016SynchronousSideCallAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.SynchronousSideCall;

    /// <summary>Diagnostic property on an invoke whose answer the code does not need: the fix may make it asynchronous.</summary>
    public const string EventInvocationProperty = "EventInvocation";

    /// <summary>Diagnostic property on a <c>PutMetricData</c> call the fix may write as one embedded-metric-format log line.</summary>
    public const string EmbeddedMetricProperty = "EmbeddedMetric";

    internal const string LambdaClientName = "Amazon.Lambda.IAmazonLambda";
    internal const string InvokeRequestName = "Amazon.Lambda.Model.InvokeRequest";
    internal const string InvocationTypeName = "Amazon.Lambda.InvocationType";
    internal const string CloudWatchClientName = "Amazon.CloudWatch.IAmazonCloudWatch";

    internal const string InvocationTypeProperty = "InvocationType";
    internal const string StatusCodeProperty = "StatusCode";

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS016Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS016Description));

    /// <summary>A synchronous (RequestResponse) invoke of another function.</summary>
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS016MessageFormat)), RuleCategories.Performance, DiagnosticSeverity.Warning, Description);

    /// <summary>A CloudWatch PutMetricData call.</summary>
    internal static readonly DiagnosticDescriptor MetricRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS016MetricMessageFormat)), RuleCategories.Performance, DiagnosticSeverity.Warning, Description);

    private static readonly LocalizableString s_lambdaHandlerName = RuleText.Get(nameof(AnalyzerResources.AWS016LambdaHandlerName));

    private static readonly ImmutableDictionary<string, string?> s_eventInvocation = ImmutableDictionary<string, string?>.Empty.Add(EventInvocationProperty, "true");
    private static readonly ImmutableDictionary<string, string?> s_embeddedMetric = ImmutableDictionary<string, string?>.Empty.Add(EmbeddedMetricProperty, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, MetricRule);

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

            INamedTypeSymbol? lambda = types.Get(LambdaClientName);
            INamedTypeSymbol? cloudWatch = types.Get(CloudWatchClientName);
            if ((lambda is null && cloudWatch is null)
                || LambdaHandlers.For(start.Compilation, start.Options, start.CancellationToken) is not { } handlers)
            {
                return;
            }

            var analysis = new CompilationAnalysis(lambda, types.Get(InvokeRequestName), types.Get(InvocationTypeName), cloudWatch, handlers, CallHops.For(start.Compilation));
            start.RegisterOperationActionWhereWritten(s_sideCallWords, analysis.OnInvocation, OperationKind.Invocation);
        });
    }

    /// <summary>What an invoke request's <c>InvocationType</c> is at the call.</summary>
    private enum InvocationKind
    {
        /// <summary>Unset (the service's default) or <c>RequestResponse</c>: the caller waits.</summary>
        Synchronous,

        /// <summary><c>Event</c>, <c>DryRun</c>, or a value the code computes: not reported.</summary>
        NotSynchronous,
    }

    private const string InvokeMethod = "Invoke";
    private const string PutMetricDataMethod = "PutMetricData";

    /// <summary>A side call names its method: only the types whose files write one get the invocation callbacks.</summary>
    private static readonly WordSet s_sideCallWords = WordSet.OfMethods(InvokeMethod, PutMetricDataMethod);

    private sealed class CompilationAnalysis
    {
        private readonly INamedTypeSymbol? _lambda;
        private readonly INamedTypeSymbol? _invokeRequest;
        private readonly INamedTypeSymbol? _invocationType;
        private readonly INamedTypeSymbol? _cloudWatch;
        private readonly LambdaHandlers _handlers;
        private readonly CallHops _hops;

        public CompilationAnalysis(
            INamedTypeSymbol? lambda, INamedTypeSymbol? invokeRequest, INamedTypeSymbol? invocationType, INamedTypeSymbol? cloudWatch,
            LambdaHandlers handlers, CallHops hops)
        {
            _lambda = lambda;
            _invokeRequest = invokeRequest;
            _invocationType = invocationType;
            _cloudWatch = cloudWatch;
            _handlers = handlers;
            _hops = hops;
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;

            // The name written in the code first: every other call of the project stops here.
            string? name = invocation.WrittenMethodName();
            bool invoke = name is InvokeMethod or InvokeMethod + "Async";
            if (!invoke && name is not (PutMetricDataMethod or PutMetricDataMethod + "Async"))
            {
                return;
            }

            IMethodSymbol target = invocation.TargetMethod;
            INamedTypeSymbol? client = invoke ? _lambda : _cloudWatch;
            if (client is null || !target.ContainingType.IsOrImplements(client) || CodeThatNeverRuns.Contains(invocation))
            {
                return;
            }

            if (context.ContainingSymbol is not IMethodSymbol member)
            {
                return;
            }

            // The handler the call's own function is, else whether one call hop can find one; the callers are searched
            // last, after the request has shown the invoke is synchronous.
            HandlerSite site = _handlers.SiteOf(invocation, member, context.CancellationToken);
            if (site.HandlerName is null && !(site.DirectlyInMember && CanBeCalledPerInvocation(member)))
            {
                return;
            }

            if (invoke
                && (Request(invocation) is not { } request || Kind(request, invocation, context.CancellationToken) != InvocationKind.Synchronous))
            {
                return;
            }

            if ((site.HandlerName ?? _handlers.CallingHandler(member, _hops, counts: null, context.CancellationToken)) is not { } handler)
            {
                return;
            }

            object handlerArgument = handler == LambdaHandlers.LambdaDisplay ? s_lambdaHandlerName : handler;
            if (!invoke)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    MetricRule, invocation.Syntax.GetLocation(), EmbeddedMetrics.Read(invocation) is not null ? s_embeddedMetric : null, target.Name, handlerArgument));
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule, invocation.Syntax.GetLocation(), AnswerIsUnused(invocation, context.CancellationToken) ? s_eventInvocation : null, target.Name, handlerArgument));
        }

        /// <summary>
        /// A member a handler's call runs on each invocation: a method or getter. Constructors and initializers run at
        /// init (once per execution environment) when the handler's type is built.
        /// </summary>
        private static bool CanBeCalledPerInvocation(IMethodSymbol member) =>
            member.OriginalDefinition.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet;

        /// <summary>The <c>InvokeRequest</c> argument, under its conversions.</summary>
        private IOperation? Request(IInvocationOperation invocation)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, _invokeRequest))
                {
                    return argument.Value.WalkDownConversions();
                }
            }

            return null;
        }

        /// <summary>
        /// The request's invocation type at the call: read from its creation's initializer and the assignments to a
        /// local that holds it. A request that comes from elsewhere (a parameter, a field, a call) or leaves the body
        /// before the call may be set to anything: not synchronous, for precision.
        /// </summary>
        private InvocationKind Kind(IOperation request, IInvocationOperation call, CancellationToken cancellationToken)
        {
            switch (request)
            {
                case IObjectCreationOperation creation:
                    return KindInInitializer(creation);
                case ILocalReferenceOperation { Local: var local }:
                    ValueFlow flow = ValueFlow.For(call, cancellationToken);
                    if (flow.SingleValue(local)?.WalkDownConversions() is not IObjectCreationOperation created
                        || KindInInitializer(created) != InvocationKind.Synchronous)
                    {
                        return InvocationKind.NotSynchronous;
                    }

                    foreach (IOperation read in flow.Reads(local))
                    {
                        if (read.Parent is IPropertyReferenceOperation { Property.Name: InvocationTypeProperty } property
                            && property.Parent is ISimpleAssignmentOperation assignment && assignment.Target == property
                            && !IsRequestResponse(assignment.Value))
                        {
                            return InvocationKind.NotSynchronous;
                        }

                        if (IsHandedOn(read, call))
                        {
                            return InvocationKind.NotSynchronous;
                        }
                    }

                    return InvocationKind.Synchronous;
                default:
                    return InvocationKind.NotSynchronous;
            }
        }

        private InvocationKind KindInInitializer(IObjectCreationOperation creation)
        {
            if (creation.Initializer is { } initializer)
            {
                foreach (IOperation member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: InvocationTypeProperty } } assignment
                        && !IsRequestResponse(assignment.Value))
                    {
                        return InvocationKind.NotSynchronous;
                    }
                }
            }

            return InvocationKind.Synchronous;
        }

        /// <summary><c>InvocationType.RequestResponse</c>, or the string <c>"RequestResponse"</c> through the implicit conversion.</summary>
        private bool IsRequestResponse(IOperation value)
        {
            if (value is IConversionOperation { Operand.ConstantValue: { HasValue: true, Value: string text } })
            {
                return text == "RequestResponse";
            }

            return value.WalkDownConversions() is IFieldReferenceOperation { Field.Name: "RequestResponse" } field
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _invocationType);
        }

        /// <summary>A read of the request other than as the call's argument or the instance of a property: it may be changed there.</summary>
        private static bool IsHandedOn(IOperation read, IInvocationOperation call)
        {
            IOperation value = read;
            while (value.Parent is IConversionOperation)
            {
                value = value.Parent;
            }

            return value.Parent switch
            {
                IArgumentOperation { Parent: var owner } => owner != call,
                IPropertyReferenceOperation or IMemberReferenceOperation => false,
                _ => true,
            };
        }

        /// <summary>
        /// True when the code does not need the invoked function's answer: the response is discarded, or only its
        /// <c>StatusCode</c> is read and never compared with 200 (an asynchronous invoke answers 202).
        /// </summary>
        private static bool AnswerIsUnused(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            IOperation value = invocation;
            while (value.Parent is IAwaitOperation or IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            switch (value.Parent)
            {
                case IExpressionStatementOperation:
                    return true;
                case IDiscardOperation:
                    return true;
                case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                    return true;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    ValueFlow flow = ValueFlow.For(invocation, cancellationToken);
                    if (flow.Writes(declarator.Symbol).Length != 1)
                    {
                        return false;
                    }

                    foreach (IOperation read in flow.Reads(declarator.Symbol))
                    {
                        if (read.Parent is not IPropertyReferenceOperation { Property.Name: StatusCodeProperty } statusCode
                            || ComparedWith200(statusCode))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        private static bool ComparedWith200(IOperation statusCode)
        {
            IOperation value = statusCode;
            while (value.Parent is IConversionOperation)
            {
                value = value.Parent;
            }

            return value.Parent is IBinaryOperation binary
                && (binary.LeftOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: 200 }
                    || binary.RightOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: 200 });
        }
    }
}
