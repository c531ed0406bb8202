// Internal API of the Athena SQL reader (rule AWS004). Every type here is internal; the test
// project AwsAnalyzers.Tests sees them through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections.Generic;
using System.Globalization;

namespace AwsAnalyzers.Athena.Sql
{
    /// <summary>
    /// Reads one Athena (Trino) statement into query blocks: for each SELECT, the named relations of
    /// its FROM clause and the column references of its WHERE and JOIN ... ON conditions.
    /// It does not parse expressions; it scans them, recognizing nested subqueries, and reads the
    /// clause structure around them. It never throws and never recurses deeper than
    /// <see cref="MaxDepth"/> (deeper input gives <see cref="SqlStatementKind.Unknown"/>).
    /// </summary>
    internal static class SqlParser
    {
        /// <summary>Deepest nesting of queries / parenthesized joins / EXPLAIN that is read.</summary>
        public const int MaxDepth = 64;

        /// <summary>Reads a statement; holes are <see cref="SqlSourceText.HoleMarker"/> characters.</summary>
        public static SqlStatement Parse(string? text) => Parse(SqlSourceText.FromString(text));

        /// <summary>Reads a statement made of literal pieces and holes.</summary>
        public static SqlStatement Parse(IReadOnlyList<SqlTextPart>? parts) => Parse(SqlSourceText.FromParts(parts));

        public static SqlStatement Parse(SqlSourceText source)
        {
            source ??= SqlSourceText.FromString(string.Empty);
            var tokens = SqlLexer.Tokenize(source.Text, includeComments: false);
            return new Reader(source, tokens).Read();
        }

        private enum Region
        {
            SelectList,
            Where,
            On,
            GroupBy,
            Having,
            Window,
            QueryTail,
            Values,
            Parenthesized,
        }

        private sealed class Reader
        {
            private readonly SqlSourceText _source;
            private readonly string _text;
            private readonly SqlTokenList _t;
            private readonly int _n;
            private readonly List<SqlQueryBlock> _blocks = new List<SqlQueryBlock>();
            private readonly List<string> _cteScope = new List<string>();
            private int[] _closeOf = Array.Empty<int>();
            private int[] _openOf = Array.Empty<int>();
            private int _pos;
            private int _depth;
            private string? _failure;
            private SqlTableName? _target;
            private int _betweenAndToken = -1;

            public Reader(SqlSourceText source, SqlTokenList tokens)
            {
                _source = source;
                _text = source.Text;
                _t = tokens;
                _n = tokens.Count;
            }

            private bool Failed => _failure != null;

            public SqlStatement Read()
            {
                if (_t.HasError)
                {
                    return Result(SqlStatementKind.Unknown, "lexer: " + _t.Error.ToString() + " at offset " + Invariant(_t.ErrorOffset));
                }

                if (_n == 0)
                {
                    return Result(SqlStatementKind.Unknown, "empty statement");
                }

                if (!MatchParentheses())
                {
                    return Result(SqlStatementKind.Unknown, "unbalanced parentheses");
                }

                var kind = ParseStatement();
                if (Failed)
                {
                    return Result(SqlStatementKind.Unknown, _failure);
                }

                while (Is(_pos, SqlTokenKind.Semicolon))
                {
                    _pos++;
                }

                if (_pos < _n)
                {
                    return Result(SqlStatementKind.Unknown, "unexpected token at offset " + Invariant(_t[_pos].Start));
                }

                if (kind == SqlStatementKind.NoTableRead)
                {
                    _blocks.Clear();
                }

                return Result(kind, null);
            }

            private SqlStatement Result(SqlStatementKind kind, string? failure)
            {
                int parameterCount = 0;
                for (int i = 0; i < _n; i++)
                {
                    if (_t[i].Kind == SqlTokenKind.Parameter)
                    {
                        parameterCount++;
                    }
                }

                var parameters = new int[parameterCount];
                for (int i = 0, p = 0; i < _n; i++)
                {
                    if (_t[i].Kind == SqlTokenKind.Parameter)
                    {
                        parameters[p++] = _t[i].Start;
                    }
                }

                if (kind == SqlStatementKind.Unknown)
                {
                    _blocks.Clear();
                }

                return new SqlStatement(_source, _t, kind, failure ?? (kind == SqlStatementKind.Unknown ? "unknown" : null),
                    _blocks, kind == SqlStatementKind.Unknown ? null : _target, parameters);
            }

