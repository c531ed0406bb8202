// Internal API of the Athena SQL reader. Every type here is internal; the test project AwsAnalyzers.Tests sees them
// through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections.Generic;

// The catch-all handler below is deliberate: an analyzer must never crash the build, whatever the input.
#pragma warning disable CA1031

namespace AwsAnalyzers.Athena.Sql
{
    /// <summary>What kind of text a hole stands for, judged from the SQL around it.</summary>
    internal enum SqlHolePosition
    {
        /// <summary>The SQL around the hole does not say: a whole condition, a clause, a select list, a keyword.</summary>
        Unknown,

        /// <summary>
        /// A value: inside a <c>'…'</c> literal anywhere, or an operand of a comparison, an <c>IN</c> list,
        /// <c>LIKE</c> or <c>BETWEEN</c> in a <c>WHERE</c>, <c>HAVING</c> or <c>ON</c> condition.
        /// </summary>
        Value,

        /// <summary>A name: after <c>FROM</c>/<c>JOIN</c>/<c>INTO</c>, part of a dotted or longer name, inside <c>"…"</c>.</summary>
        Identifier,
    }

    /// <summary>The condition a hole sits in (at its own parenthesis level or an enclosing one).</summary>
    internal enum SqlHoleClause
    {
        None,
        Where,
        Having,
        On,
    }

    /// <summary>One hole of a statement, with what the reader makes of its position.</summary>
    internal sealed class SqlHole
    {
        internal SqlHole(int offset, int partIndex, SqlHolePosition position, SqlHoleClause clause, int tokenIndex, SqlToken token, bool isWholeStringLiteral)
        {
            Offset = offset;
            PartIndex = partIndex;
            Position = position;
            Clause = clause;
            TokenIndex = tokenIndex;
            TokenStart = token.Start;
            TokenEnd = token.End;
            InStringLiteral = token.Kind == SqlTokenKind.String;
            IsWholeStringLiteral = isWholeStringLiteral;
        }

        /// <summary>Offset of the hole's marker in <see cref="SqlStatement.Text"/>.</summary>
        public int Offset { get; }

        /// <summary>Index of the hole in <see cref="SqlSourceText.Parts"/>, or -1 for a marker written inside literal text.</summary>
        public int PartIndex { get; }

        public SqlHolePosition Position { get; }

        public SqlHoleClause Clause { get; }

        /// <summary>Index of the token that holds the hole in <see cref="SqlStatement.Tokens"/>.</summary>
        public int TokenIndex { get; }

        /// <summary>Span of the token that holds the hole (the whole <c>'…'</c> literal for a hole inside one).</summary>
        public int TokenStart { get; }

        public int TokenEnd { get; }

        /// <summary>True when the hole is inside a string literal.</summary>
        public bool InStringLiteral { get; }

        /// <summary>True when the literal is exactly <c>'</c>hole<c>'</c>: replacing it with <c>?</c> binds the same text.</summary>
        public bool IsWholeStringLiteral { get; }

        /// <summary>
        /// The innermost query block whose <c>WHERE</c> condition contains the hole, or null (also when the statement
        /// could not be read).
        /// </summary>
        public SqlQueryBlock? WhereOf { get; internal set; }

