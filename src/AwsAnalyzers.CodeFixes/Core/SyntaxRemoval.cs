using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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

            current = current.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        }

        return current;
    }

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
