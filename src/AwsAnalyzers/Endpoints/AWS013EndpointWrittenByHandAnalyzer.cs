using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Endpoints;

/// <summary>
/// AWS013: a public AWS endpoint written by hand into <c>ClientConfig.ServiceURL</c>, a region looked up by a constant
/// name with <c>RegionEndpoint.GetBySystemName</c>, or a constant written to <c>AWSConfigs.AWSRegion</c>. The SDK
/// resolves the endpoint of a region by itself (FIPS, dual-stack, S3 access points included) and a
/// <c>RegionEndpoint</c> field is checked by the compiler; a string is checked by nobody until the first call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS013EndpointWrittenByHandAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.EndpointWrittenByHand;

    /// <summary>Diagnostic property: the <c>RegionEndpoint</c> field the fix writes, present only when it applies.</summary>
    public const string RegionFieldKey = "RegionField";

    internal const string ClientConfigName = "Amazon.Runtime.ClientConfig";
    internal const string AwsConfigsName = "Amazon.AWSConfigs";
    internal const string ServiceUrlProperty = "ServiceURL";
    internal const string AwsRegionProperty = "AWSRegion";
    internal const string GetBySystemNameMethod = "GetBySystemName";

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS013Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS013Description));

    internal static readonly DiagnosticDescriptor ServiceUrlRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS013ServiceUrlMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary><c>RegionEndpoint.GetBySystemName</c> of a constant that names a region: the field says the same, checked.</summary>
    internal static readonly DiagnosticDescriptor RegionNameRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS013RegionNameMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary><c>RegionEndpoint.GetBySystemName</c> of a constant that names no region the SDK knows (a typo).</summary>
    internal static readonly DiagnosticDescriptor UnknownRegionRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS013UnknownRegionMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>A constant written to <c>AWSConfigs.AWSRegion</c>: the region of every client of the process, fixed in code.</summary>
    internal static readonly DiagnosticDescriptor ProcessRegionRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS013ProcessRegionMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(ServiceUrlRule, RegionNameRule, UnknownRegionRule, ProcessRegionRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types
                || types.Get(RegionEndpointFields.RegionEndpointName) is not { } regionEndpoint)
            {
                return;
            }

            INamedTypeSymbol? clientConfig = types.Get(ClientConfigName);
            INamedTypeSymbol? awsConfigs = types.Get(AwsConfigsName);
            new WordScopedActions()
                .Add(s_endpointPropertyWords, context => AnalyzeAssignment(context, clientConfig, awsConfigs, regionEndpoint), OperationKind.SimpleAssignment)
                .Add(s_regionLookupWords, context => AnalyzeInvocation(context, regionEndpoint), OperationKind.Invocation)
                .Register(start);
        });
    }

    // An endpoint write names its property, and a region lookup its method: only the types whose files do get the callbacks.
    private static readonly WordSet s_endpointPropertyWords = WordSet.Of(new[] { ServiceUrlProperty, AwsRegionProperty });
    private static readonly WordSet s_regionLookupWords = WordSet.Of(new[] { GetBySystemNameMethod });

    private static void AnalyzeAssignment(
        OperationAnalysisContext context, INamedTypeSymbol? clientConfig, INamedTypeSymbol? awsConfigs, INamedTypeSymbol regionEndpoint)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.AssignedMemberName() is { } name && name is not (ServiceUrlProperty or AwsRegionProperty))
        {
            return;
        }

        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } target
            || assignment.Value.Syntax is not { } valueSyntax)
        {
            return;
        }

        // Which property is written is asked first: the value's constant and the code around it only for the two.
        if (property.Name == ServiceUrlProperty && !property.IsStatic && property.ContainingType.IsOrDerivesFrom(clientConfig))
        {
            if (WrittenConstants.Of(assignment.Value, context.CancellationToken) is not { } url
                || PublicEndpoint.Parse(url.Value) is not { } endpoint
                || CodeThatNeverRuns.Contains(assignment))
            {
                return;
            }

            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
            if (endpoint is { Region: { } region, IsDualStack: false }
                && RegionEndpointFields.FieldFor(region, regionEndpoint) is { } field
                && target.Instance?.Type is { } configType
                && ConfigServices.EndpointPrefix(configType) == endpoint.Service)
            {
                properties = properties.Add(RegionFieldKey, field);
            }

            context.ReportDiagnostic(Diagnostic.Create(ServiceUrlRule, valueSyntax.GetLocation(), properties, endpoint.Host));
            return;
        }

        if (property.Name == AwsRegionProperty && property.IsStatic && SymbolEqualityComparer.Default.Equals(property.ContainingType, awsConfigs)
            && WrittenConstants.Of(assignment.Value, context.CancellationToken) is { } constant
            && !CodeThatNeverRuns.Contains(assignment))
        {
            context.ReportDiagnostic(Diagnostic.Create(ProcessRegionRule, valueSyntax.GetLocation(), constant.Value));
        }
    }

    /// <summary>
    /// The name is a field the code also reads outside <c>GetBySystemName</c> (a command's <c>Region</c>, a log line,
    /// a string setting): the field is the code's one definition of the region, and the <c>RegionEndpoint</c> field
    /// would split it in two. Found by the field's name in the source, so a namesake elsewhere keeps the call silent.
    /// </summary>
    private static bool NamesTheRegionElsewhere(IOperation argument, Compilation compilation, CancellationToken cancellationToken)
    {
        if (argument.WalkDownConversions() is not IFieldReferenceOperation { Field: { IsStatic: true } regionField })
        {
            return false;
        }

        foreach (SyntaxToken occurrence in SourceIndex.For(compilation).Occurrences(regionField.Name, cancellationToken))
        {
            SyntaxNode? node = occurrence.Parent;
            if (node is VariableDeclaratorSyntax)
            {
                continue;
            }

            while (node is IdentifierNameSyntax or MemberAccessExpressionSyntax { Name: IdentifierNameSyntax })
            {
                node = node.Parent;
            }

            if (node is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
                || call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: GetBySystemNameMethod })
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol regionEndpoint)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name != GetBySystemNameMethod
            || !method.IsStatic
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, regionEndpoint)
            || invocation.Arguments.Length != 1
            || invocation.Syntax is null
            || WrittenConstants.Of(invocation.Arguments[0].Value, context.CancellationToken) is not { } name
            || CodeThatNeverRuns.Contains(invocation))
        {
            return;
        }

        if (RegionEndpointFields.FieldFor(name.Value, regionEndpoint) is { } field)
        {
            if (NamesTheRegionElsewhere(invocation.Arguments[0].Value, context.Compilation, context.CancellationToken))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                RegionNameRule,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(RegionFieldKey, field),
                name.Value,
                field));
        }
        else
        {
            context.ReportDiagnostic(Diagnostic.Create(UnknownRegionRule, invocation.Syntax.GetLocation(), name.Value));
        }
    }
}
