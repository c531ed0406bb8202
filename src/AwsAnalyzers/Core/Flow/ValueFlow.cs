using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core.Flow;

/// <summary>
/// How values move through the locals and parameters of one body (a method, accessor, lambda-holding initializer or
/// script): every write and read of each variable, the aliases between them, and whether a value leaves the body.
/// </summary>
/// <remarks>
/// The index is built on the first question about a body, in one walk over its operations (lambdas and local functions
/// included), and shared by every rule that asks about the same body: no question walks the body again, so a long
/// method costs each rule a look-up instead of a walk per question.
/// </remarks>
internal sealed class ValueFlow
{
    /// <summary>
    /// The indexes of the bodies of one tree, per semantic model: one weak entry per model (the driver shares one per
    /// tree) rather than one per body, since each weak entry is a handle the runtime takes a lock to create, and a
    /// table of thousands of bodies was most of what asking for an index cost.
    /// </summary>
    /// <remarks>Bodies by identity: an operation tree is one object per body for the model that built it.</remarks>
    private static readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<IOperation, ValueFlow>> s_perModel = new();

    private readonly Dictionary<ISymbol, Variable> _variables = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IMethodSymbol> _localFunctionsAsDelegates = new(SymbolEqualityComparer.Default);

    private ValueFlow(IOperation root, CancellationToken cancellationToken)
    {
        Root = root;
        Index(root, cancellationToken);
    }

    /// <summary>The outermost operation of the body.</summary>
    public IOperation Root { get; }

    /// <summary>The index of the body that holds <paramref name="operation"/>, built on first use.</summary>
    public static ValueFlow For(IOperation operation, CancellationToken cancellationToken)
    {
        IOperation root = operation.Root();
        if (root.SemanticModel is not { } model)
        {
            return new ValueFlow(root, cancellationToken);
        }

        ConcurrentDictionary<IOperation, ValueFlow> bodies = s_perModel.TryGetValue(model, out ConcurrentDictionary<IOperation, ValueFlow>? known)
            ? known
            : s_perModel.GetValue(model, static _ => new ConcurrentDictionary<IOperation, ValueFlow>(ReferenceComparer<IOperation>.Instance));
        if (bodies.TryGetValue(root, out ValueFlow? flow))
        {
            return flow;
        }

        // Built outside the dictionary's lock: a cancelled build stores nothing, and two threads racing on one body
        // build equal indexes, of which the dictionary keeps the first.
        return bodies.GetOrAdd(root, new ValueFlow(root, cancellationToken));
    }

    /// <summary>Every write of the local or parameter in the body, in source order.</summary>
    public ImmutableArray<ValueWrite> Writes(ISymbol variable) =>
        _variables.TryGetValue(variable, out Variable? entry) ? entry.Writes : ImmutableArray<ValueWrite>.Empty;

    /// <summary>Every reference that reads the local or parameter (not the targets of its writes), in source order.</summary>
    public ImmutableArray<IOperation> Reads(ISymbol variable) =>
        _variables.TryGetValue(variable, out Variable? entry) ? entry.Reads : ImmutableArray<IOperation>.Empty;

    /// <summary>True when nothing in the body writes the variable (a parameter keeps the caller's argument).</summary>
    public bool IsNeverWritten(ISymbol variable) =>
        !_variables.TryGetValue(variable, out Variable? entry) || entry.Writes.IsEmpty;

    /// <summary>
    /// The one value of a local written exactly once with a visible value (<c>var x = v;</c>, or a single <c>x = v</c>
    /// after <c>T x;</c>, or one pattern designation), or null.
    /// </summary>
    public IOperation? SingleValue(ILocalSymbol local)
    {
        ImmutableArray<ValueWrite> writes = Writes(local);
        return writes.Length == 1 && writes[0].StoresValue ? writes[0].Value : null;
    }

