using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Core;

/// <summary>
/// Adds a <c>using</c> directive only when a fix's new code needs it, for fixes that write type names as text. New
/// code names its types through <see cref="GeneratedTypeNames"/>, whose names the clean-up after the code action
/// imports and simplifies.
/// </summary>
internal static class UsingDirectives
{
    /// <summary>True when <paramref name="typeName"/> (a simple name) binds to <paramref name="fullName"/> at <paramref name="position"/>.</summary>
    public static bool Binds(SemanticModel model, int position, string typeName, string fullName)
    {
        ISymbol? symbol = model.GetSpeculativeSymbolInfo(
            position, SyntaxFactory.ParseTypeName(typeName), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
        return symbol is ITypeSymbol type && type.ToDisplayString() == fullName;
    }

    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> to the file unless it is already there.</summary>
    public static CompilationUnitSyntax Add(CompilationUnitSyntax root, string namespaceName)
    {
        if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName))
        {
            return root;
        }

        SyntaxTrivia endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine.IsKind(SyntaxKind.None))
        {
            endOfLine = SyntaxFactory.CarriageReturnLineFeed;
        }

        UsingDirectiveSyntax directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
            .WithTrailingTrivia(endOfLine);

        if (root.Usings.Count == 0)
        {
            // Keep a file header (comments, #nullable) above the new directive, and a blank line below it.
            SyntaxToken first = root.GetFirstToken(includeZeroWidth: true);
            directive = directive.WithLeadingTrivia(first.LeadingTrivia).WithTrailingTrivia(endOfLine, endOfLine);
            root = root.ReplaceToken(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList()));
            return root.WithUsings(root.Usings.Add(directive));
        }

        int index = 0;
        while (index < root.Usings.Count && Precedes(root.Usings[index], namespaceName))
        {
            index++;
        }

        if (index == 0)
        {
            // The file header lives on the first directive's leading trivia; keep it on top.
            UsingDirectiveSyntax first = root.Usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            root = root.ReplaceNode(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList()));
        }

        return root.WithUsings(root.Usings.Insert(index, directive));
    }

    private static bool Precedes(UsingDirectiveSyntax existing, string namespaceName)
    {
        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name is null)
        {
            return false;
        }

        string name = existing.Name.ToString();
        bool existingIsSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
        bool newIsSystem = namespaceName == "System" || namespaceName.StartsWith("System.", StringComparison.Ordinal);
        if (existingIsSystem != newIsSystem)
        {
            return existingIsSystem;
        }

        return string.CompareOrdinal(name, namespaceName) < 0;
    }
}
