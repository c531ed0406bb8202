using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Emr;

/// <summary>
/// AWS022: an EMR cluster whose primary or core nodes run on Spot (an interruption ends the cluster or loses HDFS
/// blocks), Spark settings that Spark does not know or ignores outside legacy memory mode, and the legacy
/// <c>ActionOnFailure.TERMINATE_JOB_FLOW</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS022EmrClusterSettingsAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.EmrClusterSettings;

    /// <summary>Diagnostic property: <see cref="SpotGroupKind"/>, <see cref="SpotFleetKind"/>, <see cref="SparkKeyKind"/> or <see cref="LegacyActionKind"/>.</summary>
    public const string KindKey = "Kind";

    public const string SpotGroupKind = "SpotGroup";
    public const string SpotFleetKind = "SpotFleet";
    public const string SparkKeyKind = "SparkKey";
    public const string LegacyActionKind = "LegacyAction";

    /// <summary>
    /// For a Spot group: how many of the additional locations (after the first, the group's creation) are values
    /// written to <c>Market</c>; the rest are writes of <c>BidPrice</c>.
    /// </summary>
    public const string MarketWritesKey = "MarketWrites";

    internal const string LegacyAction = "TERMINATE_JOB_FLOW";
    internal const string CurrentAction = "TERMINATE_CLUSTER";
    internal const string ModelNamespace = "Amazon.ElasticMapReduce.Model.";

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS022Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS022Description));

    internal static readonly DiagnosticDescriptor SpotGroupRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS022SpotGroupMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>Reported at Info: a fleet's Spot share may be a deliberate trade-off, and its capacity is weighted.</summary>
    internal static readonly DiagnosticDescriptor SpotFleetRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS022SpotFleetMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor SparkKeyRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS022SparkKeyMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor LegacyActionRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS022LegacyActionMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    private static readonly LocalizableString s_primaryLoss = RuleText.Get(nameof(AnalyzerResources.AWS022PrimaryInterruption));
    private static readonly LocalizableString s_coreLoss = RuleText.Get(nameof(AnalyzerResources.AWS022CoreInterruption));
    private static readonly LocalizableString s_notASparkProperty = RuleText.Get(nameof(AnalyzerResources.AWS022NotASparkProperty));
    private static readonly LocalizableString s_legacyMemoryMode = RuleText.Get(nameof(AnalyzerResources.AWS022LegacyMemoryMode));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(SpotGroupRule, SpotFleetRule, SparkKeyRule, LegacyActionRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types
                || types.Get(ModelNamespace + "InstanceGroupConfig") is not { } group
                || types.Get("Amazon.ElasticMapReduce.ActionOnFailure") is not { } action)
            {
                return;
            }

            var analysis = new Analysis(types, group, action);
            new WordScopedActions()
                .Add(s_spotWords, analysis.AnalyzeCreation, OperationKind.ObjectCreation)
                .Add(s_literalWords, analysis.AnalyzeLiteral, OperationKind.Literal)
                .Add(s_legacyActionWords, analysis.AnalyzeFieldReference, OperationKind.FieldReference)
                .Register(start);
        });
    }

    private const string MarketProperty = "Market";
    private const string BidPriceProperty = "BidPrice";
    private const string SpotCapacityProperty = "TargetSpotCapacity";

    // What each callback cannot report without, written in the type's files: a Spot node group writes its market or
    // bid (a fleet its Spot capacity) in its initializer or on its local; a Spark key starts with "spark." in its
    // literal; the legacy action is named as a field or written as a string.
    private static readonly WordSet s_spotWords = WordSet.Of(new[] { MarketProperty, BidPriceProperty, SpotCapacityProperty });
    private static readonly WordSet s_literalWords = WordSet.Of(new[] { "spark", LegacyAction });
    private static readonly WordSet s_legacyActionWords = WordSet.Of(new[] { LegacyAction });

    /// <summary>The writes of one property of a model object: in its initializer, and on the local that holds it.</summary>
    private static ImmutableArray<ISimpleAssignmentOperation> Writes(IObjectCreationOperation creation, string property, CancellationToken cancellationToken)
    {
        ImmutableArray<ISimpleAssignmentOperation>.Builder writes = ImmutableArray.CreateBuilder<ISimpleAssignmentOperation>();
        if (creation.Initializer is { } initializer)
        {
            foreach (IOperation element in initializer.Initializers)
            {
                if (element is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && target.Property.Name == property)
                {
                    writes.Add(assignment);
                }
            }
        }

        if (Above(creation) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } })
        {
            foreach (IOperation read in ValueFlow.For(creation, cancellationToken).Reads(local))
            {
                if (read.Parent is IPropertyReferenceOperation reference && reference.Property.Name == property
                    && reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                {
                    writes.Add(assignment);
                }
            }
        }

        return writes.ToImmutable();
    }

    /// <summary>The first operation above <paramref name="operation"/> that is not a conversion, or null.</summary>
    private static IOperation? Above(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The name of the constant written (<c>InstanceRoleType.CORE</c>, <c>"CORE"</c>), or null.</summary>
    private static string? ConstantName(IOperation value)
    {
        value = value.WalkDownConversions();
        return value switch
        {
            IFieldReferenceOperation { Field.IsStatic: true } field => field.Field.Name,
            _ => value.ConstantValue is { HasValue: true, Value: string text } ? text : null,
        };
    }

    private sealed class Analysis
    {
        private const string FleetName = "InstanceFleetConfig";
        private const string GroupName = "InstanceGroupConfig";

        /// <summary>The fleet, configuration and step types are looked up where the code names them, not for every compilation.</summary>
        private readonly KnownTypes _types;
        private readonly INamedTypeSymbol _group;
        private readonly INamedTypeSymbol _action;

        public Analysis(KnownTypes types, INamedTypeSymbol group, INamedTypeSymbol action)
        {
            _types = types;
            _group = group;
            _action = action;
        }

        private INamedTypeSymbol? ConfigurationType => _types.Get(ModelNamespace + "Configuration");

        private INamedTypeSymbol? JarStepType => _types.Get(ModelNamespace + "HadoopJarStepConfig");

        // ---- (a) Spot for the primary or core nodes ----

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            ITypeSymbol? type = creation.Type;
            // The name first: comparing symbols on every creation of the project costs more than reading a name.
            if (type is { Name: GroupName } && SymbolEqualityComparer.Default.Equals(type, _group))
            {
                AnalyzeGroup(context, creation);
            }
            else if (type is { Name: FleetName } && _types.Get(ModelNamespace + FleetName) is { } fleet && SymbolEqualityComparer.Default.Equals(type, fleet))
            {
                AnalyzeFleet(context, creation);
            }
        }

        private void AnalyzeGroup(OperationAnalysisContext context, IObjectCreationOperation creation)
        {
            CancellationToken cancellationToken = context.CancellationToken;
            string? role = Role(creation, cancellationToken);
            if (role is not ("MASTER" or "CORE"))
            {
                return;
            }

            ImmutableArray<ISimpleAssignmentOperation> markets = Writes(creation, MarketProperty, cancellationToken);
            ImmutableArray<ISimpleAssignmentOperation> bids = Writes(creation, BidPriceProperty, cancellationToken);
            bool spotMarket = markets.Length > 0 && EveryWriteIs(markets, "SPOT");
            bool bid = bids.Length > 0 && SomeWriteIsNotNull(bids) && !SomeWriteIs(markets, "ON_DEMAND");
            if ((!spotMarket && !bid) || !Reaches(creation, "InstanceGroups", cancellationToken) || CodeThatNeverRuns.Contains(creation))
            {
                return;
            }

            bool transient = RuleOptions.EmrTransientClusters.Read(context.Options, creation.Syntax.SyntaxTree);
            ISimpleAssignmentOperation reported = spotMarket ? markets[0] : bids[0];
            var additional = ImmutableArray.CreateBuilder<Location>();
            additional.Add(creation.Syntax.GetLocation());
            foreach (ISimpleAssignmentOperation market in markets)
            {
                additional.Add(market.Value.Syntax.GetLocation());
            }

            foreach (ISimpleAssignmentOperation write in bids)
            {
                additional.Add(write.Syntax.GetLocation());
            }

            // On the Spot write when the initializer makes it, else on the creation: a diagnostic stays in the code
            // the action analyzed.
            context.ReportDiagnostic(Diagnostic.Create(
                SpotGroupRule,
                reported.Parent == creation.Initializer ? reported.Syntax.GetLocation() : creation.Syntax.GetLocation(),
                transient ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning,
                additional.ToImmutable(),
                ImmutableDictionary<string, string?>.Empty
                    .Add(KindKey, SpotGroupKind)
                    .Add(MarketWritesKey, markets.Length.ToString(CultureInfo.InvariantCulture)),
                role,
                role == "MASTER" ? s_primaryLoss : s_coreLoss));
        }

        /// <summary>Every write is of the constant named <paramref name="constant"/>.</summary>
        private static bool EveryWriteIs(ImmutableArray<ISimpleAssignmentOperation> writes, string constant)
        {
            foreach (ISimpleAssignmentOperation write in writes)
            {
                if (ConstantName(write.Value) != constant)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Some write is of the constant named <paramref name="constant"/>.</summary>
        private static bool SomeWriteIs(ImmutableArray<ISimpleAssignmentOperation> writes, string constant)
        {
            foreach (ISimpleAssignmentOperation write in writes)
            {
                if (ConstantName(write.Value) == constant)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Some write is of a value other than the constant <c>null</c>.</summary>
        private static bool SomeWriteIsNotNull(ImmutableArray<ISimpleAssignmentOperation> writes)
        {
            foreach (ISimpleAssignmentOperation write in writes)
            {
                if (write.Value.WalkDownConversions().ConstantValue is not { HasValue: true, Value: null })
                {
                    return true;
                }
            }

            return false;
        }

        private static string? Role(IObjectCreationOperation creation, CancellationToken cancellationToken)
        {
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "instanceRole")
                {
                    return ConstantName(argument.Value);
                }
            }

            ImmutableArray<ISimpleAssignmentOperation> roles = Writes(creation, "InstanceRole", cancellationToken);
            return roles.Length == 1 ? ConstantName(roles[0].Value) : null;
        }

        private void AnalyzeFleet(OperationAnalysisContext context, IObjectCreationOperation creation)
        {
            CancellationToken cancellationToken = context.CancellationToken;
            ImmutableArray<ISimpleAssignmentOperation> types = Writes(creation, "InstanceFleetType", cancellationToken);
            string? fleetType = types.Length == 1 ? ConstantName(types[0].Value) : null;
            if (fleetType is not ("MASTER" or "CORE")
                || RuleOptions.EmrTransientClusters.Read(context.Options, creation.Syntax.SyntaxTree)
                || CodeThatNeverRuns.Contains(creation))
            {
                return;
            }

            foreach (ISimpleAssignmentOperation spot in Writes(creation, SpotCapacityProperty, cancellationToken))
            {
                if (spot.Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: int capacity } && capacity > 0
                    && (Reaches(creation, "InstanceFleets", cancellationToken) || Reaches(creation, "InstanceFleet", cancellationToken)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        SpotFleetRule,
                        spot.Parent == creation.Initializer ? spot.Syntax.GetLocation() : creation.Syntax.GetLocation(),
                        DiagnosticSeverity.Info,
                        additionalLocations: null,
                        ImmutableDictionary<string, string?>.Empty.Add(KindKey, SpotFleetKind),
                        fleetType,
                        capacity.ToString(CultureInfo.InvariantCulture),
                        fleetType == "MASTER" ? s_primaryLoss : s_coreLoss));
                    return;
                }
            }
        }

        /// <summary>
        /// The group (or fleet) ends up in a cluster's <paramref name="property"/> (<c>InstanceGroups</c> of
        /// <c>JobFlowInstancesConfig</c> or <c>AddInstanceGroupsRequest</c>, <c>InstanceFleets</c>,
        /// <c>AddInstanceFleetRequest.InstanceFleet</c>): through list and array initializers, <c>Add</c>, the
        /// request's constructor, and up to two locals.
        /// </summary>
        private static bool Reaches(IOperation value, string property, CancellationToken cancellationToken, int depth = 0)
        {
            IOperation current = value;
            while (current.Parent is { } parent)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (parent)
                {
                    case IConversionOperation or IObjectOrCollectionInitializerOperation or IArrayInitializerOperation or IArrayCreationOperation or IObjectCreationOperation:
                        current = parent;
                        continue;
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" or "AddRange", Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } add }:
                        // A collection initializer's element: `new List<InstanceGroupConfig> { group }`.
                        current = add;
                        continue;
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" or "AddRange", Instance: IPropertyReferenceOperation target } }:
                        return IsClusterProperty(target.Property, property);
                    case IArgumentOperation { Parameter: { } parameter, Parent: IObjectCreationOperation request }:
                        return string.Equals(parameter.Name, char.ToLowerInvariant(property[0]) + property.Substring(1), StringComparison.Ordinal)
                            && IsEmrModel(request.Type);
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment when assignment.Value == current:
                        return IsClusterProperty(target.Property, property);
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } } when depth < 2:
                        foreach (IOperation read in ValueFlow.For(parent, cancellationToken).Reads(local))
                        {
                            if (Reaches(read, property, cancellationToken, depth + 1))
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool IsClusterProperty(IPropertySymbol target, string property) =>
            target.Name == property && IsEmrModel(target.ContainingType);

        /// <summary>In <c>Amazon.ElasticMapReduce.Model</c>, read from the namespace symbols without formatting the name.</summary>
        private static bool IsEmrModel(ITypeSymbol? type) =>
            type?.ContainingNamespace is { Name: "Model" } model
            && model.ContainingNamespace is { Name: "ElasticMapReduce" } emr
            && emr.ContainingNamespace is { Name: "Amazon" } amazon
            && amazon.ContainingNamespace is { IsGlobalNamespace: true };

        // ---- (b) Spark keys Spark ignores; (c) the legacy failure action written as a string ----

        public void AnalyzeLiteral(OperationAnalysisContext context)
        {
            // Every literal of the project comes here; the syntax kind is a field read, where the constant of a
            // number is boxed at each read.
            var literal = (ILiteralOperation)context.Operation;
            if (literal.Syntax.RawKind != (int)SyntaxKind.StringLiteralExpression
                || literal.ConstantValue is not { HasValue: true, Value: string text } || text.Length < 10)
            {
                return;
            }

            if (text == LegacyAction)
            {
                if (literal.Parent is IConversionOperation conversion && SymbolEqualityComparer.Default.Equals(conversion.Type, _action))
                {
                    ReportLegacyAction(context, literal);
                }

                return;
            }

            if (text.IndexOf("spark.", StringComparison.Ordinal) < 0)
            {
                return;
            }

            // Where the key is written is asked before the code around it.
            if (SparkSettings.Find(text) is { } reason)
            {
                if (ConfigurationOfPropertyKey(literal, context.CancellationToken) is { } configuration
                    && IsSparkDefaults(configuration, context.CancellationToken)
                    && !(reason == IgnoredBecause.LegacyMemoryMode && SetsLegacyMode(configuration))
                    && !CodeThatNeverRuns.Contains(literal))
                {
                    ReportKey(context, literal, text, reason);
                }

                return;
            }

            if (ConfArgumentKey(literal, text) is { } key && SparkSettings.Find(key) is { } argumentReason && IsStepArgument(literal)
                && !CodeThatNeverRuns.Contains(literal))
            {
                ReportKey(context, literal, key, argumentReason);
            }
        }

        private static void ReportKey(OperationAnalysisContext context, IOperation literal, string key, IgnoredBecause reason) =>
            context.ReportDiagnostic(Diagnostic.Create(
                SparkKeyRule,
                literal.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(KindKey, SparkKeyKind),
                key,
                reason == IgnoredBecause.NotASparkProperty ? s_notASparkProperty : s_legacyMemoryMode));

        /// <summary>
        /// The <c>Configuration</c> whose <c>Properties</c> the literal is a key of: <c>Properties = new Dictionary { ["k"] = v }</c>
        /// or <c>{ { "k", v } }</c> in its initializer, or <c>configuration.Properties.Add("k", v)</c> /
        /// <c>configuration.Properties["k"] = v</c> on a local that holds one.
        /// </summary>
        private IObjectCreationOperation? ConfigurationOfPropertyKey(ILiteralOperation literal, CancellationToken cancellationToken)
        {
            if (Above(literal) is not IArgumentOperation { ArgumentKind: ArgumentKind.Explicit } argument
                || argument.Parent is not { } owner)
            {
                return null;
            }

            IOperation? instance = owner switch
            {
                IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" } add when add.Arguments[0] == argument => add.Instance,
                IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance,
                _ => null,
            };

            switch (instance)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                    // An initializer of the dictionary: up to its creation, then to `Properties = …` in a Configuration's initializer.
                    IOperation current = owner;
                    while (current.Parent is { } parent && parent is not IObjectCreationOperation)
                    {
                        current = parent;
                    }

                    return current.Parent is IObjectCreationOperation dictionary
                        && Above(dictionary) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Properties" } target } assignment
                        && SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, ConfigurationType)
                        && assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation configuration }
                        ? configuration
                        : null;
                case IPropertyReferenceOperation { Property.Name: "Properties", Instance: { } holder } properties
                    when SymbolEqualityComparer.Default.Equals(properties.Property.ContainingType, ConfigurationType):
                    IOperation source = holder.WalkDownConversions();
                    if (source is ILocalReferenceOperation local)
                    {
                        source = ValueFlow.For(literal, cancellationToken).SingleValue(local.Local)?.WalkDownConversions() ?? source;
                    }

                    return source as IObjectCreationOperation;
                default:
                    return null;
            }
        }

        private static bool IsSparkDefaults(IObjectCreationOperation configuration, CancellationToken cancellationToken)
        {
            ImmutableArray<ISimpleAssignmentOperation> classifications = Writes(configuration, "Classification", cancellationToken);
            return classifications.Length == 1
                && classifications[0].Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: string classification }
                && string.Equals(classification, "spark-defaults", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The same configuration names <c>spark.memory.useLegacyMode</c>: the legacy keys may then apply (Spark before 3.0).</summary>
        private static bool SetsLegacyMode(IObjectCreationOperation configuration)
        {
            foreach (IOperation operation in configuration.Descendants())
            {
                if (operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: SparkSettings.LegacyModeKey } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The key of a <c>--conf key=value</c> argument: the literal <c>"key=value"</c> after a <c>"--conf"</c> element,
        /// or the single literal <c>"--conf key=value"</c>.
        /// </summary>
        private static string? ConfArgumentKey(ILiteralOperation literal, string text)
        {
            string setting;
            if (text.StartsWith("--conf ", StringComparison.Ordinal) || text.StartsWith("--conf=", StringComparison.Ordinal))
            {
                setting = text.Substring("--conf ".Length).TrimStart();
            }
            else if (PreviousElement(literal) is { ConstantValue: { HasValue: true, Value: "--conf" or "-c" } })
            {
                setting = text;
            }
            else
            {
                return null;
            }

            int equals = setting.IndexOf('=');
            return equals > 0 ? setting.Substring(0, equals).Trim() : null;
        }

        /// <summary>The element before the literal in a list or array initializer.</summary>
        private static IOperation? PreviousElement(IOperation literal)
        {
            IOperation element = literal;
            if (Above(literal) is IArgumentOperation { Parent: IInvocationOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } add })
            {
                element = add;
            }

            ImmutableArray<IOperation> siblings = element.Parent switch
            {
                IObjectOrCollectionInitializerOperation list => list.Initializers,
                IArrayInitializerOperation array => array.ElementValues,
                _ => ImmutableArray<IOperation>.Empty,
            };
            int index = siblings.IndexOf(element);
            if (index <= 0)
            {
                return null;
            }

            IOperation previous = siblings[index - 1];
            return previous is IInvocationOperation { Arguments.Length: 1 } previousAdd ? previousAdd.Arguments[0].Value.WalkDownConversions() : previous.WalkDownConversions();
        }

        /// <summary>The literal is an argument of an EMR step: in the list or array given to <c>HadoopJarStepConfig.Args</c>.</summary>
        private bool IsStepArgument(IOperation literal)
        {
            for (IOperation? current = literal.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Args" } target }:
                        return SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, JarStepType);
                    case IInvocationOperation { TargetMethod.Name: "Add" or "AddRange", Instance: IPropertyReferenceOperation { Property.Name: "Args" } target }:
                        return SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, JarStepType);
                    case IBlockOperation or IAnonymousFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        // ---- (c) the legacy failure action ----

        public void AnalyzeFieldReference(OperationAnalysisContext context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (reference.Field.Name == LegacyAction && SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, _action))
            {
                ReportLegacyAction(context, reference);
            }
        }

        private static void ReportLegacyAction(OperationAnalysisContext context, IOperation operation)
        {
            if (CodeThatNeverRuns.Contains(operation))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                LegacyActionRule, operation.Syntax.GetLocation(), ImmutableDictionary<string, string?>.Empty.Add(KindKey, LegacyActionKind)));
        }
    }
}
