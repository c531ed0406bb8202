// Internal API of the Athena SQL reader. Every type here is internal; the test project AwsAnalyzers.Tests sees them
// through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections.Generic;

// The catch-all handler below is deliberate: an analyzer must never crash the build, whatever the input.
#pragma warning disable CA1031

namespace AwsAnalyzers.Athena.Sql
{
    /// <summary>A <c>*</c> or <c>t.*</c> in the select list of one of the statement's own query blocks.</summary>
    internal sealed class SqlSelectStar
    {
        internal SqlSelectStar(SqlQueryBlock block, int start, int end, string? qualifier)
        {
            Block = block;
            Start = start;
            End = end;
            Qualifier = qualifier;
        }

        public SqlQueryBlock Block { get; }

        /// <summary>Span of <c>*</c>, or of <c>t.*</c> from the qualifier on.</summary>
        public int Start { get; }

        public int End { get; }

        /// <summary>The qualifier of <c>t.*</c>, unquoted, or null for a bare <c>*</c>.</summary>
        public string? Qualifier { get; }
    }

    /// <summary>A <c>format = '…'</c> property of a CTAS or UNLOAD <c>WITH (…)</c> list.</summary>
    internal sealed class SqlFormatProperty
    {
        internal SqlFormatProperty(string value, int valueStart, int valueEnd, IReadOnlyList<string> propertyNames)
        {
            Value = value;
            ValueStart = valueStart;
            ValueEnd = valueEnd;
            PropertyNames = propertyNames;
        }

        /// <summary>The format, as written inside the quotes (<c>TEXTFILE</c>, <c>json</c>).</summary>
        public string Value { get; }

        /// <summary>Span of the string literal, quotes included.</summary>
        public int ValueStart { get; }

        public int ValueEnd { get; }

        /// <summary>Every property name of the same <c>WITH (…)</c> list, as written.</summary>
        public IReadOnlyList<string> PropertyNames { get; }
    }

    /// <summary>
    /// What a statement's outermost query returns and writes, for a cost check: its <c>*</c> select lists, whether it
    /// has a top-level <c>ORDER BY</c> and a row limit, whether those blocks aggregate, and the storage format of a
    /// CTAS or UNLOAD. Read from the parsed blocks and the tokens; empty for a statement the reader cannot read. Never
    /// throws.
    /// </summary>
    internal sealed class SqlQueryShape
    {
        private static readonly SqlKeywordSet Aggregates = new SqlKeywordSet(
            "count", "sum", "avg", "min", "max", "approx_distinct", "approx_percentile", "approx_set", "arbitrary",
            "any_value", "array_agg", "bool_and", "bool_or", "checksum", "count_if", "every", "geometric_mean",
            "histogram", "listagg", "map_agg", "map_union", "max_by", "min_by", "multimap_agg", "stddev", "stddev_pop",
            "stddev_samp", "variance", "var_pop", "var_samp", "corr", "covar_pop", "covar_samp", "kurtosis", "skewness",
            "bitwise_and_agg", "bitwise_or_agg", "reduce_agg", "set_agg", "set_union", "numeric_histogram");

        internal static readonly SqlQueryShape Empty = new SqlQueryShape();

        private SqlQueryShape()
        {
            Stars = Array.Empty<SqlSelectStar>();
            OrderByStart = -1;
            QueryEnd = -1;
        }

        /// <summary>The <c>*</c> and <c>t.*</c> of the statement's own (Main) query blocks, in text order.</summary>
        public IReadOnlyList<SqlSelectStar> Stars { get; private set; }

        /// <summary>True when a Main block aggregates (an aggregate function in its select list, GROUP BY or HAVING).</summary>
        public bool HasAggregation { get; private set; }

        /// <summary>Offset of the outermost query's <c>ORDER BY</c>, or -1.</summary>
        public int OrderByStart { get; private set; }

        public bool HasOrderBy => OrderByStart >= 0;

        /// <summary>True when the outermost query has <c>LIMIT</c> or <c>FETCH FIRST</c> (any count, a hole included).</summary>
        public bool HasLimit { get; private set; }

        /// <summary>Offset just past the outermost query's last token (before any <c>;</c>): where <c> LIMIT n</c> goes; -1 when none.</summary>
        public int QueryEnd { get; private set; }

