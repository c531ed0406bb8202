using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AwsAnalyzers.Core;

/// <summary>
/// Fixes all diagnostics of one document in a single edit. Our fixes add usings, fields and locals that several
/// diagnostics in a file share, which the batch fixer would duplicate or drop as conflicting text changes.
/// </summary>
internal sealed class DocumentFixAllProvider : DocumentBasedFixAllProvider
{
    public delegate Task<Document> FixDocument(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken);

    private readonly FixDocument _fixDocument;

    public DocumentFixAllProvider(FixDocument fixDocument) => _fixDocument = fixDocument;

    protected override string GetFixAllTitle(FixAllContext fixAllContext) =>
        fixAllContext.CodeActionEquivalenceKey ?? base.GetFixAllTitle(fixAllContext);

    protected override async Task<Document?> FixAllAsync(
        FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (diagnostics.IsEmpty)
        {
            return document;
        }

        string? key = fixAllContext.CodeActionEquivalenceKey
            ?? await FirstOfferedKeyAsync(fixAllContext.CodeFixProvider, document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
        return key is null ? document : await _fixDocument(document, diagnostics, key, fixAllContext.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The IDE always names the fix to apply everywhere. `dotnet format` names the first fix offered for the first
    /// diagnostic it meets, and none when that diagnostic's shape has no fix; without this it would then fix nothing
    /// at all for the rule. The first fix offered in this document stands in, and a later run handles the rest.
    /// </summary>
    private static async Task<string?> FirstOfferedKeyAsync(
        CodeFixProvider provider, Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (Diagnostic diagnostic in diagnostics)
        {
            var offered = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => offered.Add(action), cancellationToken))
                .ConfigureAwait(false);
            foreach (CodeAction action in offered)
            {
                if (action.EquivalenceKey is { } key)
                {
                    return key;
                }
            }
        }

        return null;
    }
}
