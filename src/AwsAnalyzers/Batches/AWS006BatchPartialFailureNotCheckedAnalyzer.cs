using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Batches;

/// <summary>
/// AWS006: a batch write (or batch read) whose response carries the entries that failed, while the code never looks at
/// them. Kinesis <c>PutRecords</c>, Firehose <c>PutRecordBatch</c>, DynamoDB <c>BatchWriteItem</c>/<c>BatchGetItem</c>
/// and SQS <c>SendMessageBatch</c>/<c>DeleteMessageBatch</c> succeed as a whole when single entries are throttled or
/// fail, so the failures are lost unless the response is read.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS006BatchPartialFailureNotCheckedAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.BatchPartialFailureNotChecked;

    /// <summary>Diagnostic property naming the <see cref="BatchOperation.Key"/> of the reported call.</summary>
    public const string OperationKey = "Operation";

    /// <summary>How many locals a response may be copied through before we stop tracing and assume it is handled.</summary>
    private const int MaxTraceDepth = 4;

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS006Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS006Description));

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS006MessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>
    /// The same rule for a batch read (DynamoDB <c>BatchGetItem</c>): nothing is lost on the service's side, but the keys
    /// it could not read in time are never asked for again.
    /// </summary>
    internal static readonly DiagnosticDescriptor ReadRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS006ReadMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, ReadRule);

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

            ImmutableArray<ResolvedOperation> operations = BatchOperation.Resolve(types);
            if (operations.IsEmpty)
            {
                return;
            }

            var analyzer = new InvocationAnalyzer(
                operations, types.Get("System.Threading.Tasks.Task"), types.Get("System.Threading.Tasks.Task`1"));
            start.RegisterOperationActionWhereWritten(BatchOperation.MethodWords, analyzer.Analyze, OperationKind.Invocation);
        });
    }

    /// <summary>What a traced value is at a point of its flow.</summary>
    private enum ValueKind
    {
        /// <summary>The response itself.</summary>
        Response,

        /// <summary>A <c>Task&lt;TResponse&gt;</c> (or its awaitable or awaiter) that still yields the response.</summary>
        Task,

        /// <summary>The <c>Task&lt;TResponse&gt;</c> converted to a plain <c>Task</c>: the response can no longer be read.</summary>
        ErasedTask,
    }

    private sealed class InvocationAnalyzer
    {
        private readonly ImmutableArray<ResolvedOperation> _operations;
        private readonly INamedTypeSymbol? _task;
        private readonly INamedTypeSymbol? _genericTask;

        public InvocationAnalyzer(ImmutableArray<ResolvedOperation> operations, INamedTypeSymbol? task, INamedTypeSymbol? genericTask)
        {
            _operations = operations;
            _task = task;
            _genericTask = genericTask;
        }

        public void Analyze(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (Match(method) is not { } operation || invocation.Syntax is null || CodeThatNeverRuns.Contains(invocation)
                || CodeThatNeverRuns.IsCallOnTestDouble(invocation, context.CancellationToken))
            {
                return;
            }

            ValueKind kind = operation.IsResponse(method.ReturnType) ? ValueKind.Response : ValueKind.Task;
            var trace = new FlowTrace(operation, _task, invocation.Root(), context.CancellationToken);
            if (trace.IsHandled(invocation, kind, depth: 0))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                operation.Definition.IsRead ? ReadRule : Rule,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(OperationKey, operation.Definition.Key),
                method.Name,
                operation.Definition.FailureFieldsText));
        }

        private ResolvedOperation? Match(IMethodSymbol method)
        {
            // The name first: it rules out almost every call before any symbol is compared.
            string name = method.Name;
            if (!BatchOperation.IsAnyMethodName(name))
            {
                return null;
            }

            foreach (ResolvedOperation operation in _operations)
            {
                if (!operation.Definition.IsMethodName(name))
                {
                    continue;
                }

                ITypeSymbol returnType = method.ReturnType;
                bool returnsResponse = operation.IsResponse(returnType)
                    || (returnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                        && SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, _genericTask)
                        && operation.IsResponse(generic.TypeArguments[0]));
                if (returnsResponse && method.ContainingType.IsOrImplements(operation.Client))
                {
                    return operation;
                }
            }

            return null;
        }
    }

    /// <summary>Follows a response (or the task that yields it) through the member body that holds the call.</summary>
    private sealed class FlowTrace
    {
        private readonly ResolvedOperation _operation;
        private readonly INamedTypeSymbol? _task;
        private readonly IOperation _root;
        private readonly CancellationToken _cancellationToken;
        private bool? _readsEntryError;

        public FlowTrace(ResolvedOperation operation, INamedTypeSymbol? task, IOperation root, CancellationToken cancellationToken)
        {
            _operation = operation;
            _task = task;
            _root = root;
            _cancellationToken = cancellationToken;
        }

        /// <summary>
        /// True when the value's failure fields are read, or the value leaves the method (returned, passed to another
        /// method, stored outside a local) so that someone else may read them, or it is used in a way we do not model.
        /// </summary>
        public bool IsHandled(IOperation value, ValueKind kind, int depth)
        {
            if (depth > MaxTraceDepth)
            {
                return true;
            }

            IOperation current = value;
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                IOperation? parent = current.Parent;
                switch (parent)
                {
                    case null:
                        return true;

                    case IConversionOperation conversion:
                        if (kind == ValueKind.Task && SymbolEqualityComparer.Default.Equals(conversion.Type, _task) && _task is not null)
                        {
                            kind = ValueKind.ErasedTask;
                        }

                        // Other conversions (to object for `!= null`, to a base type, a cast back) keep the value; the
                        // operation that consumes it decides.
                        current = conversion;
                        continue;

                    case IAwaitOperation await:
                        if (kind != ValueKind.Task)
                        {
                            return false;
                        }

                        kind = ValueKind.Response;
                        current = await;
                        continue;

                    case IInvocationOperation call when call.Instance == current:
                        switch (kind, call.TargetMethod.Name)
                        {
                            case (ValueKind.Task, "ConfigureAwait" or "GetAwaiter"):
                                current = call;
                                continue;
                            case (ValueKind.Task, "GetResult"):
                                kind = ValueKind.Response;
                                current = call;
                                continue;
                            case (ValueKind.Task, "Wait"):
                            case (ValueKind.Response or ValueKind.ErasedTask, _):
                                // Waiting, ToString, GetType and the like read nothing and pass nothing on.
                                return false;
                            default:
                                // ContinueWith and the like hand the response to other code.
                                return true;
                        }

                    case IPropertyReferenceOperation property when property.Instance == current:
                        if (kind == ValueKind.Task && property.Property.Name == "Result")
                        {
                            kind = ValueKind.Response;
                            current = property;
                            continue;
                        }

                        return kind == ValueKind.Response && IsFailureRead(property);

                    case IConditionalAccessOperation conditional when conditional.Operation == current:
                        return kind == ValueKind.Response && ConditionalMemberRead(conditional) is { } read && IsFailureRead(read);

                    case IConditionalOperation or ICoalesceOperation:
                        // A branch of a ternary or `??`: the result carries the value on.
                        current = parent;
                        continue;

                    case IExpressionStatementOperation:
                        return false;

                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        return assignment.Target switch
                        {
                            IDiscardOperation => false,
                            ILocalReferenceOperation { Local: { } local } => IsLocalHandled(local, kind, depth),
                            _ => true,
                        };

                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } }:
                        return IsLocalHandled(local, kind, depth);

                    case IReturnOperation { Parent: IBlockOperation { Parent: IAnonymousFunctionOperation lambda } }
                        when TasksAwaitedTogether.ResultsOfTasksMadeByAreNeverRead(lambda, _cancellationToken):
                        // `await Task.WhenAll(batches.Select(b => client.PutRecordsAsync(b)));`: the lambda hands the
                        // response on, but the only code that receives it discards it.
                        return false;

                    case IReturnOperation:
                        // A task returned as a plain Task loses the response; anything else goes to the caller.
                        return kind != ValueKind.ErasedTask;

                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add", Instance: ILocalReferenceOperation { Local: var tasks } } }
                        when kind != ValueKind.Response:
                        // `tasks.Add(client.PutRecordsAsync(b));` … `await Task.WhenAll(tasks);` and nothing else reads them.
                        return !TasksAwaitedTogether.ResultsAreNeverRead(tasks, _root, _cancellationToken);

                    case IIsPatternOperation pattern:
                        return kind != ValueKind.Response || IsPatternHandled(pattern.Pattern, depth);

                    case IBinaryOperation or IIsTypeOperation:
                        // `response != null`, `response is object`: a null check reads no failure field.
                        return false;

                    default:
                        // Arguments, tuples, collection elements, fields and anything we do not model: assume handled.
                        return true;
                }
            }
        }

        private bool IsLocalHandled(ILocalSymbol local, ValueKind kind, int depth)
        {
            if (local.IsRef)
            {
                return true;
            }

            foreach (IOperation read in ValueFlow.For(_root, _cancellationToken).Reads(local))
            {
                if (IsHandled(read, kind, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsPatternHandled(IPatternOperation pattern, int depth)
        {
            foreach (IOperation operation in pattern.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IPropertySubpatternOperation { Member: IPropertyReferenceOperation member } when IsFailureProperty(member.Property):
                        return true;
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } when IsLocalHandled(local, ValueKind.Response, depth):
                        return true;
                    case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } when IsLocalHandled(local, ValueKind.Response, depth):
                        return true;
                }
            }

            return false;
        }

        /// <summary>The member read by <c>response?.Member</c>.</summary>
        private static IPropertyReferenceOperation? ConditionalMemberRead(IConditionalAccessOperation conditional)
        {
            foreach (IOperation operation in conditional.WhenNotNull.DescendantsAndSelf())
            {
                if (operation is IConditionalAccessInstanceOperation { Parent: IPropertyReferenceOperation read } instance && read.Instance == instance)
                {
                    return read;
                }
            }

            return null;
        }

        private bool IsFailureRead(IPropertyReferenceOperation read)
        {
            if (IsFailureProperty(read.Property))
            {
                return true;
            }

            // Records / RequestResponses: checked when the method reads the error code of an entry, or passes the
            // entries on.
            return read.Property.Name == _operation.Definition.EntriesProperty
                && (ReadsEntryError() || EntriesLeave(read));
        }

        private bool IsFailureProperty(IPropertySymbol property) =>
            _operation.IsResponse(property.ContainingType) && _operation.Definition.IsFailureProperty(property.Name);

        private bool ReadsEntryError()
        {
            if (_readsEntryError is { } known)
            {
                return known;
            }

            bool reads = false;
            if (_operation.Entry is { } entry)
            {
                foreach (IOperation operation in _root.Descendants())
                {
                    IPropertySymbol? property = operation switch
                    {
                        IPropertyReferenceOperation reference => reference.Property,
                        IPropertySubpatternOperation { Member: IPropertyReferenceOperation member } => member.Property,
                        _ => null,
                    };

                    if (property is { Name: "ErrorCode" or "ErrorMessage" }
                        && SymbolEqualityComparer.Default.Equals(property.ContainingType?.OriginalDefinition, entry))
                    {
                        reads = true;
                        break;
                    }
                }
            }

            _readsEntryError = reads;
            return reads;
        }

        /// <summary>The result entries are returned, stored outside a local, or passed to a method other than LINQ's.</summary>
        private static bool EntriesLeave(IPropertyReferenceOperation entries)
        {
            IOperation current = entries;
            while (current.Parent is IConversionOperation conversion)
            {
                current = conversion;
            }

            return current.Parent switch
            {
                IReturnOperation => true,
                IArgumentOperation { Parent: IInvocationOperation call } =>
                    call.TargetMethod.ContainingNamespace?.ToDisplayString() != "System.Linq",
                IArgumentOperation => true,
                ISimpleAssignmentOperation { Target: not ILocalReferenceOperation } assignment => assignment.Value == current,
                _ => false,
            };
        }
    }
}