        /// <summary>The <c>format</c> of a CTAS or UNLOAD, or null when it has none (or the statement is neither).</summary>
        public SqlFormatProperty? Format { get; private set; }

        public static SqlQueryShape Read(SqlStatement statement)
        {
            try
            {
                return statement.IsUnknown || statement.Kind == SqlStatementKind.NoTableRead ? Empty : ReadKnown(statement);
            }
            catch (Exception)
            {
                return Empty;
            }
        }

        private static SqlQueryShape ReadKnown(SqlStatement statement)
        {
            SqlTokenList tokens = statement.Tokens;
            var depth = new int[tokens.Count];
            int level = 0;
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == SqlTokenKind.CloseParen)
                {
                    level--;
                }

                depth[i] = level;
                if (tokens[i].Kind == SqlTokenKind.OpenParen)
                {
                    level++;
                }
            }

            var shape = new SqlQueryShape();
            var stars = new List<SqlSelectStar>();
            int mainDepth = int.MaxValue;
            foreach (SqlQueryBlock block in statement.Blocks)
            {
                if (block.Role != SqlQueryBlockRole.Main || TokenAt(tokens, block.Start) is not int select || !tokens.IsKeyword(select, "SELECT"))
                {
                    continue;
                }

                mainDepth = Math.Min(mainDepth, depth[select]);
                ReadSelectList(statement, block, select, depth, stars, shape);
            }

            shape.Stars = stars;
            if (mainDepth != int.MaxValue)
            {
                ReadTail(tokens, depth, mainDepth, shape);
            }

