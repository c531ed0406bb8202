using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Core;

/// <summary>Adds property assignments to an object initializer the way the user lays it out.</summary>
internal static class InitializerWriter
{
    /// <summary>
    /// <paramref name="creation"/> with <c>Property = value</c> appended for each entry: into a new initializer
    /// (<c>new T { A = a }</c>) when it has none, one entry per line at the entries' indentation in a multi-line
    /// initializer (keeping a trailing comma when it has one, and the last entry's comments behind its new comma), and
    /// <c>{ A = a, B = b }</c> on one line otherwise.
    /// </summary>
    public static ObjectCreationExpressionSyntax AddAssignments(
        ObjectCreationExpressionSyntax creation, IReadOnlyList<(string Property, ExpressionSyntax Value)> entries)
    {
        InitializerExpressionSyntax? initializer = creation.Initializer;
        if (initializer is null)
        {
            string text = string.Join(", ", entries.Select(w => w.Property + " = " + w.Value));
            var added = (InitializerExpressionSyntax)((ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("new C { " + text + " }")).Initializer!;
            ObjectCreationExpressionSyntax withArguments = creation.ArgumentList is null
                ? creation.WithType(creation.Type.WithTrailingTrivia(SyntaxFactory.Space))
                : creation.WithArgumentList(creation.ArgumentList.WithTrailingTrivia(SyntaxFactory.Space));
            return withArguments.WithInitializer(added.WithTrailingTrivia(creation.GetTrailingTrivia()));
        }

        SeparatedSyntaxList<ExpressionSyntax> expressions = initializer.Expressions;
        bool multiLine = initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (multiLine)
        {
            string entryIndent = expressions.Count > 0 ? SourceLayout.Indentation(expressions[0]) : SourceLayout.Indentation(initializer.CloseBraceToken) + "    ";
            SyntaxTrivia eol = initializer.OpenBraceToken.TrailingTrivia.First(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            bool trailingComma = expressions.Count > 0 && expressions.SeparatorCount == expressions.Count;
            var items = new List<SyntaxNodeOrToken>();
            for (int i = 0; i < expressions.Count; i++)
            {
                if (i < expressions.SeparatorCount)
                {
                    items.Add(expressions[i]);
                    items.Add(expressions.GetSeparator(i));
                }
                else
                {
                    // The last entry's comments and end of line move behind its new comma.
                    items.Add(expressions[i].WithoutTrailingTrivia());
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(expressions[i].GetTrailingTrivia()));
                }
            }

            for (int i = 0; i < entries.Count; i++)
            {
                ExpressionSyntax entry = SyntaxFactory.ParseExpression(entries[i].Property + " = " + entries[i].Value)
                    .WithLeadingTrivia(SyntaxFactory.Whitespace(entryIndent));
                if (i < entries.Count - 1 || trailingComma)
                {
                    items.Add(entry);
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(eol));
                }
                else
                {
                    items.Add(entry.WithTrailingTrivia(eol));
                }
            }

            return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items)));
        }

        var single = new List<SyntaxNodeOrToken>();
        for (int i = 0; i < expressions.Count; i++)
        {
            single.Add(expressions[i].WithoutTrailingTrivia());
            single.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        }

        for (int i = 0; i < entries.Count; i++)
        {
            single.Add(SyntaxFactory.ParseExpression(entries[i].Property + " = " + entries[i].Value));
            if (i < entries.Count - 1)
            {
                single.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            }
        }

        InitializerExpressionSyntax rebuilt = initializer
            .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space))
            .WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(single))
            .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Space));
        return creation.WithInitializer(rebuilt);
    }

    /// <summary>The index of the initializer entry that assigns <paramref name="property"/>, or -1.</summary>
    public static int IndexOfAssignment(SeparatedSyntaxList<ExpressionSyntax> expressions, string property)
    {
        for (int i = 0; i < expressions.Count; i++)
        {
            if (expressions[i] is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } && name.Identifier.ValueText == property)
            {
                return i;
            }
        }

        return -1;
    }
}
