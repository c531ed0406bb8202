using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Polling;

/// <summary>A truth value that may not be known: a condition on the status and on things the rule cannot see.</summary>
internal enum Truth
{
    Unknown,
    True,
    False,
}

/// <summary>A status type of the table, resolved in one compilation.</summary>
internal sealed class ResolvedStatus
{
    public ResolvedStatus(StatusTable table, INamedTypeSymbol statusType, ImmutableArray<INamedTypeSymbol> readFrom, INamedTypeSymbol client)
    {
        Table = table;
        StatusType = statusType;
        ReadFrom = readFrom;
        Client = client;
    }

    public StatusTable Table { get; }

    public INamedTypeSymbol StatusType { get; }

    /// <summary>The model types whose property (<see cref="StatusTable.ReadFrom"/>, same order) holds the status.</summary>
    public ImmutableArray<INamedTypeSymbol> ReadFrom { get; }

    public INamedTypeSymbol Client { get; }

    public static ImmutableArray<ResolvedStatus> Resolve(KnownTypes types)
    {
        ImmutableArray<ResolvedStatus>.Builder resolved = ImmutableArray.CreateBuilder<ResolvedStatus>();
        foreach (StatusTable table in StatusTable.All)
        {
            if (Resolve(types, table) is { } status)
            {
                resolved.Add(status);
            }
        }

        return resolved.ToImmutable();
    }

    /// <summary>One row of the table in this compilation, or null when the compilation lacks its service.</summary>
    public static ResolvedStatus? Resolve(KnownTypes types, StatusTable table)
    {
        if (types.Get(table.StatusType) is not { } statusType || types.Get(table.Client) is not { } client)
        {
            return null;
        }

        ImmutableArray<INamedTypeSymbol>.Builder readFrom = ImmutableArray.CreateBuilder<INamedTypeSymbol>(table.ReadFrom.Length);
        foreach ((string type, _) in table.ReadFrom)
        {
            if (types.Get(type) is not { } model)
            {
                return null;
            }

            readFrom.Add(model);
        }

        return new ResolvedStatus(table, statusType, readFrom.MoveToImmutable(), client);
    }

    /// <summary>A call of an operation that returns this status (<c>GetQueryExecutionAsync</c> on an Athena client).</summary>
    public bool IsStatusCall(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        return Table.Operations.Contains(method.Name) && method.ContainingType.IsOrImplements(Client);
    }

    /// <summary>The property that holds the status (<c>QueryExecutionStatus.State</c>).</summary>
    public bool IsStatusProperty(IPropertySymbol property)
    {
        for (int i = 0; i < ReadFrom.Length; i++)
        {
            if (property.Name == Table.ReadFrom[i].Property && SymbolEqualityComparer.Default.Equals(property.ContainingType, ReadFrom[i]))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Reads the conditions of a loop as functions of one status value: <c>state != QueryExecutionState.SUCCEEDED</c>,
/// <c>state.Value == "FAILED" || state == QueryExecutionState.CANCELLED</c>, <c>!(…)</c>, <c>&amp;&amp;</c> with
/// anything else (which stays unknown).
/// </summary>
internal sealed class StatusConditions
{
    private readonly ResolvedStatus _status;
    private readonly ValueFlow _flow;

    public StatusConditions(ResolvedStatus status, ValueFlow flow)
    {
        _status = status;
        _flow = flow;
    }

    /// <summary>
    /// The operation is the status: the status property, its <c>Value</c> or <c>ToString()</c>, a <c>?.</c> chain ending
    /// in it, or a local only ever assigned one of those.
    /// </summary>
    public bool IsStatus(IOperation operation, int depth = 0)
    {
        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } when IsStatus(instance, depth):
                return true;
            case IPropertyReferenceOperation property:
                return _status.IsStatusProperty(property.Property);
            case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.IsEmpty: true, Instance: { } instance }:
                return IsStatus(instance, depth);
            case IConditionalAccessOperation conditional:
                return IsStatus(conditional.WhenNotNull, depth);
            case ILocalReferenceOperation local when depth == 0:
                ImmutableArray<ValueWrite> writes = _flow.Writes(local.Local);
                if (writes.IsEmpty)
                {
                    return false;
                }

                // A start value (`var state = QueryExecutionState.QUEUED;`, `string state = null;`) may come first.
                bool readsStatus = false;
                foreach (ValueWrite write in writes)
                {
                    if (!write.StoresValue)
                    {
                        return false;
                    }

                    if (IsStatus(write.Value!, depth + 1))
                    {
                        readsStatus = true;
                    }
                    else if (Constant(write.Value!) is null && write.Value!.WalkDownConversions().ConstantValue is not { HasValue: true, Value: null })
                    {
                        return false;
                    }
                }

                return readsStatus;
            default:
                return false;
        }
    }

