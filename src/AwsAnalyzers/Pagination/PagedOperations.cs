using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Pagination;

/// <summary>How the later pages of an operation are asked for.</summary>
internal enum PagingKind
{
    /// <summary>The service's paginator factory (<c>I&lt;Svc&gt;PaginatorFactory</c>) has a method for the request.</summary>
    Paginator,

    /// <summary>Token paging the SDK has no paginator for (Kinesis <c>ListShards</c>, <c>DescribeStream</c>, PartiQL).</summary>
    TokenLoop,
}

/// <summary>One operation that returns its results a page at a time, as this compilation's SDK models it.</summary>
internal sealed class PagedOperation
{
    /// <summary>The token and page-size members; for a paginator, read from its attribute when first asked for.</summary>
    private PagingMembers? _members;

    /// <summary>An operation whose paging members the paginator factory's <paramref name="paginatorMethod"/> names.</summary>
    public PagedOperation(string name, INamedTypeSymbol request, INamedTypeSymbol response, IMethodSymbol paginatorMethod)
    {
        Name = name;
        Kind = PagingKind.Paginator;
        Request = request;
        Response = response;
        PaginatorMethod = paginatorMethod;
    }

    /// <summary>A token-paged operation the SDK has no paginator for.</summary>
    public PagedOperation(
        string name,
        INamedTypeSymbol request,
        INamedTypeSymbol response,
        ImmutableArray<string> inputTokens,
        ImmutableArray<string> outputTokens,
        string? limitKey,
        INamedTypeSymbol? pageHolder)
    {
        Name = name;
        Kind = PagingKind.TokenLoop;
        Request = request;
        Response = response;
        _members = new PagingMembers(inputTokens, outputTokens, limitKey);
        PageHolder = pageHolder;
    }

    /// <summary>The operation's name: <c>ListObjectsV2</c>; the client's methods are this name and this name + <c>Async</c>.</summary>
    public string Name { get; }

    public PagingKind Kind { get; }

    public INamedTypeSymbol Request { get; }

    public INamedTypeSymbol Response { get; }

    /// <summary>The request members that carry the token of the next page (<c>ContinuationToken</c>, <c>ExclusiveStartKey</c>).</summary>
    public ImmutableArray<string> InputTokens => Members.InputTokens;

    /// <summary>The response members that say there is a next page (<c>NextContinuationToken</c>, <c>LastEvaluatedKey</c>).</summary>
    public ImmutableArray<string> OutputTokens => Members.OutputTokens;

    /// <summary>The request member that sets the page size (<c>MaxKeys</c>, <c>Limit</c>), when the model names one.</summary>
    public string? LimitKey => Members.LimitKey;

    // Reading a method's attributes decodes metadata: done for the operations a body calls, not for every paginator.
    private PagingMembers Members => _members ??= PagingMembers.Of(PaginatorMethod!);

    /// <summary>The paginator factory's method for this operation (<c>IS3PaginatorFactory.ListObjectsV2</c>).</summary>
    public IMethodSymbol? PaginatorMethod { get; }

    /// <summary>A response member's type that holds the next-page flag instead of the response (Kinesis <c>StreamDescription</c>).</summary>
    public INamedTypeSymbol? PageHolder { get; }

    public bool IsMethodName(string name) =>
        name.Length >= Name.Length
        && name.StartsWith(Name, StringComparison.Ordinal)
        && (name.Length == Name.Length || (name.Length == Name.Length + 5 && name.EndsWith("Async", StringComparison.Ordinal)));

    /// <summary>A response member that tells whether there is a next page, or carries its token.</summary>
    /// <remarks>
    /// The member tests read the name before the type: a body that sends one paged request reads many other properties,
    /// and a name test is cheaper than walking a type's bases.
    /// </remarks>
    public bool IsNextPageMember(IPropertySymbol property)
    {
        string name = property.Name;
        if (!(OutputTokens.Contains(name)
            || name == "IsTruncated"
            || name.StartsWith("HasMore", StringComparison.Ordinal)
            || name.StartsWith("LastEvaluated", StringComparison.Ordinal)
            || name.StartsWith("Next", StringComparison.Ordinal)))
        {
            return false;
        }

        INamedTypeSymbol? owner = property.ContainingType;
        return owner.IsOrDerivesFrom(Response) || (PageHolder is not null && owner.IsOrDerivesFrom(PageHolder));
    }

