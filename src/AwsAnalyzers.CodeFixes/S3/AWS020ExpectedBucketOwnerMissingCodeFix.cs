using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.S3;

/// <summary>
/// Fixes AWS020 by adding <c>ExpectedBucketOwner = &lt;expression&gt;</c> to the request's initializer, with the
/// expression the project configured in <c>aws_analyzers.AWS020.expected_owner_expression</c>. Without it nothing is
/// offered: the owning account is not in the code.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS020ExpectedBucketOwnerMissingCodeFix)), Shared]
public sealed class AWS020ExpectedBucketOwnerMissingCodeFix : DocumentCodeFixProvider
{
    public const string SetOwnerEquivalenceKey = "AWS020.SetExpectedBucketOwner";

    public AWS020ExpectedBucketOwnerMissingCodeFix()
        : base(AWS020ExpectedBucketOwnerMissingAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (Request(root, diagnostic) is not null && Owner(diagnostic) is { } owner)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS020SetExpectedBucketOwner, owner), SetOwnerEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || equivalenceKey != SetOwnerEquivalenceKey)
        {
            return document;
        }

        var owners = new Dictionary<ObjectCreationExpressionSyntax, ExpressionSyntax>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (Request(root, diagnostic) is { } request && Owner(diagnostic) is { } owner)
            {
                owners[request] = SyntaxFactory.ParseExpression(owner);
            }
        }

        if (owners.Count == 0)
        {
            return document;
        }

        // ReplaceNodes rewrites a request nested in another request's initializer first, so both keep their change.
        SyntaxNode fixedRoot = root.ReplaceNodes(
            owners.Keys,
            (original, current) => InitializerWriter.AddAssignments(
                current, new[] { (AWS020ExpectedBucketOwnerMissingAnalyzer.ExpectedBucketOwnerProperty, owners[original]) }));
        return document.WithSyntaxRoot(fixedRoot);
    }

    private static string? Owner(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AWS020ExpectedBucketOwnerMissingAnalyzer.OwnerExpressionKey, out string? owner)
        && !string.IsNullOrWhiteSpace(owner)
            ? owner
            : null;

    /// <summary>The request creation the diagnostic sits on (its <c>new T</c> part).</summary>
    private static ObjectCreationExpressionSyntax? Request(SyntaxNode root, Diagnostic diagnostic)
    {
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        for (SyntaxNode? current = node; current is not null; current = current.Parent)
        {
            if (current is ObjectCreationExpressionSyntax creation)
            {
                return creation.NewKeyword.SpanStart == diagnostic.Location.SourceSpan.Start ? creation : null;
            }
        }

        return null;
    }
}