            shape.Format = ReadFormat(statement, depth);
            return shape;
        }

        /// <summary>Reads one Main block from its SELECT: its stars, and whether it aggregates.</summary>
        private static void ReadSelectList(SqlStatement statement, SqlQueryBlock block, int select, int[] depth, List<SqlSelectStar> stars, SqlQueryShape shape)
        {
            SqlTokenList tokens = statement.Tokens;
            int own = depth[select];
            bool inList = true;
            bool itemStart = true;
            for (int i = select + 1; i < tokens.Count && tokens[i].Start < block.End; i++)
            {
                if (depth[i] < own)
                {
                    break;
                }

                if (depth[i] == own && tokens[i].Kind == SqlTokenKind.Identifier)
                {
                    if ((tokens.IsKeyword(i, "GROUP") && tokens.IsKeyword(i + 1, "BY")) || tokens.IsKeyword(i, "HAVING"))
                    {
                        shape.HasAggregation = true;
                    }

                    if (inList && (tokens.IsKeyword(i, "WHERE")
                        || (tokens.IsKeyword(i, "FROM") && !(tokens.IsKeyword(i - 1, "DISTINCT") && (tokens.IsKeyword(i - 2, "IS") || tokens.IsKeyword(i - 2, "NOT"))))))
                    {
                        inList = false;
                    }
                }

                if (!inList)
                {
                    continue;
                }

                if (tokens[i].Kind == SqlTokenKind.Identifier && tokens.IsKind(i + 1, SqlTokenKind.OpenParen)
                    && Aggregates.Contains(statement.Text, tokens[i].Start, tokens[i].Length) && !IsWindowed(tokens, i + 1))
                {
                    shape.HasAggregation = true;
                }

                if (depth[i] != own)
                {
                    continue;
                }

                if (itemStart && (tokens.IsKeyword(i, "DISTINCT") || tokens.IsKeyword(i, "ALL")) && i == select + 1)
                {
                    continue;
                }

                if (itemStart && tokens.IsOperator(i, "*") && EndsItem(tokens, i + 1))
                {
                    stars.Add(new SqlSelectStar(block, tokens[i].Start, tokens[i].End, null));
                }
                else if (itemStart && tokens.IsKind(i + 1, SqlTokenKind.Dot) && tokens.IsOperator(i + 2, "*") && EndsItem(tokens, i + 3)
                    && (tokens[i].Kind == SqlTokenKind.Identifier || tokens[i].Kind == SqlTokenKind.QuotedIdentifier || tokens[i].Kind == SqlTokenKind.BacktickIdentifier))
                {
                    stars.Add(new SqlSelectStar(block, tokens[i].Start, tokens[i + 2].End, tokens.GetIdentifierValue(i)));
                }

                itemStart = tokens[i].Kind == SqlTokenKind.Comma;
            }
        }

        /// <summary>True when the aggregate call whose '(' is at <paramref name="open"/> is followed by OVER (a window function).</summary>
        private static bool IsWindowed(SqlTokenList tokens, int open)
        {
            int level = 0;
            for (int i = open; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == SqlTokenKind.OpenParen)
                {
                    level++;
                }
                else if (tokens[i].Kind == SqlTokenKind.CloseParen && --level == 0)
                {
                    return tokens.IsKeyword(i + 1, "OVER");
                }
            }

            return false;
        }

        private static bool EndsItem(SqlTokenList tokens, int next) =>
            next >= tokens.Count || tokens.IsKind(next, SqlTokenKind.Comma) || tokens.IsKeyword(next, "FROM")
            || tokens.IsKind(next, SqlTokenKind.CloseParen) || tokens.IsKind(next, SqlTokenKind.Semicolon);

        /// <summary>The outermost query's ORDER BY, LIMIT / FETCH FIRST and end, at the depth of its own blocks.</summary>
        private static void ReadTail(SqlTokenList tokens, int[] depth, int mainDepth, SqlQueryShape shape)
        {
            int last = -1;
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind != SqlTokenKind.Semicolon)
                {
                    last = i;
                }

                if (depth[i] > mainDepth || tokens[i].Kind != SqlTokenKind.Identifier)
                {
                    continue;
                }

                if (tokens.IsKeyword(i, "ORDER") && tokens.IsKeyword(i + 1, "BY"))
                {
                    shape.OrderByStart = tokens[i].Start;
                }
                else if ((tokens.IsKeyword(i, "LIMIT") && !tokens.IsKeyword(i + 1, "ALL"))
                    || (tokens.IsKeyword(i, "FETCH") && (tokens.IsKeyword(i + 1, "FIRST") || tokens.IsKeyword(i + 1, "NEXT"))))
                {
                    shape.HasLimit = true;
                }
            }

            shape.QueryEnd = last >= 0 && mainDepth == 0 ? tokens[last].End : -1;
        }

        /// <summary>The format property of a CTAS's or UNLOAD's <c>WITH (…)</c> list (the one at the top level).</summary>
        private static SqlFormatProperty? ReadFormat(SqlStatement statement, int[] depth)
        {
            if (statement.Kind != SqlStatementKind.CreateTableAsSelect && statement.Kind != SqlStatementKind.Unload)
            {
                return null;
            }

            SqlTokenList tokens = statement.Tokens;
            for (int i = 0; i + 1 < tokens.Count; i++)
            {
                if (depth[i] != 0 || !tokens.IsKeyword(i, "WITH") || !tokens.IsKind(i + 1, SqlTokenKind.OpenParen))
                {
                    continue;
                }

                var names = new List<string>();
                SqlFormatProperty? format = null;
                for (int j = i + 2; j < tokens.Count && depth[j] > 0; j++)
                {
                    bool startsProperty = depth[j] == 1 && (j == i + 2 || tokens.IsKind(j - 1, SqlTokenKind.Comma));
                    if (!startsProperty || tokens.GetIdentifierValue(j) is not { } name)
                    {
                        continue;
                    }

                    names.Add(name);
                    if (string.Equals(name, "format", StringComparison.OrdinalIgnoreCase) && tokens.IsOperator(j + 1, "=")
                        && tokens.IsKind(j + 2, SqlTokenKind.String) && !tokens[j + 2].ContainsHole)
                    {
                        SqlToken value = tokens[j + 2];
                        string written = statement.Text.Substring(value.Start, value.Length);
                        if (written.Length >= 2 && written[0] == '\'')
                        {
                            format = new SqlFormatProperty(written.Substring(1, written.Length - 2).Replace("''", "'"), value.Start, value.End, names);
                        }
                    }
                }

                return format;
            }

            return null;
        }

        private static int? TokenAt(SqlTokenList tokens, int offset)
        {
            int low = 0;
            int high = tokens.Count - 1;
            while (low <= high)
            {
                int mid = (low + high) / 2;
                int start = tokens[mid].Start;
                if (start == offset)
                {
                    return mid;
                }

                if (start < offset)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return null;
        }
    }
}
