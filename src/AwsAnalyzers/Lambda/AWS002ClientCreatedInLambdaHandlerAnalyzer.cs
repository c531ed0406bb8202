using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// AWS002: an AWS service client constructed on every invocation of a Lambda handler. Lambda reuses the execution
/// environment between invocations; a client built per invocation pays credential resolution, endpoint setup and a
/// new TLS connection each time instead of once.
/// </summary>
/// <remarks>
/// Every creation is reported as it is seen: handlers come from <see cref="LambdaHandlers"/>, and a creation one call
/// away from a handler is found by asking <see cref="CallHops"/> who calls the member that holds it. A compilation
/// without a Lambda marker registers nothing.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS002ClientCreatedInLambdaHandlerAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ClientCreatedInLambdaHandler;

    internal const string ServiceClientName = "Amazon.Runtime.AmazonServiceClient";

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS002Title));
    private static readonly LocalizableResourceString MessageFormat = RuleText.Get(nameof(AnalyzerResources.AWS002MessageFormat));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS002Description));

    /// <summary><see cref="LambdaHandlers.LambdaDisplay"/> as the message shows it, in the message's language.</summary>
    private static readonly LocalizableString s_lambdaHandlerName = RuleText.Get(nameof(AnalyzerResources.AWS002LambdaHandlerName));

    /// <summary>The handler as a message argument: its name, or words standing for a lambda.</summary>
    private static object HandlerArgument(string handler) => handler == LambdaHandlers.LambdaDisplay ? s_lambdaHandlerName : handler;

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, MessageFormat, RuleCategories.Performance, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types
                || types.Get(ServiceClientName) is not { } serviceClient
                || LambdaHandlers.For(start.Compilation, start.Options, start.CancellationToken) is not { } handlers)
            {
                return;
            }

            // A creation names its client, in the statement or in the declaration a target-typed `new()` takes its type
            // from: only the types whose files write a client's name get the creation callbacks.
            var analysis = new CompilationAnalysis(serviceClient, handlers, CallHops.For(start.Compilation));
            start.RegisterOperationActionWhereWritten(
                WordSet.Of(ServiceClientNames.Of(types, serviceClient)), analysis.OnObjectCreation, OperationKind.ObjectCreation);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly INamedTypeSymbol _serviceClient;
        private readonly LambdaHandlers _handlers;
        private readonly CallHops _hops;
        private readonly ConcurrentDictionary<IMethodSymbol, string?> _callingHandlers = new(SymbolEqualityComparer.Default);

        public CompilationAnalysis(INamedTypeSymbol serviceClient, LambdaHandlers handlers, CallHops hops)
        {
            _serviceClient = serviceClient;
            _handlers = handlers;
            _hops = hops;
        }

        public void OnObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is null || !creation.Type.IsOrDerivesFrom(_serviceClient))
            {
                return;
            }

            string? handler = context.ContainingSymbol switch
            {
                IMethodSymbol member => HandlerRunning(creation, member, context.CancellationToken),
                IFieldSymbol { IsStatic: false, ContainingType: { } type } => HandlerInstantiating(creation, type, context.CancellationToken),
                IPropertySymbol { IsStatic: false, ContainingType: { } type } => HandlerInstantiating(creation, type, context.CancellationToken),

                // Static initializers (Lazy<T> factories included) run once per type, not per invocation.
                _ => null,
            };

            if (handler is not null && !CodeThatNeverRuns.Contains(creation))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), creation.Type!.Name, HandlerArgument(handler)));
            }
        }

        /// <summary>The handler that runs a creation in a member body on each invocation: the member's own, or one that calls the member.</summary>
        private string? HandlerRunning(IObjectCreationOperation creation, IMethodSymbol member, CancellationToken cancellationToken)
        {
            if (IsCachedOutsideTheInvocation(creation, member))
            {
                return null;
            }

            HandlerSite site = _handlers.SiteOf(creation, member, cancellationToken);
            return site.HandlerName ?? (site.DirectlyInMember ? CallingHandler(member, cancellationToken) : null);
        }

        /// <summary>
        /// An instance field or property initializer runs in every constructor that does not chain to another with
        /// <c>this(...)</c>: each time a handler instantiates the type, like the constructor's own body.
        /// </summary>
        private string? HandlerInstantiating(IObjectCreationOperation creation, INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            for (IOperation? current = creation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation)
                {
                    // A factory stored for later (`new Lazy<T>(() => new ...)`) does not run when the instance is built.
                    return null;
                }
            }

            string? first = null;
            foreach (IMethodSymbol constructor in type.InstanceConstructors)
            {
                if (!ChainsToAnotherConstructor(constructor, cancellationToken)
                    && CallingHandler(constructor, cancellationToken) is { } name
                    && (first is null || string.CompareOrdinal(name, first) < 0))
                {
                    first = name;
                }
            }

            return first;
        }

        private static bool ChainsToAnotherConstructor(IMethodSymbol constructor, CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax { Initializer: { } initializer }
                    && initializer.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The handler that calls (or instantiates) the member directly, on every invocation: one hop. The first by name
        /// when several do, so the message does not depend on the order of analysis.
        /// </summary>
        private string? CallingHandler(IMethodSymbol member, CancellationToken cancellationToken)
        {
            member = member.OriginalDefinition;
            if (member.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.PropertyGet))
            {
                return null;
            }

            if (_callingHandlers.TryGetValue(member, out string? cached))
            {
                return cached;
            }

            string? first = _handlers.CallingHandler(member, _hops, (call, callerMember) => !IsCachedOutsideTheInvocation(call, callerMember), cancellationToken);
            return _callingHandlers.GetOrAdd(member, first);
        }

        /// <summary>
        /// A creation (or a call that returns one) stored by <c>??=</c>, kept as a fallback behind a member (<c>_client ?? new ...</c>), or assigned to a
        /// field or property outside a constructor: the usual ways to build a client once and keep it.
        /// </summary>
        private static bool IsCachedOutsideTheInvocation(IOperation creation, IMethodSymbol member)
        {
            IOperation value = creation;
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            if (IsInCacheFactory(creation))
            {
                return true;
            }

            switch (value.Parent)
            {
                case ICoalesceAssignmentOperation:
                    return true;
                case ICoalesceOperation coalesce when coalesce.WhenNull == value:
                    return IsMemberReference(coalesce.Value.WalkDownConversions());
                case ISimpleAssignmentOperation assignment when assignment.Value == value:
                    IOperation target = assignment.Target;
                    if (!IsMemberReference(target))
                    {
                        return false;
                    }

                    if (member.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor)
                    {
                        // A constructor that fills an instance field runs once per instance; whether that is per invocation
                        // depends on who creates the instance (the one-hop check).
                        bool instanceFieldInConstructor = member.MethodKind == MethodKind.Constructor
                            && target is IMemberReferenceOperation { Member.IsStatic: false };
                        return !instanceFieldInConstructor;
                    }

                    // A field written under a condition (a null check, an early return) is a cache; written on every run
                    // of the method, it is not.
                    return IsGuarded(assignment);
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when the assignment may not run on a call of its method: under a condition, a loop, a catch, a
        /// short-circuit or inside a lambda, or after a statement that can leave the method early.
        /// </summary>
        private static bool IsGuarded(IOperation assignment)
        {
            IOperation root = assignment;
            for (IOperation? current = assignment.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IConditionalOperation or ISwitchOperation or ISwitchExpressionOperation or ILoopOperation or ICatchClauseOperation
                        or ICoalesceOperation or IConditionalAccessOperation or IAnonymousFunctionOperation or ILocalFunctionOperation
                        or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                        return true;
                }

                root = current;
            }

            int start = assignment.Syntax.SpanStart;
            foreach (IOperation operation in root.Descendants())
            {
                if (operation.Syntax.SpanStart < start && operation is IReturnOperation or IThrowOperation or IBranchOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Inside a factory lambda of a caching call (<c>ConcurrentDictionary.GetOrAdd</c>, <c>IMemoryCache.GetOrCreate</c>,
        /// <c>LazyInitializer.EnsureInitialized</c>): the client is built once per key, not per invocation.
        /// </summary>
        private static bool IsInCacheFactory(IOperation creation)
        {
            for (IOperation? current = creation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation { Parent: IDelegateCreationOperation delegateCreation })
                {
                    IOperation? argument = delegateCreation.Parent;
                    while (argument is IConversionOperation)
                    {
                        argument = argument.Parent;
                    }

                    if (argument is IArgumentOperation { Parent: IInvocationOperation invocation }
                        && s_cachingMethods.Contains(invocation.TargetMethod.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static readonly ImmutableHashSet<string> s_cachingMethods =
            ImmutableHashSet.Create(StringComparer.Ordinal, "GetOrAdd", "AddOrUpdate", "GetOrCreate", "GetOrCreateAsync", "EnsureInitialized");

        private static bool IsMemberReference(IOperation operation) =>
            operation is IFieldReferenceOperation or IPropertyReferenceOperation;
    }
}
