using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Core.Flow;

/// <summary>How a local or parameter is given a value.</summary>
internal enum WriteKind
{
    /// <summary><c>var x = v;</c>, a <c>using</c> declaration, a <c>for</c> or <c>fixed</c> initializer.</summary>
    Declaration,

    /// <summary><c>x = v</c>.</summary>
    Assignment,

    /// <summary><c>x += v</c>, <c>x ??= v</c>: the new value combines the old one with <see cref="ValueWrite.Value"/>.</summary>
    CompoundAssignment,

    /// <summary><c>x++</c>, <c>--x</c>.</summary>
    IncrementOrDecrement,

    /// <summary><c>(x, y) = …</c> or <c>var (x, y) = …</c>; the value is known when the right side is a tuple literal.</summary>
    Deconstruction,

    /// <summary><c>M(out x)</c>, <c>M(out var x)</c>, <c>M(ref x)</c>: the callee writes it.</summary>
    OutOrRefArgument,

    /// <summary><c>x is T y</c>, <c>x is { } y</c>, a switch designation: <c>y</c> is the matched value.</summary>
    Pattern,

    /// <summary>The variable of a <c>foreach</c> loop.</summary>
    ForEach,

    /// <summary>The variable of a <c>catch</c> clause.</summary>
    Catch,

    /// <summary><c>ref var y = ref x;</c>: <c>y</c> is another name for the storage of <see cref="ValueWrite.Value"/>.</summary>
    RefAlias,

    /// <summary>
    /// A <c>ref</c> alias or the address of this variable was taken (<c>ref var y = ref x</c>, <c>&amp;x</c>): code can
    /// write it through the alias.
    /// </summary>
    AliasTaken,

    /// <summary>A write to a <c>ref</c> local that aliases this variable: recorded on the variable it writes.</summary>
    ThroughAlias,
}

/// <summary>One write of a local or parameter, found by <see cref="ValueFlow"/>.</summary>
internal readonly struct ValueWrite
{
    public ValueWrite(WriteKind kind, IOperation operation, IOperation? value)
    {
        Kind = kind;
        Operation = operation;
        Value = value;
    }

    public WriteKind Kind { get; }

    /// <summary>The operation that writes: a declarator, an assignment, an argument, a pattern, a loop, a catch clause.</summary>
    public IOperation Operation { get; }

    /// <summary>
    /// The value the variable holds after this write when the code shows it (a declaration's initializer, an assignment's
    /// value, the matched value of a pattern, the tuple element of a deconstruction); null when it cannot be seen.
    /// For <see cref="WriteKind.CompoundAssignment"/> it is only the right operand.
    /// </summary>
    public IOperation? Value { get; }

    /// <summary>The variable holds exactly <see cref="Value"/> after this write (it does not combine or hide it).</summary>
    public bool StoresValue =>
        Value is not null && Kind is WriteKind.Declaration or WriteKind.Assignment or WriteKind.Pattern or WriteKind.Deconstruction;
}
