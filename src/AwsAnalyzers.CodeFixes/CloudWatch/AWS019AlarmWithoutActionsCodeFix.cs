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
using Microsoft.CodeAnalysis.Editing;

namespace AwsAnalyzers.CloudWatch;

/// <summary>
/// Fixes AWS019 for an alarm without actions when <c>aws_analyzers.AWS019.default_alarm_action</c> names an ARN: the
/// alarm's creation gets <c>AlarmActions = new List&lt;string&gt; { "&lt;ARN&gt;" }</c>. Without the option there is
/// no fix (only the team knows whom an alarm should notify), and none for disabled actions or a namespace.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS019AlarmWithoutActionsCodeFix)), Shared]
public sealed class AWS019AlarmWithoutActionsCodeFix : DocumentCodeFixProvider
{
    public const string AddDefaultActionEquivalenceKey = "AWS019.AddDefaultAlarmAction";

    private const string AlarmActionsProperty = "AlarmActions";

    public AWS019AlarmWithoutActionsCodeFix()
        : base(AWS019AlarmWithoutActionsAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (DefaultAction(diagnostic) is { } action && Creation(root, diagnostic) is not null)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS019AddAlarmAction, action), AddDefaultActionEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || equivalenceKey != AddDefaultActionEquivalenceKey)
        {
            return document;
        }

        var types = new GeneratedTypeNames(model.Compilation, SyntaxGenerator.GetGenerator(document));
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (DefaultAction(diagnostic) is { } action && Creation(root, diagnostic) is { } creation)
            {
                ExpressionSyntax actions = SyntaxFactory.ParseExpression(
                    "new " + types.ListOfString() + " { " + SyntaxFactory.Literal(action).ToString() + " }");
                replacements[creation] = types.Annotate(ObjectInitializers.WithAssignment(creation, AlarmActionsProperty, actions));
            }
        }

        return replacements.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private static string? DefaultAction(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AWS019AlarmWithoutActionsAnalyzer.DefaultActionProperty, out string? action) ? action : null;

    private static BaseObjectCreationExpressionSyntax? Creation(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as BaseObjectCreationExpressionSyntax;
}