/// <summary>One batch operation the rule knows: how it is called and where its response reports failures.</summary>
internal sealed class BatchOperation
{
    public const string KinesisPutRecords = "KinesisPutRecords";
    public const string FirehosePutRecordBatch = "FirehosePutRecordBatch";
    public const string DynamoDBBatchWriteItem = "DynamoDBBatchWriteItem";
    public const string DynamoDBBatchGetItem = "DynamoDBBatchGetItem";
    public const string SqsSendMessageBatch = "SqsSendMessageBatch";
    public const string SqsDeleteMessageBatch = "SqsDeleteMessageBatch";

    public static ImmutableArray<BatchOperation> All { get; } = ImmutableArray.Create(
        new BatchOperation(KinesisPutRecords, "PutRecords", "Amazon.Kinesis.IAmazonKinesis", "Amazon.Kinesis.Model.PutRecordsResponse",
            ImmutableArray.Create("FailedRecordCount"), "Records", "Amazon.Kinesis.Model.PutRecordsResultEntry",
            EitherField("FailedRecordCount", "Records[i].ErrorCode")),
        new BatchOperation(FirehosePutRecordBatch, "PutRecordBatch", "Amazon.KinesisFirehose.IAmazonKinesisFirehose", "Amazon.KinesisFirehose.Model.PutRecordBatchResponse",
            ImmutableArray.Create("FailedPutCount"), "RequestResponses", "Amazon.KinesisFirehose.Model.PutRecordBatchResponseEntry",
            EitherField("FailedPutCount", "RequestResponses[i].ErrorCode")),
        new BatchOperation(DynamoDBBatchWriteItem, "BatchWriteItem", "Amazon.DynamoDBv2.IAmazonDynamoDB", "Amazon.DynamoDBv2.Model.BatchWriteItemResponse",
            ImmutableArray.Create("UnprocessedItems"), null, null, "UnprocessedItems"),
        new BatchOperation(DynamoDBBatchGetItem, "BatchGetItem", "Amazon.DynamoDBv2.IAmazonDynamoDB", "Amazon.DynamoDBv2.Model.BatchGetItemResponse",
            ImmutableArray.Create("UnprocessedKeys"), null, null, "UnprocessedKeys"),
        new BatchOperation(SqsSendMessageBatch, "SendMessageBatch", "Amazon.SQS.IAmazonSQS", "Amazon.SQS.Model.SendMessageBatchResponse",
            ImmutableArray.Create("Failed", "Successful"), null, null, RuleText.Get(nameof(AnalyzerResources.AWS006ResponseFailedList))),
        new BatchOperation(SqsDeleteMessageBatch, "DeleteMessageBatch", "Amazon.SQS.IAmazonSQS", "Amazon.SQS.Model.DeleteMessageBatchResponse",
            ImmutableArray.Create("Failed", "Successful"), null, null, RuleText.Get(nameof(AnalyzerResources.AWS006ResponseFailedList))));