            /// <summary>Pairs parentheses; false when unbalanced.</summary>
            private bool MatchParentheses()
            {
                _closeOf = new int[_n];
                _openOf = new int[_n];
                var stack = new List<int>();
                for (int i = 0; i < _n; i++)
                {
                    _closeOf[i] = -1;
                    _openOf[i] = stack.Count == 0 ? -1 : stack[stack.Count - 1];
                    var kind = _t[i].Kind;
                    if (kind == SqlTokenKind.OpenParen)
                    {
                        stack.Add(i);
                    }
                    else if (kind == SqlTokenKind.CloseParen)
                    {
                        if (stack.Count == 0)
                        {
                            return false;
                        }

                        int open = stack[stack.Count - 1];
                        stack.RemoveAt(stack.Count - 1);
                        _closeOf[open] = i;
                        _openOf[i] = stack.Count == 0 ? -1 : stack[stack.Count - 1];
                    }
                }

                return stack.Count == 0;
            }

            // ----- token helpers -------------------------------------------------------------

            private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

            private bool Is(int i, SqlTokenKind kind) => _t.IsKind(i, kind);

            private bool Kw(int i, string keyword) => _t.IsKeyword(i, keyword);

            private int StartOf(int i) => i >= 0 && i < _n ? _t[i].Start : _text.Length;

            private int EndOf(int i) => i >= 0 && i < _n ? _t[i].End : 0;

            private void Fail(string reason)
            {
                _failure ??= reason + " at offset " + Invariant(StartOf(_pos));
            }

            private bool Enter()
            {
                if (_depth >= MaxDepth)
                {
                    Fail("nesting deeper than " + Invariant(MaxDepth));
                    return false;
                }

                _depth++;
                return true;
            }

            private void Exit() => _depth--;

            private bool Expect(SqlTokenKind kind, string what)
            {
                if (Failed)
                {
                    return false;
                }

                if (!Is(_pos, kind))
                {
                    Fail("expected " + what);
                    return false;
                }

                _pos++;
                return true;
            }

            /// <summary>A bare word that is not reserved, a quoted identifier, or a hole.</summary>
            private bool IsNamePart(int i, bool allowReserved = false)
            {
                if (i < 0 || i >= _n)
                {
                    return false;
                }

                var token = _t[i];
                switch (token.Kind)
                {
                    case SqlTokenKind.Identifier:
                        return allowReserved || !SqlKeywords.Reserved.Contains(_text, token.Start, token.Length);
                    case SqlTokenKind.QuotedIdentifier:
                    case SqlTokenKind.BacktickIdentifier:
                    case SqlTokenKind.Hole:
                        return true;
                    default:
                        return false;
                }
            }

            private bool IsQueryKeyword(int i)
                => Kw(i, "SELECT") || Kw(i, "WITH") || Kw(i, "VALUES") || (Kw(i, "TABLE") && !Is(i + 1, SqlTokenKind.OpenParen));

            /// <summary>True when the tokens from <paramref name="i"/>, after any '(', start a query.</summary>
            private bool IsQueryStartSkippingParens(int i)
            {
                while (Is(i, SqlTokenKind.OpenParen))
                {
                    i++;
                }

                return IsQueryKeyword(i);
            }

            /// <summary>At '(': moves past the matching ')'.</summary>
            private void SkipBalanced()
            {
                if (!Is(_pos, SqlTokenKind.OpenParen))
                {
                    Fail("expected '('");
                    return;
                }

                int close = _closeOf[_pos];
                if (close < 0)
                {
                    Fail("unbalanced parentheses");
                    return;
                }

                _pos = close + 1;
            }

            /// <summary>At '(': scans the contents (finding subqueries) and moves past the matching ')'.</summary>
            private void ScanParenthesized(SqlQueryBlock? owner, string? cteName)
            {
                if (!Expect(SqlTokenKind.OpenParen, "'('"))
                {
                    return;
                }

                ScanRegion(Region.Parenthesized, owner, cteName, null);
                Expect(SqlTokenKind.CloseParen, "')'");
            }

            private SqlQueryBlock NewBlock(SqlQueryBlockRole role, SqlQueryBlock? parent, string? cteName, int startToken)
            {
                var block = new SqlQueryBlock(_blocks.Count, role, parent, cteName, StartOf(startToken));
                _blocks.Add(block);
                return block;
            }

            // ----- statements ------------------------------------------------------------------

