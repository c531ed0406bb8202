using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// Fixes AWS021 in a function configuration by removing the reserved entry: an initializer's <c>{ "TZ", "UTC" }</c> or
/// <c>["TZ"] = "UTC"</c>, or a statement <c>variables.Add("TZ", "UTC");</c> / <c>variables["TZ"] = "UTC";</c>. A
/// variable set in the process has no fix: what replaces it (the client's <c>RegionEndpoint</c>) is a design choice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS021ReservedEnvironmentVariableCodeFix)), Shared]
public sealed class AWS021ReservedEnvironmentVariableCodeFix : DocumentCodeFixProvider
{
    public const string RemoveEntryEquivalenceKey = "AWS021.RemoveReservedVariable";

    public AWS021ReservedEnvironmentVariableCodeFix()
        : base(AWS021ReservedEnvironmentVariableAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (RemovableEntry(root, diagnostic) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS021RemoveReservedVariable, RemoveEntryEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || equivalenceKey != RemoveEntryEquivalenceKey)
        {
            return document;
        }

        var statements = new HashSet<SyntaxNode>();
        var entriesByList = new Dictionary<InitializerExpressionSyntax, HashSet<int>>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            switch (RemovableEntry(root, diagnostic))
            {
                case StatementSyntax statement:
                    statements.Add(statement);
                    break;
                case ExpressionSyntax { Parent: InitializerExpressionSyntax list } entry:
                    if (!entriesByList.TryGetValue(list, out HashSet<int>? indexes))
                    {
                        entriesByList[list] = indexes = new HashSet<int>();
                    }

                    indexes.Add(list.Expressions.IndexOf(entry));
                    break;
            }
        }

        if (statements.Count == 0 && entriesByList.Count == 0)
        {
            return document;
        }

        // Initializer lists are rebuilt in one pass (nested lists included) and the statements marked, then removed.
        var removed = new SyntaxAnnotation();
        SyntaxNode fixedRoot = root.ReplaceNodes(
            statements.Concat(entriesByList.Keys),
            (original, rewritten) => original is InitializerExpressionSyntax list && entriesByList.TryGetValue(list, out HashSet<int>? indexes)
                ? WithoutEntries((InitializerExpressionSyntax)rewritten, indexes)
                : rewritten.WithAdditionalAnnotations(removed));
        fixedRoot = SyntaxRemoval.RemoveKeepingComments(fixedRoot, fixedRoot.GetAnnotatedNodes(removed).ToList());
        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>
    /// The initializer without the entries at <paramref name="indexes"/>: each kept entry keeps the comma after it,
    /// the last keeps none when the list had no trailing comma, and the comments above a removed entry move to what
    /// follows it.
    /// </summary>
    private static InitializerExpressionSyntax WithoutEntries(InitializerExpressionSyntax list, HashSet<int> indexes)
    {
        SeparatedSyntaxList<ExpressionSyntax> entries = list.Expressions;
        var kept = new List<SyntaxNodeOrToken>();
        SyntaxTriviaList comments = SyntaxTriviaList.Empty;
        for (int i = 0; i < entries.Count; i++)
        {
            ExpressionSyntax entry = entries[i];
            if (indexes.Contains(i))
            {
                comments = comments.AddRange(SyntaxRemoval.CommentsAbove(entry));
                continue;
            }

            if (comments.Count > 0)
            {
                entry = entry.WithLeadingTrivia(comments.AddRange(entry.GetLeadingTrivia()));
                comments = SyntaxTriviaList.Empty;
            }

            kept.Add(entry);
            if (i < entries.SeparatorCount)
            {
                kept.Add(entries.GetSeparator(i));
            }
        }

        if (kept.Count > 0 && kept[kept.Count - 1].IsToken && entries.SeparatorCount < entries.Count)
        {
            // The original list ended without a comma: so does the new one, with the comma's line break kept.
            SyntaxToken comma = kept[kept.Count - 1].AsToken();
            kept.RemoveAt(kept.Count - 1);
            SyntaxNode last = kept[kept.Count - 1].AsNode()!;
            kept[kept.Count - 1] = last.WithTrailingTrivia(last.GetTrailingTrivia().AddRange(comma.TrailingTrivia));
        }

        SyntaxToken close = list.CloseBraceToken;
        if (comments.Count > 0)
        {
            close = close.WithLeadingTrivia(comments.AddRange(close.LeadingTrivia));
        }

        // An empty `{ }` after `new T` reads as an object initializer, whatever it held before.
        SyntaxKind kind = kept.Count == 0 && list.IsKind(SyntaxKind.CollectionInitializerExpression) && list.Parent is BaseObjectCreationExpressionSyntax
            ? SyntaxKind.ObjectInitializerExpression
            : list.Kind();
        return SyntaxFactory.InitializerExpression(kind, list.OpenBraceToken, SyntaxFactory.SeparatedList<ExpressionSyntax>(kept), close);
    }

    /// <summary>The initializer entry or statement that holds the reserved key, when removing it leaves valid code.</summary>
    private static SyntaxNode? RemovableEntry(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(AWS021ReservedEnvironmentVariableAnalyzer.ConfigurationEntryProperty))
        {
            return null;
        }

        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        switch (node)
        {
            case InitializerExpressionSyntax { Parent: InitializerExpressionSyntax } element:
                return element;
            case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax, Parent: InitializerExpressionSyntax } element:
                return element;
            case InvocationExpressionSyntax or AssignmentExpressionSyntax
                when node.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement:
                return statement;
            default:
                return null;
        }
    }
}
