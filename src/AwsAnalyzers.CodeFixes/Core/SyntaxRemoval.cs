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

    /// <summary>
    /// Applies a fix's edits to one tree in one pass: each key of <paramref name="replacements"/> becomes its value, then
    /// <paramref name="removals"/> go as <see cref="RemoveKeepingComments"/> removes them. Nodes are of the original
    /// <paramref name="root"/>; none of the removed nodes may lie inside a replaced one.
    /// </summary>
    public static SyntaxNode ReplaceAndRemove(
        SyntaxNode root, IReadOnlyDictionary<SyntaxNode, SyntaxNode> replacements, IEnumerable<SyntaxNode> removals)
    {
        List<SyntaxNode> removed = removals.ToList();
        SyntaxNode current = root.TrackNodes(replacements.Keys.Concat(removed));
        foreach (KeyValuePair<SyntaxNode, SyntaxNode> replacement in replacements)
        {
            current = current.ReplaceNode(current.GetCurrentNode(replacement.Key)!, replacement.Value);
        }

        return RemoveKeepingComments(current, removed.Select(node => current.GetCurrentNode(node)).OfType<SyntaxNode>().ToList());
    }

    /// <summary>
    /// The object or collection initializer that holds <paramref name="entry"/> as its last entry, not followed by a
    /// comma, rebuilt without it: the comma before it goes and the entry before it takes its trailing trivia, so
    /// <c>{ A = 1, B = 2 }</c> becomes <c>{ A = 1 }</c> rather than <c>{ A = 1}</c>. Null for any other entry, which
    /// <see cref="RemoveKeepingComments"/> removes with the comma after it.
    /// </summary>
    public static InitializerExpressionSyntax? WithoutLastEntry(ExpressionSyntax entry)
    {
        if (entry.Parent is not InitializerExpressionSyntax { Expressions: { Count: > 1 } entries } initializer
            || entries[entries.Count - 1] != entry
            || entries.SeparatorCount == entries.Count)
        {
            return null;
        }

        var kept = new List<SyntaxNodeOrToken>();
        for (int i = 0; i < entries.Count - 1; i++)
        {
            ExpressionSyntax expression = entries[i];
            kept.Add(i == entries.Count - 2 ? expression.WithTrailingTrivia(entry.GetTrailingTrivia()) : expression);
            if (i < entries.Count - 2)
            {
                kept.Add(entries.GetSeparator(i));
            }
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(kept));
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