    /// <summary>A request member that asks for a page after the first.</summary>
    public bool IsInputTokenMember(IPropertySymbol property)
    {
        string name = property.Name;
        return (InputTokens.Contains(name)
                || name is "ContinuationToken" or "StartAfter" or "NextToken" or "PaginationToken"
                || name.EndsWith("Marker", StringComparison.Ordinal)
                || name.StartsWith("ExclusiveStart", StringComparison.Ordinal))
            && property.ContainingType.IsOrDerivesFrom(Request);
    }

    /// <summary>A request member that sets how many results one page holds.</summary>
    public bool IsPageSizeMember(IPropertySymbol property)
    {
        string name = property.Name;
        return (name == LimitKey
                || name is "Limit" or "PageSize" or "MaxKeys" or "MaxResults" or "MaxItems" or "MaxUploads" or "MaxParts" or "MaxRecords")
            && property.ContainingType.IsOrDerivesFrom(Request);
    }

    /// <summary>
    /// SQS <c>ListQueues</c> and <c>ListDeadLetterSourceQueues</c> return up to 1,000 URLs and no token unless
    /// <c>MaxResults</c> is set: there is a next page only when a page size is.
    /// </summary>
    public bool PagesOnlyWithPageSize =>
        Name is "ListQueues" or "ListDeadLetterSourceQueues" && Request.ContainingNamespace?.ToDisplayString() == "Amazon.SQS.Model";
}

/// <summary>The members an operation pages with: the request's token and page size, the response's token.</summary>
internal sealed class PagingMembers
{
    public PagingMembers(ImmutableArray<string> inputTokens, ImmutableArray<string> outputTokens, string? limitKey)
    {
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        LimitKey = limitKey;
    }

    public ImmutableArray<string> InputTokens { get; }

    public ImmutableArray<string> OutputTokens { get; }

    public string? LimitKey { get; }

    /// <summary>The token and page-size members the SDK's <c>[AWSPaginator]</c> attribute names (newer SDK builds only).</summary>
    public static PagingMembers Of(IMethodSymbol method)
    {
        ImmutableArray<string> inputTokens = ImmutableArray<string>.Empty;
        ImmutableArray<string> outputTokens = ImmutableArray<string>.Empty;
        string? limitKey = null;
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name != "AWSPaginatorAttribute")
            {
                continue;
            }

            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "InputToken":
                        inputTokens = Strings(argument.Value);
                        break;
                    case "OutputToken":
                        outputTokens = Strings(argument.Value);
                        break;
                    case "LimitKey" when argument.Value.Kind == TypedConstantKind.Primitive:
                        limitKey = argument.Value.Value as string;
                        break;
                }
            }
        }

        return new PagingMembers(inputTokens, outputTokens, limitKey);
    }

    private static ImmutableArray<string> Strings(TypedConstant value)
    {
        if (value.Kind != TypedConstantKind.Array || value.IsNull)
        {
            return ImmutableArray<string>.Empty;
        }

        ImmutableArray<string>.Builder names = ImmutableArray.CreateBuilder<string>(value.Values.Length);
        foreach (TypedConstant element in value.Values)
        {
            if (element.Value is string name)
            {
                // An output token may be a path (Kinesis DescribeStream's StreamDescription.Shards[-1].ShardId): its
                // last member is what code reads.
                int dot = name.LastIndexOf('.');
                names.Add(dot >= 0 ? name.Substring(dot + 1) : name);
            }
        }

        return names.ToImmutable();
    }
}

/// <summary>
/// The paged operations of one compilation, read from the SDK's own model: every method of a service's paginator
/// factory names a paged request and (through its paginator's <c>Responses</c>) the response, and the newer SDKs'
/// <c>[AWSPaginator]</c> attribute names the token and page-size members; a short supplement adds the token-paged
/// operations the SDK has no paginator for. Each service's model namespace is read once per compilation.
/// </summary>
internal sealed class PagedOperations
{
    private const string ServiceInterfaceName = "Amazon.Runtime.IAmazonService";
    private const string TaskOfTName = "System.Threading.Tasks.Task`1";

