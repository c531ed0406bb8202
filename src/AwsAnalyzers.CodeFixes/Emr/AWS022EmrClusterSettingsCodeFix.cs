using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AwsAnalyzers.Emr;

/// <summary>
/// Fixes AWS022: a primary or core instance group on Spot gets <c>Market = MarketType.ON_DEMAND</c> and loses its
/// <c>BidPrice</c>; the legacy <c>TERMINATE_JOB_FLOW</c> becomes <c>TERMINATE_CLUSTER</c>. Spark keys and fleets have
/// no fix (see the rule page).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS022EmrClusterSettingsCodeFix)), Shared]
public sealed class AWS022EmrClusterSettingsCodeFix : DocumentCodeFixProvider
{
    public const string UseOnDemandKey = "AWS022.UseOnDemand";
    public const string UseTerminateClusterKey = "AWS022.UseTerminateCluster";

    public AWS022EmrClusterSettingsCodeFix()
        : base(AWS022EmrClusterSettingsAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        switch (Kind(diagnostic))
        {
            case AWS022EmrClusterSettingsAnalyzer.SpotGroupKind when OnDemandEdits(root, diagnostic) is not null:
                RegisterFix(context, diagnostic, CodeFixResources.AWS022UseOnDemand, UseOnDemandKey);
                break;
            case AWS022EmrClusterSettingsAnalyzer.LegacyActionKind when LegacyName(root, diagnostic) is not null:
                RegisterFix(context, diagnostic, CodeFixResources.AWS022UseTerminateCluster, UseTerminateClusterKey);
                break;
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var done = new HashSet<SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            switch (equivalenceKey)
            {
                case UseOnDemandKey when Kind(diagnostic) == AWS022EmrClusterSettingsAnalyzer.SpotGroupKind && OnDemandEdits(root, diagnostic) is { } edits:
                    foreach (ExpressionSyntax market in edits.Markets)
                    {
                        if (done.Add(market))
                        {
                            editor.ReplaceNode(market, OnDemand(market));
                        }
                    }

                    foreach (SyntaxNode bid in edits.Bids)
                    {
                        if (done.Add(bid))
                        {
                            editor.RemoveNode(bid, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                        }
                    }

                    break;
                case UseTerminateClusterKey when Kind(diagnostic) == AWS022EmrClusterSettingsAnalyzer.LegacyActionKind && LegacyName(root, diagnostic) is { } legacy:
                    if (done.Add(legacy))
                    {
                        editor.ReplaceNode(legacy, Renamed(legacy, AWS022EmrClusterSettingsAnalyzer.CurrentAction));
                    }

                    break;
            }
        }

        return done.Count == 0 ? document : editor.GetChangedDocument();
    }

    private static string? Kind(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AWS022EmrClusterSettingsAnalyzer.KindKey, out string? kind) ? kind : null;

    private sealed class Edits
    {
        public List<ExpressionSyntax> Markets { get; } = new();

        /// <summary>The <c>BidPrice</c> writes to remove: initializer elements or whole statements.</summary>
        public List<SyntaxNode> Bids { get; } = new();
    }

    private static Edits? OnDemandEdits(SyntaxNode root, Diagnostic diagnostic)
    {
        IReadOnlyList<Location> locations = diagnostic.AdditionalLocations;
        if (!diagnostic.Properties.TryGetValue(AWS022EmrClusterSettingsAnalyzer.MarketWritesKey, out string? text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int markets)
            || locations.Count < 1 + markets)
        {
            return null;
        }

        var edits = new Edits();
        for (int i = 1; i < locations.Count; i++)
        {
            if (locations[i].SourceTree != root.SyntaxTree)
            {
                return null;
            }

            SyntaxNode node = root.FindNode(locations[i].SourceSpan, getInnermostNodeForTie: true);
            if (i <= markets)
            {
                if (node is not (MemberAccessExpressionSyntax or LiteralExpressionSyntax))
                {
                    return null;
                }

                edits.Markets.Add((ExpressionSyntax)node);
            }
            else if (node is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } element)
            {
                edits.Bids.Add(element);
            }
            else if (node is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement })
            {
                edits.Bids.Add(statement);
            }
            else
            {
                return null;
            }
        }

        return edits;
    }

    /// <summary><c>MarketType.SPOT</c> becomes <c>MarketType.ON_DEMAND</c>, <c>"SPOT"</c> becomes <c>"ON_DEMAND"</c>.</summary>
    private static ExpressionSyntax OnDemand(ExpressionSyntax market) => Renamed(market, "ON_DEMAND");

    private static ExpressionSyntax Renamed(ExpressionSyntax constant, string name) => constant switch
    {
        MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(name).WithTriviaFrom(access.Name)),
        IdentifierNameSyntax identifier => SyntaxFactory.IdentifierName(name).WithTriviaFrom(identifier),
        _ => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(constant),
    };

    /// <summary>The reported <c>ActionOnFailure.TERMINATE_JOB_FLOW</c> (or its string).</summary>
    private static ExpressionSyntax? LegacyName(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) switch
        {
            MemberAccessExpressionSyntax access => access,
            IdentifierNameSyntax { Parent: not MemberAccessExpressionSyntax } identifier => identifier,
            LiteralExpressionSyntax literal => literal,
            _ => null,
        };
}
