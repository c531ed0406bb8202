using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// AWS014: a DynamoDB write that is wrong when it runs twice, in a handler that Lambda's event source mapping gives each
/// record at least once (Kinesis, SQS, DynamoDB Streams): a counter incremented or a list appended without a
/// condition, or an item keyed by a value made anew on each run (<c>Guid.NewGuid()</c>, the clock, a random number).
/// </summary>
/// <remarks>
/// The write must sit in the handler's loop over <c>Records</c> (a <c>foreach</c>, or a lambda handed to a call on
/// <c>Records</c>) or in a method called from there (one hop, through <see cref="CallHops"/>). A handler or helper
/// marked Powertools <c>[Idempotent]</c> is left alone. Info by default: a counter of deliveries is a legitimate intent
/// the code cannot show.
/// </remarks>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class AWS014NonIdempotentWriteInConsumerAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.NonIdempotentWriteInConsumer;

    /// <summary>The diagnostic property holding the record's stable identity, as C# (<c>record.MessageId</c>), when the fix can use it.</summary>
    public const string IdentityKey = "Identity";

    internal const string DynamoDbName = "Amazon.DynamoDBv2.IAmazonDynamoDB";
    internal const string DataModelContextName = "Amazon.DynamoDBv2.DataModel.IDynamoDBContext";
    internal const string IdempotentAttributeName = "AWS.Lambda.Powertools.Idempotency.IdempotentAttribute";

    /// <summary>Each at-least-once event, its record type, and the record's identity that stays the same on redelivery.</summary>
    private static readonly (string Event, string Record, string Identity)[] s_events =
    {
        ("Amazon.Lambda.KinesisEvents.KinesisEvent", "Amazon.Lambda.KinesisEvents.KinesisEvent+KinesisEventRecord", "Kinesis.SequenceNumber"),
        ("Amazon.Lambda.SQSEvents.SQSEvent", "Amazon.Lambda.SQSEvents.SQSEvent+SQSMessage", "MessageId"),
        ("Amazon.Lambda.DynamoDBEvents.DynamoDBEvent", "Amazon.Lambda.DynamoDBEvents.DynamoDBEvent+DynamodbStreamRecord", "EventID"),
    };

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS014Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS014Description));

    /// <summary>(a) A relative update without a condition.</summary>
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS014MessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Info, Description);

    /// <summary>(b) A key attribute given a value made anew on each run.</summary>
    internal static readonly DiagnosticDescriptor KeyRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS014KeyMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Info, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, KeyRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types
                || LambdaHandlers.For(start.Compilation, start.Options, start.CancellationToken) is not { } handlers)
            {
                return;
            }

            var events = new List<ConsumedEvent>();
            foreach ((string eventName, string recordName, string identity) in s_events)
            {
                if (types.Get(eventName) is { } eventType && types.Get(recordName) is { } recordType)
                {
                    events.Add(new ConsumedEvent(eventType, recordType, identity));
                }
            }

            INamedTypeSymbol? dynamo = types.Get(DynamoDbName);
            INamedTypeSymbol? dataModel = types.Get(DataModelContextName);
            if (events.Count == 0 || (dynamo is null && dataModel is null))
            {
                return;
            }

            var analysis = new CompilationAnalysis(events, dynamo, dataModel, types, handlers, CallHops.For(start.Compilation));
            start.RegisterOperationActionWhereWritten(s_writeWords, analysis.OnInvocation, OperationKind.Invocation);
        });
    }

    private sealed class ConsumedEvent
    {
        public ConsumedEvent(INamedTypeSymbol eventType, INamedTypeSymbol recordType, string identity)
        {
            EventType = eventType;
            RecordType = recordType;
            Identity = identity;
        }

        public INamedTypeSymbol EventType { get; }

        public INamedTypeSymbol RecordType { get; }

        /// <summary>The member path after the record: <c>MessageId</c>, <c>Kinesis.SequenceNumber</c>.</summary>
        public string Identity { get; }
    }

    /// <summary>Where a write runs once per record: the handler, its event, and the record variable in scope at the write (null one hop away without one).</summary>
    private sealed class RecordSite
    {
        public RecordSite(IMethodSymbol handler, ConsumedEvent consumed, ISymbol? record)
        {
            Handler = handler;
            Consumed = consumed;
            Record = record;
        }

        public IMethodSymbol Handler { get; }

        public ConsumedEvent Consumed { get; }

        public ISymbol? Record { get; }
    }

    private const string UpdateMethod = "UpdateItem";
    private const string PutMethod = "PutItem";
    private const string SaveMethod = "Save";

    /// <summary>A write names its method: only the types whose files write one get the invocation callbacks.</summary>
    private static readonly WordSet s_writeWords = WordSet.OfMethods(UpdateMethod, PutMethod, SaveMethod);

    private sealed class CompilationAnalysis
    {
        private readonly List<ConsumedEvent> _events;
        private readonly INamedTypeSymbol? _dynamo;
        private readonly INamedTypeSymbol? _dataModel;
        private readonly INamedTypeSymbol? _idempotent;
        private readonly INamedTypeSymbol? _hashKey;
        private readonly INamedTypeSymbol? _rangeKey;
        private readonly LambdaHandlers _handlers;
        private readonly CallHops _hops;
        private readonly ConcurrentDictionary<IMethodSymbol, RecordSite?> _calledFromRecordLoop = new(SymbolEqualityComparer.Default);

        public CompilationAnalysis(
            List<ConsumedEvent> events, INamedTypeSymbol? dynamo, INamedTypeSymbol? dataModel, KnownTypes types, LambdaHandlers handlers, CallHops hops)
        {
            _events = events;
            _dynamo = dynamo;
            _dataModel = dataModel;
            _idempotent = types.Get(IdempotentAttributeName);
            _hashKey = types.Get("Amazon.DynamoDBv2.DataModel.DynamoDBHashKeyAttribute");
            _rangeKey = types.Get("Amazon.DynamoDBv2.DataModel.DynamoDBRangeKeyAttribute");
            _handlers = handlers;
            _hops = hops;
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            // Cheapest first: the method's name in the syntax.
            string? name = (context.Operation.Syntax as InvocationExpressionSyntax)?.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            };

            bool update = name is UpdateMethod or UpdateMethod + "Async";
            bool put = name is PutMethod or PutMethod + "Async";
            bool save = name is SaveMethod or SaveMethod + "Async";
            if (!update && !put && !save)
            {
                return;
            }

            var invocation = (IInvocationOperation)context.Operation;
            INamedTypeSymbol? client = save ? _dataModel : _dynamo;
            if (client is null || !invocation.TargetMethod.ContainingType.IsOrImplements(client)
                || context.ContainingSymbol is not IMethodSymbol member
                || CodeThatNeverRuns.Contains(invocation)
                || RecordSiteOf(invocation, member, context.CancellationToken) is not { } site
                || IsIdempotent(site.Handler) || IsIdempotent(member))
            {
                return;
            }

            if (update)
            {
                AnalyzeUpdate(context, invocation);
            }
            else if (put)
            {
                AnalyzePut(context, invocation, site);
            }
            else
            {
                AnalyzeSave(context, invocation, site);
            }
        }

        // ---- (a) Relative updates ----

        private void AnalyzeUpdate(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            if (Argument(invocation, "request") is not { } request
                || ObjectMembers.Of(request, invocation, context.CancellationToken) is not { } members
                || members.Has("ConditionExpression")
                || members.Value("UpdateExpression") is not { ConstantValue: { HasValue: true, Value: string expression } } expressionValue)
            {
                return;
            }

            Dictionary<string, string>? valueKinds = null;
            foreach (UpdateExpressionActions.RelativeAction action in UpdateExpressionActions.Find(expression))
            {
                if (action.AddedValue is { } placeholder)
                {
                    valueKinds ??= AttributeValueKinds(members.Value("ExpressionAttributeValues"), invocation, context.CancellationToken);
                    if (!valueKinds.TryGetValue(placeholder, out string? kind) || kind != "N")
                    {
                        // A set member added twice changes nothing; a value of unknown type is not guessed at.
                        continue;
                    }
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Rule, WithinWrite(invocation, expressionValue), AdditionalLocations(invocation, expressionValue), invocation.TargetMethod.Name, action.Text));
                return;
            }
        }

        /// <summary>For each <c>:placeholder</c> of a dictionary written in the code, the member its AttributeValue sets (N, S, SS, NS…).</summary>
        private static Dictionary<string, string> AttributeValueKinds(IOperation? values, IInvocationOperation call, CancellationToken cancellationToken)
        {
            var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
            if (values is null)
            {
                return kinds;
            }

            foreach ((string key, IOperation value) in DictionaryEntries.Of(values, call, cancellationToken))
            {
                if (ObjectMembers.Of(value, call, cancellationToken) is { } attribute)
                {
                    foreach (string member in new[] { "N", "S", "SS", "NS", "BS", "L", "M", "B", "BOOL", "NULL" })
                    {
                        if (attribute.Has(member))
                        {
                            kinds[key] = member;
                            break;
                        }
                    }
                }
            }

            return kinds;
        }

        // ---- (b) Keys made anew on each run ----

        private void AnalyzePut(OperationAnalysisContext context, IInvocationOperation invocation, RecordSite site)
        {
            IOperation? item;
            if (Argument(invocation, "request") is { } request)
            {
                if (ObjectMembers.Of(request, invocation, context.CancellationToken) is not { } members || members.Has("ConditionExpression"))
                {
                    return;
                }

                item = members.Value("Item");
            }
            else
            {
                item = Argument(invocation, "item");
            }

            if (item is null)
            {
                return;
            }

            ImmutableArray<string> keyAttributes = RuleOptions.IdempotencyKeyAttributes.Read(context.Options, invocation.Syntax.SyntaxTree);
            foreach ((string attribute, IOperation value) in DictionaryEntries.Of(item, invocation, context.CancellationToken))
            {
                if (!Contains(keyAttributes, attribute) || ObjectMembers.Of(value, invocation, context.CancellationToken) is not { } attributeValue)
                {
                    continue;
                }

                IOperation? written = attributeValue.Value("S") ?? attributeValue.Value("N") ?? attributeValue.ConstructorArgument;
                if (written is not null && FreshValue.In(written, context.CancellationToken) is { } fresh)
                {
                    bool isString = attributeValue.Value("S") is not null || attributeValue.ConstructorArgument is not null;
                    ReportKey(context, invocation, site, attribute, fresh, isString);
                    return;
                }
            }
        }

        private void AnalyzeSave(OperationAnalysisContext context, IInvocationOperation invocation, RecordSite site)
        {
            if (invocation.Arguments.IsEmpty
                || invocation.Arguments[0].Value.WalkDownConversions() is not { Type: INamedTypeSymbol itemType } saved
                || ObjectMembers.Of(saved, invocation, context.CancellationToken) is not { } members)
            {
                return;
            }

            foreach (KeyValuePair<string, IOperation> assigned in members.All)
            {
                if (IsKeyProperty(itemType, assigned.Key) is { } key && FreshValue.In(assigned.Value, context.CancellationToken) is { } fresh)
                {
                    ReportKey(context, invocation, site, assigned.Key, fresh, key.Type.SpecialType == SpecialType.System_String);
                    return;
                }
            }
        }

        private IPropertySymbol? IsKeyProperty(INamedTypeSymbol type, string name)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                foreach (ISymbol member in current.GetMembers(name))
                {
                    if (member is IPropertySymbol property)
                    {
                        foreach (AttributeData attribute in property.GetAttributes())
                        {
                            if (attribute.AttributeClass.IsOrDerivesFrom(_hashKey) || attribute.AttributeClass.IsOrDerivesFrom(_rangeKey))
                            {
                                return property;
                            }
                        }

                        return null;
                    }
                }
            }

            return null;
        }

        private static void ReportKey(
            OperationAnalysisContext context, IInvocationOperation write, RecordSite site, string attribute, FreshValue fresh, bool stringKey)
        {
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
            if (stringKey && site.Record is { } record && fresh.Replaceable is not null)
            {
                properties = properties.Add(IdentityKey, record.Name + "." + site.Consumed.Identity);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                KeyRule, WithinWrite(write, fresh.ShownAt), AdditionalLocations(write, fresh.ShownAt), properties, attribute, fresh.Operation.Syntax.ToString()));
        }

        /// <summary>
        /// The operation's own location when it is part of the write, else the write's: a diagnostic of an operation
        /// action stays inside the operation analyzed, so that the IDE shows it as the code is typed.
        /// </summary>
        private static Location WithinWrite(IInvocationOperation write, IOperation shown) =>
            write.Syntax.Span.Contains(shown.Syntax.Span) ? shown.Syntax.GetLocation() : write.Syntax.GetLocation();

        /// <summary>Where the value is written, when the diagnostic sits on the write instead; the fix reads it from there.</summary>
        private static IEnumerable<Location>? AdditionalLocations(IInvocationOperation write, IOperation shown) =>
            write.Syntax.Span.Contains(shown.Syntax.Span) ? null : new[] { shown.Syntax.GetLocation() };

        private static bool Contains(ImmutableArray<string> names, string name)
        {
            foreach (string candidate in names)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? Argument(IInvocationOperation invocation, string parameter)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameter)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private bool IsIdempotent(IMethodSymbol method)
        {
            if (_idempotent is null)
            {
                return false;
            }

            foreach (AttributeData attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass.IsOrDerivesFrom(_idempotent))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- The record loop ----

        /// <summary>The record loop of a handler the write runs in, directly or one call hop away, or null.</summary>
        private RecordSite? RecordSiteOf(IOperation write, IMethodSymbol member, CancellationToken cancellationToken)
        {
            if (RecordLoopAround(write, member, cancellationToken, out bool inFunction) is { } site)
            {
                return site;
            }

            // One hop: the write sits directly in a method that a handler calls inside its record loop.
            return inFunction || member.MethodKind != MethodKind.Ordinary ? null : CalledFromRecordLoop(member, cancellationToken);
        }

        /// <summary>
        /// The handler's record loop around <paramref name="operation"/> in its own body: a <c>foreach</c> over the
        /// event's <c>Records</c>, or a lambda handed to a call on <c>Records</c>. <paramref name="inFunction"/> tells
        /// whether a lambda or local function that is neither lies in between.
        /// </summary>
        private RecordSite? RecordLoopAround(IOperation operation, IMethodSymbol member, CancellationToken cancellationToken, out bool inFunction)
        {
            inFunction = false;
            ISymbol? record = null;
            ConsumedEvent? consumed = null;
            IParameterSymbol? eventParameter = null;
            IOperation child = operation;
            for (IOperation? current = operation.Parent; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IForEachLoopOperation loop when record is null && loop.Body == child
                        && EventRecords(loop.Collection) is { } loopEvent:
                        (eventParameter, consumed) = loopEvent;
                        record = (loop.LoopControlVariable as IVariableDeclaratorOperation)?.Symbol;
                        break;
                    case IAnonymousFunctionOperation lambda when record is null && RecordsLambda(lambda) is { } lambdaEvent:
                        (eventParameter, consumed) = lambdaEvent;
                        record = lambda.Symbol.Parameters.Length == 1 ? lambda.Symbol.Parameters[0] : null;
                        break;
                    case IAnonymousFunctionOperation lambda:
                        if (record is not null && IsInputOf(eventParameter, lambda.Symbol))
                        {
                            return _handlers.IsHandler(lambda, cancellationToken) ? new RecordSite(member, consumed!, record) : null;
                        }

                        inFunction = true;
                        return null;
                    case ILocalFunctionOperation localFunction:
                        if (record is not null && IsInputOf(eventParameter, localFunction.Symbol))
                        {
                            return _handlers.HandlerName(localFunction.Symbol, cancellationToken) is not null ? new RecordSite(member, consumed!, record) : null;
                        }

                        inFunction = true;
                        return null;
                }
            }

            return record is not null && IsInputOf(eventParameter, member)
                && _handlers.HandlerName(member, cancellationToken) is not null
                ? new RecordSite(member, consumed!, record)
                : null;
        }

        /// <summary>The event parameter is the function's input, as the handler discovery reads a handler's signature.</summary>
        private bool IsInputOf(IParameterSymbol? eventParameter, IMethodSymbol function) =>
            eventParameter is not null && SymbolEqualityComparer.Default.Equals(_handlers.InputParameter(function), eventParameter);

        /// <summary><c>input.Records</c> where <c>input</c> is a parameter of an at-least-once event type.</summary>
        private (IParameterSymbol, ConsumedEvent)? EventRecords(IOperation collection)
        {
            if (collection.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Records", Instance: IParameterReferenceOperation { Parameter: var parameter } })
            {
                foreach (ConsumedEvent consumed in _events)
                {
                    if (SymbolEqualityComparer.Default.Equals(parameter.Type, consumed.EventType))
                    {
                        return (parameter, consumed);
                    }
                }
            }

            return null;
        }

        /// <summary>A lambda handed to a call on the records: <c>input.Records.Select(r => …)</c>, <c>Parallel.ForEach(input.Records, r => …)</c>.</summary>
        private (IParameterSymbol, ConsumedEvent)? RecordsLambda(IAnonymousFunctionOperation lambda)
        {
            IOperation current = lambda;
            while (current.Parent is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation call })
            {
                return null;
            }

            if (call.Instance is { } instance && EventRecords(instance) is { } onInstance)
            {
                return onInstance;
            }

            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (argument.Value != current && EventRecords(argument.Value) is { } asArgument)
                {
                    return asArgument;
                }
            }

            return null;
        }

        /// <summary>The record loop of a handler that calls <paramref name="member"/>, with the member's own parameter of the record type as the record.</summary>
        private RecordSite? CalledFromRecordLoop(IMethodSymbol member, CancellationToken cancellationToken)
        {
            member = member.OriginalDefinition;
            if (_calledFromRecordLoop.TryGetValue(member, out RecordSite? cached))
            {
                return cached;
            }

            // A record loop is in a handler's own code, so only the calls that run in a handler can be in one.
            RecordSite? found = null;
            foreach ((IOperation Call, string HandlerName, IMethodSymbol CallerMember) call in _handlers.HandlerCalls(member, _hops, cancellationToken))
            {
                if (call.Call.SemanticModel is not null
                    && RecordLoopAround(call.Call, call.CallerMember, cancellationToken, out _) is { } site)
                {
                    found = new RecordSite(site.Handler, site.Consumed, RecordParameter(member, site.Consumed));
                    break;
                }
            }

            return _calledFromRecordLoop.GetOrAdd(member, found);
        }

        private static IParameterSymbol? RecordParameter(IMethodSymbol member, ConsumedEvent consumed)
        {
            IParameterSymbol? only = null;
            foreach (IParameterSymbol parameter in member.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, consumed.RecordType))
                {
                    if (only is not null)
                    {
                        return null;
                    }

                    only = parameter;
                }
            }

            return only;
        }
    }

    /// <summary>
    /// The members an object gets where the code creates it: its initializer, and for a local written once with the
    /// creation, the properties set on it afterwards. Null when the object comes from elsewhere or the local is used in
    /// a way that could set more (passed to a method other than the write): the rule then says nothing.
    /// </summary>
    private sealed class ObjectMembers
    {
        private readonly Dictionary<string, IOperation> _values;

        private ObjectMembers(Dictionary<string, IOperation> values, IOperation? constructorArgument)
        {
            _values = values;
            ConstructorArgument = constructorArgument;
        }

        /// <summary>The constructor's one argument, if any (<c>new AttributeValue(text)</c>).</summary>
        public IOperation? ConstructorArgument { get; }

        public IEnumerable<KeyValuePair<string, IOperation>> All => _values;

        public bool Has(string name) => _values.ContainsKey(name);

        public IOperation? Value(string name) => _values.TryGetValue(name, out IOperation? value) ? value : null;

        public static ObjectMembers? Of(IOperation value, IOperation use, CancellationToken cancellationToken)
        {
            value = value.WalkDownConversions();
            if (value is IObjectCreationOperation creation)
            {
                return FromCreation(creation);
            }

            if (value is not ILocalReferenceOperation { Local: var local })
            {
                return null;
            }

            ValueFlow flow = ValueFlow.For(value, cancellationToken);
            if (flow.SingleValue(local)?.WalkDownConversions() is not IObjectCreationOperation created || FromCreation(created) is not { } members)
            {
                return null;
            }

            foreach (IOperation read in flow.Reads(local))
            {
                if (read.Parent is IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation assignment } property
                    && property.Instance == read && assignment.Target == property)
                {
                    members._values[property.Property.Name] = assignment.Value;
                }
                else if (read.Parent is IPropertyReferenceOperation reference && reference.Instance == read)
                {
                    // A property read (request.Item["id"] = …) changes the members only through that property's own value.
                    continue;
                }
                else if (!IsInside(read, use))
                {
                    return null;
                }
            }

            return members;
        }

        private static bool IsInside(IOperation read, IOperation use)
        {
            for (IOperation? current = read; current is not null; current = current.Parent)
            {
                if (current == use)
                {
                    return true;
                }
            }

            return false;
        }

        private static ObjectMembers? FromCreation(IObjectCreationOperation creation)
        {
            var values = new Dictionary<string, IOperation>(StringComparer.Ordinal);
            if (creation.Initializer is { } initializer)
            {
                foreach (IOperation entry in initializer.Initializers)
                {
                    if (entry is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsIndexer: false } property } } assignment)
                    {
                        values[property.Name] = assignment.Value;
                    }
                    else if (entry is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nested } memberInitializer)
                    {
                        values[nested.Property.Name] = memberInitializer.Initializer;
                    }
                }
            }

            IOperation? argument = creation.Arguments.Length == 1 ? creation.Arguments[0].Value : null;
            return new ObjectMembers(values, argument);
        }
    }

    /// <summary>The string-keyed entries of a dictionary the code writes: its initializer, and <c>d[key] = v</c> / <c>d.Add(key, v)</c> on a local.</summary>
    private static class DictionaryEntries
    {
        public static List<(string Key, IOperation Value)> Of(IOperation dictionary, IOperation use, CancellationToken cancellationToken)
        {
            var entries = new List<(string, IOperation)>();
            IOperation value = dictionary.WalkDownConversions();
            if (value is IObjectCreationOperation creation)
            {
                AddInitializer(creation, entries);
                return entries;
            }

            if (value is not ILocalReferenceOperation { Local: var local })
            {
                return entries;
            }

            ValueFlow flow = ValueFlow.For(value, cancellationToken);
            if (flow.SingleValue(local)?.WalkDownConversions() is IObjectCreationOperation created)
            {
                AddInitializer(created, entries);
            }

            foreach (IOperation read in flow.Reads(local))
            {
                switch (read.Parent)
                {
                    case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Parent: ISimpleAssignmentOperation assignment } indexer
                        when assignment.Target == indexer && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }:
                        entries.Add((key, assignment.Value));
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add
                        when add.Instance == read && add.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string added }:
                        entries.Add((added, add.Arguments[1].Value));
                        break;
                }
            }

            return entries;
        }

        private static void AddInitializer(IObjectCreationOperation creation, List<(string, IOperation)> entries)
        {
            if (creation.Initializer is null)
            {
                return;
            }

            foreach (IOperation entry in creation.Initializer.Initializers)
            {
                switch (entry)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
                        when indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }:
                        entries.Add((key, assignment.Value));
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add
                        when add.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string added }:
                        entries.Add((added, add.Arguments[1].Value));
                        break;
                }
            }
        }
    }

    /// <summary>
    /// A value made anew on each run (<c>Guid.NewGuid()</c>, <c>DateTime.UtcNow</c>, a random number), found in an
    /// expression or the one value of a local it reads, with the string expression a fix can replace.
    /// </summary>
    private sealed class FreshValue
    {
        private FreshValue(IOperation operation, IOperation? replaceable, IOperation shownAt)
        {
            Operation = operation;
            Replaceable = replaceable;
            ShownAt = shownAt;
        }

        /// <summary>Where the write shows the value: the replaceable string, the fresh value itself, or the local that holds it.</summary>
        public IOperation ShownAt { get; }

        /// <summary>The call or property read that makes the value.</summary>
        public IOperation Operation { get; }

        /// <summary>The string the fresh value becomes where it is written (<c>Guid.NewGuid().ToString()</c>), when a record identity can stand in for it.</summary>
        public IOperation? Replaceable { get; }

        public static FreshValue? In(IOperation value, CancellationToken cancellationToken) => Find(value, cancellationToken, throughLocal: true);

        private static FreshValue? Find(IOperation value, CancellationToken cancellationToken, bool throughLocal)
        {
            foreach (IOperation current in value.OwnOperations())
            {
                if (IsFresh(current))
                {
                    IOperation? replaceable = StringAround(current, value);
                    return new FreshValue(current, replaceable, replaceable ?? current);
                }

                if (throughLocal && current is ILocalReferenceOperation { Local: var local }
                    && ValueFlow.For(current, cancellationToken).SingleValue(local) is { } stored
                    && Find(stored, cancellationToken, throughLocal: false) is { } fresh)
                {
                    // Made where the local is written: reported here, replaced there by no fix.
                    return new FreshValue(fresh.Operation, null, current);
                }
            }

            return null;
        }

        private static bool IsFresh(IOperation operation) => operation switch
        {
            IInvocationOperation { TargetMethod: var method } => method.ContainingType is { } type && (
                (method.Name == "NewGuid" && IsSystemType(type, "Guid"))
                || (method.Name.StartsWith("Next", StringComparison.Ordinal) && IsSystemType(type, "Random"))
                || (method.Name is "GetInt32" or "GetBytes" && type.Name == "RandomNumberGenerator")
                || (method.Name == "GetTimestamp" && type.Name == "Stopwatch")),
            IPropertyReferenceOperation { Property: var property } => property.ContainingType is { } owner && (
                (property.Name is "Now" or "UtcNow" && (IsSystemType(owner, "DateTime") || IsSystemType(owner, "DateTimeOffset")))
                || (property.Name is "TickCount" or "TickCount64" && IsSystemType(owner, "Environment"))),
            _ => false,
        };

        private static bool IsSystemType(INamedTypeSymbol type, string name) =>
            type.Name == name && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>
        /// The string the fresh value turns into inside <paramref name="written"/>: <c>Guid.NewGuid().ToString()</c>,
        /// <c>DateTime.UtcNow.Ticks.ToString()</c>, or the value itself in an interpolation hole; null otherwise.
        /// </summary>
        private static IOperation? StringAround(IOperation fresh, IOperation written)
        {
            IOperation current = fresh;
            while (current != written
                && (current.Parent is IConversionOperation
                    || current.Parent is IInvocationOperation { Instance: var instance } && instance == current
                    || current.Parent is IPropertyReferenceOperation { Instance: var owner } && owner == current))
            {
                current = current.Parent!;
            }

            if (current.Type?.SpecialType == SpecialType.System_String)
            {
                return current;
            }

            return current.Parent is IInterpolationOperation { Alignment: null, FormatString: null } ? current : null;
        }
    }
}
