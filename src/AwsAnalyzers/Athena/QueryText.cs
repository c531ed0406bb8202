using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Athena;

/// <summary>
/// One piece of a query text as the C# code spells it: literal text, or a hole whose value is only known at run time
/// (an interpolation, a non-constant operand of a concatenation).
/// </summary>
internal readonly struct QueryTextSegment
{
    private QueryTextSegment(string? text, LiteralTextMap? map, InterpolationSyntax? interpolation)
        : this(text, map, interpolation, null)
    {
    }

    private QueryTextSegment(string? text, LiteralTextMap? map, InterpolationSyntax? interpolation, IOperation? value)
    {
        Text = text;
        Map = map;
        Interpolation = interpolation;
        Value = value;
    }

    /// <summary>The literal text, or null for a hole.</summary>
    public string? Text { get; }

    public bool IsHole => Text is null;

    /// <summary>Where each character of <see cref="Text"/> is written in the document, or null when it cannot be edited in place.</summary>
    public LiteralTextMap? Map { get; }

    /// <summary>For a hole that is an interpolation of a string written here, its syntax: text can follow its <c>}</c>.</summary>
    public InterpolationSyntax? Interpolation { get; }

    /// <summary>
    /// For a hole, the operation whose value fills it (conversions walked down: the interpolated or concatenated
    /// value itself), or null when it is not known.
    /// </summary>
    public IOperation? Value { get; }

    public static QueryTextSegment Hole => default;

    /// <summary>A hole filled at run time by <paramref name="value"/>.</summary>
    public static QueryTextSegment ValueHole(IOperation value, InterpolationSyntax? interpolation = null) => new(null, null, interpolation, value);

    public static QueryTextSegment InterpolationHole(InterpolationSyntax? interpolation) => new(null, null, interpolation);

    public static QueryTextSegment Literal(string text, LiteralTextMap? map) => new(text, map, null);

    public override string ToString() => Text ?? "{hole}";
}

/// <summary>
/// The query text assigned to a property, read from the value's operation tree: string literals of every kind,
/// constants, concatenations, interpolated strings, and <c>string.Format</c> / <c>string.Concat</c> calls. Text known only at run time becomes a hole.
/// </summary>
internal static class QueryText
{
    /// <summary>How many locals a text may be followed through (<c>var sql = …; r.QueryString = sql;</c>).</summary>
    private const int MaxLocalDepth = 3;