            private SqlStatementKind ParseStatement()
            {
                if (!Enter())
                {
                    return SqlStatementKind.Unknown;
                }

                try
                {
                    if (Is(_pos, SqlTokenKind.OpenParen) ? IsQueryStartSkippingParens(_pos) : IsQueryKeyword(_pos))
                    {
                        ParseQuery(SqlQueryBlockRole.Main, null, null);
                        return SqlStatementKind.Select;
                    }

                    if (Kw(_pos, "INSERT"))
                    {
                        return ParseInsert();
                    }

                    if (Kw(_pos, "CREATE"))
                    {
                        return ParseCreate();
                    }

                    if (Kw(_pos, "EXPLAIN"))
                    {
                        _pos++;
                        if (Kw(_pos, "ANALYZE"))
                        {
                            // EXPLAIN ANALYZE runs the statement.
                            _pos++;
                            if (Kw(_pos, "VERBOSE"))
                            {
                                _pos++;
                            }

                            return ParseStatement();
                        }

                        _pos = _n;
                        return SqlStatementKind.NoTableRead;
                    }

                    if (Kw(_pos, "UNLOAD"))
                    {
                        _pos++;
                        if (!Expect(SqlTokenKind.OpenParen, "'(' after UNLOAD"))
                        {
                            return SqlStatementKind.Unknown;
                        }

                        ParseQuery(SqlQueryBlockRole.Main, null, null);
                        Expect(SqlTokenKind.CloseParen, "')'");
                        _pos = _n; // TO 's3://...' WITH (...)
                        return SqlStatementKind.Unload;
                    }

                    if (Is(_pos, SqlTokenKind.Identifier) && SqlKeywords.NoTableReadStatements.Contains(_text, _t[_pos].Start, _t[_pos].Length))
                    {
                        _pos = _n;
                        return SqlStatementKind.NoTableRead;
                    }

                    Fail("unrecognized statement");
                    return SqlStatementKind.Unknown;
                }
                finally
                {
                    Exit();
                }
            }

            private SqlStatementKind ParseInsert()
            {
                _pos++; // INSERT
                if (Kw(_pos, "INTO"))
                {
                    _pos++;
                }
                else if (Kw(_pos, "OVERWRITE"))
                {
                    _pos++;
                    if (Kw(_pos, "TABLE"))
                    {
                        _pos++;
                    }
                }
                else
                {
                    Fail("expected INTO");
                    return SqlStatementKind.Unknown;
                }

                _target = ParseQualifiedName(out _, out _);
                if (Failed)
                {
                    return SqlStatementKind.Unknown;
                }

                if (Is(_pos, SqlTokenKind.OpenParen) && !IsQueryStartSkippingParens(_pos))
                {
                    SkipBalanced(); // column list
                }

                if (!(Is(_pos, SqlTokenKind.OpenParen) ? IsQueryStartSkippingParens(_pos) : IsQueryKeyword(_pos)))
                {
                    Fail("expected a query after INSERT INTO");
                    return SqlStatementKind.Unknown;
                }

                ParseQuery(SqlQueryBlockRole.Main, null, null);
                return _blocks.Count > 0 ? SqlStatementKind.InsertSelect : SqlStatementKind.NoTableRead;
            }

            private SqlStatementKind ParseCreate()
            {
                _pos++; // CREATE
                if (Kw(_pos, "OR") && Kw(_pos + 1, "REPLACE"))
                {
                    _pos += 2;
                }

                if (!Kw(_pos, "TABLE"))
                {
                    // CREATE EXTERNAL TABLE, VIEW, DATABASE, SCHEMA, FUNCTION ...: no data is read.
                    _pos = _n;
                    return SqlStatementKind.NoTableRead;
                }

                _pos++;
                if (Kw(_pos, "IF") && Kw(_pos + 1, "NOT") && Kw(_pos + 2, "EXISTS"))
                {
                    _pos += 3;
                }

                _target = ParseQualifiedName(out _, out _);
                if (Failed)
                {
                    return SqlStatementKind.Unknown;
                }

                // Look for AS <query> outside parentheses (skips column lists, COMMENT, WITH (...),
                // and Hive clauses such as STORED AS PARQUET).
                int asToken = -1;
                for (int i = _pos; i < _n; i++)
                {
                    if (_t[i].Kind == SqlTokenKind.OpenParen)
                    {
                        i = _closeOf[i] < 0 ? _n : _closeOf[i];
                        continue;
                    }

                    if (Kw(i, "AS") && IsQueryStartSkippingParens(i + 1))
                    {
                        asToken = i;
                        break;
                    }
                }

                if (asToken < 0)
                {
                    _pos = _n;
                    return SqlStatementKind.NoTableRead;
                }

                _pos = asToken + 1;
                ParseQuery(SqlQueryBlockRole.Main, null, null);
                if (Failed)
                {
                    return SqlStatementKind.Unknown;
                }

                bool noData = false;
                if (Kw(_pos, "WITH"))
                {
                    _pos++;
                    if (Kw(_pos, "NO"))
                    {
                        noData = true;
                        _pos++;
                    }

                    if (!Kw(_pos, "DATA"))
                    {
                        Fail("expected DATA");
                        return SqlStatementKind.Unknown;
                    }

                    _pos++;
                }

                return noData ? SqlStatementKind.NoTableRead : SqlStatementKind.CreateTableAsSelect;
            }

            // ----- queries ---------------------------------------------------------------------