    /// <summary>
    /// What a <c>ref</c> local is another name for (the operation after <c>ref</c> in its declaration), or null when
    /// the local is not a <c>ref</c> alias.
    /// </summary>
    public IOperation? AliasTarget(ILocalSymbol local)
    {
        foreach (ValueWrite write in Writes(local))
        {
            if (write.Kind == WriteKind.RefAlias)
            {
                return write.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The value a pattern is matched against: the operand of <c>is</c> or of a switch, or for a nested pattern the
    /// member its property subpattern reads (whose instance is the outer pattern's input). Null when not visible.
    /// </summary>
    public static IOperation? PatternInput(IPatternOperation pattern)
    {
        IOperation current = pattern;
        while (true)
        {
            switch (current.Parent)
            {
                case IIsPatternOperation isPattern:
                    return isPattern.Value;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression }:
                    return switchExpression.Value;
                case IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } }:
                    return switchStatement.Value;
                case IPropertySubpatternOperation subpattern:
                    return subpattern.Member;
                case INegatedPatternOperation or IBinaryPatternOperation:
                    current = current.Parent;
                    continue;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// True when the value produced by <paramref name="value"/> can be seen by code outside the body: it is returned or
    /// yielded; passed to a method or constructor that is not the AWS SDK's (or by <c>ref</c>/<c>out</c>); stored in a
    /// field, property, array, collection, tuple or another object; thrown; or held by a local that one of those happens
    /// to, or that a lambda or local function which itself escapes captures. A use the index does not model counts as an
    /// escape, so a rule that reports only values that do not escape stays silent when unsure.
    /// </summary>
    /// <param name="keepsArgument">
    /// Optional: true for a call that only reads an argument and keeps nothing of it (a rule's own knowledge, such as
    /// <c>string.Join</c> over a list); such an argument is not an escape.
    /// </param>
    public bool Escapes(IOperation value, System.Func<IArgumentOperation, bool>? keepsArgument, CancellationToken cancellationToken)
    {
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IOperation>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IOperation occurrence = pending.Pop();
            if (IsCapturedByEscapingFunction(occurrence, keepsArgument, cancellationToken)
                || UseEscapes(Carrier(occurrence), pending, visited, keepsArgument))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The outermost operation that still is the value: through conversions, ternary branches and <c>??</c>.</summary>
    public static IOperation Carrier(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            bool carries = parent switch
            {
                IConversionOperation => true,
                IConditionalOperation conditional => conditional.WhenTrue == operation || conditional.WhenFalse == operation,
                ICoalesceOperation => true,
                _ => false,
            };

            if (!carries)
            {
                break;
            }

            operation = parent;
        }

        return operation;
    }

    private bool UseEscapes(IOperation value, Stack<IOperation> pending, HashSet<ISymbol> visited, System.Func<IArgumentOperation, bool>? keepsArgument)
    {
        switch (value.Parent)
        {
            case null:
                // The body's own value (an expression-bodied member or lambda returns it).
                return true;
            case IReturnOperation:
            case IThrowOperation:
            case ITupleOperation:
            case IArrayInitializerOperation:
            case IFieldInitializerOperation:
            case IPropertyInitializerOperation:
            case IAnonymousObjectCreationOperation:
                return true;
            case IArgumentOperation argument:
                return ArgumentEscapes(argument, keepsArgument);
            case ISimpleAssignmentOperation assignment when assignment.Value == value:
                return StoreEscapes(assignment.Target, pending, visited);
            case ICompoundAssignmentOperation or ICoalesceAssignmentOperation:
                IAssignmentOperation combined = (IAssignmentOperation)value.Parent;
                return combined.Value == value && StoreEscapes(combined.Target, pending, visited);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } }:
                return local.IsRef || Follow(local, pending, visited);
            case IIsPatternOperation isPattern:
                return FollowDesignations(isPattern.Pattern, pending, visited);
            case ISwitchExpressionOperation switchExpression when switchExpression.Value == value:
                foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
                {
                    if (FollowDesignations(arm.Pattern, pending, visited))
                    {
                        return true;
                    }
                }

                return false;
            case IInvocationOperation call when call.Instance == value:
            case IPropertyReferenceOperation property when property.Instance == value:
            case IFieldReferenceOperation field when field.Instance == value:
            case IEventReferenceOperation eventReference when eventReference.Instance == value:
            case IConditionalAccessOperation conditional when conditional.Operation == value:
            case IAwaitOperation:
            case IBinaryOperation:
            case IUnaryOperation:
            case IIsTypeOperation:
            case IInterpolationOperation:
            case IExpressionStatementOperation:
            case IForEachLoopOperation:
            case IUsingOperation:
            case ILockOperation:
            case IDiscardOperation:
                return false;
            default:
                return true;
        }
    }

    private static bool ArgumentEscapes(IArgumentOperation argument, System.Func<IArgumentOperation, bool>? keepsArgument)
    {
        if (argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out })
        {
            return true;
        }

        ISymbol? callee = argument.Parent switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };

