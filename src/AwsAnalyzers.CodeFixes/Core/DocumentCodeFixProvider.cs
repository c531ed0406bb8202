using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AwsAnalyzers.Core;

/// <summary>
/// A code fix whose every kind of fix (named by its equivalence key) rewrites one document for a set of its
/// diagnostics. A single fix and Fix All then run the same code, so fixing one diagnostic at a time and all at once
/// give the same result.
/// </summary>
public abstract class DocumentCodeFixProvider : CodeFixProvider
{
    private protected DocumentCodeFixProvider(string diagnosticId) => FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public sealed override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(FixDocumentAsync);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is not null && model is not null)
        {
            RegisterFixes(context, context.Diagnostics[0], root, model);
        }
    }

    /// <summary>Offers, through <see cref="RegisterFix"/>, each fix that applies to <paramref name="diagnostic"/>.</summary>
    private protected abstract void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model);

    /// <summary>Applies the fix named by <paramref name="equivalenceKey"/> to every diagnostic of the document it applies to.</summary>
    private protected abstract Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken);

    /// <summary>Offers the fix named by <paramref name="equivalenceKey"/> for <paramref name="diagnostic"/>.</summary>
    private protected void RegisterFix(CodeFixContext context, Diagnostic diagnostic, string title, string equivalenceKey) =>
        context.RegisterCodeFix(
            CodeAction.Create(
                title,
                ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), equivalenceKey, ct),
                equivalenceKey),
            diagnostic);
}
