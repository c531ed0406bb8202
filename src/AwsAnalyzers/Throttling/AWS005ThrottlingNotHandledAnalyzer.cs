using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Throttling;

/// <summary>
/// AWS005: a throttled write (Kinesis <c>PutRecord[s]</c>, and on opt-in the DynamoDB item writes) that no catch of
/// <c>ProvisionedThroughputExceededException</c> and no resilience pipeline handles. Once the SDK's own retries are
/// spent the exception escapes and the record is lost or the whole batch fails.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS005ThrottlingNotHandledAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ThrottlingNotHandled;

    public const string KinesisService = "kinesis";
    public const string DynamoDbService = "dynamodb";

    /// <summary>Diagnostic property holding the metadata name of the service's throttling exception.</summary>
    public const string ExceptionTypeKey = "ExceptionType";

    internal const string KinesisInterfaceName = "Amazon.Kinesis.IAmazonKinesis";
    internal const string KinesisClientName = "Amazon.Kinesis.AmazonKinesisClient";
    internal const string KinesisConfigName = "Amazon.Kinesis.AmazonKinesisConfig";
    internal const string KinesisThrottlingName = "Amazon.Kinesis.Model.ProvisionedThroughputExceededException";
    internal const string DynamoDbInterfaceName = "Amazon.DynamoDBv2.IAmazonDynamoDB";
    internal const string DynamoDbClientName = "Amazon.DynamoDBv2.AmazonDynamoDBClient";
    internal const string DynamoDbConfigName = "Amazon.DynamoDBv2.AmazonDynamoDBConfig";
    internal const string DynamoDbThrottlingName = "Amazon.DynamoDBv2.Model.ProvisionedThroughputExceededException";
    internal const string ClientConfigName = "Amazon.Runtime.ClientConfig";
    internal const string RetryModeProperty = "RetryMode";
    internal const string AdaptiveRetryMode = "Adaptive";

    // Asked of every call of a project: hash sets, never written after this, rather than immutable ones, whose
    // look-up walks a tree.
    private static readonly HashSet<string> s_kinesisWrites = new(
        new[] { "PutRecord", "PutRecordAsync", "PutRecords", "PutRecordsAsync" }, StringComparer.Ordinal);

    private static readonly HashSet<string> s_dynamoDbWrites = new(
        new[]
        {
            "PutItem", "PutItemAsync", "UpdateItem", "UpdateItemAsync", "DeleteItem", "DeleteItemAsync",
            "BatchWriteItem", "BatchWriteItemAsync", "TransactWriteItems", "TransactWriteItemsAsync",
        },
        StringComparer.Ordinal);

    /// <summary>
    /// A write names its method: only the types whose files write one get the invocation callbacks. Declared after
    /// both sets, which it reads when the type is initialized.
    /// </summary>
    private static readonly WordSet s_writeWords = WordSet.Of(s_kinesisWrites.Concat(s_dynamoDbWrites));

    /// <summary>How many private helpers deep the callers of a write are followed to find a handler.</summary>
    private const int MaxCallerDepth = 3;

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId,
        title: RuleText.Get(nameof(AnalyzerResources.AWS005Title)),
        messageFormat: RuleText.Get(nameof(AnalyzerResources.AWS005MessageFormat)),
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: RuleText.Get(nameof(AnalyzerResources.AWS005Description)));

    /// <summary>What is throttled, as the message names it: words, so they follow the message's language.</summary>
    private static readonly LocalizableString s_throttledShard = RuleText.Get(nameof(AnalyzerResources.AWS005ThrottledShard));
    private static readonly LocalizableString s_throttledTable = RuleText.Get(nameof(AnalyzerResources.AWS005ThrottledTable));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

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

            ServiceTypes? kinesis = ServiceTypes.Create(types, KinesisService, KinesisInterfaceName, KinesisClientName, KinesisThrottlingName, s_kinesisWrites);
            ServiceTypes? dynamoDb = ServiceTypes.Create(types, DynamoDbService, DynamoDbInterfaceName, DynamoDbClientName, DynamoDbThrottlingName, s_dynamoDbWrites);
            if (kinesis is null && dynamoDb is null)
            {
                return;
            }

            var analysis = new Analysis(
                kinesis, dynamoDb, ResilienceTypes.Create(types), types.Get(ClientConfigName), CallHops.For(start.Compilation));
            start.RegisterOperationActionWhereWritten(s_writeWords, analysis.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    /// <summary>The symbols of one service whose writes throttle.</summary>
    internal sealed class ServiceTypes
    {
        private ServiceTypes(string name, INamedTypeSymbol serviceInterface, INamedTypeSymbol? client, INamedTypeSymbol throttling, HashSet<string> writes)
        {
            Name = name;
            Interface = serviceInterface;
            Client = client;
            Throttling = throttling;
            ThrottlingName = throttling.ToDisplayString();
            Writes = writes;
        }

        public string Name { get; }

        public INamedTypeSymbol Interface { get; }

        public INamedTypeSymbol? Client { get; }

        public INamedTypeSymbol Throttling { get; }

        /// <summary>The throttling exception's full name, built once rather than for every diagnostic.</summary>
        public string ThrottlingName { get; }

        public HashSet<string> Writes { get; }

        public static ServiceTypes? Create(
            KnownTypes types, string name, string interfaceName, string clientName, string throttlingName, HashSet<string> writes)
        {
            INamedTypeSymbol? serviceInterface = types.Get(interfaceName);
            INamedTypeSymbol? throttling = types.Get(throttlingName);
            return serviceInterface is null || throttling is null
                ? null
                : new ServiceTypes(name, serviceInterface, types.Get(clientName), throttling, writes);
        }

        public bool IsWrite(IMethodSymbol method) =>
            Writes.Contains(method.Name)
            && (method.ContainingType.IsOrImplements(Interface) || method.ContainingType.IsOrDerivesFrom(Client));
    }

    /// <summary>Polly v8 resilience pipelines and Polly v7 policies, whose <c>Execute*</c> methods retry the delegate they run.</summary>
    private sealed class ResilienceTypes
    {
        private readonly ImmutableArray<INamedTypeSymbol> _pipelines;
        private readonly ImmutableArray<INamedTypeSymbol> _policies;

        private ResilienceTypes(ImmutableArray<INamedTypeSymbol> pipelines, ImmutableArray<INamedTypeSymbol> policies)
        {
            _pipelines = pipelines;
            _policies = policies;
        }

        public static ResilienceTypes Create(KnownTypes types)
        {
            ImmutableArray<INamedTypeSymbol>.Builder pipelines = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            ImmutableArray<INamedTypeSymbol>.Builder policies = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (string name in new[] { "Polly.ResiliencePipeline", "Polly.ResiliencePipeline`1" })
            {
                if (types.Get(name) is { } type)
                {
                    pipelines.Add(type);
                }
            }

            foreach (string name in new[] { "Polly.IAsyncPolicy", "Polly.IAsyncPolicy`1", "Polly.ISyncPolicy", "Polly.ISyncPolicy`1" })
            {
                if (types.Get(name) is { } type)
                {
                    policies.Add(type);
                }
            }

            return new ResilienceTypes(pipelines.ToImmutable(), policies.ToImmutable());
        }

        public bool IsExecute(IMethodSymbol method)
        {
            if (!method.Name.StartsWith("Execute", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (INamedTypeSymbol pipeline in _pipelines)
            {
                if (method.ContainingType.IsOrDerivesFrom(pipeline))
                {
                    return true;
                }
            }

            foreach (INamedTypeSymbol policy in _policies)
            {
                if (method.ContainingType.IsOrImplements(policy))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class Analysis
    {
        private readonly ServiceTypes? _kinesis;
        private readonly ServiceTypes? _dynamoDb;
        private readonly ResilienceTypes _resilience;
        private readonly INamedTypeSymbol? _clientConfig;
        private readonly CallHops _hops;

        public Analysis(
            ServiceTypes? kinesis, ServiceTypes? dynamoDb, ResilienceTypes resilience, INamedTypeSymbol? clientConfig, CallHops hops)
        {
            _hops = hops;
            _kinesis = kinesis;
            _dynamoDb = dynamoDb;
            _resilience = resilience;
            _clientConfig = clientConfig;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            ServiceTypes? service = _kinesis is not null && _kinesis.IsWrite(method) ? _kinesis
                : _dynamoDb is not null && _dynamoDb.IsWrite(method) ? _dynamoDb
                : null;
            if (service is null || !IsEnabled(context, service) || CodeThatNeverRuns.Contains(invocation) || IsForwardingImplementation(context.ContainingSymbol, service)
                || CodeThatNeverRuns.IsCallOnTestDouble(invocation, context.CancellationToken))
            {
                return;
            }

            SemanticModel? model = invocation.SemanticModel;
            if (model is null)
            {
                return;
            }

            var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (IsHandled(invocation, service.Throttling, context.ContainingSymbol, depth: 0, visited, context.CancellationToken)
                || UsesAdaptiveRetry(invocation, model, _clientConfig, context.CancellationToken))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(ExceptionTypeKey, service.ThrottlingName),
                method.Name,
                service.Name == KinesisService ? s_throttledShard : s_throttledTable));
        }

        private static bool IsEnabled(OperationAnalysisContext context, ServiceTypes service)
        {
            ImmutableArray<string> services = RuleOptions.ThrottledServices.Read(context.Options, context.Operation.Syntax.SyntaxTree);
            foreach (string name in services)
            {
                if (string.Equals(name, service.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A decorator's own <c>PutRecordAsync</c> that forwards to the inner client: its callers are reported instead.</summary>
        private static bool IsForwardingImplementation(ISymbol containing, ServiceTypes service) =>
            containing is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation } method
            && service.Writes.Contains(method.MethodKind == MethodKind.Ordinary ? method.Name : method.Name.Substring(method.Name.LastIndexOf('.') + 1))
            && method.ContainingType.IsOrImplements(service.Interface);

        /// <summary>
        /// True when the operation runs inside a try whose catch takes the throttling exception, inside a lambda run by a
        /// resilience pipeline, or in a private helper whose every call is handled so. A lambda's definition inside a try
        /// does not protect its later execution.
        /// </summary>
        private bool IsHandled(IOperation operation, INamedTypeSymbol throttling, ISymbol containing, int depth, HashSet<ISymbol> visited, CancellationToken cancellationToken)
        {
            IOperation current = operation;
            while (current.Parent is { } parent)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (parent)
                {
                    case ITryOperation tryOperation when tryOperation.Body == current && Catches(tryOperation, throttling):
                        return true;
                    case IAnonymousFunctionOperation lambda:
                        if (IsRunByResiliencePipeline(lambda))
                        {
                            return true;
                        }

                        // `await Task.WhenAll(items.Select(i => client.PutRecordAsync(…)))`: the tasks' exceptions surface
                        // at that await, so a try around it handles them.
                        if (TasksAwaitedTogether.AwaitOfTasksMadeBy(lambda, cancellationToken) is not { } awaited)
                        {
                            return false;
                        }

                        current = awaited;
                        continue;
                    case ILocalFunctionOperation localFunction:
                        return CallersAreHandled(localFunction.Symbol, throttling, depth, visited, cancellationToken);
                }

                current = parent;
            }

            return containing is IMethodSymbol { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary } method
                && CallersAreHandled(method, throttling, depth, visited, cancellationToken);
        }

        private static bool Catches(ITryOperation tryOperation, INamedTypeSymbol throttling)
        {
            foreach (ICatchClauseOperation clause in tryOperation.Catches)
            {
                // A bare catch has the type object. A `when` filter counts as handling unless it plainly admits only
                // other errors; a filter the rule cannot read still counts (precision first).
                if (clause.ExceptionType is INamedTypeSymbol caught && throttling.IsOrDerivesFrom(caught)
                    && !(clause.Filter is { } filter && ExcludesThrottling(filter, Caught(clause), throttling)))
                {
                    return true;
                }
            }

            return false;
        }

        private static ILocalSymbol? Caught(ICatchClauseOperation clause) =>
            clause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator ? declarator.Symbol : null;

        /// <summary>
        /// True when the filter is false for every throttling exception: it asks for another error code or HTTP status
        /// (throttling is 400 with the exception's name as the code), or for another exception type.
        /// </summary>
        private static bool ExcludesThrottling(IOperation filter, ILocalSymbol? caught, INamedTypeSymbol throttling)
        {
            filter = filter.WalkDownConversions();
            switch (filter)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return ExcludesThrottling(and.LeftOperand, caught, throttling) || ExcludesThrottling(and.RightOperand, caught, throttling);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return ExcludesThrottling(or.LeftOperand, caught, throttling) && ExcludesThrottling(or.RightOperand, caught, throttling);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    return AsksForOther(equals.LeftOperand, equals.RightOperand, caught, throttling)
                        || AsksForOther(equals.RightOperand, equals.LeftOperand, caught, throttling);
                case IIsTypeOperation isType when IsCaught(isType.ValueOperand, caught):
                    return !IsRelated(isType.TypeOperand, throttling);
                case IIsPatternOperation { Pattern: ITypePatternOperation or IDeclarationPatternOperation } isPattern when IsCaught(isPattern.Value, caught):
                    return !IsRelated(PatternType(isPattern.Pattern), throttling);
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: ITypePatternOperation or IDeclarationPatternOperation } negated } isNot
                    when IsCaught(isNot.Value, caught):
                    return throttling.IsOrDerivesFrom(PatternType(negated.Pattern) as INamedTypeSymbol);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IIsTypeOperation isType } when IsCaught(isType.ValueOperand, caught):
                    return throttling.IsOrDerivesFrom(isType.TypeOperand as INamedTypeSymbol);
                default:
                    return false;
            }
        }

        /// <summary><c>ex.ErrorCode == "X"</c> or <c>ex.StatusCode == HttpStatusCode.NotFound</c> for a value throttling never has.</summary>
        private static bool AsksForOther(IOperation member, IOperation constant, ILocalSymbol? caught, INamedTypeSymbol throttling)
        {
            if (member.WalkDownConversions() is not IPropertyReferenceOperation { Instance: { } instance, Property.Name: var name }
                || !IsCaught(instance, caught)
                || constant.WalkDownConversions().ConstantValue is not { HasValue: true, Value: { } value })
            {
                return false;
            }

            return name switch
            {
                "ErrorCode" => value is string code && code != throttling.Name,
                "StatusCode" => value is int status && status != 400,
                _ => false,
            };
        }

        private static ITypeSymbol? PatternType(IPatternOperation pattern) => pattern switch
        {
            ITypePatternOperation type => type.MatchedType,
            IDeclarationPatternOperation declaration => declaration.MatchedType,
            _ => null,
        };

        /// <summary>A type a throttling exception may be: the throttling type, one of its bases, or one derived from it.</summary>
        private static bool IsRelated(ITypeSymbol? type, INamedTypeSymbol throttling) =>
            type is not INamedTypeSymbol named || throttling.IsOrDerivesFrom(named) || named.IsOrDerivesFrom(throttling);

        private static bool IsCaught(IOperation operation, ILocalSymbol? caught) =>
            caught is not null && operation.WalkDownConversions() is ILocalReferenceOperation { Local: var local }
            && SymbolEqualityComparer.Default.Equals(local, caught);

        /// <summary>A lambda passed to a pipeline's or policy's <c>Execute*</c>, which retries what it runs.</summary>
        private bool IsRunByResiliencePipeline(IAnonymousFunctionOperation lambda)
        {
            IOperation? parent = lambda.Parent;
            while (parent is IDelegateCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IArgumentOperation { Parent: IInvocationOperation execute } && _resilience.IsExecute(execute.TargetMethod);
        }

        /// <summary>
        /// A local function or private method (every use of either is in the project) whose every use is a handled call
        /// or a method group a pipeline runs.
        /// </summary>
        private bool CallersAreHandled(IMethodSymbol function, INamedTypeSymbol throttling, int depth, HashSet<ISymbol> visited, CancellationToken cancellationToken)
        {
            if (depth >= MaxCallerDepth || !visited.Add(function))
            {
                return false;
            }

            ImmutableArray<IOperation> uses = _hops.Callers(function, cancellationToken);
            foreach (IOperation use in uses)
            {
                if (!IsHandledUse(use, throttling, depth, visited, cancellationToken))
                {
                    return false;
                }
            }

            return !uses.IsEmpty;
        }

        private bool IsHandledUse(IOperation use, INamedTypeSymbol throttling, int depth, HashSet<ISymbol> visited, CancellationToken cancellationToken)
        {
            if (use is IMethodReferenceOperation)
            {
                // A method group is only safe when a pipeline runs it: `pipeline.ExecuteAsync(SendAsync, ct)`.
                IOperation? parent = use.Parent;
                while (parent is IDelegateCreationOperation or IConversionOperation)
                {
                    parent = parent.Parent;
                }

                return parent is IArgumentOperation { Parent: IInvocationOperation execute } && _resilience.IsExecute(execute.TargetMethod);
            }

            ISymbol? caller = use.SemanticModel?.GetEnclosingSymbol(use.Syntax.SpanStart, cancellationToken);
            return caller is not null && IsHandled(use, throttling, caller, depth + 1, visited, cancellationToken);
        }
    }

    /// <summary>
    /// True when the client the write goes through is created in this type (or this body) with a config that sets
    /// <c>RetryMode = RequestRetryMode.Adaptive</c>: the SDK then rate-limits on throttling instead of failing fast.
    /// </summary>
    private static bool UsesAdaptiveRetry(IInvocationOperation invocation, SemanticModel model, INamedTypeSymbol? clientConfig, CancellationToken cancellationToken)
    {
        ObjectCreationExpressionSyntax? config = ClientConfigWrites.EditableConfigOf(invocation, model, clientConfig, cancellationToken);
        if (config is null)
        {
            return false;
        }

        if (config.Initializer is { } initializer && initializer.Expressions.Any(e => SetsAdaptive(e, target: null)))
        {
            return true;
        }

        // A config local set up by statements: `config.RetryMode = RequestRetryMode.Adaptive;`.
        return config.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            && declarator.FirstAncestorOrSelf<BlockSyntax>() is { } body
            && body.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => SetsAdaptive(a, declarator.Identifier.ValueText));
    }

    /// <summary><c>RetryMode = RequestRetryMode.Adaptive</c> in an initializer, or <c>target.RetryMode = ...</c> in a statement.</summary>
    private static bool SetsAdaptive(ExpressionSyntax expression, string? target)
    {
        if (expression is not AssignmentExpressionSyntax { Right: MemberAccessExpressionSyntax { Name.Identifier.ValueText: AdaptiveRetryMode } } assignment)
        {
            return false;
        }

        return target is null
            ? assignment.Left is IdentifierNameSyntax { Identifier.ValueText: RetryModeProperty }
            : assignment.Left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: RetryModeProperty }
                && receiver.Identifier.ValueText == target;
    }
}
