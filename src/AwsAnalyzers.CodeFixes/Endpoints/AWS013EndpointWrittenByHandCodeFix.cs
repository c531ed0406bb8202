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

namespace AwsAnalyzers.Endpoints;

/// <summary>
/// Fixes AWS013 with the <c>RegionEndpoint</c> field of the region: <c>ServiceURL = "https://kinesis.ap-northeast-2.amazonaws.com"</c>
/// becomes <c>RegionEndpoint = RegionEndpoint.APNortheast2</c> (when the host is the config's own service and the
/// region is known), and <c>RegionEndpoint.GetBySystemName("ap-northeast-2")</c> becomes <c>RegionEndpoint.APNortheast2</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS013EndpointWrittenByHandCodeFix)), Shared]
public sealed class AWS013EndpointWrittenByHandCodeFix : DocumentCodeFixProvider
{
    public const string UseFieldEquivalenceKey = "AWS013.UseRegionEndpointField";

    private const string RegionEndpointProperty = "RegionEndpoint";

    public AWS013EndpointWrittenByHandCodeFix()
        : base(AWS013EndpointWrittenByHandAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (Field(diagnostic) is { } field && Target(root, diagnostic) is not null)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS013UseRegionEndpointField, field), UseFieldEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || equivalenceKey != UseFieldEquivalenceKey)
        {
            return document;
        }

        var types = new GeneratedTypeNames(model.Compilation, SyntaxGenerator.GetGenerator(document));
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (Field(diagnostic) is not { } field || Target(root, diagnostic) is not { } target || replacements.ContainsKey(target))
            {
                continue;
            }

            ExpressionSyntax value = types.Annotate(SyntaxFactory.ParseExpression(types.Name(RegionEndpointFields.RegionEndpointName) + "." + field));
            replacements[target] = target switch
            {
                // ServiceURL = "…" (an initializer entry or config.ServiceURL = "…"): the same assignment of RegionEndpoint.
                AssignmentExpressionSyntax assignment => assignment
                    .WithLeft(RenamedTarget(assignment.Left))
                    .WithRight(value.WithTriviaFrom(assignment.Right)),
                _ => value.WithTriviaFrom(target),
            };
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        // A local written once with the region's name, now read by nobody.
        IEnumerable<SyntaxNode> gone = replacements.Keys.Select(target => target is AssignmentExpressionSyntax assignment ? assignment.Right : target);
        IReadOnlyList<SyntaxNode> removals = UnusedLocals.DeclarationsLeftUnused(model, gone, cancellationToken);
        return document.WithSyntaxRoot(SyntaxRemoval.ReplaceAndRemove(root, replacements, removals));
    }

    private static string? Field(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AWS013EndpointWrittenByHandAnalyzer.RegionFieldKey, out string? field) ? field : null;

    /// <summary>
    /// What the fix replaces: the <c>GetBySystemName</c> call, or the whole <c>ServiceURL</c> assignment when its target
    /// is a plain name or member access and, in an initializer, no entry already sets <c>RegionEndpoint</c>.
    /// </summary>
    private static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        SyntaxNode? node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        switch (node)
        {
            case InvocationExpressionSyntax invocation:
                return invocation;
            case ExpressionSyntax value when value.Parent is AssignmentExpressionSyntax { Right: var right } assignment && right == value:
                if (assignment.Left is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
                {
                    return null;
                }

                if (assignment.Parent is InitializerExpressionSyntax initializer
                    && initializer.Expressions.Any(entry => entry is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: RegionEndpointProperty } }))
                {
                    return null;
                }

                return assignment;
            default:
                return null;
        }
    }

    private static ExpressionSyntax RenamedTarget(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax name => SyntaxFactory.IdentifierName(RegionEndpointProperty).WithTriviaFrom(name),
        MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(RegionEndpointProperty).WithTriviaFrom(access.Name)),
        _ => left,
    };
}
