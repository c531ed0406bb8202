// Internal API of the Athena SQL reader (rule AWS004). Every type here is internal; the test
// project AwsAnalyzers.Tests sees them through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections.Generic;
using System.Globalization;

namespace AwsAnalyzers.Athena.Sql
{
    internal enum SqlStatementKind
    {
        /// <summary>Not recognized, or not readable (lexer error, unbalanced parentheses, unexpected token, too deep).</summary>
        Unknown,

        /// <summary>A query: SELECT, WITH ... SELECT, VALUES, TABLE t, parenthesized queries and set operations.</summary>
        Select,

        /// <summary>INSERT INTO t [(cols)] query (INSERT ... VALUES without any query block is <see cref="NoTableRead"/>).</summary>
        InsertSelect,

        /// <summary>CREATE TABLE t [(...)] [WITH (...)] AS query [WITH DATA].</summary>
        CreateTableAsSelect,

        /// <summary>UNLOAD (query) TO '...' WITH (...).</summary>
        Unload,

        /// <summary>
        /// A statement that scans no table data: SHOW, DESCRIBE, MSCK REPAIR, ALTER, DROP, USE, EXPLAIN
        /// (without ANALYZE), CREATE without AS query, CREATE VIEW, CTAS ... WITH NO DATA, INSERT ... VALUES, etc.
        /// </summary>
        NoTableRead,
    }

    /// <summary>Where a query block sits.</summary>
    internal enum SqlQueryBlockRole
    {
        /// <summary>The statement's own query (including each operand of a top-level UNION etc.).</summary>
        Main,

        /// <summary>The body of a WITH query (common table expression).</summary>
        CommonTableExpression,

        /// <summary>A parenthesized query in FROM / JOIN (derived table, LATERAL).</summary>
        DerivedTable,

        /// <summary>A parenthesized query inside an expression: IN (SELECT ..), EXISTS (..), scalar subquery.</summary>
        ExpressionSubquery,
    }

    internal enum SqlPredicateKind
    {
        Where,
        JoinOn,
    }

    /// <summary>A (possibly qualified) table name. Parts are unquoted; a part that is a hole is null.</summary>
    internal sealed class SqlTableName
    {
        public SqlTableName(IReadOnlyList<string?> parts)
        {
            Parts = parts;
            int known = 0;
            for (int i = parts.Count - 1; i >= 0 && parts[i] != null; i--)
            {
                known++;
            }

            HasHole = known != parts.Count;
            Name = parts.Count > 0 ? parts[parts.Count - 1] : null;
            LookupName = known == 0 ? null : Join(parts, parts.Count - known);
            FullName = HasHole ? null : LookupName;
        }

        /// <summary>Name parts as written, unquoted: catalog, database, table. Null for a part that is a hole.</summary>
        public IReadOnlyList<string?> Parts { get; }

        /// <summary>The last part (the table name proper), or null when it is a hole.</summary>
        public string? Name { get; }

        /// <summary>All parts joined with '.', or null when any part is a hole.</summary>
        public string? FullName { get; }

        /// <summary>
        /// The longest run of known parts at the end, joined with '.': the full name when there is no
        /// hole, "events" for <c>{db}.events</c>, null when the last part is a hole.
        /// </summary>
        public string? LookupName { get; }

        public bool HasHole { get; }

        public override string ToString() => LookupName ?? "{hole}";

        private static string Join(IReadOnlyList<string?> parts, int from)
        {
            if (from == parts.Count - 1)
            {
                return parts[from] ?? string.Empty;
            }

            var pieces = new string[parts.Count - from];
            for (int i = from; i < parts.Count; i++)
            {
                pieces[i - from] = parts[i] ?? string.Empty;
            }

            return string.Join(".", pieces);
        }
    }

    /// <summary>A named relation in a FROM clause: a base table, or a reference to a WITH query.</summary>
    internal sealed class SqlTableReference
    {
        internal SqlTableReference(SqlQueryBlock block, SqlTableName name, bool isCte, int nameStart, int nameEnd)
        {
            Block = block;
            Name = name;
            IsCte = isCte;
            NameStart = nameStart;
            NameEnd = nameEnd;
            AliasStart = -1;
            AliasEnd = -1;
        }

        /// <summary>The block whose FROM clause reads this relation.</summary>
        public SqlQueryBlock Block { get; }

        public SqlTableName Name { get; }

        /// <summary>True when this unqualified name refers to a WITH query in scope (not a base table).</summary>
        public bool IsCte { get; }

        /// <summary>Alias, unquoted (null when none or when the alias is a hole).</summary>
        public string? Alias { get; internal set; }

        /// <summary>True when the alias is a hole (its value is unknown).</summary>
        public bool AliasIsHole { get; internal set; }

        /// <summary>Span of the (qualified) name in the text, quotes included.</summary>
        public int NameStart { get; }

