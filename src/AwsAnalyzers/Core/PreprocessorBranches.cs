using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Core;

/// <summary>What the <c>#if</c> branches around a piece of code say about when it is compiled.</summary>
internal static class PreprocessorBranches
{
    /// <summary>
    /// True when <paramref name="node"/> sits in an <c>#if</c>, <c>#elif</c> or <c>#else</c> branch that is compiled
    /// only when <c>DEBUG</c> is defined: <c>#if DEBUG</c>, <c>#if DEBUG &amp;&amp; X</c>, or the <c>#else</c> of
    /// <c>#if !DEBUG</c>. The file's directives are walked once (each step to the next directive reads the tokens
    /// between), and its DEBUG-only stretches kept for every later question.
    /// </summary>
    public static bool IsDebugOnly(SyntaxNode node, CancellationToken cancellationToken)
    {
        SyntaxNode root = node.SyntaxTree.GetRoot(cancellationToken);
        if (!root.ContainsDirectives)
        {
            return false;
        }

        if (!s_debugOnlyStretches.TryGetValue(root, out DebugOnlyStretches? stretches))
        {
            stretches = s_debugOnlyStretches.GetValue(root, r => new DebugOnlyStretches(Read(r, cancellationToken)));
        }

        int position = node.SpanStart;
        foreach ((int from, int to) in stretches.Ranges)
        {
            if (position > from && position <= to)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly ConditionalWeakTable<SyntaxNode, DebugOnlyStretches> s_debugOnlyStretches = new();

    private sealed class DebugOnlyStretches
    {
        public DebugOnlyStretches(List<(int From, int To)> ranges) => Ranges = ranges;

        /// <summary>The positions after <c>From</c> up to <c>To</c> (both directive starts) that only a DEBUG build compiles.</summary>
        public List<(int From, int To)> Ranges { get; }
    }

    /// <summary>The stretches between one directive and the next that need DEBUG, read in one walk of the directives.</summary>
    private static List<(int From, int To)> Read(SyntaxNode root, CancellationToken cancellationToken)
    {
        var ranges = new List<(int From, int To)>();

        // Per open #if: whether the current branch needs DEBUG, and whether an earlier branch holds whenever DEBUG is
        // not defined (so every later branch needs DEBUG).
        var open = new Stack<(bool NeedsDebug, bool EarlierHoldsWithoutDebug)>();
        for (DirectiveTriviaSyntax? directive = root.GetFirstDirective(); directive is not null;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (directive)
            {
                case IfDirectiveTriviaSyntax ifDirective:
                    open.Push((NeedsDebug(ifDirective.Condition), HoldsWithoutDebug(ifDirective.Condition)));
                    break;
                case ElifDirectiveTriviaSyntax elif when open.Count > 0:
                    (_, bool earlier) = open.Pop();
                    open.Push((earlier || NeedsDebug(elif.Condition), earlier || HoldsWithoutDebug(elif.Condition)));
                    break;
                case ElseDirectiveTriviaSyntax when open.Count > 0:
                    (_, bool before) = open.Pop();
                    open.Push((before, before));
                    break;
                case EndIfDirectiveTriviaSyntax when open.Count > 0:
                    open.Pop();
                    break;
            }

            // A node is in this stretch when this directive starts before it and the next one does not.
            DirectiveTriviaSyntax? next = directive.GetNextDirective();
            if (AnyNeedsDebug(open))
            {
                ranges.Add((directive.SpanStart, next?.SpanStart ?? int.MaxValue));
            }

            directive = next;
        }

        return ranges;
    }

    private static bool AnyNeedsDebug(Stack<(bool NeedsDebug, bool EarlierHoldsWithoutDebug)> open)
    {
        foreach ((bool needsDebug, _) in open)
        {
            if (needsDebug)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The condition is true only when DEBUG is defined: <c>DEBUG</c>, or a conjunction with it.</summary>
    private static bool NeedsDebug(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == "DEBUG",
        ParenthesizedExpressionSyntax parenthesized => NeedsDebug(parenthesized.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) => NeedsDebug(binary.Left) || NeedsDebug(binary.Right),
        _ => false,
    };

    /// <summary>The condition is true whenever DEBUG is not defined: <c>!DEBUG</c>, or a disjunction with it.</summary>
    private static bool HoldsWithoutDebug(ExpressionSyntax condition) => condition switch
    {
        PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression) => NeedsDebug(not.Operand),
        ParenthesizedExpressionSyntax parenthesized => HoldsWithoutDebug(parenthesized.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression) => HoldsWithoutDebug(binary.Left) || HoldsWithoutDebug(binary.Right),
        _ => false,
    };
}
