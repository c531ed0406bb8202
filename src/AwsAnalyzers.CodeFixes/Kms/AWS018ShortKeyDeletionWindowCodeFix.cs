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
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Kms;

/// <summary>
/// Fixes AWS018 by removing the waiting period (KMS then waits its default, 30 days) or by writing the configured
/// minimum instead of the short value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS018ShortKeyDeletionWindowCodeFix)), Shared]
public sealed class AWS018ShortKeyDeletionWindowCodeFix : DocumentCodeFixProvider
{
    public const string RemoveEquivalenceKey = "AWS018.RemoveWaitingPeriod";
    public const string UseMinimumEquivalenceKey = "AWS018.UseMinimumWaitingPeriod";

    public AWS018ShortKeyDeletionWindowCodeFix()
        : base(AWS018ShortKeyDeletionWindowAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (Value(root, diagnostic) is not { } value)
        {
            return;
        }

        if (Removal(value, model, context.CancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS018RemoveWaitingPeriod, RemoveEquivalenceKey);
        }

        if (Minimum(diagnostic) is { } minimum)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS018UseMinimumWaitingPeriod, minimum), UseMinimumEquivalenceKey);
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

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        var removals = new HashSet<SyntaxNode>();

        // What disappears from the code: removed statements, entries and arguments, and replaced values.
        var gone = new List<SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (Value(root, diagnostic) is not { } value)
            {
                continue;
            }

            switch (equivalenceKey)
            {
                case RemoveEquivalenceKey when Removal(value, model, cancellationToken) is { } removed:
                    if (removed is ExpressionSyntax entry && SyntaxRemoval.WithoutLastEntry(entry) is { } initializer)
                    {
                        replacements[entry.Parent!] = initializer;
                    }
                    else
                    {
                        removals.Add(removed);
                    }

                    gone.Add(removed);
                    break;
                case UseMinimumEquivalenceKey when Minimum(diagnostic) is { } minimum:
                    replacements[value] = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(minimum))
                        .WithTriviaFrom(value);
                    gone.Add(value);
                    break;
            }
        }

        if (removals.Count == 0 && replacements.Count == 0)
        {
            return document;
        }

        // A `var days = 7;` that only fed the value would be left assigned and never used.
        removals.UnionWith(UnusedLocals.DeclarationsLeftUnused(model, gone, cancellationToken));
        return document.WithSyntaxRoot(SyntaxRemoval.ReplaceAndRemove(root, replacements, removals));
    }

    private static ExpressionSyntax? Value(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;

    private static int? Minimum(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AWS018ShortKeyDeletionWindowAnalyzer.MinimumDaysKey, out string? text)
        && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int days)
            ? days
            : null;

    /// <summary>
    /// What removing the value removes: its entry in an object initializer, its assignment statement, or its argument
    /// when an overload without it exists (<c>ScheduleKeyDeletionAsync(keyId, cancellationToken)</c>); null otherwise.
    /// </summary>
    private static SyntaxNode? Removal(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (value.Parent)
        {
            case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } entry when entry.Right == value:
                return entry;
            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement } assignment
                when assignment.Right == value:
                return statement;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument
                when model.GetOperation(invocation, cancellationToken) is IInvocationOperation call && HasOverloadWithout(call, argument):
                return argument;
            default:
                return null;
        }
    }

    /// <summary>
    /// True when the method has an overload that takes the other written arguments (each positional one at its place,
    /// each named one by its name, with the same types) and leaves nothing else required.
    /// </summary>
    private static bool HasOverloadWithout(IInvocationOperation call, ArgumentSyntax removed)
    {
        var kept = new List<(IParameterSymbol Parameter, bool Named)>();
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Syntax == removed)
            {
                continue;
            }

            if (argument.Parameter is not { } parameter || argument.Syntax is not ArgumentSyntax syntax)
            {
                return false;
            }

            kept.Add((parameter, syntax.NameColon is not null));
        }

        foreach (ISymbol member in call.TargetMethod.ContainingType.GetMembers(call.TargetMethod.Name))
        {
            if (member is IMethodSymbol candidate && !SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, call.TargetMethod.OriginalDefinition)
                && Accepts(candidate, kept))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Accepts(IMethodSymbol candidate, List<(IParameterSymbol Parameter, bool Named)> kept)
    {
        var covered = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        for (int i = 0; i < kept.Count; i++)
        {
            (IParameterSymbol parameter, bool named) = kept[i];
            IParameterSymbol? match = named
                ? candidate.Parameters.FirstOrDefault(p => p.Name == parameter.Name)
                : i < candidate.Parameters.Length ? candidate.Parameters[i] : null;
            if (match is null || !SymbolEqualityComparer.Default.Equals(match.Type, parameter.Type) || !covered.Add(match))
            {
                return false;
            }
        }

        return candidate.Parameters.All(p => covered.Contains(p) || p.IsOptional);
    }
}