        public override string ToString() => Position.ToString() + "@" + Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Labels each hole of a statement from its tokens alone, so statements the parser does not read (PartiQL
    /// <c>UPDATE</c>, <c>DELETE</c>, <c>INSERT … VALUE</c>) are labelled too. Text that does not lex (an unterminated
    /// string) gives no labels. Never throws.
    /// </summary>
    internal static class SqlHoleLabels
    {
        private static readonly SqlHole[] None = Array.Empty<SqlHole>();

        /// <summary>Words that start a clause: what follows them at the same parenthesis level belongs to it.</summary>
        private static readonly SqlKeywordSet ClauseWords = new SqlKeywordSet(
            "SELECT", "FROM", "JOIN", "WHERE", "HAVING", "ON", "GROUP", "ORDER", "LIMIT", "OFFSET", "FETCH", "SET",
            "VALUES", "VALUE", "INTO", "UNION", "INTERSECT", "EXCEPT", "USING", "WINDOW", "RETURNING", "TO");

        public static IReadOnlyList<SqlHole> Label(SqlStatement statement)
        {
            try
            {
                return LabelTokens(statement);
            }
            catch (Exception)
            {
                return None;
            }
        }

        private static IReadOnlyList<SqlHole> LabelTokens(SqlStatement statement)
        {
            SqlTokenList tokens = statement.Tokens;
            string text = statement.Text;
            if (tokens.HasError || text.IndexOf(SqlSourceText.HoleMarker) < 0)
            {
                return None;
            }

            var partOfOffset = new Dictionary<int, int>();
            SqlSourceText source = statement.Source;
            for (int p = 0; p < source.PartCount; p++)
            {
                if (source.Parts[p].IsHole)
                {
                    partOfOffset[source.GetPartStart(p)] = p;
                }
            }

            // The clause of each parenthesis level, and where each level opened: an inner level inherits its
            // parent's clause until a clause word of its own (a subquery's SELECT) replaces it.
            var clauses = new List<SqlHoleClause> { SqlHoleClause.None };
            var opens = new List<int> { -1 };
            var fromLike = new List<bool> { false };
            var holes = new List<SqlHole>();
            for (int i = 0; i < tokens.Count; i++)
            {
                SqlToken token = tokens[i];
                switch (token.Kind)
                {
                    case SqlTokenKind.OpenParen:
                        clauses.Add(clauses[clauses.Count - 1]);
                        opens.Add(i);
                        fromLike.Add(false);
                        continue;
                    case SqlTokenKind.CloseParen:
                        if (clauses.Count > 1)
                        {
                            clauses.RemoveAt(clauses.Count - 1);
                            opens.RemoveAt(opens.Count - 1);
                            fromLike.RemoveAt(fromLike.Count - 1);
                        }

                        continue;
                    case SqlTokenKind.Identifier:
                        if (ClauseWords.Contains(text, token.Start, token.Length))
                        {
                            int top = clauses.Count - 1;
                            clauses[top] = ClauseOf(tokens, i);
                            fromLike[top] = tokens.IsKeyword(i, "FROM") || tokens.IsKeyword(i, "JOIN") || tokens.IsKeyword(i, "INTO");
                        }

                        continue;
                }

                if (!token.ContainsHole || (token.Kind != SqlTokenKind.String && token.Kind != SqlTokenKind.Hole))
                {
                    continue;
                }

                SqlHoleClause clause = clauses[clauses.Count - 1];
                SqlHolePosition position;
                bool whole = false;
                if (token.Kind == SqlTokenKind.String)
                {
                    position = SqlHolePosition.Value;
                    whole = token.Length == 3 && text[token.Start] == '\'' && text[token.Start + 1] == SqlSourceText.HoleMarker;
                }
                else
                {
                    position = BarePosition(tokens, text, i, clause, fromLike[fromLike.Count - 1], opens);
                }

                for (int c = token.Start; c < token.End; c++)
                {
                    if (text[c] == SqlSourceText.HoleMarker)
                    {
                        int part = partOfOffset.TryGetValue(c, out int found) ? found : -1;
                        holes.Add(new SqlHole(c, part, position, clause, i, token, whole));
                    }
                }
            }

            AssignWhereBlocks(statement, holes);
            return holes;
        }

        private static SqlHoleClause ClauseOf(SqlTokenList tokens, int i)
        {
            if (tokens.IsKeyword(i, "WHERE"))
            {
                return SqlHoleClause.Where;
            }

            if (tokens.IsKeyword(i, "HAVING"))
            {
                return SqlHoleClause.Having;
            }

            return tokens.IsKeyword(i, "ON") ? SqlHoleClause.On : SqlHoleClause.None;
        }

        /// <summary>The position of a hole that is not inside a string literal.</summary>
        private static SqlHolePosition BarePosition(SqlTokenList tokens, string text, int i, SqlHoleClause clause, bool inFrom, List<int> opens)
        {
            SqlToken token = tokens[i];
            bool quoted = text[token.Start] == '"' || text[token.Start] == '`' || text[token.Start] == 'U' || text[token.Start] == 'u';
            if (quoted || token.Length != 1 || tokens.IsKind(i - 1, SqlTokenKind.Dot) || tokens.IsKind(i + 1, SqlTokenKind.Dot))
            {
                // "…{x}…", events_{suffix}, {db}.events, t.{column}: part of a name.
                return SqlHolePosition.Identifier;
            }

            if (inFrom && (tokens.IsKeyword(i - 1, "FROM") || tokens.IsKeyword(i - 1, "JOIN") || tokens.IsKeyword(i - 1, "INTO")
                || tokens.IsKeyword(i - 1, "TABLE") || tokens.IsKind(i - 1, SqlTokenKind.Comma)))
            {
                return SqlHolePosition.Identifier;
            }

            if (tokens.IsKeyword(i - 1, "UPDATE") || tokens.IsKeyword(i - 1, "INTO"))
            {
                return SqlHolePosition.Identifier;
            }

            return clause != SqlHoleClause.None && IsValueOperand(tokens, i, opens) ? SqlHolePosition.Value : SqlHolePosition.Unknown;
        }

        /// <summary>True when token <paramref name="i"/> follows a comparison, LIKE, BETWEEN (or its AND) or sits in an IN list.</summary>
        private static bool IsValueOperand(SqlTokenList tokens, int i, List<int> opens)
        {
            int prev = i - 1;
            if (prev < 0)
            {
                return false;
            }

            switch (tokens[prev].Kind)
            {
                case SqlTokenKind.Operator:
                    return tokens.IsOperator(prev, "=") || tokens.IsOperator(prev, "<>") || tokens.IsOperator(prev, "!=")
                        || tokens.IsOperator(prev, "<") || tokens.IsOperator(prev, ">") || tokens.IsOperator(prev, "<=")
                        || tokens.IsOperator(prev, ">=");
                case SqlTokenKind.Identifier:
                    return tokens.IsKeyword(prev, "LIKE") || tokens.IsKeyword(prev, "ILIKE") || tokens.IsKeyword(prev, "BETWEEN")
                        || tokens.IsKeyword(prev, "ESCAPE") || (tokens.IsKeyword(prev, "AND") && IsBetweenAnd(tokens, prev));
                case SqlTokenKind.OpenParen:
                    return tokens.IsKeyword(prev - 1, "IN");
                case SqlTokenKind.Comma:
                    int open = opens[opens.Count - 1];
                    return open > 0 && tokens.IsKeyword(open - 1, "IN");
                default:
                    return false;
            }
        }

        /// <summary>True when the AND at <paramref name="and"/> is the one of <c>BETWEEN x AND y</c>.</summary>
        private static bool IsBetweenAnd(SqlTokenList tokens, int and)
        {
            int depth = 0;
            for (int j = and - 1; j >= 0; j--)
            {
                switch (tokens[j].Kind)
                {
                    case SqlTokenKind.CloseParen:
                        depth++;
                        continue;
                    case SqlTokenKind.OpenParen:
                        if (depth == 0)
                        {
                            return false;
                        }

                        depth--;
                        continue;
                }

                if (depth == 0 && tokens[j].Kind == SqlTokenKind.Identifier)
                {
                    if (tokens.IsKeyword(j, "BETWEEN"))
                    {
                        return true;
                    }

                    if (tokens.IsKeyword(j, "AND") || tokens.IsKeyword(j, "OR") || tokens.IsKeyword(j, "WHERE")
                        || tokens.IsKeyword(j, "ON") || tokens.IsKeyword(j, "HAVING") || tokens.IsKeyword(j, "WHEN"))
                    {
                        return false;
                    }
                }
            }

            return false;
        }

        private static void AssignWhereBlocks(SqlStatement statement, List<SqlHole> holes)
        {
            foreach (SqlHole hole in holes)
            {
                SqlQueryBlock? innermost = null;
                int innermostLength = int.MaxValue;
                foreach (SqlQueryBlock block in statement.Blocks)
                {
                    if (block.Where is { } where && hole.Offset >= where.Start && hole.Offset < where.End
                        && where.End - where.Start < innermostLength)
                    {
                        innermost = block;
                        innermostLength = where.End - where.Start;
                    }
                }

                hole.WhereOf = innermost;
            }
        }
    }
}
