using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Core;

/// <summary>
/// Names for the locals and fields a fix adds: the wanted name, else it followed by 2, 3, … Never a name that an
/// identifier of the enclosing member (or type, for a field) uses, that a symbol in scope has, or that this fix handed
/// out before. Hand names out in source order, so that fixing one diagnostic at a time (where each fix sees the names
/// the earlier ones wrote) and fixing all at once give the same code.
/// </summary>
internal sealed class NameAllocator
{
    private readonly SemanticModel _model;
    private readonly Dictionary<SyntaxNode, HashSet<string>> _taken = new();

    public NameAllocator(SemanticModel model) => _model = model;

    /// <summary>
    /// A name for a local declared at <paramref name="statement"/>, free in its whole member: a local of that name
    /// declared later in an enclosing block would clash too.
    /// </summary>
    public string Local(SyntaxNode statement, string name)
    {
        SyntaxNode scope = statement.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
            ?? statement.SyntaxTree.GetRoot();
        return Allocate(scope, statement.SpanStart, name);
    }

    /// <summary>A name for a new member of <paramref name="type"/>.</summary>
    public string Member(TypeDeclarationSyntax type, string name) => Allocate(type, type.OpenBraceToken.Span.End, name);

    private string Allocate(SyntaxNode scope, int position, string name)
    {
        if (!_taken.TryGetValue(scope, out HashSet<string>? taken))
        {
            taken = new HashSet<string>(
                scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText),
                StringComparer.Ordinal);
            _taken.Add(scope, taken);
        }

        string candidate = name;
        for (int suffix = 2; taken.Contains(candidate) || !_model.LookupSymbols(position, name: candidate).IsEmpty; suffix++)
        {
            candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        taken.Add(candidate);
        return candidate;
    }
}
