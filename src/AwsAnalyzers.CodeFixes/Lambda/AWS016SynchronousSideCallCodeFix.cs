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
using Microsoft.CodeAnalysis.Editing;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// Fixes AWS016: an invoke whose answer the code does not use becomes asynchronous (<c>InvocationType.Event</c>, set
/// where the request sets its invocation type, or added to its initializer).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS016SynchronousSideCallCodeFix)), Shared]
public sealed class AWS016SynchronousSideCallCodeFix : DocumentCodeFixProvider
{
    public const string InvokeAsynchronouslyEquivalenceKey = "AWS016.InvokeAsynchronously";

    private const string InvocationTypeName = "Amazon.Lambda.InvocationType";

    public AWS016SynchronousSideCallCodeFix()
        : base(AWS016SynchronousSideCallAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (diagnostic.Properties.ContainsKey(AWS016SynchronousSideCallAnalyzer.EventInvocationProperty)
            && Edits(root, model, diagnostic, context.CancellationToken) is { Count: > 0 })
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS016InvokeAsynchronously, InvokeAsynchronouslyEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || equivalenceKey != InvokeAsynchronouslyEquivalenceKey)
        {
            return document;
        }

        var types = new GeneratedTypeNames(model.Compilation, SyntaxGenerator.GetGenerator(document));
        ExpressionSyntax eventValue = SyntaxFactory.ParseExpression(types.Name(InvocationTypeName) + ".Event");
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(AWS016SynchronousSideCallAnalyzer.EventInvocationProperty))
            {
                continue;
            }

            foreach (SyntaxNode edit in Edits(root, model, diagnostic, cancellationToken) ?? new List<SyntaxNode>())
            {
                replacements[edit] = edit switch
                {
                    BaseObjectCreationExpressionSyntax creation => types.Annotate(ObjectInitializers.WithAssignment(creation, AWS016SynchronousSideCallAnalyzer.InvocationTypeProperty, eventValue)),
                    _ => types.Annotate(eventValue).WithTriviaFrom(edit),
                };
            }
        }

        return replacements.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    /// <summary>
    /// What the fix rewrites for one invoke: the values assigned to the request's <c>InvocationType</c> (in its
    /// initializer, or to the local that holds it), or, when nothing sets it, the request's creation. Null when the
    /// request is not written in the method.
    /// </summary>
    private static List<SyntaxNode>? Edits(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation)
        {
            return null;
        }

        ExpressionSyntax? request = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        BaseObjectCreationExpressionSyntax? creation = request as BaseObjectCreationExpressionSyntax;
        var edits = new List<SyntaxNode>();
        if (request is IdentifierNameSyntax name && model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local)
        {
            creation = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax
            {
                Initializer.Value: BaseObjectCreationExpressionSyntax created,
            }
                ? created
                : null;
            SyntaxNode? body = invocation.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
            foreach (AssignmentExpressionSyntax assignment in body?.DescendantNodes().OfType<AssignmentExpressionSyntax>() ?? Enumerable.Empty<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: AWS016SynchronousSideCallAnalyzer.InvocationTypeProperty, Expression: IdentifierNameSyntax target }
                    && target.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target, cancellationToken).Symbol, local))
                {
                    edits.Add(assignment.Right);
                }
            }
        }

        if (creation is null)
        {
            return null;
        }

        foreach (ExpressionSyntax member in creation.Initializer?.Expressions ?? default)
        {
            if (member is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: AWS016SynchronousSideCallAnalyzer.InvocationTypeProperty } } assignment)
            {
                edits.Add(assignment.Right);
            }
        }

        if (edits.Count == 0)
        {
            edits.Add(creation);
        }

        return edits;
    }
}
