using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
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
        if (diagnostics.IsEmpty || fixAllContext.CodeActionEquivalenceKey is not { } key)
        {
            return document;
        }

        return await _fixDocument(document, diagnostics, key, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}
