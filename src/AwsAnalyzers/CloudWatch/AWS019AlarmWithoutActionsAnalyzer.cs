using System;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.CloudWatch;

/// <summary>
/// AWS019: a CloudWatch alarm that notifies nobody (no <c>AlarmActions</c>, <c>OKActions</c> or
/// <c>InsufficientDataActions</c> before <c>PutMetricAlarm</c>, or <c>ActionsEnabled = false</c>), and custom metrics
/// published under an <c>AWS/</c> namespace, which AWS reserves for its services' own metrics.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS019AlarmWithoutActionsAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.AlarmWithoutActions;

    /// <summary>Diagnostic property holding the configured default action ARN, on an alarm the fix can give it to.</summary>
    public const string DefaultActionProperty = "DefaultAlarmAction";

    internal const string AlarmRequestName = "Amazon.CloudWatch.Model." + AlarmRequestTypeName;
    private const string AlarmRequestTypeName = "PutMetricAlarmRequest";
    private const string PutMetricAlarmMethod = "PutMetricAlarm";
    internal const string MetricDataRequestName = "Amazon.CloudWatch.Model.PutMetricDataRequest";
    private const string NamespaceProperty = "Namespace";

    private const string ReservedNamespacePrefix = "AWS/";

    private static readonly ImmutableHashSet<string> s_actionLists =
        ImmutableHashSet.Create(StringComparer.Ordinal, "AlarmActions", "OKActions", "InsufficientDataActions");

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS019Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS019Description));

    /// <summary>An alarm with none of the three action lists.</summary>
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS019MessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>An alarm whose actions are switched off.</summary>
    internal static readonly DiagnosticDescriptor DisabledRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS019DisabledMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>A custom metric in a namespace that starts with <c>AWS/</c>.</summary>
    internal static readonly DiagnosticDescriptor NamespaceRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS019NamespaceMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, DisabledRule, NamespaceRule);

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

            INamedTypeSymbol? alarmRequest = types.Get(AlarmRequestName);
            INamedTypeSymbol? metricDataRequest = types.Get(MetricDataRequestName);
            var scoped = new WordScopedActions();
            if (alarmRequest is not null)
            {
                scoped.Add(s_alarmWords, new AlarmAnalysis(alarmRequest, types).OnObjectCreation, OperationKind.ObjectCreation);
            }

            if (metricDataRequest is not null)
            {
                scoped.Add(s_namespaceWords, context => OnNamespaceAssignment(context, metricDataRequest), OperationKind.SimpleAssignment);
            }

            scoped.Register(start);
        });
    }

    /// <summary>
    /// An alarm request is written by its type's name, or created with <c>new()</c> as the argument of the call that
    /// sends it, whose name is then written; its name is set in its initializer either way (a target-typed creation
    /// handed to a helper of the project, with no initializer, is not seen).
    /// </summary>
    private static readonly WordSet s_alarmWords = WordSet.Of(new[] { AlarmRequestTypeName, PutMetricAlarmMethod, PutMetricAlarmMethod + "Async", "AlarmName" });

    /// <summary>A metric namespace write names its property.</summary>
    private static readonly WordSet s_namespaceWords = WordSet.Of(new[] { NamespaceProperty });

    private static void OnNamespaceAssignment(OperationAnalysisContext context, INamedTypeSymbol metricDataRequest)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.AssignedMemberName() != NamespaceProperty
            || assignment.Value.ConstantValue is not { HasValue: true, Value: string metricNamespace }
            || !metricNamespace.StartsWith(ReservedNamespacePrefix, StringComparison.Ordinal)
            || assignment.Target is not IPropertyReferenceOperation { Property.ContainingType: var owner }
            || !SymbolEqualityComparer.Default.Equals(owner, metricDataRequest)
            || CodeThatNeverRuns.Contains(assignment))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(NamespaceRule, assignment.Value.Syntax.GetLocation(), metricNamespace));
    }

    private sealed class AlarmAnalysis
    {
        private const string CloudWatchClientName = "Amazon.CloudWatch.IAmazonCloudWatch";

        private readonly INamedTypeSymbol _alarmRequest;

        /// <summary>The client interface is looked up at the first <c>PutMetricAlarm</c> call, not for every compilation.</summary>
        private readonly KnownTypes _types;

        public AlarmAnalysis(INamedTypeSymbol alarmRequest, KnownTypes types)
        {
            _alarmRequest = alarmRequest;
            _types = types;
        }

        public void OnObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            // The name first: comparing symbols on every creation of the project costs more than reading a name.
            if (creation.Type is not { Name: AlarmRequestTypeName } type || !SymbolEqualityComparer.Default.Equals(type, _alarmRequest))
            {
                return;
            }

            IOperation value = creation;
            while (value.Parent is IConversionOperation)
            {
                value = value.Parent;
            }

            // Where the request goes is asked before the code around it: most requests end in neither case.
            AlarmSettings settings;
            switch (value.Parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation call } when IsPutMetricAlarm(call):
                    settings = Settings(creation.Initializer);
                    break;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    // The request goes to PutMetricAlarm through the local: what the method does with it before the call counts.
                    ValueFlow flow = ValueFlow.For(creation, context.CancellationToken);
                    settings = Settings(creation.Initializer);
                    if (PutThrough(declarator.Symbol, flow) is not { } put
                        || !AddSettingsFromUses(declarator.Symbol, flow, put, ref settings))
                    {
                        return;
                    }

                    break;
                default:
                    // Returned, stored or handed to a helper: its actions may be set anywhere.
                    return;
            }

            if (CodeThatNeverRuns.Contains(creation))
            {
                return;
            }

            if (settings.ActionsDisabled)
            {
                context.ReportDiagnostic(Diagnostic.Create(DisabledRule, creation.Syntax.GetLocation()));
            }
            else if (!settings.HasActions)
            {
                string defaultAction = RuleOptions.AlarmDefaultAction.Read(context.Options, creation.Syntax.SyntaxTree);
                ImmutableDictionary<string, string?>? properties = OptionTypes.IsArn(defaultAction)
                    ? ImmutableDictionary<string, string?>.Empty.Add(DefaultActionProperty, defaultAction)
                    : null;
                context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), properties));
            }
        }

        private bool IsPutMetricAlarm(IInvocationOperation call) =>
            call.TargetMethod.Name is PutMetricAlarmMethod or PutMetricAlarmMethod + "Async"
            && call.TargetMethod.ContainingType.IsOrImplements(_types.Get(CloudWatchClientName));

        /// <summary>The one <c>PutMetricAlarm</c> call the local is passed to, or null.</summary>
        private IInvocationOperation? PutThrough(ILocalSymbol local, ValueFlow flow)
        {
            IInvocationOperation? put = null;
            foreach (IOperation read in flow.Reads(local))
            {
                IOperation use = read;
                while (use.Parent is IConversionOperation)
                {
                    use = use.Parent;
                }

                if (use.Parent is IArgumentOperation { Parent: IInvocationOperation call } && IsPutMetricAlarm(call))
                {
                    if (put is not null)
                    {
                        return null;
                    }

                    put = call;
                }
            }

            return put;
        }

        /// <summary>
        /// Adds what the method does with the local before the call: an action list assigned or added to, or
        /// <c>ActionsEnabled</c> set. False when the request leaves the method before the call (a helper may add
        /// actions) or the local is written again.
        /// </summary>
        private static bool AddSettingsFromUses(ILocalSymbol local, ValueFlow flow, IInvocationOperation call, ref AlarmSettings settings)
        {
            if (flow.Writes(local).Length != 1)
            {
                return false;
            }

            int callStart = call.Syntax.SpanStart;
            foreach (IOperation read in flow.Reads(local))
            {
                if (read.Syntax.SpanStart >= callStart && !call.Syntax.Span.Contains(read.Syntax.Span))
                {
                    continue;
                }

                IOperation use = read;
                while (use.Parent is IConversionOperation)
                {
                    use = use.Parent;
                }

                switch (use.Parent)
                {
                    case IArgumentOperation { Parent: var owner } when owner == call:
                        break;
                    case IPropertyReferenceOperation { Property.Name: var name } property when s_actionLists.Contains(name):
                        // Assigned, added to, or read and handed on: some action may be there.
                        settings = settings.WithActions(!IsEmptyList(AssignedValue(property)));
                        break;
                    case IPropertyReferenceOperation { Property.Name: "ActionsEnabled" } enabled:
                        if (AssignedValue(enabled) is { } enabledValue)
                        {
                            settings = settings.WithDisabled(IsFalse(enabledValue));
                        }

                        break;
                    case IPropertyReferenceOperation:
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary>The value assigned to the property, when the reference is the target of a plain assignment.</summary>
        private static IOperation? AssignedValue(IPropertyReferenceOperation property) =>
            property.Parent is ISimpleAssignmentOperation assignment && assignment.Target == property ? assignment.Value : null;

        private static AlarmSettings Settings(IObjectOrCollectionInitializerOperation? initializer)
        {
            var settings = default(AlarmSettings);
            if (initializer is null)
            {
                return settings;
            }

            foreach (IOperation member in initializer.Initializers)
            {
                switch (member)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } assignment when s_actionLists.Contains(name):
                        settings = settings.WithActions(!IsEmptyList(assignment.Value));
                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: var name }, Initializer: var added } when s_actionLists.Contains(name):
                        settings = settings.WithActions(added.Initializers.Length > 0);
                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ActionsEnabled" } } enabled:
                        settings = settings.WithDisabled(IsFalse(enabled.Value));
                        break;
                }
            }

            return settings;
        }

        /// <summary>An action list known to be empty: <c>null</c>, <c>new List&lt;string&gt;()</c> or <c>new List&lt;string&gt; { }</c>.</summary>
        private static bool IsEmptyList(IOperation? value) => value?.WalkDownConversions() switch
        {
            null => false,
            { ConstantValue: { HasValue: true, Value: null } } => true,
            IObjectCreationOperation { Arguments.IsEmpty: true } list => list.Initializer is null || list.Initializer.Initializers.IsEmpty,
            _ => false,
        };

        private static bool IsFalse(IOperation value) => value.WalkDownConversions().ConstantValue is { HasValue: true, Value: false };
    }

    /// <summary>What an alarm request is known to set before it is put.</summary>
    private readonly struct AlarmSettings
    {
        private AlarmSettings(bool hasActions, bool actionsDisabled)
        {
            HasActions = hasActions;
            ActionsDisabled = actionsDisabled;
        }

        /// <summary>Some action list is, or may be, non-empty.</summary>
        public bool HasActions { get; }

        /// <summary>The last write of <c>ActionsEnabled</c> is the constant <c>false</c>.</summary>
        public bool ActionsDisabled { get; }

        public AlarmSettings WithActions(bool hasActions) => new(HasActions || hasActions, ActionsDisabled);

        public AlarmSettings WithDisabled(bool disabled) => new(HasActions, disabled);
    }
}