            private void ParseQuery(SqlQueryBlockRole role, SqlQueryBlock? parent, string? cteName)
            {
                if (!Enter())
                {
                    return;
                }

                int scopeMark = _cteScope.Count;
                try
                {
                    if (Kw(_pos, "WITH"))
                    {
                        _pos++;
                        bool recursive = false;
                        if (Kw(_pos, "RECURSIVE"))
                        {
                            recursive = true;
                            _pos++;
                        }

                        while (!Failed)
                        {
                            if (!IsNamePart(_pos) || Is(_pos, SqlTokenKind.Hole))
                            {
                                Fail("expected a WITH query name");
                                return;
                            }

                            string name = _t.GetIdentifierValue(_pos) ?? string.Empty;
                            _pos++;
                            if (Is(_pos, SqlTokenKind.OpenParen))
                            {
                                SkipBalanced(); // column list
                            }

                            if (!Kw(_pos, "AS"))
                            {
                                Fail("expected AS");
                                return;
                            }

                            _pos++;
                            if (!Expect(SqlTokenKind.OpenParen, "'(' after AS"))
                            {
                                return;
                            }

                            if (recursive)
                            {
                                _cteScope.Add(name);
                            }

                            ParseQuery(SqlQueryBlockRole.CommonTableExpression, parent, name);
                            if (!Expect(SqlTokenKind.CloseParen, "')'"))
                            {
                                return;
                            }

                            if (!recursive)
                            {
                                _cteScope.Add(name);
                            }

                            if (!Is(_pos, SqlTokenKind.Comma))
                            {
                                break;
                            }

                            _pos++;
                        }
                    }

                    if (!Failed)
                    {
                        ParseQueryNoWith(role, parent, cteName);
                    }
                }
                finally
                {
                    if (_cteScope.Count > scopeMark)
                    {
                        _cteScope.RemoveRange(scopeMark, _cteScope.Count - scopeMark);
                    }

                    Exit();
                }
            }

            private void ParseQueryNoWith(SqlQueryBlockRole role, SqlQueryBlock? parent, string? cteName)
            {
                ParseQueryTerm(role, parent, cteName);
                while (!Failed && (Kw(_pos, "UNION") || Kw(_pos, "INTERSECT") || Kw(_pos, "EXCEPT")))
                {
                    _pos++;
                    if (Kw(_pos, "ALL") || Kw(_pos, "DISTINCT"))
                    {
                        _pos++;
                    }

                    ParseQueryTerm(role, parent, cteName);
                }

                // ORDER BY / OFFSET / LIMIT / FETCH of the query.
                while (!Failed)
                {
                    if (Kw(_pos, "ORDER") && Kw(_pos + 1, "BY"))
                    {
                        _pos += 2;
                    }
                    else if (Kw(_pos, "OFFSET") || Kw(_pos, "LIMIT") || Kw(_pos, "FETCH"))
                    {
                        _pos++;
                    }
                    else
                    {
                        break;
                    }

                    ScanRegion(Region.QueryTail, parent, cteName, null);
                }
            }

            private void ParseQueryTerm(SqlQueryBlockRole role, SqlQueryBlock? parent, string? cteName)
            {
                if (Failed)
                {
                    return;
                }

                if (Kw(_pos, "SELECT"))
                {
                    ParseQuerySpecification(role, parent, cteName);
                }
                else if (Is(_pos, SqlTokenKind.OpenParen))
                {
                    _pos++;
                    ParseQuery(role, parent, cteName);
                    Expect(SqlTokenKind.CloseParen, "')'");
                }
                else if (Kw(_pos, "VALUES"))
                {
                    _pos++;
                    ScanRegion(Region.Values, parent, cteName, null);
                }
                else if (Kw(_pos, "TABLE") && !Is(_pos + 1, SqlTokenKind.OpenParen))
                {
                    var block = NewBlock(role, parent, cteName, _pos);
                    block.IsTableQuery = true;
                    _pos++;
                    AddTable(block);
                    block.End = EndOf(_pos - 1);
                }
                else
                {
                    Fail("expected a query");
                }
            }

            private void ParseQuerySpecification(SqlQueryBlockRole role, SqlQueryBlock? parent, string? cteName)
            {
                var block = NewBlock(role, parent, cteName, _pos);
                _pos++; // SELECT
                ScanRegion(Region.SelectList, block, cteName, null);
                if (!Failed && Kw(_pos, "FROM"))
                {
                    _pos++;
                    ParseFrom(block);
                    block.FromEnd = EndOf(_pos - 1);
                    block.WhereInsertOffset = block.FromEnd;
                }

                if (!Failed && Kw(_pos, "WHERE"))
                {
                    block.Where = ParsePredicate(block, SqlPredicateKind.Where);
                }

                if (!Failed && Kw(_pos, "GROUP") && Kw(_pos + 1, "BY"))
                {
                    _pos += 2;
                    ScanRegion(Region.GroupBy, block, cteName, null);
                }

                if (!Failed && Kw(_pos, "HAVING"))
                {
                    _pos++;
                    ScanRegion(Region.Having, block, cteName, null);
                }

                if (!Failed && IsWindowClause(_pos))
                {
                    _pos++;
                    ScanRegion(Region.Window, block, cteName, null);
                }

                block.End = EndOf(_pos - 1);
            }

