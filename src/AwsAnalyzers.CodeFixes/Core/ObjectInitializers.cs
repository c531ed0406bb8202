using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Core;

/// <summary>Writes a property into an object creation's initializer, in the layout the initializer already has.</summary>
internal static class ObjectInitializers
{
    /// <summary>
    /// The creation with <c>member = value</c> added at the end of its initializer: on a line of its own in a multi-line
    /// initializer (with a trailing comma when the others have one), after a comma on a single line, or in a new
    /// <c>{ … }</c> when the creation has no initializer.
    /// </summary>
    public static BaseObjectCreationExpressionSyntax WithAssignment(BaseObjectCreationExpressionSyntax creation, string member, ExpressionSyntax value)
    {
        AssignmentExpressionSyntax assignment = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(member).WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
            value.WithoutTrivia());
        if (creation.Initializer is not { } initializer)
        {
            SyntaxNode last = creation.ChildNodes().Last();
            InitializerExpressionSyntax added = SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment.WithTrailingTrivia(SyntaxFactory.Space)),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(creation.GetTrailingTrivia()));
            return creation.ReplaceNode(last, last.WithoutTrailingTrivia()).WithInitializer(added);
        }

        SeparatedSyntaxList<ExpressionSyntax> entries = initializer.Expressions;
        if (entries.Count == 0)
        {
            return creation.WithInitializer(initializer.WithExpressions(
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)))
                .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia()));
        }

        var items = new List<SyntaxNodeOrToken>(entries.GetWithSeparators());
        ExpressionSyntax lastEntry = entries[entries.Count - 1];
        if (entries.SeparatorCount == entries.Count)
        {
            // A trailing comma: the new entry goes after it, laid out like the last one, with a comma of its own.
            SyntaxToken comma = entries.GetSeparator(entries.SeparatorCount - 1);
            items.Add(assignment.WithLeadingTrivia(lastEntry.GetLeadingTrivia()));
            items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(comma.TrailingTrivia));
        }
        else
        {
            SyntaxTriviaList after = lastEntry.GetTrailingTrivia();
            items[items.Count - 1] = lastEntry.WithoutTrailingTrivia();
            items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(after));
            items.Add(assignment.WithLeadingTrivia(lastEntry.GetLeadingTrivia()).WithTrailingTrivia(after));
        }

        return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items)));
    }
}
