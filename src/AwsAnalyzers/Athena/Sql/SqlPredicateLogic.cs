// Internal API of the Athena SQL reader (rule AWS004). Every type here is internal; the test
// project AwsAnalyzers.Tests sees them through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections.Generic;

namespace AwsAnalyzers.Athena.Sql
{
    /// <summary>
    /// Whether a condition limits the rows it admits by some columns, following its AND and OR structure: a
    /// conjunction does when one of its conjuncts does, a disjunction only when each of its branches does.
    /// <c>year = 2025 OR device_id = 'x'</c> admits rows of every year; <c>(year = 2025 AND month = 1) OR year = 2024</c>
    /// admits only rows of two years. Any other condition (a comparison, <c>NOT (…)</c>, a function call) limits the
    /// rows when it names one of the columns.
    /// </summary>
    internal static class SqlPredicateLogic
    {
        /// <summary>Deeper nesting than this is not followed: the condition then counts as limiting (never a report).</summary>
        private const int MaxDepth = 64;

        /// <summary>True when <paramref name="predicate"/> admits only rows that <paramref name="matches"/>' columns limit.</summary>
        public static bool Constrains(SqlPredicate predicate, Func<SqlColumnReference, bool> matches)
        {
            if (predicate.Tokens is not { } tokens || predicate.EndToken > tokens.Count || predicate.FirstToken >= predicate.EndToken)
            {
                return AnyColumn(predicate.Columns, int.MinValue, int.MaxValue, matches);
            }

            return Disjunction(tokens, predicate.FirstToken, predicate.EndToken, predicate.Columns, matches, 0);
        }

        private static bool Disjunction(
            SqlTokenList tokens, int from, int to, List<SqlColumnReference> columns, Func<SqlColumnReference, bool> matches, int depth)
        {
            if (depth > MaxDepth)
            {
                return true;
            }

            int branchStart = from;
            int nesting = 0;
            for (int i = from; i < to; i++)
            {
                nesting += Nesting(tokens, i);
                if (nesting == 0 && tokens.IsKeyword(i, "OR"))
                {
                    if (!Conjunction(tokens, branchStart, i, columns, matches, depth))
                    {
                        return false;
                    }

                    branchStart = i + 1;
                }
            }

            return Conjunction(tokens, branchStart, to, columns, matches, depth);
        }

        private static bool Conjunction(
            SqlTokenList tokens, int from, int to, List<SqlColumnReference> columns, Func<SqlColumnReference, bool> matches, int depth)
        {
            int conjunctStart = from;
            int nesting = 0;
            bool inBetween = false;
            for (int i = from; i < to; i++)
            {
                nesting += Nesting(tokens, i);
                if (nesting != 0)
                {
                    continue;
                }

                if (tokens.IsKeyword(i, "BETWEEN"))
                {
                    inBetween = true;
                }
                else if (tokens.IsKeyword(i, "AND"))
                {
                    if (inBetween)
                    {
                        inBetween = false;
                        continue;
                    }

                    if (Conjunct(tokens, conjunctStart, i, columns, matches, depth))
                    {
                        return true;
                    }

                    conjunctStart = i + 1;
                }
            }

            return Conjunct(tokens, conjunctStart, to, columns, matches, depth);
        }

        private static bool Conjunct(
            SqlTokenList tokens, int from, int to, List<SqlColumnReference> columns, Func<SqlColumnReference, bool> matches, int depth)
        {
            if (from >= to)
            {
                return false;
            }

            // A parenthesized condition (not a subquery) is read for its own AND and OR.
            if (tokens.IsKind(from, SqlTokenKind.OpenParen) && tokens.IsKind(to - 1, SqlTokenKind.CloseParen)
                && ClosingParen(tokens, from, to) == to - 1
                && !tokens.IsKeyword(from + 1, "SELECT") && !tokens.IsKeyword(from + 1, "WITH") && !tokens.IsKeyword(from + 1, "VALUES"))
            {
                return Disjunction(tokens, from + 1, to - 1, columns, matches, depth + 1);
            }

            return AnyColumn(columns, tokens[from].Start, tokens[to - 1].End, matches);
        }

        private static bool AnyColumn(List<SqlColumnReference> columns, int start, int end, Func<SqlColumnReference, bool> matches)
        {
            foreach (SqlColumnReference column in columns)
            {
                if (column.Start >= start && column.End <= end && matches(column))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>+1 for a token that opens a nested part of the condition ('(' or CASE), -1 for one that closes it.</summary>
        private static int Nesting(SqlTokenList tokens, int i)
        {
            if (tokens.IsKind(i, SqlTokenKind.OpenParen) || tokens.IsKeyword(i, "CASE"))
            {
                return 1;
            }

            return tokens.IsKind(i, SqlTokenKind.CloseParen) || tokens.IsKeyword(i, "END") ? -1 : 0;
        }

        private static int ClosingParen(SqlTokenList tokens, int open, int to)
        {
            int nesting = 0;
            for (int i = open; i < to; i++)
            {
                if (tokens.IsKind(i, SqlTokenKind.OpenParen))
                {
                    nesting++;
                }
                else if (tokens.IsKind(i, SqlTokenKind.CloseParen) && --nesting == 0)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