        if (callee is null)
        {
            return true;
        }

        return !(IsAwsSdkMember(callee) || keepsArgument?.Invoke(argument) == true);
    }

    /// <summary>A member of the AWS SDK: it works with the value during the call (a request sent, a stream read).</summary>
    private static bool IsAwsSdkMember(ISymbol member)
    {
        INamespaceSymbol? ns = member.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return false;
        }

        while (ns.ContainingNamespace is { IsGlobalNamespace: false } outer)
        {
            ns = outer;
        }

        return ns.Name == "Amazon";
    }

    private bool StoreEscapes(IOperation target, Stack<IOperation> pending, HashSet<ISymbol> visited) => target switch
    {
        IDiscardOperation => false,
        ILocalReferenceOperation { Local: { IsRef: false } local } => Follow(local, pending, visited),
        _ => true,
    };

    /// <summary>Queues every read of a local that now holds the value; a local already followed adds nothing.</summary>
    private bool Follow(ILocalSymbol local, Stack<IOperation> pending, HashSet<ISymbol> visited)
    {
        if (!visited.Add(local))
        {
            return false;
        }

        foreach (IOperation read in Reads(local))
        {
            pending.Push(read);
        }

        return false;
    }

    /// <summary>
    /// Queues the reads of the locals a pattern binds to the whole matched value (<c>x is { } y</c>, <c>x is T y</c>);
    /// a name bound to a member of the value (<c>x is { Body: var b }</c>) holds a part of it, which is not followed.
    /// </summary>
    private bool FollowDesignations(IPatternOperation pattern, Stack<IOperation> pending, HashSet<ISymbol> visited)
    {
        foreach (IOperation operation in pattern.DescendantsAndSelf())
        {
            if (operation is IPatternOperation designation && DeclaredLocal(designation) is { } local
                && PatternInput(designation) is { Parent: not IPropertySubpatternOperation })
            {
                Follow(local, pending, visited);
            }
        }

        return false;
    }

    /// <summary>
    /// True when the occurrence sits in a lambda or local function that leaves the body (passed to a method that is not
    /// the SDK's, stored, returned): the code that later runs it is out of sight.
    /// </summary>
    private bool IsCapturedByEscapingFunction(
        IOperation occurrence, System.Func<IArgumentOperation, bool>? keepsArgument, CancellationToken cancellationToken)
    {
        for (IOperation? current = occurrence.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation { Parent: IDelegateCreationOperation delegateCreation }:
                    // The lambda's delegate is itself a value of the body; each question moves outwards, so this ends.
                    return Escapes(delegateCreation, keepsArgument, cancellationToken);
                case IAnonymousFunctionOperation:
                    return true;
                case ILocalFunctionOperation localFunction when _localFunctionsAsDelegates.Contains(localFunction.Symbol.OriginalDefinition):
                    return true;
            }
        }

        return false;
    }

    // ---- Building the index ----

    private sealed class Variable
    {
        // Most variables are written once and read a few times: the pending lists hold their first item inline and
        // allocate only from the second, so the walk allocates little more than the frozen arrays.
        private Pending<ValueWrite> _pendingWrites;
        private Pending<IOperation> _pendingReads;

        public void AddWrite(ValueWrite write) => _pendingWrites.Add(write);

        public void AddRead(IOperation read) => _pendingReads.Add(read);

        /// <summary>The writes, fixed once the walk is over so that questions allocate nothing.</summary>
        public ImmutableArray<ValueWrite> Writes { get; private set; }

        public ImmutableArray<IOperation> Reads { get; private set; }

        public void Freeze()
        {
            Writes = _pendingWrites.ToImmutable();
            Reads = _pendingReads.ToImmutable();
        }

        /// <summary>For a <c>ref</c> local: the local or parameter it aliases, whose writes it also makes.</summary>
        public ISymbol? Aliased { get; set; }
    }

    /// <summary>A list being filled during the walk, then frozen once: the first item is held without an array.</summary>
    private struct Pending<T>
    {
        private T _first;
        private T[]? _items;
        private int _count;

        public void Add(T item)
        {
            if (_count == 0)
            {
                _first = item;
            }
            else
            {
                if (_items is null)
                {
                    _items = new T[4];
                    _items[0] = _first;
                }
                else if (_count == _items.Length)
                {
                    System.Array.Resize(ref _items, _count * 2);
                }

                _items[_count] = item;
            }

            _count++;
        }

        public readonly ImmutableArray<T> ToImmutable() => _count switch
        {
            0 => ImmutableArray<T>.Empty,
            1 => ImmutableArray.Create(_first),
            _ => ImmutableArray.Create(_items!, 0, _count),
        };
    }

    private Variable Entry(ISymbol symbol)
    {
        if (!_variables.TryGetValue(symbol, out Variable? entry))
        {
            entry = new Variable();
            _variables.Add(symbol, entry);
        }

        return entry;
    }

    private void AddWrite(ISymbol symbol, WriteKind kind, IOperation operation, IOperation? value)
    {
        Variable entry = Entry(symbol);
        entry.AddWrite(new ValueWrite(kind, operation, value));
        if (entry.Aliased is { } aliased && kind != WriteKind.RefAlias)
        {
            Entry(aliased).AddWrite(new ValueWrite(WriteKind.ThroughAlias, operation, value));
        }
    }

    private void Index(IOperation root, CancellationToken cancellationToken)
    {
        foreach (IOperation operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    IndexDeclarator(declarator);
                    break;
                case ILocalReferenceOperation reference:
                    IndexReference(reference, reference.Local, reference.IsDeclaration);
                    break;
                case IParameterReferenceOperation reference:
                    IndexReference(reference, reference.Parameter, isDeclaration: false);
                    break;
                case IPatternOperation pattern when DeclaredLocal(pattern) is { } local:
                    AddWrite(local, WriteKind.Pattern, pattern, PatternInput(pattern));
                    break;
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                    _localFunctionsAsDelegates.Add(reference.Method.OriginalDefinition);
                    break;
            }
        }

        foreach (Variable variable in _variables.Values)
        {
            variable.Freeze();
        }
    }

    private static ILocalSymbol? DeclaredLocal(IOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
        IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
        IListPatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
        _ => null,
    };

    private void IndexDeclarator(IVariableDeclaratorOperation declarator)
    {
        ILocalSymbol local = declarator.Symbol;
        switch (declarator.Parent)
        {
            case IVariableDeclarationOperation:
                if (declarator.GetVariableInitializer()?.Value is not { } initial)
                {
                    // `T x;` declares without writing.
                    Entry(local);
                    return;
                }

                if (local.IsRef)
                {
                    AddWrite(local, WriteKind.RefAlias, declarator, initial);
                    if (initial.WalkDownConversions() is ILocalReferenceOperation { Local: var target })
                    {
                        Entry(local).Aliased = target;
                    }
                    else if (initial.WalkDownConversions() is IParameterReferenceOperation { Parameter: var parameter })
                    {
                        Entry(local).Aliased = parameter;
                    }

                    return;
                }

                AddWrite(local, WriteKind.Declaration, declarator, initial);
                return;
            case IForEachLoopOperation loop:
                AddWrite(local, WriteKind.ForEach, loop, value: null);
                return;
            case ICatchClauseOperation clause:
                AddWrite(local, WriteKind.Catch, clause, value: null);
                return;
            default:
                AddWrite(local, WriteKind.Declaration, declarator, declarator.GetVariableInitializer()?.Value);
                return;
        }
    }

    private void IndexReference(IOperation reference, ISymbol variable, bool isDeclaration)
    {
        IOperation? parent = reference.Parent;
        if (isDeclaration || parent is IDeclarationExpressionOperation or ITupleOperation)
        {
            if (TargetWrite(reference) is { } declared)
            {
                AddWrite(variable, declared.Kind, declared.Operation, declared.Value);
                return;
            }
        }

        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                AddWrite(variable, WriteKind.Assignment, assignment, assignment.Value);
                return;
            case ICompoundAssignmentOperation compound when compound.Target == reference:
                AddWrite(variable, WriteKind.CompoundAssignment, compound, compound.Value);
                return;
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                AddWrite(variable, WriteKind.CompoundAssignment, coalesce, coalesce.Value);
                return;
            case IIncrementOrDecrementOperation increment:
                AddWrite(variable, WriteKind.IncrementOrDecrement, increment, value: null);
                return;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                AddWrite(variable, WriteKind.OutOrRefArgument, argument, value: null);
                if (argument.Parameter.RefKind == RefKind.Ref)
                {
                    // The callee also sees the value, and may keep it.
                    Entry(variable).AddRead(reference);
                }

                return;
            case IAddressOfOperation:
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsRef: true } }:
                AddWrite(variable, WriteKind.AliasTaken, parent, value: null);
                Entry(variable).AddRead(reference);
                return;
            default:
                if (isDeclaration)
                {
                    AddWrite(variable, WriteKind.Deconstruction, reference, value: null);
                    return;
                }

                Entry(variable).AddRead(reference);
                return;
        }
    }

    /// <summary>
    /// A write by a declaration expression or a tuple target: <c>out var x</c>, <c>(x, y) = …</c>, <c>var (x, y) = …</c>,
    /// <c>foreach (var (x, y) in …)</c>. Null when the reference only reads (a tuple that is a value, not a target).
    /// </summary>
    private static ValueWrite? TargetWrite(IOperation reference)
    {
        IOperation current = reference;
        var path = new Stack<int>();
        while (true)
        {
            IOperation? parent = current.Parent;
            switch (parent)
            {
                case IDeclarationExpressionOperation:
                    current = parent;
                    continue;
                case ITupleOperation tuple:
                    path.Push(IndexOf(tuple.Elements, current));
                    current = tuple;
                    continue;
                case IArgumentOperation argument:
                    return new ValueWrite(WriteKind.OutOrRefArgument, argument, null);
                case IDeconstructionAssignmentOperation deconstruction when deconstruction.Target == current:
                    return new ValueWrite(WriteKind.Deconstruction, deconstruction, TupleElement(deconstruction.Value, path));
                case IForEachLoopOperation loop when loop.LoopControlVariable == current:
                    return new ValueWrite(WriteKind.ForEach, loop, null);
                default:
                    return null;
            }
        }
    }

    /// <summary>The element of a tuple literal at the path of positions, or null when the value is not a literal.</summary>
    private static IOperation? TupleElement(IOperation value, Stack<int> path)
    {
        IOperation current = value;
        while (path.Count > 0)
        {
            int index = path.Pop();
            if (current.WalkDownConversions() is not ITupleOperation tuple || index < 0 || index >= tuple.Elements.Length)
            {
                return null;
            }

            current = tuple.Elements[index];
        }

        return current;
    }

    private static int IndexOf(ImmutableArray<IOperation> elements, IOperation element)
    {
        for (int i = 0; i < elements.Length; i++)
        {
            if (elements[i] == element)
            {
                return i;
            }
        }

        return -1;
    }
}
