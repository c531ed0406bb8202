using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Kinesis;

/// <summary>
/// AWS001: a Kinesis record whose partition key (or explicit hash key) is the same for every record. Kinesis maps
/// the key to one shard, and one shard takes 1,000 records/s or 1 MB/s, so such a producer never scales out.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS001ConstantPartitionKeyAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ConstantPartitionKey;

    /// <summary>Diagnostic property naming the assigned property: <c>PartitionKey</c> or <c>ExplicitHashKey</c>.</summary>
    public const string PropertyNameKey = "PropertyName";

    public const string PartitionKeyProperty = "PartitionKey";
    public const string ExplicitHashKeyProperty = "ExplicitHashKey";

    internal const string PutRecordRequestName = "Amazon.Kinesis.Model.PutRecordRequest";
    internal const string PutRecordsRequestEntryName = "Amazon.Kinesis.Model.PutRecordsRequestEntry";

    /// <summary>How many locals and fields a value may be traced through before we give up.</summary>
    private const int MaxTraceDepth = 4;

    /// <summary>Longest constant quoted in the message before it is shortened.</summary>
    private const int MaxQuotedLength = 40;

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS001Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS001Description));

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS001MessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>
    /// The same rule for a key chosen among a few constants (<c>flag ? "a" : "b"</c>, a switch expression of literals,
    /// a local set to one of several constants): the records reach at most that many shards.
    /// </summary>
    internal static readonly DiagnosticDescriptor FewKeysRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS001FewKeysMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, FewKeysRule);

    /// <summary>Diagnostic property: how many distinct constants the key takes.</summary>
    public const string DistinctKeysKey = "DistinctKeys";

    /// <summary>
    /// Past this many distinct constants a key is treated as varying: a switch over many values can spread records
    /// over more shards than most streams have.
    /// </summary>
    private const int MaxDistinctKeys = 8;

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

            INamedTypeSymbol? putRecordRequest = types.Get(PutRecordRequestName);
            INamedTypeSymbol? putRecordsRequestEntry = types.Get(PutRecordsRequestEntryName);
            if (putRecordRequest is null && putRecordsRequestEntry is null)
            {
                return;
            }

            start.RegisterOperationActionWhereWritten(
                s_keyPropertyWords,
                context => AnalyzeAssignment(context, putRecordRequest, putRecordsRequestEntry),
                OperationKind.SimpleAssignment);
        });
    }

    /// <summary>A key write names its property: only the types whose files do get the assignment callbacks.</summary>
    private static readonly WordSet s_keyPropertyWords = WordSet.Of(new[] { PartitionKeyProperty, ExplicitHashKeyProperty });

    private static void AnalyzeAssignment(
        OperationAnalysisContext context, INamedTypeSymbol? putRecordRequest, INamedTypeSymbol? putRecordsRequestEntry)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.AssignedMemberName() is { } name && name is not (PartitionKeyProperty or ExplicitHashKeyProperty))
        {
            return;
        }

        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
            || property.Name is not (PartitionKeyProperty or ExplicitHashKeyProperty)
            || !(property.ContainingType.IsOrDerivesFrom(putRecordRequest) || property.ContainingType.IsOrDerivesFrom(putRecordsRequestEntry)))
        {
            return;
        }

        KeySet? keys = ConstantKeys(assignment.Value, depth: 0, context.CancellationToken);
        if (keys is null || CodeThatNeverRuns.Contains(assignment))
        {
            return;
        }

        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(PropertyNameKey, property.Name)
            .Add(DistinctKeysKey, keys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Diagnostic diagnostic = keys.Count == 1
            ? Diagnostic.Create(Rule, assignment.Value.Syntax.GetLocation(), properties, property.Name, Quote(keys.Values[0]))
            : Diagnostic.Create(
                FewKeysRule,
                assignment.Value.Syntax.GetLocation(),
                properties,
                property.Name,
                keys.Count,
                string.Join(", ", keys.Values.Select(Quote)));
        context.ReportDiagnostic(diagnostic);
    }

    /// <summary>The distinct constants a key can take, in the order the code names them.</summary>
    private sealed class KeySet
    {
        private readonly List<string> _values = new();

        public IReadOnlyList<string> Values => _values;

        public int Count => _values.Count;

        public static KeySet Of(string value)
        {
            var set = new KeySet();
            set._values.Add(value);
            return set;
        }

        /// <summary>Adds the other set's values; false when the union holds too many to be "a few".</summary>
        public bool Add(KeySet other)
        {
            foreach (string value in other._values)
            {
                if (!_values.Contains(value))
                {
                    _values.Add(value);
                }
            }

            return _values.Count <= MaxDistinctKeys;
        }
    }

    /// <summary>
    /// The constants the value can have (one when it is always the same), or null when it can vary: a single constant
    /// (see <see cref="ConstantString"/>), a conditional or switch expression whose every arm is such a value, or a
    /// local whose every write stores one.
    /// </summary>
    private static KeySet? ConstantKeys(IOperation value, int depth, System.Threading.CancellationToken cancellationToken)
    {
        if (depth > MaxTraceDepth)
        {
            return null;
        }

        value = value.WalkDownConversions();
        switch (value)
        {
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional when !conditional.ConstantValue.HasValue:
                return Union(new[] { conditional.WhenTrue, whenFalse }, depth, cancellationToken);
            case ISwitchExpressionOperation switchExpression:
                return Union(switchExpression.Arms.Select(arm => arm.Value), depth, cancellationToken);
            case ILocalReferenceOperation { Local: { } local }:
                return LocalKeys(value, local, depth, cancellationToken);
            default:
                return ConstantString(value, depth, cancellationToken) is { } constant ? KeySet.Of(constant) : null;
        }
    }

    private static KeySet? Union(IEnumerable<IOperation> values, int depth, System.Threading.CancellationToken cancellationToken)
    {
        KeySet? union = null;
        foreach (IOperation value in values)
        {
            if (ConstantKeys(value, depth + 1, cancellationToken) is not { } keys)
            {
                return null;
            }

            if (union is null)
            {
                union = keys;
            }
            else if (!union.Add(keys))
            {
                return null;
            }
        }

        return union;
    }

    /// <summary>The string the value always has, or null when it can vary (or is null, which Kinesis rejects anyway).</summary>
    private static string? ConstantString(IOperation value, int depth, System.Threading.CancellationToken cancellationToken)
    {
        if (depth > MaxTraceDepth)
        {
            return null;
        }

        value = value.WalkDownConversions();
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value as string;
        }

        return value switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } => WrittenConstants.OfStaticMember(field, value.SemanticModel, cancellationToken)?.Value,
            IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null, Parameters.IsEmpty: true } property } =>
                WrittenConstants.OfStaticMember(property, value.SemanticModel, cancellationToken)?.Value
                ?? (property.GetMethod is { } getter ? ReturnedConstant(getter, value, cancellationToken) : null),
            ILocalReferenceOperation { Local: { } local } => LocalKeys(value, local, depth, cancellationToken) is { Count: 1 } keys ? keys.Values[0] : null,
            IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } invocation =>
                StringBuiltFromConstants(invocation, depth, cancellationToken),
            IInvocationOperation { TargetMethod: { IsStatic: true, MethodKind: MethodKind.Ordinary } method } invocation =>
                ReturnedConstant(method, invocation, cancellationToken),
            _ => null,
        };
    }

    /// <summary>
    /// The constant a static project method returns on every path (<c>static string Key() { return "k"; }</c>), or that
    /// a static property's block-bodied getter does: the same key for every record, whatever the arguments.
    /// </summary>
    private static string? ReturnedConstant(IMethodSymbol method, IOperation use, System.Threading.CancellationToken cancellationToken)
    {
        if (use.SemanticModel is not { } model)
        {
            return null;
        }

        CallHops hops = CallHops.For(model.Compilation);
        return hops.IsProjectMethod(method) ? hops.Summary(method, s_returnsOneConstant, cancellationToken) : null;
    }

    private static readonly ReturnsOneConstant s_returnsOneConstant = new();

    /// <summary>The one constant every <c>return</c> of a method's body gives (lambdas and local functions aside), or null.</summary>
    private sealed class ReturnsOneConstant : CallFact<string?>
    {
        public override string? Unknown => null;

        public override string? Summarize(IMethodSymbol method, IOperation body, CallHops hops, System.Threading.CancellationToken cancellationToken)
        {
            string? constant = null;
            foreach (IOperation operation in body.Descendants())
            {
                if (operation is not IReturnOperation { ReturnedValue: { } returned } || IsInNestedFunction(operation, body))
                {
                    continue;
                }

                string? value = ConstantString(returned, depth: 1, cancellationToken);
                if (value is null || (constant is not null && value != constant))
                {
                    return null;
                }

                constant = value;
            }

            return constant;
        }

        private static bool IsInNestedFunction(IOperation operation, IOperation body)
        {
            for (IOperation? current = operation.Parent; current is not null && current != body; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// <c>string.Format</c>, <c>string.Concat</c> or <c>string.Join</c> whose every argument is a constant: the result is
    /// the same on every call. Numbers are formatted as the invariant culture formats them, which for integers is what
    /// every culture writes.
    /// </summary>
    private static string? StringBuiltFromConstants(IInvocationOperation invocation, int depth, System.Threading.CancellationToken cancellationToken)
    {
        string name = invocation.TargetMethod.Name;
        if (name is not ("Format" or "Concat" or "Join"))
        {
            return null;
        }

        var parts = new List<object>();
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray
                || argument.Value.WalkDownConversions() is IArrayCreationOperation { Initializer: not null })
            {
                if (argument.Value.WalkDownConversions() is not IArrayCreationOperation { Initializer: { } elements })
                {
                    return null;
                }

                foreach (IOperation element in elements.ElementValues)
                {
                    if (ConstantPart(element, depth, cancellationToken) is not { } part)
                    {
                        return null;
                    }

                    parts.Add(part);
                }

                continue;
            }

            if (argument.Parameter?.Type is not { SpecialType: SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Char }
                || ConstantPart(argument.Value, depth, cancellationToken) is not { } value)
            {
                // An IFormatProvider, an IEnumerable of values, a span: not a shape we evaluate.
                return null;
            }

            parts.Add(value);
        }

        try
        {
            return name switch
            {
                "Format" when parts.Count >= 1 && parts[0] is string format =>
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, format, parts.Skip(1).ToArray()),
                "Concat" => string.Concat(parts),
                "Join" when parts.Count >= 1 => string.Join(parts[0].ToString(), parts.Skip(1)),
                _ => null,
            };
        }
        catch (System.FormatException)
        {
            // A format string that throws at run time is no key at all.
            return null;
        }
    }

    /// <summary>A constant string, character or integer argument, or null.</summary>
    private static object? ConstantPart(IOperation value, int depth, System.Threading.CancellationToken cancellationToken)
    {
        IOperation operand = value.WalkDownConversions();
        if (operand.ConstantValue is { HasValue: true, Value: int or long or char or short or byte } number)
        {
            return number.Value;
        }

        return ConstantString(operand, depth + 1, cancellationToken);
    }

    /// <summary>
    /// The constants a local holds: the value of its one write, or the constant every write, anywhere in the body that
    /// declares it (lambdas and local functions included), stores.
    /// </summary>
    private static KeySet? LocalKeys(IOperation reference, ILocalSymbol local, int depth, System.Threading.CancellationToken cancellationToken)
    {
        ImmutableArray<ValueWrite> writes = ValueFlow.For(reference, cancellationToken).Writes(local);
        var values = new List<IOperation>(writes.Length);
        foreach (ValueWrite write in writes)
        {
            // Out arguments, increments, foreach and catch variables, ref aliases: the value is not one we can see.
            if (!write.StoresValue)
            {
                return null;
            }

            values.Add(write.Value!);
        }

        if (values.Count == 0)
        {
            return null;
        }

        // Written once, the local is its value (a choice among constants included). Written several times, it is only
        // reported when every write stores the same constant: `key = "a"; … key = "b";` may well follow the data.
        KeySet? keys = Union(values, depth, cancellationToken);
        return values.Count == 1 || keys is { Count: 1 } ? keys : null;
    }

    private static string Quote(string constant)
    {
        string shown = constant.Length > MaxQuotedLength ? constant.Substring(0, MaxQuotedLength) + "…" : constant;
        return SymbolDisplay.FormatLiteral(shown, quote: true);
    }
}
