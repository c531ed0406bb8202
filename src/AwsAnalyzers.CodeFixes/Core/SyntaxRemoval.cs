using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Core;

/// <summary>Removes statements or list entries while keeping the comments written above them.</summary>
internal static class SyntaxRemoval
{
    public static TRoot RemoveKeepingComments<TRoot>(TRoot root, IEnumerable<SyntaxNode> nodes)
        where TRoot : SyntaxNode
    {
        var annotation = new SyntaxAnnotation();
        TRoot current = root.ReplaceNodes(nodes, (_, node) => node.WithAdditionalAnnotations(annotation));
        while (current.GetAnnotatedNodes(annotation).FirstOrDefault() is { } node)
        {
            SyntaxTriviaList kept = CommentsAbove(node);
            if (kept.Count > 0 && FollowingToken(node) is { } next && !next.IsKind(SyntaxKind.None))
            {
                current = current.ReplaceToken(next, next.WithLeadingTrivia(kept.AddRange(next.LeadingTrivia)));
                node = current.GetAnnotatedNodes(annotation).First();
            }

            // The last entry of a list takes the comma before it: its own trailing trivia keeps the space or line
            // break before the closing brace (`{ A = a }`, not `{ A = a}`).
            SyntaxRemoveOptions options = IsLastListEntry(node)
                ? SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.KeepTrailingTrivia
                : SyntaxRemoveOptions.KeepUnbalancedDirectives;
            current = current.RemoveNode(node, options)!;
        }

        return current;
    }

    /// <summary>
    /// True when an assignment can be removed on its own: a member of an object initializer, or an expression statement
    /// in a block or switch section (elsewhere, such as an embedded statement of an <c>if</c>, removing it breaks the code).
    /// </summary>
    public static bool CanRemoveAssignment(AssignmentExpressionSyntax assignment) =>
        assignment.Parent is InitializerExpressionSyntax or ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax };

    /// <summary>What removing the assignment removes: its statement, or the initializer member itself.</summary>
    public static SyntaxNode RemovableAssignmentNode(AssignmentExpressionSyntax assignment) =>
        assignment.Parent is ExpressionStatementSyntax statement ? statement : assignment;

    private static bool IsLastListEntry(SyntaxNode node) =>
        node.Parent is InitializerExpressionSyntax or BaseArgumentListSyntax
        && node.GetLastToken().GetNextToken() is var next && !next.IsKind(SyntaxKind.CommaToken)
        && node.GetFirstToken().GetPreviousToken().IsKind(SyntaxKind.CommaToken);

    /// <summary>The node's leading trivia without the indentation of its own line, when it holds a comment or directive.</summary>
    public static SyntaxTriviaList CommentsAbove(SyntaxNode node)
    {
        SyntaxTriviaList leading = node.GetLeadingTrivia();
        if (!leading.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia) || t.IsDirective))
        {
            return SyntaxTriviaList.Empty;
        }

        int end = leading.Count;
        while (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            end--;
        }

        return SyntaxFactory.TriviaList(leading.Take(end));
    }

    /// <summary>The token after the node, past the separator that a list entry's removal takes with it.</summary>
    private static SyntaxToken? FollowingToken(SyntaxNode node)
    {
        SyntaxToken next = node.GetLastToken().GetNextToken();
        if (next.IsKind(SyntaxKind.CommaToken) && next.Parent == node.Parent)
        {
            next = next.GetNextToken();
        }

        return next;
    }
}