    private readonly KnownTypes _types;
    private readonly INamedTypeSymbol _service;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly ConcurrentDictionary<INamespaceSymbol, ImmutableDictionary<INamedTypeSymbol, PagedOperation>> _byModelNamespace =
        new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _isClient = new(SymbolEqualityComparer.Default);

    // Filled once in the constructor and only read after: safe to share between the analysis threads.
    private readonly HashSet<string> _methodNames;

    /// <summary>The operations the SDK pages by token without a paginator (<see cref="AddTokenPagedOperations"/>).</summary>
    private const string ListShardsOperation = "ListShards";
    private const string DescribeStreamOperation = "DescribeStream";
    private const string ExecuteStatementOperation = "ExecuteStatement";
    private static readonly string[] s_tokenPagedOperationNames = [ListShardsOperation, DescribeStreamOperation, ExecuteStatementOperation];

    /// <summary>The paginator factory method names of one referenced assembly, read once per assembly symbol (compilations that share a reference share it).</summary>
    private static readonly ConditionalWeakTable<IAssemblySymbol, string[]> s_paginatorNamesPerAssembly = new();

    private PagedOperations(KnownTypes types, INamedTypeSymbol service)
    {
        _types = types;
        _service = service;
        _taskOfT = types.Get(TaskOfTName);
        _methodNames = ReadMethodNames(types);
    }

    /// <summary>The paged operations of a compilation that references an AWS service, or null.</summary>
    public static PagedOperations? For(KnownTypes types) =>
        types.Get(ServiceInterfaceName) is { } service ? new PagedOperations(types, service) : null;

    /// <summary>
    /// The names a client method that sends a paged operation can have: each paginator factory method of the referenced
    /// services (<c>ListObjectsV2</c>) and its <c>Async</c> twin, and the token-paged operations without a paginator.
    /// <see cref="Find(IInvocationOperation)"/> finds no operation for a method of any other name, so a rule tests the
    /// name (and the words of the source) before the types.
    /// </summary>
    public IEnumerable<string> MethodNames => _methodNames;

    /// <summary>True when <paramref name="name"/> is one of <see cref="MethodNames"/>.</summary>
    public bool IsOperationMethodName(string name) => _methodNames.Contains(name);

    private static HashSet<string> ReadMethodNames(KnownTypes types)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        AddOperations(names, s_tokenPagedOperationNames);

        // The project's own source may declare a service's shape too (a test double of the whole SDK).
        AddOperations(names, PaginatorMethodNames(types.SourceAssembly));
        foreach (IAssemblySymbol assembly in types.ReferencesDeclaring(AmazonNamespace))
        {
            AddOperations(names, s_paginatorNamesPerAssembly.GetValue(assembly, static a => PaginatorMethodNames(a)));
        }