        public int NameEnd { get; }

        /// <summary>Span of the alias identifier in the text (quotes included), or -1.</summary>
        public int AliasStart { get; internal set; }

        public int AliasEnd { get; internal set; }

        /// <summary>The text to qualify a column of this table with, as written: the alias if any, else the name.</summary>
        public string GetQualifierText(string text)
        {
            if (AliasStart >= 0 && AliasEnd <= text.Length && AliasEnd > AliasStart)
            {
                return text.Substring(AliasStart, AliasEnd - AliasStart);
            }

            if (NameStart >= 0 && NameEnd <= text.Length && NameEnd > NameStart)
            {
                return text.Substring(NameStart, NameEnd - NameStart);
            }

            return string.Empty;
        }

        public override string ToString() => Name + (Alias is null ? string.Empty : " " + Alias) + (IsCte ? " (cte)" : string.Empty);
    }

    /// <summary>
    /// A column reference inside a predicate: its name parts, unquoted, with null for a hole part.
    /// <c>t.year</c> has parts ["t", "year"]; <c>year</c> has ["year"].
    /// </summary>
    internal sealed class SqlColumnReference
    {
        internal SqlColumnReference(IReadOnlyList<string?> parts, int start, int end, bool isHole)
        {
            Parts = parts;
            Start = start;
            End = end;
            IsHole = isHole;
        }

        public IReadOnlyList<string?> Parts { get; }

        /// <summary>The last part (the column name), or null for a hole.</summary>
        public string? Name => Parts.Count == 0 ? null : Parts[Parts.Count - 1];

        /// <summary>The part before the column name (table name or alias), or null when unqualified or a hole.</summary>
        public string? Qualifier => Parts.Count < 2 ? null : Parts[Parts.Count - 2];

        /// <summary>
        /// True when the column is unknown: a hole in a position where a column or a whole condition
        /// could stand (<c>WHERE {col} = 1</c>, <c>WHERE a = 1 AND {cond}</c>). It may match any column.
        /// </summary>
        public bool IsHole { get; }

        public int Start { get; }

        public int End { get; }

        public override string ToString()
        {
            var pieces = new string[Parts.Count];
            for (int i = 0; i < pieces.Length; i++)
            {
                pieces[i] = Parts[i] ?? "{hole}";
            }

            return string.Join(".", pieces);
        }
    }

    /// <summary>A WHERE condition or a JOIN ... ON condition.</summary>
    internal sealed class SqlPredicate
    {
        internal SqlPredicate(SqlPredicateKind kind, int keywordStart)
        {
            Kind = kind;
            KeywordStart = keywordStart;
            Columns = new List<SqlColumnReference>();
        }

        public SqlPredicateKind Kind { get; }

        /// <summary>Offset of the WHERE / ON keyword.</summary>
        public int KeywordStart { get; }

        /// <summary>Index of the first condition token in the statement's token list.</summary>
        public int FirstToken { get; internal set; }

        /// <summary>Index one past the last condition token.</summary>
        public int EndToken { get; internal set; }

        /// <summary>Offset of the first character of the condition.</summary>
        public int Start { get; internal set; }

        /// <summary>Offset just past the last character of the condition.</summary>
        public int End { get; internal set; }

        /// <summary>True when the condition has an OR outside parentheses (append "AND x" only after parenthesizing).</summary>
        public bool HasTopLevelOr { get; internal set; }

        /// <summary>Column references of the condition (not those of subqueries nested in it).</summary>
        public List<SqlColumnReference> Columns { get; }

        /// <summary>The statement's tokens, which <see cref="FirstToken"/> and <see cref="EndToken"/> index; null when not recorded.</summary>
        public SqlTokenList? Tokens { get; internal set; }
    }

    /// <summary>One SELECT ... [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...] query specification.</summary>
    internal sealed class SqlQueryBlock
    {
        internal SqlQueryBlock(int index, SqlQueryBlockRole role, SqlQueryBlock? parent, string? cteName, int start)
        {
            Index = index;
            Role = role;
            Parent = parent;
            CteName = cteName;
            Start = start;
            End = start;
            WhereInsertOffset = -1;
            FromEnd = -1;
            Tables = new List<SqlTableReference>();
            Predicates = new List<SqlPredicate>();
        }

        /// <summary>Position in <see cref="SqlStatement.Blocks"/> (blocks are in order of their SELECT keyword).</summary>
        public int Index { get; }

        public SqlQueryBlockRole Role { get; }

        /// <summary>The block whose clause contains this one (for subqueries and derived tables), or null.</summary>
        public SqlQueryBlock? Parent { get; }

        /// <summary>The WITH query this block belongs to (innermost), or null.</summary>
        public string? CteName { get; }

        /// <summary>Offset of the SELECT (or TABLE) keyword.</summary>
        public int Start { get; }

