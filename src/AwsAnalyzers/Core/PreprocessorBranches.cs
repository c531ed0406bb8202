using System.Collections.Generic;
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
    /// <c>#if !DEBUG</c>. Walks the file's directives up to the node; meant for the rare node about to be reported.
    /// </summary>
    public static bool IsDebugOnly(SyntaxNode node, CancellationToken cancellationToken)
    {
        SyntaxNode root = node.SyntaxTree.GetRoot(cancellationToken);
        if (!root.ContainsDirectives)
        {
            return false;
        }

        // Per open #if: whether the current branch needs DEBUG, and whether an earlier branch holds whenever DEBUG is
        // not defined (so every later branch needs DEBUG).
        var open = new Stack<(bool NeedsDebug, bool EarlierHoldsWithoutDebug)>();
        int position = node.SpanStart;
        for (DirectiveTriviaSyntax? directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < position;
            directive = directive.GetNextDirective())
        {
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
        }

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