            private SqlPredicate? ParsePredicate(SqlQueryBlock block, SqlPredicateKind kind)
            {
                var predicate = new SqlPredicate(kind, StartOf(_pos));
                _pos++; // WHERE / ON
                predicate.FirstToken = _pos;
                ScanRegion(kind == SqlPredicateKind.Where ? Region.Where : Region.On, block, block.CteName, predicate);
                predicate.EndToken = _pos;
                if (Failed)
                {
                    return null;
                }

                if (predicate.EndToken <= predicate.FirstToken)
                {
                    Fail("empty condition");
                    return null;
                }

                predicate.Start = StartOf(predicate.FirstToken);
                predicate.End = EndOf(predicate.EndToken - 1);
                predicate.Tokens = _t;
                block.Predicates.Add(predicate);
                return predicate;
            }

            // ----- FROM ------------------------------------------------------------------------

            private void ParseFrom(SqlQueryBlock block)
            {
                while (!Failed)
                {
                    ParseJoinedRelation(block);
                    if (Failed || !Is(_pos, SqlTokenKind.Comma))
                    {
                        return;
                    }

                    _pos++;
                }
            }

            private void ParseJoinedRelation(SqlQueryBlock block)
            {
                ParseAliasedRelation(block);
                while (!Failed)
                {
                    if (Kw(_pos, "CROSS") && Kw(_pos + 1, "JOIN"))
                    {
                        _pos += 2;
                        ParseAliasedRelation(block);
                        continue;
                    }

                    int save = _pos;
                    if (Kw(_pos, "NATURAL"))
                    {
                        _pos++;
                    }

                    if (Kw(_pos, "INNER"))
                    {
                        _pos++;
                    }
                    else if (Kw(_pos, "LEFT") || Kw(_pos, "RIGHT") || Kw(_pos, "FULL"))
                    {
                        _pos++;
                        if (Kw(_pos, "OUTER"))
                        {
                            _pos++;
                        }
                    }

                    if (!Kw(_pos, "JOIN"))
                    {
                        _pos = save;
                        return;
                    }

                    _pos++;
                    ParseAliasedRelation(block);
                    if (Failed)
                    {
                        return;
                    }

                    if (Kw(_pos, "ON"))
                    {
                        ParsePredicate(block, SqlPredicateKind.JoinOn);
                    }
                    else if (Kw(_pos, "USING"))
                    {
                        _pos++;
                        SkipBalanced();
                    }
                }
            }

            private void ParseAliasedRelation(SqlQueryBlock block)
            {
                if (Failed)
                {
                    return;
                }

                SqlTableReference? table = null;
                if (Kw(_pos, "LATERAL") && Is(_pos + 1, SqlTokenKind.OpenParen))
                {
                    _pos++;
                }

                if (Is(_pos, SqlTokenKind.OpenParen))
                {
                    if (IsQueryStartSkippingParens(_pos))
                    {
                        _pos++;
                        ParseQuery(SqlQueryBlockRole.DerivedTable, block, block.CteName);
                        Expect(SqlTokenKind.CloseParen, "')'");
                    }
                    else
                    {
                        if (!Enter())
                        {
                            return;
                        }

                        try
                        {
                            _pos++;
                            ParseJoinedRelation(block);
                            Expect(SqlTokenKind.CloseParen, "')'");
                        }
                        finally
                        {
                            Exit();
                        }
                    }
                }
                else if ((Kw(_pos, "UNNEST") || Kw(_pos, "TABLE")) && Is(_pos + 1, SqlTokenKind.OpenParen))
                {
                    _pos++;
                    ScanParenthesized(block, block.CteName);
                    if (Kw(_pos, "WITH") && Kw(_pos + 1, "ORDINALITY"))
                    {
                        _pos += 2;
                    }
                }
                else if (IsNamePart(_pos) && Is(_pos + 1, SqlTokenKind.OpenParen))
                {
                    // A table function call.
                    _pos++;
                    ScanParenthesized(block, block.CteName);
                }
                else if (IsNamePart(_pos))
                {
                    table = AddTable(block);
                    if (!Failed && Kw(_pos, "FOR") && Kw(_pos + 2, "AS") && Kw(_pos + 3, "OF"))
                    {
                        // Time travel: FOR VERSION / TIMESTAMP / SYSTEM_TIME / SYSTEM_VERSION AS OF expr.
                        _pos += 4;
                        SkipOperandExpression(block);
                    }
                }
                else
                {
                    Fail("expected a relation");
                    return;
                }

                if (Failed)
                {
                    return;
                }

                ParseAlias(block, table);
                if (!Failed && Kw(_pos, "MATCH_RECOGNIZE") && Is(_pos + 1, SqlTokenKind.OpenParen))
                {
                    _pos++;
                    SkipBalanced();
                    ParseAlias(block, null);
                }

                if (!Failed && Kw(_pos, "TABLESAMPLE"))
                {
                    _pos++;
                    if (IsNamePart(_pos))
                    {
                        _pos++;
                    }

                    ScanParenthesized(block, block.CteName);
                }
            }

