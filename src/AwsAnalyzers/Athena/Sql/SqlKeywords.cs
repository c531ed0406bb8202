// Internal API of the Athena SQL reader (rule AWS004). Every type here is internal; the test
// project AwsAnalyzers.Tests sees them through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections.Generic;

namespace AwsAnalyzers.Athena.Sql
{
    /// <summary>
    /// A set of keywords looked up by (text, start, length) without allocating: words are grouped
    /// by length and compared ordinally ignoring case.
    /// </summary>
    internal sealed class SqlKeywordSet
    {
        private readonly string[][] _byLength;

        public SqlKeywordSet(params string[] words)
        {
            int max = 0;
            foreach (var word in words)
            {
                max = Math.Max(max, word.Length);
            }

            var lists = new List<string>[max + 1];
            foreach (var word in words)
            {
                (lists[word.Length] ??= new List<string>()).Add(word);
            }

            _byLength = new string[max + 1][];
            for (int i = 0; i <= max; i++)
            {
                _byLength[i] = lists[i]?.ToArray() ?? Array.Empty<string>();
            }
        }

        public bool Contains(string text, int start, int length)
        {
            if (length <= 0 || length >= _byLength.Length || start < 0 || start + length > text.Length)
            {
                return false;
            }

            foreach (var word in _byLength[length])
            {
                if (string.Compare(text, start, word, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        public bool Contains(string word) => word != null && Contains(word, 0, word.Length);
    }

    internal static class SqlKeywords
    {
        /// <summary>Trino's reserved words: never a bare table name, alias or WITH query name.</summary>
        public static readonly SqlKeywordSet Reserved = new SqlKeywordSet(
            "ALTER", "AND", "AS", "BETWEEN", "BY", "CASE", "CAST", "CONSTRAINT", "CREATE", "CROSS", "CUBE",
            "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "CURRENT_USER", "DEALLOCATE", "DELETE", "DESCRIBE", "DISTINCT", "DROP", "ELSE",
            "END", "ESCAPE", "EXCEPT", "EXECUTE", "EXISTS", "EXTRACT", "FALSE", "FOR", "FROM", "FULL", "GROUP",
            "GROUPING", "HAVING", "IN", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "JSON_ARRAY",
            "JSON_EXISTS", "JSON_OBJECT", "JSON_QUERY", "JSON_TABLE", "JSON_VALUE", "LEFT", "LIKE", "LISTAGG",
            "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NORMALIZE", "NOT", "NULL", "ON", "OR", "ORDER", "OUTER",
            "PREPARE", "RECURSIVE", "RIGHT", "ROLLUP", "SELECT", "SKIP", "TABLE", "THEN", "TRIM", "TRUE",
            "UESCAPE", "UNION", "UNNEST", "USING", "VALUES", "WHEN", "WHERE", "WITH");

        /// <summary>Words that end a relation in FROM: a bare word among them is never read as an alias.</summary>
        public static readonly SqlKeywordSet AliasStop = new SqlKeywordSet(
            "ALTER", "AND", "AS", "BETWEEN", "BY", "CASE", "CAST", "CONSTRAINT", "CREATE", "CROSS", "CUBE",
            "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "CURRENT_USER", "DEALLOCATE", "DELETE", "DESCRIBE", "DISTINCT", "DROP", "ELSE",
            "END", "ESCAPE", "EXCEPT", "EXECUTE", "EXISTS", "EXTRACT", "FALSE", "FOR", "FROM", "FULL", "GROUP",
            "GROUPING", "HAVING", "IN", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "JSON_ARRAY",
            "JSON_EXISTS", "JSON_OBJECT", "JSON_QUERY", "JSON_TABLE", "JSON_VALUE", "LEFT", "LIKE", "LISTAGG",
            "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NORMALIZE", "NOT", "NULL", "ON", "OR", "ORDER", "OUTER",
            "PREPARE", "RECURSIVE", "RIGHT", "ROLLUP", "SELECT", "SKIP", "TABLE", "THEN", "TRIM", "TRUE",
            "UESCAPE", "UNION", "UNNEST", "USING", "VALUES", "WHEN", "WHERE", "WITH",
            "LIMIT", "OFFSET", "FETCH", "WINDOW", "TABLESAMPLE", "MATCH_RECOGNIZE", "LATERAL", "TO");

        /// <summary>Bare words in a condition that are never column references.</summary>
        public static readonly SqlKeywordSet ExpressionKeywords = new SqlKeywordSet(
            "AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "ILIKE", "BETWEEN", "TRUE", "FALSE", "CASE", "WHEN",
            "THEN", "ELSE", "END", "EXISTS", "CAST", "TRY_CAST", "AS", "DISTINCT", "FROM", "ESCAPE", "ANY", "SOME",
            "ALL", "INTERVAL", "TIME", "ZONE", "AT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_USER", "BY", "ASC", "DESC", "NULLS", "ON", "USING", "JOIN",
            "SELECT", "WHERE", "WITH", "TO", "OF", "UESCAPE");

        /// <summary>Statements that scan no table data (EXPLAIN and CREATE are handled separately).</summary>
        public static readonly SqlKeywordSet NoTableReadStatements = new SqlKeywordSet(
            "SHOW", "DESCRIBE", "DESC", "MSCK", "ALTER", "DROP", "USE", "DEALLOCATE", "PREPARE", "SET", "RESET",
            "START", "COMMIT", "ROLLBACK", "GRANT", "REVOKE", "COMMENT", "CALL", "VACUUM", "DENY", "REFRESH");
    }
}
