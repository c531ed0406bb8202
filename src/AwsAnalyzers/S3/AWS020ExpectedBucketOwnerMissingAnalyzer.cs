using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.S3;

/// <summary>
/// AWS020 (off by default): an S3 request that can carry <c>ExpectedBucketOwner</c> and does not, for a bucket whose name
/// is only known at run time. S3 then serves whichever account owns a bucket of that name; with the owner set it
/// answers 403 to any other.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS020ExpectedBucketOwnerMissingAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ExpectedBucketOwnerMissing;

    /// <summary>Diagnostic property: the configured owner expression the fix writes, set when the request can take it.</summary>
    public const string OwnerExpressionKey = "OwnerExpression";

    public const string ExpectedBucketOwnerProperty = "ExpectedBucketOwner";

    internal const string S3ClientInterfaceName = "Amazon.S3.IAmazonS3";
    internal const string ClientConfigName = "Amazon.Runtime.ClientConfig";
    private const string RequestBaseName = "Amazon.Runtime.AmazonWebServiceRequest";

    /// <summary>The request members that name a bucket: most requests have one, a copy has both of the others.</summary>
    private static readonly ImmutableArray<string> s_bucketProperties = ImmutableArray.Create("BucketName", "DestinationBucket", "SourceBucket");

    /// <summary>
    /// A request is reported only when the method names its bucket (in the initializer, or on the local before the
    /// send), so the types that write none of the bucket members get no creation callbacks.
    /// </summary>
    private static readonly WordSet s_bucketWords = WordSet.Of(s_bucketProperties);

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS020Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS020Description));

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS020MessageFormat)), RuleCategories.Security, DiagnosticSeverity.Warning, Description,
        isEnabledByDefault: false);

    /// <summary>The same rule for a convenience overload (<c>GetObjectAsync(bucket, key)</c>), which has no way to send the owner.</summary>
    internal static readonly DiagnosticDescriptor ConvenienceOverloadRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS020ConvenienceOverloadMessageFormat)), RuleCategories.Security, DiagnosticSeverity.Warning, Description,
        isEnabledByDefault: false);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, ConvenienceOverloadRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types
                || types.Get(S3ClientInterfaceName) is not { } s3Client
                || types.Get(RequestBaseName) is not { } requestBase)
            {
                return;
            }

            var requests = new OwnerRequests(start.Compilation, requestBase, types.Get(ClientConfigName), s3Client);
            new WordScopedActions()
                .Add(s_bucketWords, context => AnalyzeCreation(context, requests), OperationKind.ObjectCreation)
                .AddWhere(
                    static (options, tree) => RuleOptions.BucketOwnerConvenienceOverloads.Read(options, tree),
                    context => AnalyzeConvenienceOverload(context, requests),
                    OperationKind.Invocation)
                .Register(start);
        });
    }

    /// <summary>Which S3 model types carry <c>ExpectedBucketOwner</c>, found by the property and remembered per type.</summary>
    private sealed class OwnerRequests
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _hasOwner = new(SymbolEqualityComparer.Default);
        private readonly Compilation _compilation;
        private readonly Func<INamedTypeSymbol, bool> _computeHasOwner;

        public OwnerRequests(Compilation compilation, INamedTypeSymbol requestBase, INamedTypeSymbol? clientConfig, INamedTypeSymbol s3Client)
        {
            _compilation = compilation;
            _computeHasOwner = t => IsS3Model(t) && t.IsOrDerivesFrom(RequestBase) && FindOwnerProperty(t) is not null;
            RequestBase = requestBase;
            ClientConfig = clientConfig;
            S3Client = s3Client;
        }

        public INamedTypeSymbol RequestBase { get; }

        public INamedTypeSymbol? ClientConfig { get; }

        public INamedTypeSymbol S3Client { get; }

        /// <summary>True for an <c>Amazon.S3.Model</c> request with a settable <c>ExpectedBucketOwner</c> (its own or inherited).</summary>
        public bool HasOwner(INamedTypeSymbol type) =>
            _hasOwner.TryGetValue(type, out bool known) ? known : _hasOwner.GetOrAdd(type, _computeHasOwner);

        /// <summary>The request type of a convenience overload: <c>GetObjectAsync</c> → <c>Amazon.S3.Model.GetObjectRequest</c>.</summary>
        public INamedTypeSymbol? RequestOf(IMethodSymbol method)
        {
            string operation = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - "Async".Length) : method.Name;
            INamedTypeSymbol? request = KnownTypes.For(_compilation).Get("Amazon.S3.Model." + operation + "Request");
            return request is not null && HasOwner(request) ? request : null;
        }

        private static IPropertySymbol? FindOwnerProperty(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                foreach (ISymbol member in current.GetMembers(ExpectedBucketOwnerProperty))
                {
                    if (member is IPropertySymbol { SetMethod: not null, Type.SpecialType: SpecialType.System_String } property)
                    {
                        return property;
                    }
                }
            }

            return null;
        }

        private static bool IsS3Model(INamedTypeSymbol type) =>
            type.ContainingNamespace is { Name: "Model" } model
            && model.ContainingNamespace is { Name: "S3" } s3
            && s3.ContainingNamespace is { Name: "Amazon" } amazon
            && amazon.ContainingNamespace is { IsGlobalNamespace: true };
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, OwnerRequests requests)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        // The name first: every S3 request type's name ends so, and a name is cheaper than a look-up of the symbol.
        if (creation.Type is not INamedTypeSymbol type || !type.Name.EndsWith("Request", StringComparison.Ordinal) || !requests.HasOwner(type))
        {
            return;
        }

        CancellationToken cancellationToken = context.CancellationToken;
        var seen = new RequestMembers();
        if (creation.Initializer is { } initializer)
        {
            foreach (IOperation member in initializer.Initializers)
            {
                seen.Add(member as ISimpleAssignmentOperation);
            }
        }

        if (seen.OwnerSet || !FollowRequest(creation, seen, cancellationToken, out IInvocationOperation? send)
            || seen.OwnerSet || seen.Bucket is not { } bucket || IsConstant(bucket, cancellationToken)
            || (send?.Instance is { } client && TargetsOtherEndpoint(client, requests, cancellationToken))
            || CodeThatNeverRuns.Contains(creation))
        {
            return;
        }

        ImmutableDictionary<string, string?>? properties = null;
        Location location = creation.Syntax.GetLocation();
        if (creation.Syntax is ObjectCreationExpressionSyntax syntax)
        {
            location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.NewKeyword.SpanStart, syntax.Type.Span.End));
            string owner = RuleOptions.BucketOwnerExpression.Read(context.Options, syntax.SyntaxTree);
            if (owner.Length > 0)
            {
                properties = ImmutableDictionary<string, string?>.Empty.Add(OwnerExpressionKey, owner);
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, type.Name));
    }

    /// <summary>
    /// <c>s3.GetObjectAsync(bucket, key)</c>, reported only with <c>include_convenience_overloads</c>: the overloads that
    /// take the bucket name build a request the caller cannot reach.
    /// </summary>
    private static void AnalyzeConvenienceOverload(OperationAnalysisContext context, OwnerRequests requests)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.IsStatic)
        {
            return;
        }

        // The argument for the first parameter first: the operation holds it, whereas each read of the method's
        // Parameters builds a new array, on every call of the project.
        if (!FirstParameterIsBucketName(invocation))
        {
            return;
        }

        // Read once: each read of Parameters builds a new array.
        ImmutableArray<IParameterSymbol> parameters = method.Parameters;
        if (parameters.IsEmpty || parameters[0] is not { Name: "bucketName", Type.SpecialType: SpecialType.System_String }
            || !method.ContainingType.IsOrImplements(requests.S3Client)
            || !RuleOptions.BucketOwnerConvenienceOverloads.Read(context.Options, invocation.Syntax.SyntaxTree))
        {
            return;
        }

        foreach (IParameterSymbol parameter in parameters)
        {
            if (parameter.Type.IsOrDerivesFrom(requests.RequestBase))
            {
                return;
            }
        }

        CancellationToken cancellationToken = context.CancellationToken;
        if (requests.RequestOf(method) is null
            || invocation.Arguments.IsEmpty
            || Argument(invocation, "bucketName") is not { } bucket || IsConstant(bucket, cancellationToken)
            || (invocation.Instance is { } client && TargetsOtherEndpoint(client, requests, cancellationToken))
            || CodeThatNeverRuns.Contains(invocation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(ConvenienceOverloadRule, invocation.Syntax.GetLocation(), method.Name));
    }

    /// <summary>True when some argument goes to a first parameter named <c>bucketName</c> (its type is asked later).</summary>
    private static bool FirstParameterIsBucketName(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } parameter)
            {
                return parameter.Name == "bucketName";
            }
        }

        return false;
    }

    /// <summary>What the code visibly sets on one request: its bucket name and whether it sets the owner.</summary>
    private sealed class RequestMembers
    {
        public IOperation? Bucket { get; private set; }

        public bool OwnerSet { get; private set; }

        public void Add(ISimpleAssignmentOperation? assignment)
        {
            if (assignment?.Target is not IPropertyReferenceOperation { Property.Name: var name })
            {
                return;
            }

            if (name == ExpectedBucketOwnerProperty)
            {
                OwnerSet = true;
            }
            else if (s_bucketProperties.Contains(name))
            {
                // A copy names two buckets: one name known only at run time is enough to need the owner.
                Bucket = Bucket is null || IsConstantValue(Bucket) ? assignment.Value : Bucket;
            }
        }
    }

    /// <summary>
    /// Follows the new request to the call that sends it: straight into an SDK call, or through a local written once
    /// whose uses are SDK calls and assignments of its members. False when the request goes anywhere else (a helper that
    /// may set the owner, a field, a return): the rule then stays silent.
    /// </summary>
    private static bool FollowRequest(IObjectCreationOperation creation, RequestMembers seen, CancellationToken cancellationToken, out IInvocationOperation? send)
    {
        send = null;
        IOperation? parent = Unconverted(creation.Parent);
        if (parent is IArgumentOperation { Parent: IInvocationOperation direct })
        {
            send = direct;
            return IsSdk(direct.TargetMethod);
        }

        if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } })
        {
            return false;
        }

        ValueFlow flow = ValueFlow.For(creation, cancellationToken);
        if (flow.Writes(local).Length != 1)
        {
            return false;
        }

        foreach (IOperation read in flow.Reads(local))
        {
            IOperation? use = Unconverted(read.Parent);
            switch (use)
            {
                case IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation assignment } member when assignment.Target == member:
                    seen.Add(assignment);
                    break;
                case IPropertyReferenceOperation:
                    // A read of a member (request.BucketName in a log line) changes nothing.
                    break;
                case IArgumentOperation { Parent: IInvocationOperation call } when IsSdk(call.TargetMethod):
                    send ??= call;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>A method of the <c>Amazon</c> namespace or one under it, found by walking the namespaces without building their name.</summary>
    private static bool IsSdk(IMethodSymbol method)
    {
        INamespaceSymbol? outermost = null;
        for (INamespaceSymbol? current = method.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            outermost = current;
        }

        return outermost is { Name: "Amazon" };
    }

    private static IOperation? Unconverted(IOperation? operation)
    {
        while (operation is IConversionOperation)
        {
            operation = operation.Parent;
        }

        return operation;
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

    /// <summary>A constant bucket name, or a local written once with one: the code names one bucket it knows.</summary>
    private static bool IsConstant(IOperation value, CancellationToken cancellationToken)
    {
        IOperation current = value.WalkDownConversions();
        if (IsConstantValue(current))
        {
            return true;
        }

        return current is ILocalReferenceOperation { Local: { } local }
            && ValueFlow.For(current, cancellationToken).SingleValue(local) is { } stored
            && IsConstantValue(stored.WalkDownConversions());
    }

    private static bool IsConstantValue(IOperation value) => value.WalkDownConversions().ConstantValue is { HasValue: true, Value: string };

    /// <summary>
    /// True when the client is visibly built, in this body or a field initializer of this file, with a config whose
    /// <c>ServiceURL</c> is a constant host that is not AWS's (LocalStack, MinIO, another S3-compatible store), which
    /// know nothing of bucket owners.
    /// </summary>
    private static bool TargetsOtherEndpoint(IOperation client, OwnerRequests requests, CancellationToken cancellationToken)
    {
        IObjectCreationOperation? creation = Created(client, cancellationToken);
        if (creation is null || requests.ClientConfig is null)
        {
            return false;
        }

        foreach (IArgumentOperation argument in creation.Arguments)
        {
            if (argument.Parameter?.Type.IsOrDerivesFrom(requests.ClientConfig) == true
                && Created(argument.Value, cancellationToken) is { Initializer: { } initializer })
            {
                foreach (IOperation member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ServiceURL" }, Value: var url }
                        && url.WalkDownConversions().ConstantValue is { HasValue: true, Value: string text })
                    {
                        return !IsAwsEndpoint(text);
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The object creation a value visibly is: itself, a local written once with it, or a field's initializer in this file.</summary>
    private static IObjectCreationOperation? Created(IOperation value, CancellationToken cancellationToken)
    {
        IOperation current = value.WalkDownConversions();
        switch (current)
        {
            case IObjectCreationOperation creation:
                return creation;
            case ILocalReferenceOperation { Local: { } local }:
                return ValueFlow.For(current, cancellationToken).SingleValue(local)?.WalkDownConversions() as IObjectCreationOperation;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when current.SemanticModel is { } model:
                foreach (SyntaxReference reference in field.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == model.SyntaxTree
                        && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initial }
                        && model.GetOperation(initial, cancellationToken)?.WalkDownConversions() is IObjectCreationOperation initialized)
                    {
                        return initialized;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Hosts of AWS's own endpoints: <c>*.amazonaws.com</c>, <c>*.amazonaws.com.cn</c>, <c>*.api.aws</c>.</summary>
    private static bool IsAwsEndpoint(string url)
    {
        string host = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri.Host : url;
        return host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".api.aws", StringComparison.OrdinalIgnoreCase);
    }
}
