using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Athena;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Security;

/// <summary>
/// AWS017: code that makes S3 data or an account public: a public canned ACL, a grant to the AllUsers or
/// AuthenticatedUsers group, or a policy whose <c>Allow</c> statement lets in the principal <c>*</c> without a
/// <c>Condition</c>, or allows every action on every resource.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS017PublicAccessGrantedAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.PublicAccessGranted;

    /// <summary>Diagnostic property set on the diagnostics whose assignment the fix can remove.</summary>
    public const string RemovableKey = "Removable";

    internal const string CannedAclName = "Amazon.S3.S3CannedACL";
    internal const string GranteeName = "Amazon.S3.Model.S3Grantee";
    internal const string PutBucketPolicyRequestName = "Amazon.S3.Model.PutBucketPolicyRequest";
    internal const string S3ClientInterfaceName = "Amazon.S3.IAmazonS3";
    internal const string StatementName = "Amazon.Auth.AccessControlPolicy.Statement";
    internal const string PrincipalName = "Amazon.Auth.AccessControlPolicy.Principal";
    internal const string ActionIdentifierName = "Amazon.Auth.AccessControlPolicy.ActionIdentifier";
    internal const string ResourceName = "Amazon.Auth.AccessControlPolicy.Resource";

    /// <summary>The IAM requests whose <c>PolicyDocument</c> is a permissions policy.</summary>
    internal static readonly ImmutableArray<string> IamPolicyRequestNames = ImmutableArray.Create(
        "Amazon.IdentityManagement.Model.PutRolePolicyRequest",
        "Amazon.IdentityManagement.Model.PutUserPolicyRequest",
        "Amazon.IdentityManagement.Model.CreatePolicyRequest");

    /// <summary>The group grantees S3 defines for everyone and for every signed-in AWS account.</summary>
    private const string AllUsersUri = "http://acs.amazonaws.com/groups/global/AllUsers";
    private const string AuthenticatedUsersUri = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /// <summary>How many locals a value may be followed through (<c>var acl = S3CannedACL.PublicRead;</c>).</summary>
    private const int MaxLocalDepth = 3;

    /// <summary>Longest principal expression quoted in the message before the policy's own <c>"*"</c> is used.</summary>
    private const int MaxQuotedLength = 60;

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS017Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS017Description));

    internal static readonly DiagnosticDescriptor AclRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS017AclMessageFormat)), RuleCategories.Security, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor GrantRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS017GrantMessageFormat)), RuleCategories.Security, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor PublicPrincipalRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS017PublicPrincipalMessageFormat)), RuleCategories.Security, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor AllActionsRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS017AllActionsMessageFormat)), RuleCategories.Security, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(AclRule, GrantRule, PublicPrincipalRule, AllActionsRule);

    private static readonly ImmutableDictionary<string, string?> s_removable =
        ImmutableDictionary<string, string?>.Empty.Add(RemovableKey, "true");

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

            // Only the S3 client is looked up here (other rules look it up too); the rest are looked up when code
            // names them, so a compilation without policies or ACLs pays no lookup for them.
            var known = new Types(types);
            var scoped = new WordScopedActions().Add(s_grantPropertyWords, context => AnalyzeAssignment(context, known), OperationKind.SimpleAssignment);
            if (known.S3Client is not null)
            {
                scoped.Add(s_bucketPolicyWords, context => AnalyzeInvocation(context, known), OperationKind.Invocation);
            }

            scoped.Add(s_allowWords, context => AnalyzeStatement(context, known), OperationKind.ObjectCreation).Register(start);
        });
    }

    /// <summary>
    /// The types the rule looks for in one compilation, each looked up on first use (<see cref="KnownTypes"/> keeps the
    /// answer): the callbacks test a simple name first, so a type is looked up only where the code names it.
    /// </summary>
    private sealed class Types
    {
        private readonly KnownTypes _types;

        public Types(KnownTypes types)
        {
            _types = types;
            S3Client = types.Get(S3ClientInterfaceName);
        }

        public INamedTypeSymbol? S3Client { get; }

        public INamedTypeSymbol? CannedAcl => _types.Get(CannedAclName);

        public INamedTypeSymbol? Grantee => _types.Get(GranteeName);

        public INamedTypeSymbol? Statement => _types.Get(StatementName);

        public INamedTypeSymbol? Principal => _types.Get(PrincipalName);

        public INamedTypeSymbol? ActionIdentifier => _types.Get(ActionIdentifierName);

        public INamedTypeSymbol? Resource => _types.Get(ResourceName);

        public bool IsPolicyDocumentProperty(IPropertySymbol property)
        {
            if (property.Name == "Policy")
            {
                return property.ContainingType.IsOrDerivesFrom(_types.Get(PutBucketPolicyRequestName));
            }

            foreach (string name in IamPolicyRequestNames)
            {
                if (property.ContainingType.IsOrDerivesFrom(_types.Get(name)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private const string CannedAclProperty = "CannedACL";
    private const string AclProperty = "ACL";
    private const string UriProperty = "URI";
    private const string PolicyProperty = "Policy";
    private const string PolicyDocumentProperty = "PolicyDocument";
    private const string PutBucketPolicyMethod = "PutBucketPolicy";
    private const string AllowEffect = "Allow";

    // What each callback cannot report without, written in the type's files: the property a grant is written to, the
    // bucket policy call, and the Allow effect a policy statement is created with.
    private static readonly WordSet s_grantPropertyWords = WordSet.Of(new[] { CannedAclProperty, AclProperty, UriProperty, PolicyProperty, PolicyDocumentProperty });
    private static readonly WordSet s_bucketPolicyWords = WordSet.OfMethods(PutBucketPolicyMethod);
    private static readonly WordSet s_allowWords = WordSet.Of(new[] { AllowEffect });

    private static void AnalyzeAssignment(OperationAnalysisContext context, Types types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        string? name = assignment.AssignedMemberName();
        if (name is not (null or CannedAclProperty or AclProperty or UriProperty or PolicyProperty or PolicyDocumentProperty)
            || assignment.Target is not IPropertyReferenceOperation { Property: { } property })
        {
            return;
        }

        CancellationToken cancellationToken = context.CancellationToken;
        if (property.Type.Name == "S3CannedACL" && types.CannedAcl is { } cannedAcl && SymbolEqualityComparer.Default.Equals(property.Type, cannedAcl))
        {
            if (PublicCannedAcl(assignment.Value, cannedAcl, 0, cancellationToken) is { } acl && !CodeThatNeverRuns.Contains(assignment))
            {
                bool removable = assignment.Value.WalkDownConversions() is not ILocalReferenceOperation;
                context.ReportDiagnostic(Diagnostic.Create(AclRule, assignment.Value.Syntax.GetLocation(), removable ? s_removable : null, acl));
            }

            return;
        }

        if (property.Name == "URI" && property.ContainingType.Name == "S3Grantee" && SymbolEqualityComparer.Default.Equals(property.ContainingType, types.Grantee))
        {
            if (ConstantText(assignment.Value, 0, cancellationToken) is AllUsersUri or AuthenticatedUsersUri && !CodeThatNeverRuns.Contains(assignment))
            {
                string group = ConstantText(assignment.Value, 0, cancellationToken) == AllUsersUri ? "AllUsers" : "AuthenticatedUsers";
                context.ReportDiagnostic(Diagnostic.Create(GrantRule, assignment.Value.Syntax.GetLocation(), group));
            }

            return;
        }

        if (property.Name is "Policy" or "PolicyDocument" && property.Type.SpecialType == SpecialType.System_String && types.IsPolicyDocumentProperty(property))
        {
            ReportPolicyText(context, assignment.Value);
        }
    }

    /// <summary><c>s3.PutBucketPolicyAsync(bucket, policy)</c>: the convenience overloads take the policy as text.</summary>
    private static void AnalyzeInvocation(OperationAnalysisContext context, Types types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name is not (PutBucketPolicyMethod + "Async" or PutBucketPolicyMethod) || !method.ContainingType.IsOrImplements(types.S3Client))
        {
            return;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: "policy", Type.SpecialType: SpecialType.System_String })
            {
                ReportPolicyText(context, argument.Value);
            }
        }
    }

    private static void ReportPolicyText(OperationAnalysisContext context, IOperation value)
    {
        ImmutableArray<QueryTextSegment> segments = QueryText.Read(value, context.CancellationToken);
        if (segments.IsDefault)
        {
            return;
        }

        // A part known only at run time reads as text that grants nothing: where it stands for a JSON value rather
        // than part of a string, the document does not parse and nothing is reported.
        PolicyGrants grants = PolicyDocument.Read(QueryText.Display(segments));
        if (!grants.Any || CodeThatNeverRuns.Contains(value))
        {
            return;
        }

        Location location = value.Syntax.GetLocation();
        if (grants.PublicPrincipal is { } principal)
        {
            context.ReportDiagnostic(Diagnostic.Create(PublicPrincipalRule, location, principal));
        }

        if (grants.AllActionsOnAllResources)
        {
            context.ReportDiagnostic(Diagnostic.Create(AllActionsRule, location));
        }
    }

    /// <summary>
    /// <c>new Statement(StatementEffect.Allow).WithPrincipals(Principal.AllUsers)…</c>: the SDK's policy builder. The
    /// statement's chain of <c>With…</c> calls is read to its end; a statement kept in a local that later code changes,
    /// or handed somewhere its conditions can still be added, is left alone.
    /// </summary>
    private static void AnalyzeStatement(OperationAnalysisContext context, Types types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not { Name: "Statement" } type
            || creation.Initializer is not null
            || creation.Arguments.Length != 1
            || types.Statement is not { } statement
            || !SymbolEqualityComparer.Default.Equals(type, statement)
            || creation.Arguments[0].Value.WalkDownConversions() is not IFieldReferenceOperation { Field.Name: AllowEffect })
        {
            return;
        }

        IOperation? publicPrincipal = null;
        IOperation? allResources = null;
        bool allActions = false;
        IOperation end = creation;
        while (end.Parent is IInvocationOperation call && call.Instance is { } instance && instance.WalkDownConversions() == end
            && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, statement))
        {
            switch (call.TargetMethod.Name)
            {
                case "WithConditions":
                    return;
                case "WithPrincipals":
                    publicPrincipal ??= FirstItem(call, item => IsPublicPrincipal(item, types));
                    break;
                case "WithActionIdentifiers":
                    allActions |= FirstItem(call, item => IsEveryone(item, types.ActionIdentifier)) is not null;
                    break;
                case "WithResources":
                    allResources ??= FirstItem(call, item => IsEveryone(item, types.Resource));
                    break;
            }

            end = call;
        }

        if ((publicPrincipal is null && !(allActions && allResources is not null))
            || !IsFinished(end, context.CancellationToken)
            || CodeThatNeverRuns.Contains(creation))
        {
            return;
        }

        if (publicPrincipal is not null)
        {
            string text = publicPrincipal.Syntax.ToString();
            context.ReportDiagnostic(Diagnostic.Create(
                PublicPrincipalRule, publicPrincipal.Syntax.GetLocation(), text.Length <= MaxQuotedLength ? text : "\"*\""));
        }

        if (allActions && allResources is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(AllActionsRule, allResources.Syntax.GetLocation()));
        }
    }

    /// <summary>
    /// True when nothing can add to the statement after its chain: it goes straight into a policy, a list or an array,
    /// or into a local that is only ever passed on that way.
    /// </summary>
    private static bool IsFinished(IOperation statement, CancellationToken cancellationToken)
    {
        IOperation? parent = statement.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IArgumentOperation or IArrayInitializerOperation:
                return true;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } }:
                ValueFlow flow = ValueFlow.For(statement, cancellationToken);
                if (flow.Writes(local).Length != 1)
                {
                    return false;
                }

                foreach (IOperation read in flow.Reads(local))
                {
                    IOperation? use = read.Parent;
                    while (use is IConversionOperation)
                    {
                        use = use.Parent;
                    }

                    if (use is not (IArgumentOperation or IArrayInitializerOperation))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The first item of a <c>params</c> call (<c>WithPrincipals(a, b)</c>) that <paramref name="matches"/>.</summary>
    private static IOperation? FirstItem(IInvocationOperation call, System.Func<IOperation, bool> matches)
    {
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (argument.Value is IArrayCreationOperation { Initializer: { } items })
            {
                foreach (IOperation item in items.ElementValues)
                {
                    if (matches(item))
                    {
                        return item;
                    }
                }
            }
        }

        return null;
    }

    /// <summary><c>Principal.AllUsers</c>, <c>Principal.Anonymous</c>, or a principal built with the ID <c>*</c>.</summary>
    private static bool IsPublicPrincipal(IOperation item, Types types) =>
        item.WalkDownConversions() switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true, Name: "AllUsers" or "Anonymous" } field } =>
                SymbolEqualityComparer.Default.Equals(field.ContainingType, types.Principal),
            IObjectCreationOperation creation => IsEveryone(creation, types.Principal),
            _ => false,
        };

    /// <summary>
    /// <c>new Resource("*")</c>, <c>new ActionIdentifier("*")</c> or the string <c>"*"</c> converted to one,
    /// <c>new Principal("*")</c>: the last string argument of a constructor of <paramref name="type"/> is <c>*</c>.
    /// </summary>
    private static bool IsEveryone(IOperation item, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (item is IConversionOperation { OperatorMethod: { } conversion } converted
            && SymbolEqualityComparer.Default.Equals(conversion.ContainingType, type))
        {
            return converted.Operand.ConstantValue is { HasValue: true, Value: PolicyDocument.Everyone };
        }

        if (item.WalkDownConversions() is not IObjectCreationOperation creation
            || !SymbolEqualityComparer.Default.Equals(creation.Type, type))
        {
            return false;
        }

        for (int i = creation.Arguments.Length - 1; i >= 0; i--)
        {
            if (creation.Arguments[i].Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                return creation.Arguments[i].Value.ConstantValue is { HasValue: true, Value: PolicyDocument.Everyone };
            }
        }

        return false;
    }

    /// <summary>
    /// The wire value of a public canned ACL the value always is (<c>S3CannedACL.PublicRead</c>,
    /// <c>S3CannedACL.FindValue("public-read")</c>, <c>new S3CannedACL("public-read")</c>, the string itself, or a local
    /// written once with one of those), or null.
    /// </summary>
    private static string? PublicCannedAcl(IOperation value, INamedTypeSymbol cannedAcl, int depth, CancellationToken cancellationToken)
    {
        IOperation current = value.WalkDownConversions();
        string? wire = current switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true } field } when SymbolEqualityComparer.Default.Equals(field.ContainingType, cannedAcl) =>
                field.Name switch
                {
                    "PublicRead" => "public-read",
                    "PublicReadWrite" => "public-read-write",
                    "AuthenticatedRead" => "authenticated-read",
                    _ => null,
                },
            IInvocationOperation { TargetMethod: { IsStatic: true, Name: "FindValue" } method, Arguments.Length: 1 } invocation
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, cannedAcl) =>
                ConstantText(invocation.Arguments[0].Value, depth, cancellationToken),
            IObjectCreationOperation { Arguments.Length: 1 } creation when SymbolEqualityComparer.Default.Equals(creation.Type, cannedAcl) =>
                ConstantText(creation.Arguments[0].Value, depth, cancellationToken),
            ILocalReferenceOperation { Local: { } local } when depth < MaxLocalDepth
                && SymbolEqualityComparer.Default.Equals(local.Type, cannedAcl) =>
                ValueFlow.For(current, cancellationToken).SingleValue(local) is { } stored
                    ? PublicCannedAcl(stored, cannedAcl, depth + 1, cancellationToken)
                    : null,
            _ => ConstantText(current, depth, cancellationToken),
        };

        return wire is "public-read" or "public-read-write" or "authenticated-read" ? wire : null;
    }

    /// <summary>The string a value always is: a constant, or a string local written once with one.</summary>
    private static string? ConstantText(IOperation value, int depth, CancellationToken cancellationToken)
    {
        IOperation current = value.WalkDownConversions();
        if (current.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        return current is ILocalReferenceOperation { Local: { Type.SpecialType: SpecialType.System_String } local } && depth < MaxLocalDepth
            && ValueFlow.For(current, cancellationToken).SingleValue(local) is { } stored
            ? ConstantText(stored, depth + 1, cancellationToken)
            : null;
    }
}
