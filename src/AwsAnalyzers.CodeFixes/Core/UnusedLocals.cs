using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Core;

/// <summary>
/// The declarations a removal leaves without a use: a local whose every mention sits in code being removed is removed
/// too (its declaration statement), and so, in turn, are the locals only its initializer used. Left behind they raise
/// "assigned but never used" (CS0219) or keep a value (a secret, a client) the fix meant to take out.
/// </summary>
internal static class UnusedLocals
{
    /// <summary>
    /// The declaration statements to remove with <paramref name="removed"/> (nodes of the tree <paramref name="model"/>
    /// is for). Only plain single-variable declarations in a block, a switch section or at top level are removed.
    /// </summary>
    public static IReadOnlyList<SyntaxNode> DeclarationsLeftUnused(
        SemanticModel model, IEnumerable<SyntaxNode> removed, CancellationToken cancellationToken)
    {
        var gone = new List<SyntaxNode>(removed);
        var declarations = new List<SyntaxNode>();
        var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        for (int next = 0; next < gone.Count; next++)
        {
            foreach (IdentifierNameSyntax name in gone[next].DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(name, cancellationToken).Symbol is not ILocalSymbol local
                    || !seen.Add(local)
                    || Declaration(local, cancellationToken) is not { } declaration
                    || !EveryMentionIsIn(local, declaration, gone, model, cancellationToken))
                {
                    continue;
                }

                SyntaxNode statement = declaration.Parent is GlobalStatementSyntax global ? global : declaration;
                declarations.Add(statement);
                gone.Add(statement);
            }
        }

        return declarations;
    }

    private static LocalDeclarationStatementSyntax? Declaration(ILocalSymbol local, CancellationToken cancellationToken) =>
        local.DeclaringSyntaxReferences.Length == 1
        && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax
        {
            Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration },
        }
        && declaration.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax
        && !declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)
            ? declaration
            : null;

    /// <summary>True when every mention of the local past its declaration lies inside one of the removed nodes.</summary>
    private static bool EveryMentionIsIn(
        ILocalSymbol local, LocalDeclarationStatementSyntax declaration, List<SyntaxNode> gone, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode scope = declaration.Parent is GlobalStatementSyntax global ? global.Parent! : declaration.Parent!;
        foreach (IdentifierNameSyntax mention in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (mention.Identifier.ValueText != local.Name
                || declaration.Span.Contains(mention.Span)
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(mention, cancellationToken).Symbol, local))
            {
                continue;
            }

            bool inRemoved = false;
            foreach (SyntaxNode node in gone)
            {
                if (node.Span.Contains(mention.Span))
                {
                    inRemoved = true;
                    break;
                }
            }

            if (!inRemoved)
            {
                return false;
            }
        }

        return true;
    }
}
