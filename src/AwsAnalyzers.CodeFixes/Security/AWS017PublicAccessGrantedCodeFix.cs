using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Security;

/// <summary>
/// Fixes AWS017's public canned ACLs by removing the assignment: the object or bucket then gets the private default,
/// which is also all that a bucket with ACLs disabled (the default since April 2023) accepts. Grants and policies are
/// not rewritten: who should have access is not in the code.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS017PublicAccessGrantedCodeFix)), Shared]
public sealed class AWS017PublicAccessGrantedCodeFix : DocumentCodeFixProvider
{
    public const string RemoveAclEquivalenceKey = "AWS017.RemovePublicAcl";

    public AWS017PublicAccessGrantedCodeFix()
        : base(AWS017PublicAccessGrantedAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (RemovableAssignment(root, diagnostic) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS017RemovePublicAcl, RemoveAclEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || equivalenceKey != RemoveAclEquivalenceKey)
        {
            return document;
        }

        var removals = new List<SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (RemovableAssignment(root, diagnostic) is { } assignment)
            {
                removals.Add(SyntaxRemoval.RemovableAssignmentNode(assignment));
            }
        }

        return removals.Count == 0 ? document : document.WithSyntaxRoot(SyntaxRemoval.RemoveKeepingComments(root, removals));
    }

    /// <summary>The assignment of the public ACL the diagnostic sits on, when the analyzer said it can go and the syntax lets it.</summary>
    private static AssignmentExpressionSyntax? RemovableAssignment(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(AWS017PublicAccessGrantedAnalyzer.RemovableKey))
        {
            return null;
        }

        SyntaxNode value = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return value.Parent is AssignmentExpressionSyntax assignment && assignment.Right == value && SyntaxRemoval.CanRemoveAssignment(assignment)
            ? assignment
            : null;
    }
}