    private BatchOperation(
        string key, string methodName, string clientName, string responseName, ImmutableArray<string> failureProperties,
        string? entriesProperty, string? entryName, LocalizableString failureFieldsText)
    {
        Key = key;
        MethodName = methodName;
        ClientName = clientName;
        ResponseName = responseName;
        FailureProperties = failureProperties;
        EntriesProperty = entriesProperty;
        EntryName = entryName;
        FailureFieldsText = failureFieldsText;
    }

    /// <summary>The stable name passed to the code fix in the diagnostic's properties.</summary>
    public string Key { get; }

    /// <summary>The operation's sync method name; the async one adds <c>Async</c>.</summary>
    public string MethodName { get; }

    public string ClientName { get; }

    public string ResponseName { get; }

    /// <summary>Response properties whose read counts as checking the failures.</summary>
    public ImmutableArray<string> FailureProperties { get; }

    /// <summary>The per-entry result list, checked when an entry's <c>ErrorCode</c> is read.</summary>
    public string? EntriesProperty { get; }

    public string? EntryName { get; }

    /// <summary>The failure fields as the message names them (field names, or two joined by a localized "or").</summary>
    public LocalizableString FailureFieldsText { get; }

    private static LocalizableString EitherField(string first, string second) =>
        RuleText.Get(nameof(AnalyzerResources.AWS006EitherField), first, second);

