// Internal API of the Athena SQL reader (rule AWS004). Every type here is internal; the test
// project AwsAnalyzers.Tests sees them through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections.Generic;
using System.Text;

// The catch-all handler below is deliberate: an analyzer must never crash the build, whatever the input.
#pragma warning disable CA1031

namespace AwsAnalyzers.Athena.Sql
{
    /// <summary>A table a <c>CREATE TABLE</c> statement defines, and the columns it partitions by (empty when none).</summary>
    internal sealed class SqlTableDefinition
    {
        internal SqlTableDefinition(SqlTableName name, IReadOnlyList<(string Name, string? Type)> partitionColumns)
        {
            Name = name;
            PartitionColumns = partitionColumns;
        }

        public SqlTableName Name { get; }

        /// <summary>The partition columns in order, with their type when the statement gives one.</summary>
        public IReadOnlyList<(string Name, string? Type)> PartitionColumns { get; }

        public override string ToString() => Name + " (" + string.Join(", ", PartitionColumns) + ")";
    }

    /// <summary>
    /// Reads which columns a table is partitioned by from the statement that creates it:
    /// <c>CREATE [EXTERNAL] TABLE [IF NOT EXISTS] t (…) PARTITIONED BY (year string, month string)</c> (Hive DDL, and
    /// the Iceberg form <c>PARTITIONED BY (day(ts), region)</c>, where a transform stands for its source column), and
    /// CTAS <c>CREATE TABLE t WITH (partitioned_by = ARRAY['year', 'month']) AS SELECT …</c> (also Iceberg's
    /// <c>partitioning = ARRAY['day(ts)']</c>). A <c>CREATE TABLE</c> with neither defines a table that is not
    /// partitioned. Anything else, or a name with a hole, gives null.
    /// </summary>
    internal static class SqlTableDefinitions
    {
        public static SqlTableDefinition? Read(SqlSourceText source)
        {
            try
            {
                return Read(SqlLexer.Tokenize(source));
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static SqlTableDefinition? Read(SqlTokenList tokens)
        {
            if (tokens.HasError || !tokens.IsKeyword(0, "CREATE"))
            {
                return null;
            }

            for (int t = 0; t < tokens.Count; t++)
            {
                if (tokens.IsKind(t, SqlTokenKind.Hole))
                {
                    // Part of the definition is only known at run time: it may be the partitioning.
                    return null;
                }
            }

            int i = 1;
            if (tokens.IsKeyword(i, "OR") && tokens.IsKeyword(i + 1, "REPLACE"))
            {
                i += 2;
            }

            if (tokens.IsKeyword(i, "EXTERNAL"))
            {
                i++;
            }

            if (!tokens.IsKeyword(i, "TABLE"))
            {
                return null;
            }

            i++;
            if (tokens.IsKeyword(i, "IF") && tokens.IsKeyword(i + 1, "NOT") && tokens.IsKeyword(i + 2, "EXISTS"))
            {
                i += 3;
            }

            var parts = new List<string?>();
            while (true)
            {
                if (tokens.GetIdentifierValue(i) is not { } part)
                {
                    return null;
                }

                parts.Add(part);
                i++;
                if (!tokens.IsKind(i, SqlTokenKind.Dot))
                {
                    break;
                }

                i++;
            }

            var columns = new List<(string, string?)>();
            int depth = 0;
            for (; i < tokens.Count; i++)
            {
                if (tokens.IsKind(i, SqlTokenKind.OpenParen))
                {
                    depth++;
                }
                else if (tokens.IsKind(i, SqlTokenKind.CloseParen))
                {
                    depth--;
                }
                else if (depth == 0 && tokens.IsKeyword(i, "PARTITIONED") && tokens.IsKeyword(i + 1, "BY") && tokens.IsKind(i + 2, SqlTokenKind.OpenParen))
                {
                    ReadColumnList(tokens, i + 3, columns);
                    break;
                }
                else if (depth == 1 && (tokens.IsKeyword(i, "partitioned_by") || tokens.IsKeyword(i, "partitioning"))
                    && tokens.IsOperator(i + 1, "=") && tokens.IsKeyword(i + 2, "ARRAY") && tokens.IsOperator(i + 3, "["))
                {
                    ReadStringArray(tokens, i + 4, columns);
                    break;
                }
                else if (depth == 0 && tokens.IsKeyword(i, "AS") && !tokens.IsKeyword(i - 1, "STORED"))
                {
                    // The query of a CTAS: its WITH properties came before it.
                    break;
                }
            }

            return new SqlTableDefinition(new SqlTableName(parts), columns);
        }

        /// <summary><c>name type[(…)], day(ts), …)</c>: each entry's column and its type as written.</summary>
        private static void ReadColumnList(SqlTokenList tokens, int i, List<(string, string?)> columns)
        {
            while (i < tokens.Count)
            {
                int end = EntryEnd(tokens, i);
                if (tokens.GetIdentifierValue(i) is { } name)
                {
                    if (tokens.IsKind(i + 1, SqlTokenKind.OpenParen))
                    {
                        if (SourceColumn(tokens, i + 2, end) is { } source)
                        {
                            columns.Add((source, null));
                        }
                    }
                    else
                    {
                        columns.Add((name, TypeText(tokens, i + 1, end)));
                    }
                }

                if (!tokens.IsKind(end, SqlTokenKind.Comma))
                {
                    return;
                }

                i = end + 1;
            }
        }

        /// <summary><c>'year', 'month', 'day(ts)']</c>: each string's column.</summary>
        private static void ReadStringArray(SqlTokenList tokens, int i, List<(string, string?)> columns)
        {
            for (; i < tokens.Count && !tokens.IsOperator(i, "]"); i++)
            {
                if (!tokens.IsKind(i, SqlTokenKind.String))
                {
                    continue;
                }

                string text = tokens.GetText(i);
                if (text.Length < 2 || text[0] != '\'')
                {
                    continue;
                }

                SqlTokenList entry = SqlLexer.Tokenize(text.Substring(1, text.Length - 2).Replace("''", "'"));
                if (entry.GetIdentifierValue(0) is { } name)
                {
                    string? column = entry.IsKind(1, SqlTokenKind.OpenParen) ? SourceColumn(entry, 2, entry.Count) : name;
                    if (column is not null)
                    {
                        columns.Add((column, null));
                    }
                }
            }
        }

        /// <summary>The index of the comma or closing parenthesis that ends the entry starting at <paramref name="i"/>.</summary>
        private static int EntryEnd(SqlTokenList tokens, int i)
        {
            int depth = 0;
            for (; i < tokens.Count; i++)
            {
                if (tokens.IsKind(i, SqlTokenKind.OpenParen))
                {
                    depth++;
                }
                else if (tokens.IsKind(i, SqlTokenKind.CloseParen))
                {
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                }
                else if (depth == 0 && tokens.IsKind(i, SqlTokenKind.Comma))
                {
                    return i;
                }
            }

            return i;
        }

        /// <summary>The column a partition transform reads: the last identifier among its arguments (<c>bucket(16, id)</c> reads id).</summary>
        private static string? SourceColumn(SqlTokenList tokens, int from, int to)
        {
            string? column = null;
            for (int i = from; i < to && i < tokens.Count; i++)
            {
                if (tokens.GetIdentifierValue(i) is { } name)
                {
                    column = name;
                }
            }

            return column;
        }

        private static string? TypeText(SqlTokenList tokens, int from, int to)
        {
            var type = new StringBuilder();
            for (int i = from; i < to && i < tokens.Count; i++)
            {
                if (tokens.IsKeyword(i, "COMMENT"))
                {
                    break;
                }

                type.Append(tokens.GetText(i));
            }

            return type.Length == 0 ? null : type.ToString();
        }
    }
}
