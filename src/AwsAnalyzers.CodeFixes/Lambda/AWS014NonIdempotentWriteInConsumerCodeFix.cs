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
using Microsoft.CodeAnalysis.Editing;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// Fixes AWS014 for a string key made anew on each run: the fresh value (<c>Guid.NewGuid().ToString()</c>, an
/// interpolation hole) becomes the record's identity that stays the same on redelivery (<c>record.MessageId</c>,
/// <c>record.Kinesis.SequenceNumber</c>, <c>record.EventID</c>), which the analyzer names when the record is in scope.
/// Relative updates get no fix: the condition that makes them safe depends on what the counter counts.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS014NonIdempotentWriteInConsumerCodeFix)), Shared]
public sealed class AWS014NonIdempotentWriteInConsumerCodeFix : DocumentCodeFixProvider
{
    public const string UseRecordIdentityKey = "AWS014.UseRecordIdentity";

    public AWS014NonIdempotentWriteInConsumerCodeFix()
        : base(AWS014NonIdempotentWriteInConsumerAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (Target(root, diagnostic) is { } target)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS014UseRecordIdentity, target.Identity), UseRecordIdentityKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (equivalenceKey != UseRecordIdentityKey || root is null)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Target(root, diagnostic) is { } target)
            {
                editor.ReplaceNode(target.Expression, SyntaxFactory.ParseExpression(target.Identity).WithTriviaFrom(target.Expression));
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The fresh value to replace: where the diagnostic sits, or its additional location when it sits on the write.</summary>
    private static (ExpressionSyntax Expression, string Identity)? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        Location written = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
        return diagnostic.Properties.TryGetValue(AWS014NonIdempotentWriteInConsumerAnalyzer.IdentityKey, out string? identity) && identity is not null
            && written.SourceTree == root.SyntaxTree
            && root.FindNode(written.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax expression
            && expression.Span == written.SourceSpan
                ? (expression, identity)
                : null;
    }
}