    /// <summary>
    /// The segments of <paramref name="value"/>, or default when no part of its text is known at compile time
    /// (a parameter, a method result, a local or field that can hold different texts).
    /// </summary>
    public static ImmutableArray<QueryTextSegment> Read(IOperation value, CancellationToken cancellationToken)
    {
        var segments = ImmutableArray.CreateBuilder<QueryTextSegment>();
        bool anyText = false;

        // An explicit stack instead of recursion: generated code can chain thousands of '+'. Text read through a
        // local that is used more than once is not editable: changing it would change the other uses too.
        var pending = new Stack<(IOperation Operation, int LocalDepth, bool Editable)>();
        pending.Push((value, 0, true));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (IOperation next, int localDepth, bool editable) = pending.Pop();
            IOperation current = next.WalkDownConversions();
            switch (current)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation
                    when concatenation.ConstantValue is not { HasValue: true } || HasMappableLiteral(concatenation):
                    pending.Push((concatenation.RightOperand, localDepth, editable));
                    pending.Push((concatenation.LeftOperand, localDepth, editable));
                    break;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal:
                    segments.Add(QueryTextSegment.Literal(text, editable ? LiteralTextMap.ForLiteral(literal.Syntax, text) : null));
                    anyText |= text.Length > 0;
                    break;
                case IInterpolatedStringOperation interpolated:
                    anyText |= AddInterpolatedParts(interpolated, segments, editable);
                    break;
                case { ConstantValue: { HasValue: true, Value: string constant } }:
                    // A const field or local, nameof(...): the text is known, but it is written elsewhere.
                    segments.Add(QueryTextSegment.Literal(constant, map: null));
                    anyText |= constant.Length > 0;
                    break;
                case { ConstantValue: { HasValue: true, Value: null } }:
                    // null in a concatenation contributes no text.
                    break;
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Concat", ContainingType.SpecialType: SpecialType.System_String } } call
                    when StringCallParts(call) is { } callParts:
                    // Not editable: a fix would have to rewrite the call.
                    for (int i = callParts.Count - 1; i >= 0; i--)
                    {
                        pending.Push((callParts[i], localDepth, false));
                    }

                    break;
                case ILocalReferenceOperation reference when localDepth < MaxLocalDepth
                    && SingleValue(reference, cancellationToken) is { } stored:
                    pending.Push((stored.Value, localDepth + 1, editable && stored.ReadOnce));
                    break;
                case IInvocationOperation invocation when FormatOf(invocation) is { } format:
                    anyText |= AddFormatParts(format.Text, format.Arguments, segments);
                    break;
                default:
                    segments.Add(QueryTextSegment.ValueHole(current));
                    break;
            }
        }

        return anyText ? segments.ToImmutable() : default;
    }

    /// <summary>
    /// The arguments of a <c>string.Concat</c> call in order, a <c>params</c> array spread out. Null for the overloads
    /// that take a sequence or a span. (<c>string.Format</c> is read by <see cref="FormatOf"/>.)
    /// </summary>
    private static List<IOperation>? StringCallParts(IInvocationOperation call)
    {
        var parts = new List<IOperation>();
        foreach (IArgumentOperation argument in call.Arguments)
        {
            IOperation value = argument.Value.WalkDownConversions();
            if (argument.ArgumentKind == ArgumentKind.ParamArray || argument.Parameter?.Type is IArrayTypeSymbol)
            {
                if (value is not IArrayCreationOperation { Initializer: { } initializer })
                {
                    return null;
                }

                parts.AddRange(initializer.ElementValues);
            }
            else if (argument.Parameter?.Type.SpecialType is SpecialType.System_String or SpecialType.System_Object)
            {
                parts.Add(argument.Value);
            }
            else
            {
                return null;
            }
        }

        return parts;
    }

    /// <summary>
    /// The value of a local that is written exactly once, by its declaration (<c>var sql = "…";</c>), anywhere in the
    /// body that declares it (lambdas and local functions included); and whether this is its only read.
    /// </summary>
    private static (IOperation Value, bool ReadOnce)? SingleValue(ILocalReferenceOperation reference, CancellationToken cancellationToken)
    {
        ILocalSymbol local = reference.Local;
        if (local.Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        ValueFlow flow = ValueFlow.For(reference, cancellationToken);
        ImmutableArray<ValueWrite> writes = flow.Writes(local);
        if (writes.Length != 1 || writes[0].Kind != WriteKind.Declaration || writes[0].Value is not { } value)
        {
            // Assigned later, or aliased (a ref local or its address could change it).
            return null;
        }

        return (value, flow.Reads(local).Length == 1);
    }

    /// <summary>The text with each hole shown as <c>{…}</c>; for messages and tests.</summary>
    public static string Display(ImmutableArray<QueryTextSegment> segments)
    {
        var builder = new StringBuilder();
        foreach (QueryTextSegment segment in segments)
        {
            builder.Append(segment.Text ?? "{…}");
        }

        return builder.ToString();
    }

    /// <summary>
    /// A constant concatenation is split into its operands only when one of them is a literal written here, so
    /// that the literal can be edited; otherwise it is one text written elsewhere.
    /// </summary>
    private static bool HasMappableLiteral(IBinaryOperation concatenation)
    {
        var pending = new Stack<IOperation>();
        pending.Push(concatenation);
        while (pending.Count > 0)
        {
            IOperation current = pending.Pop().WalkDownConversions();
            switch (current)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    pending.Push(binary.LeftOperand);
                    pending.Push(binary.RightOperand);
                    break;
                case ILiteralOperation or IInterpolatedStringOperation:
                    return true;
            }
        }

        return false;
    }

    private static bool AddInterpolatedParts(IInterpolatedStringOperation interpolated, ImmutableArray<QueryTextSegment>.Builder segments, bool editable)
    {
        bool anyText = false;
        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } } textPart:
                    segments.Add(QueryTextSegment.Literal(text, editable ? LiteralTextMap.ForInterpolatedText(textPart.Syntax, text) : null));
                    anyText |= text.Length > 0;
                    break;
                case IInterpolationOperation { Alignment: null, FormatString: null, Expression.ConstantValue: { HasValue: true, Value: string constant } }:
                    segments.Add(QueryTextSegment.Literal(constant, map: null));
                    anyText |= constant.Length > 0;
                    break;
                case IInterpolationOperation interpolation:
                    segments.Add(QueryTextSegment.ValueHole(interpolation.Expression.WalkDownConversions(), editable ? part.Syntax as InterpolationSyntax : null));
                    break;
                default:
                    segments.Add(QueryTextSegment.InterpolationHole(editable ? part.Syntax as InterpolationSyntax : null));
                    break;
            }
        }

        return anyText;
    }
    /// <summary>
    /// <c>string.Format(format, args…)</c> with a constant format and the arguments written out (not an array passed
    /// as a whole), optionally after an <c>IFormatProvider</c>: the format and the argument of each index.
    /// </summary>
    private static (string Text, ImmutableArray<IOperation> Arguments)? FormatOf(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name != "Format" || !method.IsStatic || method.ContainingType?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        ImmutableArray<IArgumentOperation> arguments = invocation.Arguments;
        int first = arguments.Length > 0 && arguments[0].Parameter?.Type.SpecialType != SpecialType.System_String ? 1 : 0;
        if (arguments.Length <= first || arguments[first].Value.ConstantValue is not { HasValue: true, Value: string format })
        {
            return null;
        }

        var values = ImmutableArray.CreateBuilder<IOperation>();
        for (int i = first + 1; i < arguments.Length; i++)
        {
            IArgumentOperation argument = arguments[i];
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (argument.Value is not IArrayCreationOperation { Initializer: { } initializer })
                {
                    return null;
                }

                foreach (IOperation element in initializer.ElementValues)
                {
                    values.Add(element.WalkDownConversions());
                }
            }
            else if (argument.ArgumentKind == ArgumentKind.Explicit)
            {
                values.Add(argument.Value.WalkDownConversions());
            }
            else
            {
                return null;
            }
        }

        return (format, values.ToImmutable());
    }

    /// <summary>
    /// The pieces of a composite format: <c>{{</c> and <c>}}</c> as braces, each <c>{n}</c> as a hole filled by argument
    /// n (one with alignment or a format string is a hole without a known value). The text is written elsewhere
    /// than the SQL it reads (escaped braces), so it is not editable. A malformed format gives one unknown hole.
    /// </summary>
    private static bool AddFormatParts(string format, ImmutableArray<IOperation> arguments, ImmutableArray<QueryTextSegment>.Builder segments)
    {
        var pieces = new List<QueryTextSegment>();
        var text = new StringBuilder();
        bool anyText = false;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                segments.Add(QueryTextSegment.Hole);
                return false;
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            int close = format.IndexOf('}', i + 1);
            if (close < 0)
            {
                segments.Add(QueryTextSegment.Hole);
                return false;
            }

            if (text.Length > 0)
            {
                pieces.Add(QueryTextSegment.Literal(text.ToString(), map: null));
                anyText = true;
                text.Clear();
            }

            string item = format.Substring(i + 1, close - i - 1);
            bool plain = int.TryParse(item, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index);
            if (!plain || index >= arguments.Length)
            {
                pieces.Add(QueryTextSegment.Hole);
            }
            else if (arguments[index].ConstantValue is { HasValue: true, Value: string constant })
            {
                pieces.Add(QueryTextSegment.Literal(constant, map: null));
                anyText |= constant.Length > 0;
            }
            else
            {
                pieces.Add(QueryTextSegment.ValueHole(arguments[index]));
            }

            i = close;
        }

        if (text.Length > 0)
        {
            pieces.Add(QueryTextSegment.Literal(text.ToString(), map: null));
            anyText = true;
        }

        segments.AddRange(pieces);
        return anyText;
    }
}