    /// <summary>The status value a constant names (<c>QueryExecutionState.FAILED</c>, <c>"FAILED"</c>), or null.</summary>
    public string? Constant(IOperation operation)
    {
        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when SymbolEqualityComparer.Default.Equals(field.ContainingType, _status.StatusType):
                return field.Name;
            case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance }:
                return Constant(instance);
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }:
                return text;
            default:
                return operation.ConstantValue is { HasValue: true, Value: string constant } ? constant : null;
        }
    }

    /// <summary>The condition's value when the status is <paramref name="value"/>.</summary>
    public Truth Evaluate(IOperation condition, string value) => Evaluate(condition, value, depth: 0);

    private Truth Evaluate(IOperation condition, string value, int depth)
    {
        condition = condition.WalkDownConversions();
        switch (condition)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: bool literal } }:
                return literal ? Truth.True : Truth.False;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Not(Evaluate(not.Operand, value, depth));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } and:
                return And(Evaluate(and.LeftOperand, value, depth), Evaluate(and.RightOperand, value, depth));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } or:
                return Or(Evaluate(or.LeftOperand, value, depth), Evaluate(or.RightOperand, value, depth));
            case ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Boolean } flag when depth == 0:
                return Flag(flag.Local, value);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                Truth equal = Compare(comparison.LeftOperand, comparison.RightOperand, value);
                return comparison.OperatorKind == BinaryOperatorKind.Equals ? equal : Not(equal);
            case IInvocationOperation { TargetMethod.Name: "Equals" } equals:
                return equals.Instance is { } instance && equals.Arguments.Length >= 1
                    ? Compare(instance, equals.Arguments[0].Value, value)
                    : equals.Arguments.Length >= 2 ? Compare(equals.Arguments[0].Value, equals.Arguments[1].Value, value) : Truth.Unknown;
            case IIsPatternOperation isPattern when IsStatus(isPattern.Value):
                return Match(isPattern.Pattern, value);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } isNull when IsNull(constant) && IsReadThrough(isNull.Value):
                return Truth.False;
            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } } isNotNull
                when IsNull(constant) && IsReadThrough(isNotNull.Value):
                return Truth.True;
            default:
                return Truth.Unknown;
        }
    }

    /// <summary>
    /// A flag set from the status (<c>done = state == SUCCEEDED || state == FAILED;</c> … <c>while (!done)</c>): the value of
    /// its one assignment that is not a constant. Constant writes are start values (<c>var done = false;</c>), as for a
    /// status local; a flag written from two expressions, or through anything but a plain assignment, stays unknown.
    /// </summary>
    private Truth Flag(ILocalSymbol flag, string value)
    {
        IOperation? fromStatus = null;
        foreach (ValueWrite write in _flow.Writes(flag))
        {
            if (write is { Kind: WriteKind.Declaration, Value: null })
            {
                // `bool done;`: assigned before it is read.
                continue;
            }

            if (!write.StoresValue)
            {
                return Truth.Unknown;
            }

            if (write.Value!.WalkDownConversions().ConstantValue is { HasValue: true, Value: bool })
            {
                continue;
            }

            if (fromStatus is not null)
            {
                return Truth.Unknown;
            }

            fromStatus = write.Value;
        }

        return fromStatus is null ? Truth.Unknown : Evaluate(fromStatus, value, depth: 1);
    }

    /// <summary>
    /// True when the status changes what the condition is known to be: known for some values and not for others, or
    /// true for some and false for others (<c>state != SUCCEEDED &amp;&amp; !ct.IsCancellationRequested</c> is false on
    /// SUCCEEDED and unknown otherwise).
    /// </summary>
    public bool DependsOnStatus(IOperation condition, IEnumerable<string> values)
    {
        Truth? first = null;
        foreach (string value in values)
        {
            if (DiffersFromFirst(condition, value, ref first))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc cref="DependsOnStatus(IOperation, IEnumerable{string})"/>
    public bool DependsOnStatus(IOperation condition, ImmutableArray<string> values)
    {
        Truth? first = null;
        foreach (string value in values)
        {
            if (DiffersFromFirst(condition, value, ref first))
            {
                return true;
            }
        }

        return false;
    }

    private bool DiffersFromFirst(IOperation condition, string value, ref Truth? first)
    {
        Truth truth = Evaluate(condition, value);
        if (first is null)
        {
            first = truth;
            return false;
        }

        return first != truth;
    }

    private Truth Compare(IOperation left, IOperation right, string value)
    {
        // Given that a status was read, the status and the SDK objects it was read through are not null.
        if (IsNull(right) && IsReadThrough(left) || IsNull(left) && IsReadThrough(right))
        {
            return Truth.False;
        }

        string? constant = IsStatus(left) ? Constant(right) : IsStatus(right) ? Constant(left) : null;
        return constant is null ? Truth.Unknown : string.Equals(constant, value, StringComparison.Ordinal) ? Truth.True : Truth.False;
    }

    private static bool IsNull(IOperation operation) =>
        operation.WalkDownConversions().ConstantValue is { HasValue: true, Value: null };

    /// <summary>The status, or an object of the SDK's model (a response, <c>QueryExecution</c>, <c>Cluster</c>).</summary>
    private bool IsReadThrough(IOperation operation)
    {
        operation = operation.WalkDownConversions();
        if (IsStatus(operation))
        {
            return true;
        }

        INamespaceSymbol? ns = operation.Type?.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns?.Name == "Amazon" && operation.Type!.TypeKind == TypeKind.Class;
    }

    private Truth Match(IPatternOperation pattern, string value) => pattern switch
    {
        IConstantPatternOperation constant => Constant(constant.Value) is { } text
            ? (string.Equals(text, value, StringComparison.Ordinal) ? Truth.True : Truth.False)
            : Truth.Unknown,
        INegatedPatternOperation negated => Not(Match(negated.Pattern, value)),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => Or(Match(or.LeftPattern, value), Match(or.RightPattern, value)),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and => And(Match(and.LeftPattern, value), Match(and.RightPattern, value)),
        _ => Truth.Unknown,
    };

    private static Truth Not(Truth truth) => truth switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    private static Truth And(Truth left, Truth right) =>
        left == Truth.False || right == Truth.False ? Truth.False
        : left == Truth.True && right == Truth.True ? Truth.True
        : Truth.Unknown;

    private static Truth Or(Truth left, Truth right) =>
        left == Truth.True || right == Truth.True ? Truth.True
        : left == Truth.False && right == Truth.False ? Truth.False
        : Truth.Unknown;
}

/// <summary>One way out of a loop, as a function of the status: the loop's condition turning false, an <c>if</c> that leaves.</summary>
internal readonly struct LoopExit
{
    public LoopExit(IOperation condition, bool exitsWhen)
    {
        Condition = condition;
        ExitsWhen = exitsWhen;
    }

    public IOperation Condition { get; }

    /// <summary>The condition's value that leaves the loop.</summary>
    public bool ExitsWhen { get; }

    /// <summary>Every exit of the loop the rule can read, in source order.</summary>
    public static ImmutableArray<LoopExit> Of(ILoopOperation loop, CancellationToken cancellationToken)
    {
        ImmutableArray<LoopExit>.Builder exits = ImmutableArray.CreateBuilder<LoopExit>();
        if (Loops.Condition(loop) is { } condition)
        {
            exits.Add(new LoopExit(condition, exitsWhen: false));
        }

        var pending = new Stack<IOperation>();
        pending.Push(loop.Body);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IOperation operation = pending.Pop();
            if (operation is IConditionalOperation { Type: null } statement)
            {
                if (Loops.Leaves(statement.WhenTrue, loop))
                {
                    exits.Add(new LoopExit(statement.Condition, exitsWhen: true));
                }

                if (statement.WhenFalse is { } whenFalse && Loops.Leaves(whenFalse, loop))
                {
                    exits.Add(new LoopExit(statement.Condition, exitsWhen: false));
                }
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                // A nested loop's own breaks leave only it; lambdas and local functions run elsewhere.
                if (child is not (ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }

        return exits.ToImmutable();
    }
}
