using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Athena.Sql;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Athena;

/// <summary>
/// Fixes AWS012 for a string interpolated as a whole literal, <c>'{x}'</c>: the literal becomes <c>?</c> and the value
/// joins the request's parameters at its position among the other <c>?</c>. Athena takes the value as SQL literal text,
/// so it is quoted and its quotes doubled; PartiQL takes an <c>AttributeValue</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS012ValueSplicedIntoStatementCodeFix)), Shared]
public sealed class AWS012ValueSplicedIntoStatementCodeFix : DocumentCodeFixProvider
{
    public const string EquivalenceKey = "AWS012.BindAsParameter";

    private const string AttributeValue = "Amazon.DynamoDBv2.Model.AttributeValue";

    public AWS012ValueSplicedIntoStatementCodeFix()
        : base(AWS012ValueSplicedIntoStatementAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (PlanAll(root, model, ImmutableArray.Create(diagnostic), context.CancellationToken).Count == 1)
        {
            string value = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).ToString();
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS012BindAsParameter, value), EquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (equivalenceKey != EquivalenceKey || root is null || model is null)
        {
            return document;
        }

        List<StatementFix> fixes = PlanAll(root, model, diagnostics, cancellationToken);
        if (fixes.Count == 0)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = new GeneratedTypeNames(editor.SemanticModel.Compilation, editor.Generator);
        foreach (StatementFix fix in fixes)
        {
            editor.ReplaceNode(fix.Literal, fix.NewLiteral);
            string listType = fix.Service == AWS012ValueSplicedIntoStatementAnalyzer.PartiQlService ? types.ListOf(AttributeValue) : types.ListOfString();
            string attributeValue = types.Name(AttributeValue);
            fix.Binding.Apply(editor, fix.Values.Select(v => (v.Index, ParameterValue(fix.Service, v.Expression, attributeValue))).ToList(), listType, types);
        }