        return names;
    }

    private static void AddOperations(HashSet<string> names, string[] operations)
    {
        foreach (string operation in operations)
        {
            names.Add(operation);
            names.Add(operation + AsyncSuffix);
        }
    }

    private const string AmazonNamespace = "Amazon";
    private const string AsyncSuffix = "Async";
    private const string ModelNamespace = "Model";
    private const string PaginatorFactorySuffix = "PaginatorFactory";

    /// <summary>
    /// The methods of the assembly's paginator factories: the SDK names each service's factory after the service's
    /// namespace (<c>Amazon.S3.Model.IS3PaginatorFactory</c>, <c>Amazon.DynamoDBv2.Model.IDynamoDBv2PaginatorFactory</c>),
    /// and it is the type of the client's <c>Paginators</c>. One lookup per service namespace: reading every type name of
    /// an assembly to find the factories cost more than the rule's analysis of a whole project.
    /// </summary>
    /// <remarks>
    /// A factory named otherwise would leave its operations out of the names, and the rule would miss them; it would not
    /// report anything it should not.
    /// </remarks>
    private static string[] PaginatorMethodNames(IAssemblySymbol assembly)
    {
        var names = new List<string>();
        foreach (INamespaceSymbol amazon in assembly.GlobalNamespace.GetNamespaceMembers())
        {
            if (amazon.Name != AmazonNamespace)
            {
                continue;
            }

            foreach (INamespaceSymbol service in amazon.GetNamespaceMembers())
            {
                string factoryName = AmazonNamespace + "." + service.Name + "." + ModelNamespace + ".I" + service.Name + PaginatorFactorySuffix;
                if (assembly.GetTypeByMetadataName(factoryName) is { TypeKind: TypeKind.Interface } factory)
                {
                    names.AddRange(factory.MemberNames);
                }
            }
        }

        return names.ToArray();
    }

    private static bool IsPaginatorFactoryName(string typeName) =>
        typeName.Length > PaginatorFactorySuffix.Length && typeName[0] == 'I' && typeName.EndsWith(PaginatorFactorySuffix, StringComparison.Ordinal);

    /// <summary>
    /// The response a client method returns (its task's result for an async one), or null when it returns none, from
    /// the type it returns: the invocation's own type, which the operation holds, rather than the method's return
    /// type, which in a project with nullable annotations is a new symbol at each read.
    /// </summary>
    private INamedTypeSymbol? ResponseOf(ITypeSymbol? returned)
    {
        if (returned is INamedTypeSymbol { Name: "Task", IsGenericType: true } generic)
        {
            // Read once: each read of TypeArguments builds a new array.
            ImmutableArray<ITypeSymbol> arguments = generic.TypeArguments;
            if (arguments.Length != 1 || !arguments[0].Name.EndsWith("Response", StringComparison.Ordinal)
                || !SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, _taskOfT))
            {
                return null;
            }

            returned = arguments[0];
        }

        return returned is INamedTypeSymbol { TypeKind: TypeKind.Class } response && response.Name.EndsWith("Response", StringComparison.Ordinal)
            ? response
            : null;
    }

    /// <summary>
    /// The paged operation a call of a service client method sends (any overload that returns the operation's response),
    /// or null for any other call, including look-alikes on the project's own types.
    /// </summary>
    public PagedOperation? Find(IInvocationOperation invocation) => Find(invocation.TargetMethod, invocation.Type);

    /// <summary>The paged operation a service client method sends, or null (see <see cref="Find(IInvocationOperation)"/>).</summary>
    public PagedOperation? Find(IMethodSymbol method) => Find(method, method.ReturnType);

    private PagedOperation? Find(IMethodSymbol method, ITypeSymbol? returned)
    {
        if (ResponseOf(returned) is not { ContainingNamespace: { } modelNamespace } response
            || method.ContainingType is not { } client
            || !IsClient(client))
        {
            return null;
        }

        if (!_byModelNamespace.TryGetValue(modelNamespace, out ImmutableDictionary<INamedTypeSymbol, PagedOperation>? operations))
        {
            operations = _byModelNamespace.GetOrAdd(modelNamespace, Read(modelNamespace, client));
        }

        return operations.TryGetValue(response.OriginalDefinition, out PagedOperation? operation) && operation.IsMethodName(method.Name)
            ? operation
            : null;
    }

    private bool IsClient(INamedTypeSymbol type) =>
        _isClient.TryGetValue(type, out bool isClient) ? isClient : _isClient.GetOrAdd(type, type.IsOrImplements(_service));

    private ImmutableDictionary<INamedTypeSymbol, PagedOperation> Read(INamespaceSymbol modelNamespace, INamedTypeSymbol client)
    {
        var operations = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, PagedOperation>(SymbolEqualityComparer.Default);
        if (PaginatorFactory(modelNamespace, client) is { } factory)
        {
            foreach (ISymbol member in factory.GetMembers())
            {
                if (member is IMethodSymbol { Parameters.Length: 1 } method
                    && method.Parameters[0].Type is INamedTypeSymbol request
                    && ResponsesOf(method.ReturnType) is { } response
                    && !IsLeftToOtherRules(modelNamespace, method.Name))
                {
                    operations[response.OriginalDefinition] = new PagedOperation(method.Name, request, response, method);
                }
            }
        }

        AddTokenPagedOperations(modelNamespace.ToDisplayString(), operations);
        return operations.ToImmutable();
    }

    /// <summary>
    /// The service's paginator factory: the type of the client's <c>Paginators</c> property, or, in builds whose
    /// client does not expose one, the model namespace's <c>I…PaginatorFactory</c> interface.
    /// </summary>
    private static INamedTypeSymbol? PaginatorFactory(INamespaceSymbol modelNamespace, INamedTypeSymbol client)
    {
        foreach (INamedTypeSymbol type in SelfAndInterfaces(client))
        {
            foreach (ISymbol member in type.GetMembers("Paginators"))
            {
                if (member is IPropertySymbol { Type: INamedTypeSymbol { TypeKind: TypeKind.Interface } factory }
                    && SymbolEqualityComparer.Default.Equals(factory.ContainingNamespace, modelNamespace))
                {
                    return factory;
                }
            }
        }

        foreach (INamedTypeSymbol type in modelNamespace.GetTypeMembers())
        {
            if (type.TypeKind == TypeKind.Interface && IsPaginatorFactoryName(type.Name))
            {
                return type;
            }
        }

        return null;
    }

    private static IEnumerable<INamedTypeSymbol> SelfAndInterfaces(INamedTypeSymbol client)
    {
        yield return client;
        foreach (INamedTypeSymbol implemented in client.AllInterfaces)
        {
            yield return implemented;
        }
    }

    /// <summary>The <c>T</c> of the paginator's <c>IPaginatedEnumerable&lt;T&gt; Responses</c>.</summary>
    private static INamedTypeSymbol? ResponsesOf(ITypeSymbol paginator)
    {
        foreach (ISymbol member in paginator.GetMembers("Responses"))
        {
            if (member is IPropertySymbol { Type: INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } enumerable }
                && enumerable.TypeArguments[0] is INamedTypeSymbol response)
            {
                return response;
            }
        }

        return null;
    }

    /// <summary>
    /// DynamoDB <c>BatchGetItem</c> "pages" through unprocessed keys, which AWS006 checks; S3 <c>ListBuckets</c>
    /// returns every bucket of the account unless a page size is set.
    /// </summary>
    private static bool IsLeftToOtherRules(INamespaceSymbol modelNamespace, string operation) =>
        (operation == "BatchGetItem" && modelNamespace.ToDisplayString() == "Amazon.DynamoDBv2.Model")
        || (operation == "ListBuckets" && modelNamespace.ToDisplayString() == "Amazon.S3.Model");

    /// <summary>Operations that page by token while the SDK has no paginator for them.</summary>
    private void AddTokenPagedOperations(string modelNamespace, ImmutableDictionary<INamedTypeSymbol, PagedOperation>.Builder operations)
    {
        switch (modelNamespace)
        {
            case "Amazon.Kinesis.Model":
                // ListShards: the next page's request carries the token and must not name the stream.
                AddTokenPaged(operations, ListShardsOperation, modelNamespace, "NextToken", "NextToken", "MaxResults", pageHolder: null);

                // DescribeStream: StreamDescription.HasMoreShards, and the next page starts after the last shard's ID.
                AddTokenPaged(operations, DescribeStreamOperation, modelNamespace, "ExclusiveStartShardId", "HasMoreShards", "Limit", _types.Get(modelNamespace + ".StreamDescription"));
                break;
            case "Amazon.DynamoDBv2.Model":
                // PartiQL ExecuteStatement: a SELECT pages by NextToken (the analyzer checks the statement).
                AddTokenPaged(operations, ExecuteStatementOperation, modelNamespace, "NextToken", "NextToken", "Limit", pageHolder: null);
                break;
        }
    }

    private void AddTokenPaged(
        ImmutableDictionary<INamedTypeSymbol, PagedOperation>.Builder operations, string name, string modelNamespace,
        string inputToken, string outputToken, string limitKey, INamedTypeSymbol? pageHolder)
    {
        if (_types.Get(modelNamespace + "." + name + "Request") is { } request
            && _types.Get(modelNamespace + "." + name + "Response") is { } response
            && !operations.ContainsKey(response))
        {
            operations[response] = new PagedOperation(
                name, request, response, ImmutableArray.Create(inputToken), ImmutableArray.Create(outputToken), limitKey, pageHolder);
        }
    }
}
