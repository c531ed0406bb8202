using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using AwsAnalyzers.Athena.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// The catch-all handlers below are deliberate: an analyzer must never crash the build, whatever the project's strings hold.
#pragma warning disable CA1031

namespace AwsAnalyzers.Athena;

/// <summary>
/// What a project says about its tables' partitioning when it has no Glue catalog export, strongest first: the DDL
/// among its SQL texts (<c>CREATE EXTERNAL TABLE … PARTITIONED BY (…)</c>, CTAS <c>partitioned_by</c>), the
/// <c>AWS::Glue::Table</c> resources of its templates, and the columns its queries compare for each table.
/// </summary>
/// <remarks>
/// The SQL texts are the string literals of the compilation, with the literals and interpolated strings each is
/// concatenated with (read from the syntax alone). They are read per table name, on the first question about that
/// name, and only those that can speak of it: a text defines or compares a table only if it spells the table's name,
/// so a case-insensitive text search of each tree for the name finds every literal to read, without walking the
/// syntax of the trees that do not mention it. A name that C# must escape in a literal (a quote, a backslash, a brace,
/// a control character) is looked for in every literal instead. Each SQL text is read once for as long as its tree
/// lives, so an edit rereads only the file it changed; what a DDL text defines is read when it is found, the columns
/// a query compares only when a question needs them.
/// </remarks>
internal sealed class PartitionEvidence
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeTexts> s_trees = new();

    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly ConcurrentDictionary<string, TableTexts> _tables = new(StringComparer.OrdinalIgnoreCase);
    private GlueCatalog? _templates;

    private PartitionEvidence(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _options = options;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The evidence of <paramref name="compilation"/>; nothing is read until a question is asked.</summary>
    public static PartitionEvidence For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        new(compilation, options, cancellationToken);

    /// <summary>The tables the project's CloudFormation or SAM templates define.</summary>
    public GlueCatalog Templates => _templates ??= GlueCatalog.Of(GlueTemplates.Read(_options.AdditionalFiles, _cancellationToken));

    /// <summary>The tables of the table's name (without database) that the project's <c>CREATE TABLE</c> statements define.</summary>
    public GlueCatalog DefinitionsOf(string tableName) => TextsOf(tableName).Definitions;

    /// <summary>The columns the project's queries compare for the table (by its name, without database), or null.</summary>
    public IReadOnlyCollection<string>? ComparedColumns(string tableName) => TextsOf(tableName).ComparedColumns;

    private TableTexts TextsOf(string tableName)
    {
        int dot = tableName.LastIndexOf('.');
        string name = dot < 0 ? tableName : tableName.Substring(dot + 1);
        if (_tables.TryGetValue(name, out TableTexts? texts))
        {
            return texts;
        }

        return _tables.GetOrAdd(name, new TableTexts(name, Find(name)));
    }

    /// <summary>The SQL texts that can define or compare the table <paramref name="name"/>, in tree and position order.</summary>
    private List<SqlText> Find(string name)
    {
        var found = new List<SqlText>();
        bool spelledAsWritten = IsSpelledAsWritten(name);
        foreach (SyntaxTree tree in _compilation.SyntaxTrees)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            TreeTexts? texts = null;
            int first = found.Count;
            if (spelledAsWritten)
            {
                string source = tree.GetText(_cancellationToken).ToString();
                int index = source.IndexOf(name, StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    continue;
                }

                SyntaxNode root = tree.GetRoot(_cancellationToken);
                texts = s_trees.GetValue(tree, static _ => new TreeTexts());
                for (; index >= 0; index = source.IndexOf(name, index + 1, StringComparison.OrdinalIgnoreCase))
                {
                    SyntaxToken token = root.FindToken(index);
                    if (token.Span.Contains(index) && LiteralOf(token) is { } literal)
                    {
                        AddText(texts.Get(Outermost(literal)), found, first);
                    }
                }
            }
            else
            {
                foreach (SyntaxNode node in tree.GetRoot(_cancellationToken).DescendantNodes())
                {
                    if (node.IsKind(SyntaxKind.StringLiteralExpression) || node.IsKind(SyntaxKind.InterpolatedStringExpression))
                    {
                        texts ??= s_trees.GetValue(tree, static _ => new TreeTexts());
                        AddText(texts.Get(Outermost(node)), found, first);
                    }
                }
            }

            // Texts in the order their first literal is written: a text inside another's hole comes first when it is
            // written first.
            if (found.Count - first > 1)
            {
                found.Sort(first, found.Count - first, SqlText.ByPosition);
            }
        }

        return found;
    }

    private static void AddText(SqlText? text, List<SqlText> found, int first)
    {
        if (text is not null && found.IndexOf(text, first) < 0)
        {
            found.Add(text);
        }
    }

    /// <summary>
    /// True when a literal that holds <paramref name="name"/> holds it as written: no character of it is one that a
    /// C# literal or the SQL reader spells otherwise (escaped, doubled, or an identifier quote).
    /// </summary>
    private static bool IsSpelledAsWritten(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (c < ' ' || c is '"' or '`' or '\\' or '{' or '}')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The string literal or interpolated string whose text <paramref name="token"/> is, or null.</summary>
    private static SyntaxNode? LiteralOf(SyntaxToken token) =>
        token.Parent switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
            InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } => interpolated,
            _ => null,
        };

    /// <summary>The concatenation <paramref name="node"/> is part of, or the node itself.</summary>
    private static SyntaxNode Outermost(SyntaxNode node)
    {
        while (node.Parent is { } parent
            && (parent.IsKind(SyntaxKind.AddExpression) || parent.IsKind(SyntaxKind.ParenthesizedExpression)))
        {
            node = parent;
        }

        return node;
    }

    /// <summary>What the SQL texts found for one table name say about it.</summary>
    private sealed class TableTexts
    {
        private readonly string _name;
        private readonly List<SqlText> _texts;
        private GlueCatalog? _definitions;
        private HashSet<string>? _comparedColumns;
        private bool _comparedRead;

        public TableTexts(string name, List<SqlText> texts)
        {
            _name = name;
            _texts = texts;
        }

        public GlueCatalog Definitions => _definitions ??= ReadDefinitions();

        public IReadOnlyCollection<string>? ComparedColumns
        {
            get
            {
                if (!Volatile.Read(ref _comparedRead))
                {
                    _comparedColumns = ReadComparedColumns();
                    Volatile.Write(ref _comparedRead, true);
                }

                return _comparedColumns;
            }
        }

        private GlueCatalog ReadDefinitions()
        {
            ImmutableArray<GlueTable>.Builder? tables = null;
            foreach (SqlText text in _texts)
            {
                if (text.Definition is { } table && string.Equals(table.Name, _name, StringComparison.OrdinalIgnoreCase))
                {
                    (tables ??= ImmutableArray.CreateBuilder<GlueTable>()).Add(table);
                }
            }

            return tables is null ? GlueCatalog.Empty : GlueCatalog.Of(tables.ToImmutable());
        }

        private HashSet<string>? ReadComparedColumns()
        {
            HashSet<string>? columns = null;
            foreach (SqlText text in _texts)
            {
                foreach ((string table, string column) in text.ComparedColumns)
                {
                    if (string.Equals(table, _name, StringComparison.OrdinalIgnoreCase))
                    {
                        (columns ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(column);
                    }
                }
            }

            return columns;
        }
    }

    /// <summary>The SQL texts of one syntax tree read so far, by the span of their outermost expression.</summary>
    private sealed class TreeTexts
    {
        private readonly ConcurrentDictionary<TextSpan, SqlText?> _texts = new();

        /// <summary>The SQL text of the concatenation <paramref name="text"/>, or null when it names no table.</summary>
        public SqlText? Get(SyntaxNode text) =>
            _texts.TryGetValue(text.Span, out SqlText? found) ? found : _texts.GetOrAdd(text.Span, SqlText.Read(text));
    }

    /// <summary>One SQL text: the table its DDL defines, read when it is found, and the columns its blocks compare, read on demand.</summary>
    private sealed class SqlText
    {
        public static readonly IComparer<SqlText> ByPosition = Comparer<SqlText>.Create(static (a, b) => a._position.CompareTo(b._position));

        private readonly int _position;
        private readonly SqlSourceText _source;
        private List<(string Table, string Column)>? _comparedColumns;

        private SqlText(int position, SqlSourceText source)
        {
            _position = position;
            _source = source;
            Definition = ReadDefinition(source);
        }

        /// <summary>The table a <c>CREATE TABLE</c> text defines, or null.</summary>
        public GlueTable? Definition { get; }

        /// <summary>A base table and a column that a condition of the block that reads it compares.</summary>
        public List<(string Table, string Column)> ComparedColumns => _comparedColumns ??= ReadComparedColumns(_source);

        public static SqlText? Read(SyntaxNode text)
        {
            if (Parts(text, out int position) is not { } parts)
            {
                return null;
            }

            try
            {
                return new SqlText(position, SqlSourceText.FromParts(parts));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not expected: the SQL reader is written not to throw. One text it cannot read is no evidence.
                return null;
            }
        }

        private static GlueTable? ReadDefinition(SqlSourceText source)
        {
            if (!source.Text.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase)
                || SqlTableDefinitions.Read(source) is not { } definition || definition.Name.Name is not { } name)
            {
                return null;
            }

            IReadOnlyList<string?> nameParts = definition.Name.Parts;
            var keys = ImmutableArray.CreateBuilder<GluePartitionKey>();
            foreach ((string column, string? type) in definition.PartitionColumns)
            {
                keys.Add(new GluePartitionKey(column, type));
            }

            return new GlueTable(nameParts.Count >= 2 ? nameParts[nameParts.Count - 2] : null, name, keys.ToImmutable());
        }

        /// <summary>
        /// The text of a concatenation of literals and interpolated strings, other operands as holes, and where its
        /// first literal starts; null when it names no table.
        /// </summary>
        private static List<SqlTextPart>? Parts(SyntaxNode text, out int position)
        {
            var parts = new List<SqlTextPart>();
            bool mayNameTable = false;
            position = int.MaxValue;
            var pending = new Stack<SyntaxNode>();
            pending.Push(text);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                        pending.Push(binary.Right);
                        pending.Push(binary.Left);
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        pending.Push(parenthesized.Expression);
                        break;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        parts.Add(SqlTextPart.FromText(literal.Token.ValueText));
                        mayNameTable |= MayNameTable(literal.Token.ValueText);
                        position = Math.Min(position, literal.SpanStart);
                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                        {
                            if (content is InterpolatedStringTextSyntax textPart)
                            {
                                parts.Add(SqlTextPart.FromText(textPart.TextToken.ValueText));
                                mayNameTable |= MayNameTable(textPart.TextToken.ValueText);
                            }
                            else
                            {
                                parts.Add(SqlTextPart.Hole);
                            }
                        }

                        position = Math.Min(position, interpolated.SpanStart);
                        break;
                    default:
                        parts.Add(SqlTextPart.Hole);
                        break;
                }
            }

            return mayNameTable ? parts : null;
        }

        private static bool MayNameTable(string text) =>
            text.IndexOf("FROM", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("TABLE", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Each base table of a block with a column its conditions compare: qualified by its alias or name, or unqualified when the block reads only it.</summary>
        private static List<(string, string)> ReadComparedColumns(SqlSourceText source)
        {
            var compared = new List<(string, string)>();
            try
            {
                SqlStatement statement = SqlParser.Parse(source);
                if (statement.IsUnknown)
                {
                    return compared;
                }

                foreach (SqlQueryBlock block in statement.Blocks)
                {
                    if (block.HasOpaqueHole)
                    {
                        continue;
                    }

                    foreach (SqlPredicate predicate in block.Predicates)
                    {
                        foreach (SqlColumnReference column in predicate.Columns)
                        {
                            if (!column.IsHole && column.Name is { } name && ComparedTable(block, column.Qualifier) is { } table)
                            {
                                compared.Add((table, name));
                            }
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not expected: the SQL reader is written not to throw. What it read before it stopped stands.
            }

            return compared;
        }

        private static string? ComparedTable(SqlQueryBlock block, string? qualifier)
        {
            SqlTableReference? found = null;
            foreach (SqlTableReference table in block.Tables)
            {
                if (qualifier is null
                    || string.Equals(qualifier, table.Alias, StringComparison.OrdinalIgnoreCase)
                    || (table.Alias is null && string.Equals(qualifier, table.Name.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = table;
                }
            }

            return found is { IsCte: false, AliasIsHole: false, Name.Name: { } name } ? name : null;
        }
    }
}
