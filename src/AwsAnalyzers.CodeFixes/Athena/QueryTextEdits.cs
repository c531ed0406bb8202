using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AwsAnalyzers.Athena.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Athena;

/// <summary>
/// Replacements of spans of a composed query text, written back into the C# string expressions that spell it: each
/// span must lie in text written in one editable literal (or, for an insertion, right after an interpolation), with
/// nothing escaped inside it. Positions are found as AWS004's fix finds its insertion points.
/// </summary>
internal sealed class QueryTextEdits
{
    private readonly AnalyzedQuery _query;
    private readonly List<(int Start, int End, string Text)> _edits = new();

    public QueryTextEdits(ImmutableArray<QueryTextSegment> segments, SqlStatement statement)
    {
        _query = new AnalyzedQuery(segments, statement, Array.Empty<UnprunedTableRead>(), readsOneTable: false);
    }

    /// <summary>Replaces the composed text from <paramref name="start"/> to <paramref name="end"/> with <paramref name="text"/>.</summary>
    public QueryTextEdits Replace(int start, int end, string text)
    {
        _edits.Add((start, end, text));
        return this;
    }

    public QueryTextEdits Insert(int offset, string text) => Replace(offset, offset, text);

    /// <summary>The rewritten string expressions, or null when one edit cannot be written in place.</summary>
    public Dictionary<ExpressionSyntax, ExpressionSyntax>? Apply()
    {
        SqlSourceText source = _query.Statement.Source;
        var byExpression = new Dictionary<ExpressionSyntax, List<(int Start, int End, string Text)>>();
        foreach ((int start, int end, string text) in _edits)
        {
            if (AWS004MissingPartitionPredicateCodeFix.MapOffset(_query, source, start) is not { } from
                || AWS004MissingPartitionPredicateCodeFix.Escape(text, from.Expression) is not { } escaped)
            {
                return null;
            }

            int to = from.Position;
            if (end > start)
            {
                // The replaced SQL must be written as it reads, in the same expression: no escape sequence inside.
                if (AWS004MissingPartitionPredicateCodeFix.MapOffset(_query, source, end) is not { } mappedEnd
                    || mappedEnd.Expression != from.Expression
                    || mappedEnd.Position - from.Position != end - start
                    || from.Expression.ToString().Substring(from.Position - from.Expression.SpanStart, end - start) != source.Text.Substring(start, end - start))
                {
                    return null;
                }

                to = mappedEnd.Position;
            }

            if (!byExpression.TryGetValue(from.Expression, out var list))
            {
                byExpression[from.Expression] = list = new List<(int, int, string)>();
            }

            list.Add((from.Position, to, escaped));
        }

        var result = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
        foreach (KeyValuePair<ExpressionSyntax, List<(int Start, int End, string Text)>> edits in byExpression)
        {
            if (Rewrite(edits.Key, edits.Value) is not { } rewritten)
            {
                return null;
            }

            result[edits.Key] = rewritten;
        }

        return result;
    }

    /// <summary>
    /// <paramref name="original"/> with document spans replaced (from the end, so earlier positions stay valid), or
    /// null when the edits overlap or the result is no longer an expression of the same kind.
    /// </summary>
    public static ExpressionSyntax? Rewrite(ExpressionSyntax original, IEnumerable<(int Start, int End, string Text)> edits)
    {
        string text = original.ToString();
        int limit = int.MaxValue;
        foreach ((int start, int end, string replacement) in edits.OrderByDescending(e => e.Start))
        {
            if (end > limit || start < original.SpanStart || end > original.Span.End)
            {
                return null;
            }

            text = text.Substring(0, start - original.SpanStart) + replacement + text.Substring(end - original.SpanStart);
            limit = start;
        }

        ExpressionSyntax rewritten = SyntaxFactory.ParseExpression(text);
        return rewritten.ContainsDiagnostics || rewritten.Kind() != original.Kind() || rewritten.FullSpan.Length != text.Length
            ? null
            : rewritten.WithTriviaFrom(original);
    }
}
