using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Pagination;

/// <summary>
/// AWS007: a paginated list, scan or query whose first page is read while nothing asks for the next one. Each call
/// returns one page (1,000 S3 keys, 1 MB of DynamoDB items, 1,000 Athena rows), so code that passes its tests on
/// small data silently drops results in production. Which operations page comes from the SDK's model: the service's
/// paginator factory, plus the token-paged operations it has no paginator for.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS007PageReadOnceAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.PageReadOnce;

    /// <summary>Diagnostic property: the operation's name (<c>ListObjectsV2</c>), or <see cref="SearchOperation"/>.</summary>
    public const string OperationKey = "Operation";

    /// <summary>The <see cref="OperationKey"/> of a DocumentModel or DataModel search's <c>GetNextSetAsync</c>.</summary>
    public const string SearchOperation = "GetNextSet";

    /// <summary>How many locals a response may be copied through before we stop and assume it is read in full.</summary>
    private const int MaxTraceDepth = 4;

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId,
        title: RuleText.Get(nameof(AnalyzerResources.AWS007Title)),
        messageFormat: RuleText.Get(nameof(AnalyzerResources.AWS007MessageFormat)),
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: RuleText.Get(nameof(AnalyzerResources.AWS007Description)));

    private static readonly string[] s_searchTypeNames =
    [
        "Amazon.DynamoDBv2.DocumentModel.Search",
        "Amazon.DynamoDBv2.DocumentModel.ISearch",
        "Amazon.DynamoDBv2.DataModel.AsyncSearch`1",
        "Amazon.DynamoDBv2.DataModel.IAsyncSearch`1",
    ];

    private const string GetNextSetMethod = "GetNextSet";

    /// <summary>A search's methods that read one set of results: <c>GetNextSet</c> (v3 only) and <c>GetNextSetAsync</c>.</summary>
    private static readonly string[] s_nextSetMethods = [GetNextSetMethod, GetNextSetMethod + "Async"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types || PagedOperations.For(types) is not { } operations)
            {
                return;
            }

            ImmutableArray<INamedTypeSymbol>.Builder searchTypes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (string name in s_searchTypeNames)
            {
                if (types.Get(name) is { } type)
                {
                    searchTypes.Add(type);
                }
            }

            // A paged call names its method: only the types whose files write one of the model's paged operations (or a
            // search's next set) get the invocation callbacks, and those test the name before any type.
            var analyzer = new InvocationAnalyzer(operations, searchTypes.ToImmutable());
            start.RegisterOperationActionWhereWritten(
                WordSet.Of(operations.MethodNames.Concat(s_nextSetMethods)), analyzer.Analyze, OperationKind.Invocation);
        });
    }

    /// <summary>How the code uses what one page holds.</summary>
    private enum PageUse
    {
        /// <summary>Nothing of the page's content is read (a null check, a discarded response).</summary>
        None,

        /// <summary>Only whether there is a result, or the first one: the later pages would not change the answer.</summary>
        FirstOrAny,

        /// <summary>The page's results are read as if they were all of them.</summary>
        Results,
    }

    private sealed class InvocationAnalyzer
    {
        private readonly PagedOperations _operations;
        private readonly ImmutableArray<INamedTypeSymbol> _searchTypes;

        public InvocationAnalyzer(PagedOperations operations, ImmutableArray<INamedTypeSymbol> searchTypes)
        {
            _operations = operations;
            _searchTypes = searchTypes;
        }

        public void Analyze(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (invocation.Syntax is null)
            {
                return;
            }

            string name = method.Name;
            if (name is GetNextSetMethod or GetNextSetMethod + "Async")
            {
                if (IsSearch(method.ContainingType) && !CodeThatNeverRuns.Contains(invocation) && !CodeThatNeverRuns.IsCallOnTestDouble(invocation, context.CancellationToken))
                {
                    AnalyzeSearch(context, invocation);
                }

                return;
            }

            if (_operations.IsOperationMethodName(name) && _operations.Find(invocation) is { } operation && !CodeThatNeverRuns.Contains(invocation) && !CodeThatNeverRuns.IsCallOnTestDouble(invocation, context.CancellationToken))
            {
                AnalyzeCall(context, invocation, operation);
            }
        }

        private bool IsSearch(INamedTypeSymbol? type)
        {
            foreach (INamedTypeSymbol search in _searchTypes)
            {
                if (type.IsOrImplements(search) || type.IsOrDerivesFrom(search))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation invocation, PagedOperation operation)
        {
            CancellationToken cancellationToken = context.CancellationToken;
            IOperation root = invocation.Root();
            BodyFacts facts = BodyFacts.Of(root, operation, cancellationToken);
            if (facts.ReadsNextPage || facts.WritesToken)
            {
                return;
            }

            // A page size says one page is meant (unless the option asks); SQS ListQueues has no next page without one.
            if (facts.SetsPageSize ? !ReportsExplicitPageSize(context, invocation) : operation.PagesOnlyWithPageSize)
            {
                return;
            }

            if (operation.Kind == PagingKind.TokenLoop && operation.Name == "ExecuteStatement" && !SendsSelect(root, operation, cancellationToken))
            {
                return;
            }

            if (ResponseValue(invocation) is not { } response)
            {
                return;
            }

            ValueFlow flow = ValueFlow.For(root, cancellationToken);
            if (flow.Escapes(response, keepsArgument: null, cancellationToken)
                || new PageUseTrace(flow, operation, cancellationToken).OfResponse(response, depth: 0) != PageUse.Results)
            {
                return;
            }

            Report(context, invocation, operation.Name, PageLimits.Of(operation));
        }

        private static void AnalyzeSearch(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            CancellationToken cancellationToken = context.CancellationToken;
            IOperation root = invocation.Root();
            if (IsInLoop(invocation) || ResponseValue(invocation) is not { } page)
            {
                return;
            }

            // The search must be made here: one a caller passes in, or a field, may be paged by whoever holds it.
            ValueFlow flow = ValueFlow.For(root, cancellationToken);
            IOperation? receiver = invocation.Instance?.WalkDownConversions();
            ILocalSymbol? searchLocal = null;
            switch (receiver)
            {
                case IInvocationOperation or IObjectCreationOperation:
                    break;
                case ILocalReferenceOperation { Local: var local }
                    when flow.SingleValue(local)?.WalkDownConversions() is IInvocationOperation or IObjectCreationOperation or IAwaitOperation:
                    if (flow.Escapes(flow.SingleValue(local)!, keepsArgument: null, cancellationToken))
                    {
                        return;
                    }

                    searchLocal = local;
                    break;
                default:
                    return;
            }

            SearchFacts facts = SearchFacts.Of(root, invocation, searchLocal, cancellationToken);
            if (facts.ReadsProgress || facts.PagesAgain || (facts.SetsPageSize && !ReportsExplicitPageSize(context, invocation)))
            {
                return;
            }

            if (new PageUseTrace(flow, operation: null, cancellationToken).OfCollection(page, depth: 0) != PageUse.Results)
            {
                return;
            }

            Report(context, invocation, SearchOperation, PageLimits.Search);
        }

        private static void Report(OperationAnalysisContext context, IInvocationOperation invocation, string operation, LocalizableString limit)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(OperationKey, operation),
                invocation.TargetMethod.Name,
                limit));
        }

        private static bool ReportsExplicitPageSize(OperationAnalysisContext context, IInvocationOperation invocation) =>
            RuleOptions.PageReadOnceReportExplicitPageSize.Read(context.Options, invocation.Syntax.SyntaxTree);

        private static bool IsInLoop(IOperation operation)
        {
            IOperation child = operation;
            for (IOperation? current = operation.Parent; current is not null; child = current, current = current.Parent)
            {
                // The collection of a foreach is read once, before the loop runs.
                if (current is ILoopOperation && !(current is IForEachLoopOperation forEach && forEach.Collection == child))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>PartiQL pages only a SELECT: true when every statement the body gives the request is one.</summary>
        private static bool SendsSelect(IOperation root, PagedOperation operation, CancellationToken cancellationToken)
        {
            bool any = false;
            foreach (IOperation descendant in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Statement" } property } } assignment
                    && property.ContainingType.IsOrDerivesFrom(operation.Request))
                {
                    if (!StartsWithSelect(assignment.Value.WalkDownConversions()))
                    {
                        return false;
                    }

                    any = true;
                }
            }

            return any;
        }

        private static bool StartsWithSelect(IOperation value)
        {
            string? text = value switch
            {
                { ConstantValue: { HasValue: true, Value: string constant } } => constant,
                IInterpolatedStringOperation { Parts: { Length: > 0 } parts } when parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string first } => first,
                _ => null,
            };

            return text is not null && text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// The response (or the search's page) a call gives: the call itself for a sync method, else the awaited task
    /// (<c>await</c>, <c>.Result</c>, <c>.GetAwaiter().GetResult()</c>). Null when the task goes anywhere else.
    /// </summary>
    internal static IOperation? ResponseValue(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.ReturnType is not INamedTypeSymbol { Name: "Task", IsGenericType: true })
        {
            return invocation;
        }

        IOperation current = invocation;
        while (true)
        {
            switch (current.Parent)
            {
                case IConversionOperation conversion:
                    current = conversion;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "GetAwaiter" } call when call.Instance == current:
                    current = call;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "GetResult" } call when call.Instance == current:
                    return call;
                case IAwaitOperation await:
                    return await;
                case IPropertyReferenceOperation { Property.Name: "Result" } result when result.Instance == current:
                    return result;
                default:
                    return null;
            }
        }
    }

    /// <summary>What the body of a paged call does with the operation's paging members, in one walk.</summary>
    private readonly struct BodyFacts
    {
        private BodyFacts(bool readsNextPage, bool writesToken, bool setsPageSize)
        {
            ReadsNextPage = readsNextPage;
            WritesToken = writesToken;
            SetsPageSize = setsPageSize;
        }

        /// <summary>A next-page member of the response is read (<c>IsTruncated</c>, <c>NextContinuationToken</c>, <c>LastEvaluatedKey</c>).</summary>
        public bool ReadsNextPage { get; }

        /// <summary>A token member of the request is assigned (<c>ContinuationToken</c>, <c>ExclusiveStartKey</c>).</summary>
        public bool WritesToken { get; }

        /// <summary>The request's page size is set (<c>MaxKeys</c>, <c>Limit</c>, <c>MaxResults</c>).</summary>
        public bool SetsPageSize { get; }

        public static BodyFacts Of(IOperation root, PagedOperation operation, CancellationToken cancellationToken)
        {
            bool reads = false, writes = false, pageSize = false;
            foreach (IOperation descendant in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (descendant)
                {
                    case IPropertyReferenceOperation { Property: var property } reference:
                        if (IsAssignmentTarget(reference))
                        {
                            writes |= operation.IsInputTokenMember(property);
                            pageSize |= operation.IsPageSizeMember(property);
                        }
                        else
                        {
                            reads |= operation.IsNextPageMember(property);
                        }

                        break;
                    case IPropertySubpatternOperation { Member: IPropertyReferenceOperation { Property: var matched } }:
                        reads |= operation.IsNextPageMember(matched);
                        break;
                }
            }

            return new BodyFacts(reads, writes, pageSize);
        }
    }

    /// <summary>What the body of a search's <c>GetNextSetAsync</c> does with the search's progress, in one walk.</summary>
    private readonly struct SearchFacts
    {
        private SearchFacts(bool readsProgress, bool pagesAgain, bool setsPageSize)
        {
            ReadsProgress = readsProgress;
            PagesAgain = pagesAgain;
            SetsPageSize = setsPageSize;
        }

        /// <summary><c>IsDone</c> or the <c>PaginationToken</c> of a search is read.</summary>
        public bool ReadsProgress { get; }

        /// <summary>The same search asks for another page, or its remaining pages, elsewhere in the body.</summary>
        public bool PagesAgain { get; }

        /// <summary>A search configuration's <c>Limit</c> is set: one page of that size is meant.</summary>
        public bool SetsPageSize { get; }

        public static SearchFacts Of(IOperation root, IInvocationOperation call, ILocalSymbol? search, CancellationToken cancellationToken)
        {
            bool progress = false, again = false, pageSize = false;
            foreach (IOperation descendant in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (descendant)
                {
                    case IPropertyReferenceOperation { Property: { Name: "IsDone" or "PaginationToken" } property } reference
                        when !IsAssignmentTarget(reference) && IsDataModelNamespace(property.ContainingType):
                        progress = true;
                        break;
                    case IPropertyReferenceOperation { Property: { Name: "Limit" } property } reference
                        when IsAssignmentTarget(reference) && IsDataModelNamespace(property.ContainingType):
                        pageSize = true;
                        break;
                    case IInvocationOperation { TargetMethod.Name: "GetNextSetAsync" or "GetNextSet" or "GetRemainingAsync" or "GetRemaining" } other
                        when other != call && search is not null
                            && other.Instance?.WalkDownConversions() is ILocalReferenceOperation { Local: var local }
                            && SymbolEqualityComparer.Default.Equals(local, search):
                        again = true;
                        break;
                }
            }

            return new SearchFacts(progress, again, pageSize);
        }

        private static bool IsDataModelNamespace(INamedTypeSymbol? type) =>
            type?.ContainingNamespace?.ToDisplayString() is "Amazon.DynamoDBv2.DocumentModel" or "Amazon.DynamoDBv2.DataModel";
    }

    private static bool IsAssignmentTarget(IOperation reference) =>
        reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

    /// <summary>Follows a response, or a page of results, through the locals of one body to what reads it.</summary>
    private sealed class PageUseTrace
    {
        private readonly ValueFlow _flow;
        private readonly PagedOperation? _operation;
        private readonly CancellationToken _cancellationToken;

        public PageUseTrace(ValueFlow flow, PagedOperation? operation, CancellationToken cancellationToken)
        {
            _flow = flow;
            _operation = operation;
            _cancellationToken = cancellationToken;
        }

        /// <summary>How the members of the response <paramref name="value"/> are used.</summary>
        public PageUse OfResponse(IOperation value, int depth) =>
            Follow(value, depth, isResponse: true);

        /// <summary>How the result list <paramref name="value"/> is used.</summary>
        public PageUse OfCollection(IOperation value, int depth) =>
            Follow(value, depth, isResponse: false);

        private PageUse Follow(IOperation value, int depth, bool isResponse)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (depth > MaxTraceDepth)
            {
                return PageUse.Results;
            }

            IOperation carrier = ValueFlow.Carrier(value);
            switch (carrier.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { IsRef: false } local } }:
                    return FollowLocal(local, depth, isResponse);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: { IsRef: false } local } } assignment when assignment.Value == carrier:
                    return FollowLocal(local, depth, isResponse);
                case IExpressionStatementOperation or IDiscardOperation:
                    return PageUse.None;
                case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                    return PageUse.None;
            }

            return isResponse ? OfResponseUse(carrier) : OfCollectionUse(carrier);
        }

        private PageUse FollowLocal(ILocalSymbol local, int depth, bool isResponse)
        {
            PageUse use = PageUse.None;
            foreach (IOperation read in _flow.Reads(local))
            {
                use = Combine(use, Follow(read, depth + 1, isResponse));
                if (use == PageUse.Results)
                {
                    break;
                }
            }

            return use;
        }

        private static PageUse Combine(PageUse first, PageUse second) => first > second ? first : second;

        /// <summary>One use of the response itself: a member read, a null check, or something we do not model.</summary>
        private PageUse OfResponseUse(IOperation response)
        {
            switch (response.Parent)
            {
                case IPropertyReferenceOperation member when member.Instance == response:
                    return OfMember(member, member);
                case IConditionalAccessOperation conditional when conditional.Operation == response:
                    return ConditionalMember(conditional) is IPropertyReferenceOperation conditionalMember ? OfMember(conditionalMember, conditional) : PageUse.Results;
                case IBinaryOperation or IIsTypeOperation:
                    return PageUse.None;
                case IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation { Pattern: IConstantPatternOperation } or ITypePatternOperation }:
                    return PageUse.None;
                default:
                    return PageUse.Results;
            }
        }

        /// <summary>
        /// A member of the response: a next-page member is no read of results; a count compared with zero or one, like
        /// a collection's first item, only tests for a result; anything else reads the page.
        /// </summary>
        private PageUse OfMember(IPropertyReferenceOperation member, IOperation value)
        {
            if (_operation is not null && _operation.IsNextPageMember(member.Property))
            {
                return PageUse.None;
            }

            if (member.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                || member.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
            {
                return ComparesWithZeroOrOne(value) ? PageUse.FirstOrAny : PageUse.Results;
            }

            return OfCollectionUse(value);
        }

        /// <summary>
        /// One use of a result collection: its first item, whether it has any, or its content. A member of an object
        /// that only holds the results (Athena's <c>ResultSet</c>, Kinesis' <c>StreamDescription</c>) is judged as a
        /// member of the response.
        /// </summary>
        private PageUse OfCollectionUse(IOperation collection)
        {
            IOperation carrier = ValueFlow.Carrier(collection);
            if (carrier.Parent is IPropertyReferenceOperation { Property.IsIndexer: false } held && held.Instance == carrier
                && carrier.Type is { SpecialType: SpecialType.None, TypeKind: TypeKind.Class } holder
                && !holder.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
            {
                return OfMember(held, held);
            }

            switch (carrier.Parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation call } argument
                    when call.Arguments.Length > 0 && call.Arguments[0] == argument && IsFirstOrAny(call.TargetMethod):
                    return PageUse.FirstOrAny;
                case IInvocationOperation call when call.Instance == carrier && call.TargetMethod.Name is "Exists" or "Find":
                    // List<T>.Exists / Find read the page item by item: the answer may be on the next one.
                    return PageUse.Results;
                case IPropertyReferenceOperation { Property.Name: "Count" or "Length" } count when count.Instance == carrier:
                    return ComparesWithZeroOrOne(count) ? PageUse.FirstOrAny : PageUse.Results;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                    when indexer.Instance == carrier && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 0 }:
                    return PageUse.FirstOrAny;
                case IArrayElementReferenceOperation { Indices.Length: 1 } element when element.Indices[0].ConstantValue is { HasValue: true, Value: 0 }:
                    return PageUse.FirstOrAny;
                case IConditionalAccessOperation conditional when conditional.Operation == carrier:
                    return ConditionalMember(conditional) switch
                    {
                        IPropertyReferenceOperation { Property.Name: "Count" or "Length" } => ComparesWithZeroOrOne(conditional) ? PageUse.FirstOrAny : PageUse.Results,
                        IInvocationOperation call when IsFirstOrAny(call.TargetMethod) => PageUse.FirstOrAny,
                        _ => PageUse.Results,
                    };
                case IBinaryOperation or IIsTypeOperation:
                    return PageUse.None;
                default:
                    return PageUse.Results;
            }
        }

        private static bool IsFirstOrAny(IMethodSymbol method) =>
            method.Name is "Any" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault"
            && method.ContainingType?.ToDisplayString() == "System.Linq.Enumerable";

        /// <summary><c>x.Count &gt; 0</c>, <c>x?.Count == 0</c>, <c>1 &lt;= x.Count</c>: a test for a result, not a total.</summary>
        private static bool ComparesWithZeroOrOne(IOperation value)
        {
            IOperation carrier = ValueFlow.Carrier(value);
            if (carrier.Parent is not IBinaryOperation binary)
            {
                return false;
            }

            IOperation other = binary.LeftOperand == carrier ? binary.RightOperand : binary.LeftOperand;
            return binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.GreaterThan
                    or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                && other.WalkDownConversions().ConstantValue is { HasValue: true, Value: 0 or 1 or 0L or 1L };
        }

        /// <summary>The member read or call made by <c>x?.Member</c>.</summary>
        private static IOperation? ConditionalMember(IConditionalAccessOperation conditional)
        {
            foreach (IOperation operation in conditional.WhenNotNull.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IConditionalAccessInstanceOperation { Parent: IPropertyReferenceOperation read } instance when read.Instance == instance:
                        return read;
                    case IConditionalAccessInstanceOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } }:
                        return call;
                    case IConditionalAccessInstanceOperation { Parent: IInvocationOperation call } instance when call.Instance == instance:
                        return call;
                }
            }

            return null;
        }
    }
}