            private SqlTableReference? AddTable(SqlQueryBlock block)
            {
                var name = ParseQualifiedName(out int start, out int end);
                if (name is null)
                {
                    return null;
                }

                bool isCte = name.Parts.Count == 1 && name.Name != null && IsCteInScope(name.Name);
                var table = new SqlTableReference(block, name, isCte, start, end);
                block.Tables.Add(table);
                return table;
            }

            private bool IsCteInScope(string name)
            {
                for (int i = _cteScope.Count - 1; i >= 0; i--)
                {
                    if (string.Equals(_cteScope[i], name, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            private void ParseAlias(SqlQueryBlock block, SqlTableReference? table)
            {
                int aliasToken;
                if (Kw(_pos, "AS"))
                {
                    _pos++;
                    if (!IsNamePart(_pos, allowReserved: false))
                    {
                        Fail("expected an alias after AS");
                        return;
                    }

                    aliasToken = _pos;
                }
                else if (Is(_pos, SqlTokenKind.Identifier))
                {
                    if (SqlKeywords.AliasStop.Contains(_text, _t[_pos].Start, _t[_pos].Length))
                    {
                        return;
                    }

                    aliasToken = _pos;
                }
                else if (Is(_pos, SqlTokenKind.QuotedIdentifier) || Is(_pos, SqlTokenKind.BacktickIdentifier))
                {
                    aliasToken = _pos;
                }
                else if (Is(_pos, SqlTokenKind.Hole))
                {
                    // FROM t {something}: the hole may be an alias, or a whole WHERE clause.
                    block.HasOpaqueHole = true;
                    aliasToken = _pos;
                }
                else
                {
                    return;
                }

                _pos++;
                if (table != null)
                {
                    table.AliasStart = _t[aliasToken].Start;
                    table.AliasEnd = _t[aliasToken].End;
                    table.Alias = _t.GetIdentifierValue(aliasToken);
                    table.AliasIsHole = _t[aliasToken].Kind == SqlTokenKind.Hole;
                }

                if (Is(_pos, SqlTokenKind.OpenParen))
                {
                    SkipBalanced(); // column aliases
                }
            }

            /// <summary>Reads a (qualified) name; null and a failure when there is none.</summary>
            private SqlTableName? ParseQualifiedName(out int start, out int end)
            {
                start = StartOf(_pos);
                end = start;
                if (!IsNamePart(_pos))
                {
                    Fail("expected a name");
                    return null;
                }

                var parts = new List<string?>(3);
                while (true)
                {
                    parts.Add(_t.GetIdentifierValue(_pos));
                    _pos++;
                    if (Is(_pos, SqlTokenKind.Dot) && IsNamePart(_pos + 1, allowReserved: true))
                    {
                        _pos++;
                        continue;
                    }

                    break;
                }

                end = EndOf(_pos - 1);
                return new SqlTableName(parts);
            }

            /// <summary>Skips one operand expression such as <c>TIMESTAMP '...' - INTERVAL '1' DAY</c>.</summary>
            private void SkipOperandExpression(SqlQueryBlock block)
            {
                while (!Failed)
                {
                    if (Kw(_pos, "INTERVAL"))
                    {
                        _pos++;
                        if (Is(_pos, SqlTokenKind.String) || Is(_pos, SqlTokenKind.Hole) || Is(_pos, SqlTokenKind.Parameter))
                        {
                            _pos++;
                        }

                        if (Is(_pos, SqlTokenKind.Identifier))
                        {
                            _pos++;
                            if (Kw(_pos, "TO") && Is(_pos + 1, SqlTokenKind.Identifier))
                            {
                                _pos += 2;
                            }
                        }
                    }
                    else if (Is(_pos, SqlTokenKind.Identifier) && Is(_pos + 1, SqlTokenKind.String))
                    {
                        _pos += 2; // typed literal
                    }
                    else if (Is(_pos, SqlTokenKind.Number) || Is(_pos, SqlTokenKind.String)
                        || Is(_pos, SqlTokenKind.Parameter) || Is(_pos, SqlTokenKind.Hole))
                    {
                        _pos++;
                    }
                    else if (IsNamePart(_pos) && Is(_pos + 1, SqlTokenKind.OpenParen))
                    {
                        _pos++;
                        ScanParenthesized(block, block.CteName);
                    }
                    else if (Is(_pos, SqlTokenKind.OpenParen))
                    {
                        ScanParenthesized(block, block.CteName);
                    }
                    else if (Is(_pos, SqlTokenKind.Identifier) && !SqlKeywords.AliasStop.Contains(_text, _t[_pos].Start, _t[_pos].Length))
                    {
                        _pos++; // current_timestamp and the like
                    }
                    else
                    {
                        Fail("expected a version or timestamp");
                        return;
                    }

                    if (IsOperator(_pos, "+") || IsOperator(_pos, "-") || IsOperator(_pos, "*")
                        || IsOperator(_pos, "/") || IsOperator(_pos, "||"))
                    {
                        _pos++;
                        continue;
                    }

                    return;
                }
            }

            private bool IsOperator(int i, string op) => _t.IsOperator(i, op);

            private bool IsWindowClause(int i) => Kw(i, "WINDOW") && IsNamePart(i + 1) && Kw(i + 2, "AS");

            // ----- expression regions ----------------------------------------------------------

            /// <summary>
            /// Scans an expression region up to its end: a clause keyword (depending on the region)
            /// outside parentheses, an unmatched ')', ';' or the end. Subqueries found in it are read
            /// as blocks (children of <paramref name="owner"/>); when <paramref name="predicate"/> is
            /// given, its column references are collected.
            /// </summary>
            private void ScanRegion(Region region, SqlQueryBlock? owner, string? cteName, SqlPredicate? predicate)
            {
                int depth = 0;
                int betweenDepth = -1;
                while (_pos < _n && !Failed)
                {
                    var token = _t[_pos];
                    switch (token.Kind)
                    {
                        case SqlTokenKind.OpenParen:
                            if (Kw(_pos + 1, "SELECT") || Kw(_pos + 1, "WITH"))
                            {
                                _pos++;
                                ParseQuery(SqlQueryBlockRole.ExpressionSubquery, owner, cteName);
                                Expect(SqlTokenKind.CloseParen, "')' after subquery");
                            }
                            else
                            {
                                depth++;
                                _pos++;
                            }

                            continue;
                        case SqlTokenKind.CloseParen:
                            if (depth == 0)
                            {
                                return;
                            }

                            depth--;
                            _pos++;
                            continue;
                        case SqlTokenKind.Semicolon:
                            return;
                    }

                    if (depth == 0 && IsRegionEnd(region, _pos))
                    {
                        return;
                    }

                    if (predicate != null)
                    {
                        if (token.Kind == SqlTokenKind.Identifier)
                        {
                            if (depth == 0 && Kw(_pos, "OR"))
                            {
                                predicate.HasTopLevelOr = true;
                            }
                            else if (Kw(_pos, "BETWEEN"))
                            {
                                betweenDepth = depth;
                            }
                            else if (Kw(_pos, "AND") && betweenDepth == depth)
                            {
                                betweenDepth = -1;
                                _betweenAndToken = _pos;
                            }
                        }

                        if (IsNamePart(_pos, allowReserved: true) && !Is(_pos - 1, SqlTokenKind.Dot))
                        {
                            CollectColumn(predicate);
                            continue;
                        }
                    }

                    _pos++;
                }
            }

            /// <summary>True when token <paramref name="i"/>, outside parentheses, ends a region.</summary>
            private bool IsRegionEnd(Region region, int i)
            {
                var token = _t[i];
                if (region == Region.Parenthesized)
                {
                    return false;
                }

                if (token.Kind == SqlTokenKind.Comma)
                {
                    return region == Region.On;
                }

                if (token.Kind != SqlTokenKind.Identifier)
                {
                    return false;
                }

                switch (region)
                {
                    case Region.On:
                        if (Kw(i, "JOIN") || Kw(i, "INNER") || Kw(i, "CROSS") || Kw(i, "NATURAL") || Kw(i, "WHERE"))
                        {
                            return true;
                        }

                        if ((Kw(i, "LEFT") || Kw(i, "RIGHT") || Kw(i, "FULL")) && (Kw(i + 1, "JOIN") || Kw(i + 1, "OUTER")))
                        {
                            return true;
                        }

                        break;
                    case Region.SelectList:
                        if (Kw(i, "WHERE"))
                        {
                            return true;
                        }

                        if (Kw(i, "FROM") && !(Kw(i - 1, "DISTINCT") && (Kw(i - 2, "IS") || Kw(i - 2, "NOT"))))
                        {
                            return true;
                        }

                        break;
                }

                if ((Kw(i, "GROUP") || Kw(i, "ORDER")) && Kw(i + 1, "BY"))
                {
                    return true;
                }

                if (Kw(i, "HAVING") || Kw(i, "UNION") || Kw(i, "INTERSECT") || Kw(i, "EXCEPT"))
                {
                    return true;
                }

                if (Kw(i, "LIMIT") || Kw(i, "OFFSET"))
                {
                    return Is(i + 1, SqlTokenKind.Number) || Is(i + 1, SqlTokenKind.Parameter)
                        || Is(i + 1, SqlTokenKind.Hole) || Kw(i + 1, "ALL");
                }

                if (Kw(i, "FETCH"))
                {
                    return Kw(i + 1, "FIRST") || Kw(i + 1, "NEXT");
                }

                if (Kw(i, "WITH"))
                {
                    return Kw(i + 1, "NO") || Kw(i + 1, "DATA");
                }

                return IsWindowClause(i);
            }

            /// <summary>
            /// At a name part in a condition: reads the dotted chain and records it as a column
            /// reference unless it is a keyword, a function name, a type, or a hole in a value position.
            /// </summary>
            private void CollectColumn(SqlPredicate predicate)
            {
                int first = _pos;
                int count = 1;
                while (Is(first + 2 * count - 1, SqlTokenKind.Dot) && IsNamePart(first + 2 * count, allowReserved: true))
                {
                    count++;
                }

                int last = first + 2 * (count - 1);
                _pos = last + 1;

                if (Is(_pos, SqlTokenKind.OpenParen))
                {
                    return; // function call
                }

                if (Kw(first - 1, "AS"))
                {
                    return; // CAST(x AS type)
                }

                var firstToken = _t[first];
                if (count == 1)
                {
                    if (firstToken.Kind == SqlTokenKind.Identifier)
                    {
                        if (SqlKeywords.ExpressionKeywords.Contains(_text, firstToken.Start, firstToken.Length)
                            || Is(_pos, SqlTokenKind.String)          // DATE '2024-01-01'
                            || Kw(_pos, "FROM")                        // EXTRACT(YEAR FROM ts)
                            || IsIntervalUnit(first))
                        {
                            return;
                        }
                    }
                    else if (firstToken.Kind == SqlTokenKind.Hole && IsValuePosition(first))
                    {
                        return; // WHERE year = {year}
                    }
                }

                var parts = new string?[count];
                for (int k = 0; k < count; k++)
                {
                    parts[k] = _t.GetIdentifierValue(first + 2 * k);
                }

                predicate.Columns.Add(new SqlColumnReference(parts, firstToken.Start, _t[last].End, parts[count - 1] is null));
            }

            private bool IsIntervalUnit(int i)
            {
                // INTERVAL '1' DAY, INTERVAL '1-2' YEAR TO MONTH
                if ((Is(i - 1, SqlTokenKind.String) || Is(i - 1, SqlTokenKind.Hole) || Is(i - 1, SqlTokenKind.Parameter))
                    && Kw(i - 2, "INTERVAL"))
                {
                    return true;
                }

                return Kw(i - 1, "TO") && Is(i - 2, SqlTokenKind.Identifier)
                    && (Is(i - 3, SqlTokenKind.String) || Is(i - 3, SqlTokenKind.Hole) || Is(i - 3, SqlTokenKind.Parameter))
                    && Kw(i - 4, "INTERVAL");
            }

            /// <summary>True when a hole at token <paramref name="i"/> stands where only a value can be.</summary>
            private bool IsValuePosition(int i)
            {
                int prev = i - 1;
                if (prev < 0)
                {
                    return false;
                }

                if (prev == _betweenAndToken)
                {
                    return true;
                }

                var token = _t[prev];
                switch (token.Kind)
                {
                    case SqlTokenKind.Operator:
                        return IsOperator(prev, "=") || IsOperator(prev, "<>") || IsOperator(prev, "!=")
                            || IsOperator(prev, "<") || IsOperator(prev, ">") || IsOperator(prev, "<=")
                            || IsOperator(prev, ">=") || IsOperator(prev, "+") || IsOperator(prev, "-")
                            || IsOperator(prev, "*") || IsOperator(prev, "/") || IsOperator(prev, "%")
                            || IsOperator(prev, "||") || IsOperator(prev, "[");
                    case SqlTokenKind.Identifier:
                        return Kw(prev, "LIKE") || Kw(prev, "ILIKE") || Kw(prev, "BETWEEN") || Kw(prev, "ESCAPE")
                            || Kw(prev, "IN") || Kw(prev, "IS") || Kw(prev, "INTERVAL") || Kw(prev, "DATE")
                            || Kw(prev, "TIMESTAMP") || Kw(prev, "TIME") || Kw(prev, "THEN") || Kw(prev, "ELSE");
                    case SqlTokenKind.OpenParen:
                        return Kw(prev - 1, "IN");
                    case SqlTokenKind.Comma:
                        int open = _openOf[prev];
                        return open > 0 && Kw(open - 1, "IN");
                    default:
                        return false;
                }
            }
        }
    }
}
