using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Core;

/// <summary>The line ending and indentation of the user's file, so generated statements look hand-written.</summary>
internal static class SourceLayout
{
    /// <summary>The node's own line ending, else the file's first, else CRLF.</summary>
    public static string EndOfLine(SyntaxNode node)
    {
        SyntaxTrivia endOfLine = node.GetTrailingTrivia().Concat(node.SyntaxTree.GetRoot().DescendantTrivia())
            .FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return endOfLine.IsKind(SyntaxKind.None) ? "\r\n" : endOfLine.ToFullString();
    }

    /// <summary>The whitespace before the node on its own line.</summary>
    public static string Indentation(SyntaxNode node) => Indentation(node.GetFirstToken());

    /// <summary>The whitespace before the token on its own line.</summary>
    public static string Indentation(SyntaxToken token)
    {
        SyntaxTriviaList leading = token.LeadingTrivia;
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? leading[leading.Count - 1].ToFullString()
            : string.Empty;
    }

    /// <summary>One level of indentation, as the statement is indented within its enclosing block, else four spaces.</summary>
    public static string IndentationUnit(StatementSyntax statement, string indent)
    {
        SyntaxNode? block = statement.Parent;
        string outer = block switch
        {
            BlockSyntax { OpenBraceToken: var brace } => Indentation(brace),
            SwitchSectionSyntax section => Indentation(section),
            _ => string.Empty,
        };
        return indent.Length > outer.Length && indent.StartsWith(outer, StringComparison.Ordinal) ? indent.Substring(outer.Length) : "    ";
    }
}