    /// <summary>A batch read: what it leaves out is keys not read, not entries lost.</summary>
    public bool IsRead => Key == DynamoDBBatchGetItem;

    /// <summary>
    /// The sync and async method names of every operation in <see cref="All"/>: asked of every call of a project, so a
    /// hash set, never written after this, rather than an immutable one, whose look-up walks a tree.
    /// </summary>
    private static readonly HashSet<string> s_methodNames = MethodNames();

    private static HashSet<string> MethodNames()
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (BatchOperation operation in All)
        {
            names.Add(operation.MethodName);
            names.Add(operation.MethodName + "Async");
        }

        return names;
    }

    /// <summary>The word keys of <see cref="s_methodNames"/>: a batch call names its method, so only the types whose files write one need its callbacks.</summary>
    public static readonly WordSet MethodWords = WordSet.Of(s_methodNames);

    /// <summary>True when <paramref name="name"/> is the method name of one of the operations: the cheap test before any symbol is compared.</summary>
    public static bool IsAnyMethodName(string name) => s_methodNames.Contains(name);

    public bool IsMethodName(string name) =>
        name == MethodName || (name.Length == MethodName.Length + 5 && name.StartsWith(MethodName, System.StringComparison.Ordinal) && name.EndsWith("Async", System.StringComparison.Ordinal));

    public bool IsFailureProperty(string name) => FailureProperties.Contains(name);

    /// <summary>The operations whose client and response types this compilation references.</summary>
    public static ImmutableArray<ResolvedOperation> Resolve(KnownTypes types)
    {
        ImmutableArray<ResolvedOperation>.Builder resolved = ImmutableArray.CreateBuilder<ResolvedOperation>();
        foreach (BatchOperation operation in All)
        {
            if (types.Get(operation.ClientName) is { } client && types.Get(operation.ResponseName) is { } response)
            {
                INamedTypeSymbol? entry = operation.EntryName is null ? null : types.Get(operation.EntryName);
                resolved.Add(new ResolvedOperation(operation, client, response, entry));
            }
        }

        return resolved.ToImmutable();
    }
}

/// <summary>A <see cref="BatchOperation"/> with the symbols of one compilation.</summary>
internal sealed class ResolvedOperation
{
    public ResolvedOperation(BatchOperation definition, INamedTypeSymbol client, INamedTypeSymbol response, INamedTypeSymbol? entry)
    {
        Definition = definition;
        Client = client;
        Response = response;
        Entry = entry;
    }

    public BatchOperation Definition { get; }

    public INamedTypeSymbol Client { get; }

    public INamedTypeSymbol Response { get; }

    public INamedTypeSymbol? Entry { get; }

    public bool IsResponse(ITypeSymbol? type) => type.IsOrDerivesFrom(Response);
}
