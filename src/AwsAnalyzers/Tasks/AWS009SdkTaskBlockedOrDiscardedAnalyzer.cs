using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using AwsAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Tasks;

/// <summary>
/// AWS009: a task of an AWS SDK call blocked on, discarded, or started by an <c>async void</c> handler or lambda.
/// <c>.Result</c> and <c>.Wait()</c> wrap the service exception in <c>AggregateException</c>, so a catch of the
/// service's exception never runs; blocking in asynchronous code holds a thread-pool thread for the whole call; an
/// <c>async void</c> handler is finished, for the Lambda runtime, at its first <c>await</c>; a discarded task is never
/// waited for, and its failure is never seen.
/// </summary>
/// <remarks>
/// The blocking and discarding shapes need only the SDK's types; the <c>async void</c> handler and the synchronous
/// handler (one call hop included) need <see cref="LambdaHandlers"/>, and without a Lambda marker only those parts are
/// off. Constructors and static initializers are left alone: waiting for a warm-up call there runs once.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS009SdkTaskBlockedOrDiscardedAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.SdkTaskBlockedOrDiscarded;

    /// <summary>The diagnostic property that names the shape, so the fix knows what it rewrites.</summary>
    public const string ShapeKey = "Shape";

    /// <summary>Set on an <c>async void</c> handler whose return type can become <c>Task</c> (nothing needs it <c>void</c>).</summary>
    public const string ReturnTypeFixableKey = "ReturnTypeFixable";

    public const string BlockingShape = "Blocking";
    public const string HandlerBlockingShape = "HandlerBlocking";
    public const string DeadCatchShape = "DeadCatch";
    public const string AsyncVoidShape = "AsyncVoid";
    public const string DiscardedShape = "Discarded";
    public const string VoidLambdaShape = "VoidLambda";

    internal const string ServiceName = "Amazon.Runtime.IAmazonService";
    internal const string ServiceExceptionName = "Amazon.Runtime.AmazonServiceException";

    /// <summary>The SDK types other than the service clients whose task-returning methods call a service.</summary>
    private static readonly ImmutableArray<string> s_highLevelSdkTypeNames = ImmutableArray.Create(
        "Amazon.S3.Transfer.ITransferUtility",
        "Amazon.DynamoDBv2.DataModel.IDynamoDBContext",
        "Amazon.DynamoDBv2.DocumentModel.ITable",
        "Amazon.DynamoDBv2.DocumentModel.ISearch",
        "Amazon.DynamoDBv2.DocumentModel.Search",
        "Amazon.DynamoDBv2.DataModel.IAsyncSearch`1",
        "Amazon.DynamoDBv2.DataModel.AsyncSearch`1");

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS009Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS009Description));

    /// <summary>(a) Blocking in asynchronous code.</summary>
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS009MessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>(a) <c>.Result</c> or <c>.Wait()</c> in a synchronous Lambda handler, or a method one call away from one.</summary>
    internal static readonly DiagnosticDescriptor HandlerRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS009HandlerMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>(b) <c>.Result</c> or <c>.Wait()</c> inside a try whose catch of the service's exception never runs.</summary>
    internal static readonly DiagnosticDescriptor DeadCatchRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS009DeadCatchMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>(c) An <c>async void</c> Lambda handler.</summary>
    internal static readonly DiagnosticDescriptor AsyncVoidRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS009AsyncVoidMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>(d) An SDK task discarded by an expression statement in synchronous code.</summary>
    internal static readonly DiagnosticDescriptor DiscardedRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS009DiscardedMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>(e) An async lambda awaiting an SDK task, converted to a void-returning delegate.</summary>
    internal static readonly DiagnosticDescriptor VoidLambdaRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS009VoidLambdaMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rule, HandlerRule, DeadCatchRule, AsyncVoidRule, DiscardedRule, VoidLambdaRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types
                || types.Get(ServiceName) is not { } service
                || types.Get("System.Threading.Tasks.Task") is not { } task
                || types.Get("System.Threading.Tasks.Task`1") is not { } genericTask)
            {
                return;
            }

            ImmutableArray<INamedTypeSymbol>.Builder highLevel = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (string name in s_highLevelSdkTypeNames)
            {
                if (types.Get(name) is { } type)
                {
                    highLevel.Add(type);
                }
            }

            LambdaHandlers? handlers = LambdaHandlers.For(start.Compilation, start.Options, start.CancellationToken);
            var analysis = new CompilationAnalysis(
                service, highLevel.ToImmutable(), task, genericTask, types, handlers, CallHops.For(start.Compilation));
            WordScopedActions scoped = new WordScopedActions()
                .Add(s_resultWords, analysis.OnPropertyReference, OperationKind.PropertyReference)
                .Add(s_blockingCallWords, analysis.OnBlockingCall, OperationKind.Invocation)
                .Add(s_asyncWords, analysis.OnAnonymousFunction, OperationKind.AnonymousFunction);
            if (handlers is not null)
            {
                // An async void handler is written with `async` and has a body: its body's callback, in the types that
                // write the word, rather than a symbol callback on every method of the project.
                scoped.Add(s_asyncWords, analysis.OnMethodBody, OperationKind.MethodBody);
            }

            scoped.Register(start);

            // A discarded task has no fixed word (any SDK method's name): it keeps a callback on every expression
            // statement, fewer than the invocations.
            start.RegisterOperationAction(analysis.OnExpressionStatement, OperationKind.ExpressionStatement);
        });
    }

    private static ImmutableDictionary<string, string?> Shape(string shape) =>
        ImmutableDictionary<string, string?>.Empty.Add(ShapeKey, shape);

    private const string ResultProperty = "Result";
    private const string WaitMethod = "Wait";
    private const string GetResultMethod = "GetResult";

    /// <summary>
    /// A blocking read is written <c>task.Result</c>: only the types whose files write the word get the property
    /// callbacks, the most frequent kind there is.
    /// </summary>
    private static readonly WordSet s_resultWords = WordSet.Of(new[] { ResultProperty });

    /// <summary>A blocking call is written <c>.Wait(</c> or <c>.GetResult(</c>: invocations are nearly as frequent as property reads.</summary>
    private static readonly WordSet s_blockingCallWords = WordSet.Of(new[] { WaitMethod, GetResultMethod });

    /// <summary>An async lambda is written with the <c>async</c> keyword.</summary>
    private static readonly WordSet s_asyncWords = WordSet.Of(new[] { "async" });

    private sealed class CompilationAnalysis
    {
        private readonly INamedTypeSymbol _service;
        private readonly ImmutableArray<INamedTypeSymbol> _highLevelTypes;
        private readonly INamedTypeSymbol _task;
        private readonly INamedTypeSymbol _genericTask;
        private readonly INamedTypeSymbol? _valueTask;
        private readonly INamedTypeSymbol? _genericValueTask;
        private readonly INamedTypeSymbol? _serviceException;
        private readonly INamedTypeSymbol? _aggregateException;
        private readonly LambdaHandlers? _handlers;
        private readonly CallHops _hops;

        public CompilationAnalysis(
            INamedTypeSymbol service,
            ImmutableArray<INamedTypeSymbol> highLevelTypes,
            INamedTypeSymbol task,
            INamedTypeSymbol genericTask,
            KnownTypes types,
            LambdaHandlers? handlers,
            CallHops hops)
        {
            _service = service;
            _highLevelTypes = highLevelTypes;
            _task = task;
            _genericTask = genericTask;
            _valueTask = types.Get("System.Threading.Tasks.ValueTask");
            _genericValueTask = types.Get("System.Threading.Tasks.ValueTask`1");
            _serviceException = types.Get(ServiceExceptionName);
            _aggregateException = types.Get("System.AggregateException");
            _handlers = handlers;
            _hops = hops;
        }

        // ---- (a) and (b): blocking ----

        public void OnPropertyReference(OperationAnalysisContext context)
        {
            // Cheapest first: the name in the syntax, before the property symbol.
            if (context.Operation.Syntax is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: ResultProperty })
            {
                return;
            }

            var reference = (IPropertyReferenceOperation)context.Operation;
            if (reference.Instance is { } instance && IsTask(reference.Property.ContainingType))
            {
                AnalyzeBlocking(context, reference, instance, ".Result", unwraps: false);
            }
        }

        public void OnBlockingCall(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            string name = invocation.TargetMethod.Name;
            if (name == WaitMethod)
            {
                if (invocation.Instance is { } instance && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _task))
                {
                    AnalyzeBlocking(context, invocation, instance, invocation.Arguments.IsEmpty ? ".Wait()" : ".Wait(…)", unwraps: false);
                }
            }
            else if (name == GetResultMethod)
            {
                if (invocation.Instance?.WalkDownConversions() is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaited })
                {
                    AnalyzeBlocking(context, invocation, UnwrapConfigureAwait(awaited), ".GetAwaiter().GetResult()", unwraps: true);
                }
            }
        }

        public void OnExpressionStatement(OperationAnalysisContext context)
        {
            if (((IExpressionStatementOperation)context.Operation).Operation is IInvocationOperation invocation
                && invocation.TargetMethod.Name.EndsWith("Async", System.StringComparison.Ordinal))
            {
                AnalyzeDiscarded(context, invocation);
            }
        }

        private void AnalyzeBlocking(OperationAnalysisContext context, IOperation blocking, IOperation awaited, string form, bool unwraps)
        {
            if (SdkCall(awaited, context.CancellationToken) is not { } call
                || Function(blocking, context.ContainingSymbol) is not { } function
                || IsKnownCompleted(awaited, blocking, context.CancellationToken)
                || CodeThatNeverRuns.Contains(blocking))
            {
                return;
            }

            string method = call.TargetMethod.Name;
            Location location = blocking.Syntax.GetLocation();
            if (IsAsynchronous(function.Symbol))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, Shape(BlockingShape), method, form));
                return;
            }

            if (unwraps)
            {
                // GetAwaiter().GetResult() in synchronous code rethrows the service's exception as it is, and a
                // synchronous handler holds no thread that another invocation of the environment needs.
                return;
            }

            if (IsHandler(function, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(HandlerRule, location, Shape(HandlerBlockingShape), method, form));
                return;
            }

            if (DeadServiceCatch(blocking) is { } caught)
            {
                context.ReportDiagnostic(Diagnostic.Create(DeadCatchRule, location, Shape(DeadCatchShape), method, form, caught.Name));
            }
        }

        /// <summary>
        /// The service exception type a catch around the blocking names, in a try that no catch of
        /// <c>AggregateException</c> covers; null when there is none or the wrapper is caught.
        /// </summary>
        private ITypeSymbol? DeadServiceCatch(IOperation blocking)
        {
            ITypeSymbol? serviceCatch = null;
            IOperation child = blocking;
            for (IOperation? current = blocking.Parent; current is not null; child = current, current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    break;
                }

                if (current is not ITryOperation @try || @try.Body != child)
                {
                    continue;
                }

                foreach (ICatchClauseOperation clause in @try.Catches)
                {
                    if (clause.ExceptionType.IsOrDerivesFrom(_aggregateException))
                    {
                        return null;
                    }

                    if (serviceCatch is null && clause.ExceptionType.IsOrDerivesFrom(_serviceException))
                    {
                        serviceCatch = clause.ExceptionType;
                    }
                }
            }

            return serviceCatch;
        }

        /// <summary>
        /// A task held by a local that the code has already seen complete before this point: awaited
        /// (<c>await t</c>, <c>await Task.WhenAll(…, t, …)</c>) or tested (<c>t.IsCompleted</c> and the like).
        /// </summary>
        private static bool IsKnownCompleted(IOperation awaited, IOperation blocking, CancellationToken cancellationToken)
        {
            if (awaited.WalkDownConversions() is not ILocalReferenceOperation { Local: var local })
            {
                return false;
            }

            int position = blocking.Syntax.SpanStart;
            foreach (IOperation read in ValueFlow.For(blocking, cancellationToken).Reads(local))
            {
                if (read.Syntax.SpanStart >= position)
                {
                    continue;
                }

                IOperation use = read;
                while (use.Parent is IConversionOperation
                    || use.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == use)
                {
                    use = use.Parent;
                }

                if (use.Parent is IAwaitOperation
                    || use.Parent is IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" or "Status" }
                    || TasksAwaitedTogether.AwaitOfWhenAllWith(read) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        // ---- (d): a discarded task ----

        private void AnalyzeDiscarded(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            if (!IsSdkMethod(invocation.TargetMethod)
                || Function(invocation, context.ContainingSymbol) is not { } function
                || function.Symbol.IsAsync
                || CodeThatNeverRuns.Contains(invocation))
            {
                // In an async function the compiler warns already (CS4014).
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiscardedRule, invocation.Syntax.GetLocation(), Shape(DiscardedShape), invocation.TargetMethod.Name));
        }

        // ---- (e): an async lambda nothing waits for ----

        public void OnAnonymousFunction(OperationAnalysisContext context)
        {
            if (context.Operation.Syntax is not AnonymousFunctionExpressionSyntax syntax || !syntax.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
            {
                return;
            }

            var lambda = (IAnonymousFunctionOperation)context.Operation;
            if (!lambda.Symbol.ReturnsVoid || IsEventHandler(lambda) || CodeThatNeverRuns.Contains(lambda)
                || Function(lambda, context.ContainingSymbol) is null)
            {
                return;
            }

            if (FirstAwaitedSdkCall(lambda.Body, context.CancellationToken) is { } call)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    VoidLambdaRule, syntax.AsyncKeyword.GetLocation(), Shape(VoidLambdaShape), call.TargetMethod.Name));
            }
        }

        /// <summary>An SDK call the body awaits itself (not in a nested function), or null.</summary>
        private IInvocationOperation? FirstAwaitedSdkCall(IOperation body, CancellationToken cancellationToken)
        {
            foreach (IOperation operation in body.OwnOperations())
            {
                if (operation is IAwaitOperation awaitOperation && SdkCall(UnwrapConfigureAwait(awaitOperation.Operation), cancellationToken) is { } call)
                {
                    return call;
                }
            }

            return null;
        }

        /// <summary><c>button.Click += async (s, e) => …</c>: an event's handler is void by contract, the one sanctioned async void.</summary>
        private static bool IsEventHandler(IAnonymousFunctionOperation lambda)
        {
            IOperation current = lambda;
            while (current.Parent is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current.Parent is IEventAssignmentOperation;
        }

        // ---- (c): an async void handler ----

        public void OnMethodBody(OperationAnalysisContext context)
        {
            if (context.ContainingSymbol is not IMethodSymbol { IsAsync: true, ReturnsVoid: true, MethodKind: MethodKind.Ordinary } method
                || _handlers!.HandlerName(method, context.CancellationToken) is not { } name
                || method.Locations.IsEmpty || !method.Locations[0].IsInSource)
            {
                return;
            }

            ImmutableDictionary<string, string?> properties = Shape(AsyncVoidShape);
            if (ReturnTypeCanBeTask(method, context.CancellationToken))
            {
                properties = properties.Add(ReturnTypeFixableKey, "true");
            }

            context.ReportDiagnostic(Diagnostic.Create(AsyncVoidRule, method.Locations[0], properties, name));
        }

        /// <summary>Nothing needs the method to return void: it overrides and implements nothing and no delegate takes it as a method group.</summary>
        private bool ReturnTypeCanBeTask(IMethodSymbol method, CancellationToken cancellationToken)
        {
            // A partial method's parts declare one return type: a fix of the async part alone would not compile.
            if (method.IsOverride || !method.ExplicitInterfaceImplementations.IsEmpty || method.IsPartialDefinition
                || method.PartialImplementationPart is not null || method.PartialDefinitionPart is not null)
            {
                return false;
            }

            foreach (INamedTypeSymbol contract in method.ContainingType.AllInterfaces)
            {
                foreach (ISymbol member in contract.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    {
                        return false;
                    }
                }
            }

            foreach (IOperation use in _hops.Callers(method, cancellationToken))
            {
                if (use is IMethodReferenceOperation)
                {
                    return false;
                }
            }

            return true;
        }

        // ---- Where the code runs ----

        /// <summary>The innermost function holding the operation, or null for a constructor, an initializer or code outside any method.</summary>
        private static FunctionSite? Function(IOperation operation, ISymbol containingSymbol)
        {
            if (containingSymbol is not IMethodSymbol { MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) } member)
            {
                return null;
            }

            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return new FunctionSite(lambda.Symbol, lambda, member);
                    case ILocalFunctionOperation localFunction:
                        return new FunctionSite(localFunction.Symbol, null, member);
                }
            }

            return new FunctionSite(member, null, member);
        }

        private bool IsAsynchronous(IMethodSymbol function) =>
            function.IsAsync || IsTaskLike(function.ReturnType);

        private bool IsHandler(FunctionSite function, CancellationToken cancellationToken)
        {
            if (_handlers is null)
            {
                return false;
            }

            if (function.Lambda is { } lambda)
            {
                return _handlers.IsHandler(lambda, cancellationToken);
            }

            return _handlers.HandlerName(function.Symbol, cancellationToken) is not null
                || (function.Symbol.MethodKind == MethodKind.Ordinary && _handlers.CallingHandler(function.Symbol, _hops, counts: null, cancellationToken) is not null);
        }

        // ---- SDK tasks ----

        /// <summary>The SDK call whose task <paramref name="value"/> is: the call itself, or the call every write of a local stores.</summary>
        private IInvocationOperation? SdkCall(IOperation value, CancellationToken cancellationToken)
        {
            value = Unwrap(value);
            if (value is IInvocationOperation invocation)
            {
                return IsSdkMethod(invocation.TargetMethod) ? invocation : null;
            }

            if (value is not ILocalReferenceOperation { Local: var local })
            {
                return null;
            }

            ImmutableArray<ValueWrite> writes = ValueFlow.For(value, cancellationToken).Writes(local);
            IInvocationOperation? first = null;
            foreach (ValueWrite write in writes)
            {
                if (!write.StoresValue || Unwrap(write.Value!) is not IInvocationOperation stored || !IsSdkMethod(stored.TargetMethod))
                {
                    return null;
                }

                first ??= stored;
            }

            return first;
        }

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation or IParenthesizedOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
            }

            return value;
        }

        private static IOperation UnwrapConfigureAwait(IOperation awaited)
        {
            IOperation value = Unwrap(awaited);
            return value is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task } ? task : value;
        }

        private bool IsSdkMethod(IMethodSymbol method)
        {
            if (!IsTask(method.ReturnType) || method.ContainingType is not { } type)
            {
                return false;
            }

            if (type.IsOrImplements(_service))
            {
                return true;
            }

            foreach (INamedTypeSymbol highLevel in _highLevelTypes)
            {
                if (highLevel.TypeKind == TypeKind.Interface ? type.IsOrImplements(highLevel) : type.IsOrDerivesFrom(highLevel))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsTask(ITypeSymbol? type) =>
            type is INamedTypeSymbol named
            && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _task) || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _genericTask));

        private bool IsTaskLike(ITypeSymbol type) =>
            IsTask(type)
            || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _valueTask)
            || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _genericValueTask);
    }

    /// <summary>The innermost function around a piece of code, and the member that holds it.</summary>
    private sealed class FunctionSite
    {
        public FunctionSite(IMethodSymbol symbol, IAnonymousFunctionOperation? lambda, IMethodSymbol member)
        {
            Symbol = symbol;
            Lambda = lambda;
            Member = member;
        }

        public IMethodSymbol Symbol { get; }

        public IAnonymousFunctionOperation? Lambda { get; }

        public IMethodSymbol Member { get; }
    }
}