        return editor.GetChangedDocument();
    }

    /// <summary>
    /// The value as the service binds it. Athena: SQL literal text, quoted, its quotes doubled, and <c>''</c> for null as
    /// the interpolation gave. PartiQL: a string attribute, empty for null as the interpolation gave.
    /// </summary>
    private static string ParameterValue(string service, ExpressionSyntax value, string attributeValue)
    {
        string expression = value.WithoutTrivia().ToString();
        if (value is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ThisExpressionSyntax))
        {
            expression = "(" + expression + ")";
        }

        return service == AWS012ValueSplicedIntoStatementAnalyzer.PartiQlService
            ? "new " + attributeValue + " { S = " + expression + " ?? \"\" }"
            : "\"'\" + " + expression + "?.Replace(\"'\", \"''\") + \"'\"";
    }

    /// <summary>One fix per statement assignment that holds at least one of the diagnostics, or none where one cannot be fixed.</summary>
    private static List<StatementFix> PlanAll(SyntaxNode root, SemanticModel model, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var byAssignment = new Dictionary<AssignmentExpressionSyntax, (string Service, List<TextSpan> Spans)>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(AWS012ValueSplicedIntoStatementAnalyzer.ServiceProperty, out string? service) || service is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment
                || !assignment.Right.Span.Contains(diagnostic.Location.SourceSpan))
            {
                continue;
            }

            if (!byAssignment.TryGetValue(assignment, out var entry))
            {
                byAssignment[assignment] = entry = (service, new List<TextSpan>());
            }

            entry.Spans.Add(new TextSpan(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        }

        var fixes = new List<StatementFix>();
        foreach (KeyValuePair<AssignmentExpressionSyntax, (string Service, List<TextSpan> Spans)> entry in byAssignment)
        {
            if (Plan(model, entry.Key, entry.Value.Service, entry.Value.Spans, cancellationToken) is { } fix)
            {
                fixes.Add(fix);
            }
        }

        return fixes;
    }

    private static StatementFix? Plan(SemanticModel model, AssignmentExpressionSyntax assignment, string service, List<TextSpan> spans, CancellationToken cancellationToken)
    {
        if (model.GetOperation(assignment.Right, cancellationToken) is not { } value)
        {
            return null;
        }

        ImmutableArray<SplicedValue> spliced = AWS012ValueSplicedIntoStatementAnalyzer.FindSplicedValues(value, cancellationToken);
        var chosen = spliced.Where(s => spans.Contains(s.Value.Syntax.Span)).OrderBy(s => s.Hole.Offset).ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        SqlStatement statement = chosen[0].Statement;
        InterpolatedStringExpressionSyntax? literal = null;
        var edits = new List<(int Start, int End, string Text)>();
        var values = new List<(int Index, ExpressionSyntax Expression)>();
        foreach (SplicedValue item in chosen)
        {
            // A value that cannot be bound stays where it is; the others still take their places among the ?.
            if (!CanBind(item, service, statement)
                || item.Segments[item.Hole.PartIndex].Interpolation is not { Parent: InterpolatedStringExpressionSyntax owner } interpolation
                || (literal is not null && literal != owner)
                || !assignment.Right.Span.Contains(owner.Span)
                || item.Value.Syntax is not ExpressionSyntax expression
                || !IsStable(item.Value))
            {
                continue;
            }

            // The quotes around the interpolation are the literal's own: plain characters right beside its braces.
            string text = owner.ToString();
            int open = interpolation.SpanStart - 1 - owner.SpanStart;
            int close = interpolation.Span.End - owner.SpanStart;
            if (open < 1 || close >= text.Length || text[open] != '\'' || text[close] != '\'' || text[open - 1] == '\\')
            {
                continue;
            }

            literal = owner;
            edits.Add((interpolation.SpanStart - 1, interpolation.Span.End + 1, "?"));
            values.Add((statement.CountParametersBefore(item.Hole.Offset) + values.Count, expression));
        }

        string property = service == AWS012ValueSplicedIntoStatementAnalyzer.PartiQlService
            ? "Parameters"
            : AWS004MissingPartitionPredicateAnalyzer.ExecutionParametersProperty;
        if (literal is null
            || QueryTextEdits.Rewrite(literal, edits) is not { } rewritten
            || AWS004MissingPartitionPredicateCodeFix.ParameterBinding.Find(assignment, statement.ParameterCount, property) is not { } binding)
        {
            return null;
        }

        return new StatementFix(service, literal, rewritten, binding, values);
    }

    /// <summary>
    /// Athena takes <c>?</c> only in the WHERE of SELECT, INSERT INTO … SELECT, CTAS and UNLOAD; PartiQL wherever a
    /// value goes. The value must be a string: an <c>object</c> is formatted by the interpolation in ways a parameter
    /// would not repeat.
    /// </summary>
    private static bool CanBind(SplicedValue item, string service, SqlStatement statement)
    {
        if (!item.Hole.IsWholeStringLiteral || item.Value.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        return service == AWS012ValueSplicedIntoStatementAnalyzer.PartiQlService
            || (item.Hole.WhereOf is not null && statement.Kind is SqlStatementKind.Select or SqlStatementKind.InsertSelect
                or SqlStatementKind.CreateTableAsSelect or SqlStatementKind.Unload);
    }

    /// <summary>
    /// A value read again in the parameter list reads the same as in the text: a local, parameter, field or property
    /// (through <c>this</c> or other such members), or a string method called on one.
    /// </summary>
    private static bool IsStable(IOperation value)
    {
        for (IOperation? current = value; current is not null;)
        {
            switch (current)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation:
                    return true;
                case IFieldReferenceOperation field:
                    if (field.Instance is null)
                    {
                        return true;
                    }

                    current = field.Instance;
                    break;
                case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                    if (property.Instance is null)
                    {
                        return true;
                    }

                    current = property.Instance;
                    break;
                case IInvocationOperation { Instance: { } instance } invocation
                    when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                    foreach (IArgumentOperation argument in invocation.Arguments)
                    {
                        if (!argument.Value.ConstantValue.HasValue)
                        {
                            return false;
                        }
                    }

                    current = instance;
                    break;
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>What fixing the spliced values of one statement changes.</summary>
    private sealed class StatementFix
    {
        public StatementFix(
            string service,
            InterpolatedStringExpressionSyntax literal,
            ExpressionSyntax newLiteral,
            AWS004MissingPartitionPredicateCodeFix.ParameterBinding binding,
            List<(int Index, ExpressionSyntax Expression)> values)
        {
            Service = service;
            Literal = literal;
            NewLiteral = newLiteral;
            Binding = binding;
            Values = values;
        }

        public string Service { get; }

        public InterpolatedStringExpressionSyntax Literal { get; }

        public ExpressionSyntax NewLiteral { get; }

        public AWS004MissingPartitionPredicateCodeFix.ParameterBinding Binding { get; }

        public List<(int Index, ExpressionSyntax Expression)> Values { get; }
    }
}
