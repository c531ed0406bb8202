using System.Collections.Immutable;
using System.Globalization;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Kms;

/// <summary>
/// AWS018: a KMS key scheduled for deletion with a waiting period shorter than the configured minimum (30 days, the
/// service's default). Every piece of data encrypted under a deleted key is lost for good, and the waiting period is
/// the only time in which the deletion can be cancelled.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS018ShortKeyDeletionWindowAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ShortKeyDeletionWindow;

    /// <summary>Diagnostic property: the configured minimum, which the fix writes.</summary>
    public const string MinimumDaysKey = "MinimumDays";

    internal const string RequestName = "Amazon.KeyManagementService.Model.ScheduleKeyDeletionRequest";
    internal const string ClientInterfaceName = "Amazon.KeyManagementService.IAmazonKeyManagementService";
    internal const string PendingWindowProperty = "PendingWindowInDays";
    internal const string PendingWindowParameter = "pendingWindowInDays";
    private const string ScheduleKeyDeletionMethod = "ScheduleKeyDeletion";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId,
        RuleText.Get(nameof(AnalyzerResources.AWS018Title)),
        RuleText.Get(nameof(AnalyzerResources.AWS018MessageFormat)),
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        RuleText.Get(nameof(AnalyzerResources.AWS018Description)));

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

            INamedTypeSymbol? request = types.Get(RequestName);
            INamedTypeSymbol? client = types.Get(ClientInterfaceName);
            var scoped = new WordScopedActions();
            if (request is not null)
            {
                scoped.Add(s_pendingWindowWords, context => AnalyzeAssignment(context, request), OperationKind.SimpleAssignment);
            }

            if (client is not null)
            {
                scoped.Add(s_scheduleDeletionWords, context => AnalyzeInvocation(context, client), OperationKind.Invocation);
            }

            scoped.Register(start);
        });
    }

    // A window write names its property, and a call its method: only the types whose files do get the callbacks.
    private static readonly WordSet s_pendingWindowWords = WordSet.Of(new[] { PendingWindowProperty });
    private static readonly WordSet s_scheduleDeletionWords = WordSet.OfMethods(ScheduleKeyDeletionMethod);

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol request)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.AssignedMemberName() is { } name && name != PendingWindowProperty)
        {
            return;
        }

        if (assignment.Target is IPropertyReferenceOperation { Property: { Name: PendingWindowProperty } property }
            && property.ContainingType.IsOrDerivesFrom(request))
        {
            Check(context, assignment.Value);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol client)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (!method.Name.StartsWith(ScheduleKeyDeletionMethod, System.StringComparison.Ordinal)
            || !(method.ContainingType.IsOrImplements(client)))
        {
            return;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: PendingWindowParameter } && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                Check(context, argument.Value);
            }
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation value)
    {
        if (value.Syntax is null || ConstantDays(value, context.CancellationToken) is not { } days)
        {
            return;
        }

        int minimum = RuleOptions.KmsMinPendingWindowDays.Read(context.Options, value.Syntax.SyntaxTree);
        if (days >= minimum || CodeThatNeverRuns.Contains(value))
        {
            return;
        }

        string minimumText = minimum.ToString(CultureInfo.InvariantCulture);
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            value.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(MinimumDaysKey, minimumText),
            days.ToString(CultureInfo.InvariantCulture),
            minimumText));
    }

    /// <summary>The number of days the value always is: a constant (literal, <c>const</c>), or a local written once with one.</summary>
    private static int? ConstantDays(IOperation value, System.Threading.CancellationToken cancellationToken)
    {
        for (int hops = 0; hops < 4; hops++)
        {
            value = value.WalkDownConversions();
            if (value.ConstantValue is { HasValue: true, Value: int days })
            {
                return days;
            }

            if (value is not ILocalReferenceOperation { Local: { } local }
                || ValueFlow.For(value, cancellationToken).SingleValue(local) is not { } single)
            {
                return null;
            }

            value = single;
        }

        return null;
    }
}
