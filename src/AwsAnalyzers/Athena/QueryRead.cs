using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using AwsAnalyzers.Athena.Sql;
using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Athena;

/// <summary>
/// The query text of a value and the statement read from it, read once per value for every rule that checks it:
/// AWS004, AWS012 and AWS015 each read the text assigned to the same <c>QueryString</c>.
/// </summary>
/// <remarks>
/// Kept per compilation (the segments hold operations of its semantic models) and keyed by the value's syntax: the
/// text reader walks conversions down, so the value and its implicit conversion read the same.
/// </remarks>
internal sealed class QueryRead
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<SyntaxNode, QueryRead>> s_perCompilation = new();

    private SqlStatement? _statement;

    private QueryRead(ImmutableArray<QueryTextSegment> segments) => Segments = segments;

    /// <summary>The segments of the value's text, or default when no part of it is known at compile time.</summary>
    public ImmutableArray<QueryTextSegment> Segments { get; }

    /// <summary>The statement the text reads as; only for a value whose <see cref="Segments"/> are known.</summary>
    public SqlStatement Statement => _statement ??= SqlParser.Parse(AWS012ValueSplicedIntoStatementAnalyzer.AsParts(Segments));

    public static QueryRead Of(IOperation value, CancellationToken cancellationToken)
    {
        if (value.SemanticModel?.Compilation is not { } compilation)
        {
            return new QueryRead(QueryText.Read(value, cancellationToken));
        }

        ConcurrentDictionary<SyntaxNode, QueryRead> reads = s_perCompilation.GetValue(compilation, static _ => new ConcurrentDictionary<SyntaxNode, QueryRead>());
        if (reads.TryGetValue(value.Syntax, out QueryRead? read))
        {
            return read;
        }

        return reads.GetOrAdd(value.Syntax, new QueryRead(QueryText.Read(value, cancellationToken)));
    }
}