        /// <summary>Offset just past the block's last token (before any query-level ORDER BY/LIMIT/OFFSET).</summary>
        public int End { get; internal set; }

        /// <summary>True for a <c>TABLE t</c> query: it reads t but cannot be given a WHERE clause.</summary>
        public bool IsTableQuery { get; internal set; }

        /// <summary>
        /// True when a hole stands where a clause could be (<c>FROM t {filter}</c>): what the block
        /// filters on is unknown, so none of its tables is reported.
        /// </summary>
        public bool HasOpaqueHole { get; internal set; }

        /// <summary>Named relations read by this block's FROM clause (base tables and WITH references).</summary>
        public List<SqlTableReference> Tables { get; }

        /// <summary>The WHERE condition and every JOIN ... ON condition of this block, in text order.</summary>
        public List<SqlPredicate> Predicates { get; }

        /// <summary>The WHERE condition, or null.</summary>
        public SqlPredicate? Where { get; internal set; }

        public bool HasWhere => Where != null;

        /// <summary>Offset just past the FROM clause's last token, or -1 when the block has no FROM.</summary>
        public int FromEnd { get; internal set; }

        /// <summary>
        /// Where to insert " WHERE cond" when the block has none: just past the last token of the FROM
        /// clause (so before GROUP BY / HAVING / ORDER BY / LIMIT / OFFSET / UNION / ')' / ';' / end).
        /// -1 when a WHERE cannot be inserted (no FROM, or a TABLE query).
        /// </summary>
        public int WhereInsertOffset { get; internal set; }

        /// <summary>Offset of the WHERE keyword, or -1.</summary>
        public int WhereKeywordStart => Where?.KeywordStart ?? -1;

        /// <summary>Offset of the WHERE condition's first character, or -1.</summary>
        public int WhereConditionStart => Where?.Start ?? -1;

        /// <summary>Offset just past the WHERE condition (where " AND cond" goes), or -1.</summary>
        public int WhereConditionEnd => Where?.End ?? -1;

        /// <summary>True when the WHERE condition has an OR outside parentheses.</summary>
        public bool WhereHasTopLevelOr => Where?.HasTopLevelOr ?? false;

        public override string ToString()
            => "Block " + Index.ToString(CultureInfo.InvariantCulture) + " (" + Role.ToString() + ") tables: " + string.Join(", ", Tables);
    }

    /// <summary>The result of reading one SQL statement.</summary>
    internal sealed class SqlStatement
    {
        private static readonly int[] NoOffsets = Array.Empty<int>();

        private IReadOnlyList<SqlHole>? _holes;
        private SqlQueryShape? _shape;

        internal SqlStatement(SqlSourceText source, SqlTokenList tokens, SqlStatementKind kind, string? failure,
            List<SqlQueryBlock> blocks, SqlTableName? targetTable, int[]? parameterOffsets)
        {
            Source = source;
            Tokens = tokens;
            Kind = kind;
            Failure = failure;
            Blocks = blocks;
            TargetTable = targetTable;
            ParameterOffsets = parameterOffsets ?? NoOffsets;
        }

        public SqlSourceText Source { get; }

        public string Text => Source.Text;

        /// <summary>The significant tokens (no comments) the statement was read from.</summary>
        public SqlTokenList Tokens { get; }

        public SqlStatementKind Kind { get; }

        public bool IsUnknown => Kind == SqlStatementKind.Unknown;

        /// <summary>Why the statement is <see cref="SqlStatementKind.Unknown"/>, or null.</summary>
        public string? Failure { get; }

        /// <summary>Every query block, in order of its SELECT keyword (empty when unknown).</summary>
        public IReadOnlyList<SqlQueryBlock> Blocks { get; }

        /// <summary>The table written by INSERT / CTAS, or null.</summary>
        public SqlTableName? TargetTable { get; }

        /// <summary>Offsets of the <c>?</c> positional parameters, in order (comments and strings excluded).</summary>
        public IReadOnlyList<int> ParameterOffsets { get; }

        public int ParameterCount => ParameterOffsets.Count;

        /// <summary>
        /// How many <c>?</c> parameters come before <paramref name="offset"/>: the zero-based position a
        /// new parameter inserted at that offset takes among the execution parameters.
        /// </summary>
        /// <summary>Every hole of the text, in text order, with what its position in the SQL says it stands for.</summary>
        public IReadOnlyList<SqlHole> Holes => _holes ??= SqlHoleLabels.Label(this);

        /// <summary>What the outermost query returns and writes: its stars, ORDER BY and LIMIT, its storage format.</summary>
        public SqlQueryShape Shape => _shape ??= SqlQueryShape.Read(this);

        public int CountParametersBefore(int offset)
        {
            int count = 0;
            for (int i = 0; i < ParameterOffsets.Count; i++)
            {
                if (ParameterOffsets[i] < offset)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
