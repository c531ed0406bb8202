using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using AwsAnalyzers.Athena.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

// The catch-all handler below is deliberate: an analyzer must never crash the build, whatever the project's strings hold.
#pragma warning disable CA1031

namespace AwsAnalyzers.Athena;

/// <summary>
/// What a project says about its tables' partitioning when it has no Glue catalog export, strongest first: the DDL
/// among its SQL texts (<c>CREATE EXTERNAL TABLE … PARTITIONED BY (…)</c>, CTAS <c>partitioned_by</c>), the
/// <c>AWS::Glue::Table</c> resources of its templates, and the columns its queries compare for each table.
/// </summary>
/// <remarks>
/// The SQL texts are every string literal of the compilation, with the literals and interpolated strings it is
/// concatenated with (read from the syntax alone). Each syntax tree is read once for as long as it lives, so an edit
/// rereads only the file it changed.
/// </remarks>
internal sealed class PartitionEvidence
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeEvidence> s_trees = new();

    private readonly Dictionary<string, HashSet<string>> _comparedColumns;

    private PartitionEvidence(GlueCatalog definitions, GlueCatalog templates, Dictionary<string, HashSet<string>> comparedColumns)
    {
        Definitions = definitions;
        Templates = templates;
        _comparedColumns = comparedColumns;
    }

    public static PartitionEvidence Empty { get; } = new(GlueCatalog.Empty, GlueCatalog.Empty, new Dictionary<string, HashSet<string>>());

    /// <summary>The tables the project's <c>CREATE TABLE</c> statements define.</summary>
    public GlueCatalog Definitions { get; }

    /// <summary>The tables the project's CloudFormation or SAM templates define.</summary>
    public GlueCatalog Templates { get; }

    public static PartitionEvidence Read(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var definitions = ImmutableArray.CreateBuilder<GlueTable>();
        var compared = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TreeEvidence evidence = s_trees.GetValue(tree, t => TreeEvidence.Read(t, cancellationToken));
            definitions.AddRange(evidence.Definitions);
            foreach ((string table, string column) in evidence.ComparedColumns)
            {
                if (!compared.TryGetValue(table, out HashSet<string>? columns))
                {
                    compared[table] = columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                columns.Add(column);
            }
        }

        return new PartitionEvidence(
            GlueCatalog.Of(definitions.ToImmutable()),
            GlueCatalog.Of(GlueTemplates.Read(options.AdditionalFiles, cancellationToken)),
            compared);
    }

    /// <summary>The columns the project's queries compare for the table (by its name, without database), or null.</summary>
    public IReadOnlyCollection<string>? ComparedColumns(string tableName)
    {
        int dot = tableName.LastIndexOf('.');
        return _comparedColumns.TryGetValue(dot < 0 ? tableName : tableName.Substring(dot + 1), out HashSet<string>? columns) ? columns : null;
    }

    /// <summary>What one syntax tree's SQL texts say.</summary>
    private sealed class TreeEvidence
    {
        private TreeEvidence(List<GlueTable> definitions, List<(string Table, string Column)> comparedColumns)
        {
            Definitions = definitions;
            ComparedColumns = comparedColumns;
        }

        public List<GlueTable> Definitions { get; }

        /// <summary>A base table and a column that a condition of the block that reads it compares.</summary>
        public List<(string Table, string Column)> ComparedColumns { get; }

        public static TreeEvidence Read(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var definitions = new List<GlueTable>();
            var compared = new List<(string, string)>();
            var seen = new HashSet<SyntaxNode>();
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (!node.IsKind(SyntaxKind.StringLiteralExpression) && !node.IsKind(SyntaxKind.InterpolatedStringExpression))
                {
                    continue;
                }

                SyntaxNode text = Outermost(node);
                if (!seen.Add(text) || Parts(text) is not { } parts)
                {
                    continue;
                }

                try
                {
                    Add(SqlSourceText.FromParts(parts), definitions, compared);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Not expected: the SQL reader is written not to throw. One text it cannot read is no evidence.
                }
            }

            return new TreeEvidence(definitions, compared);
        }

        private static void Add(SqlSourceText source, List<GlueTable> definitions, List<(string, string)> compared)
        {
            if (source.Text.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase)
                && SqlTableDefinitions.Read(source) is { } definition && definition.Name.Name is { } name)
            {
                IReadOnlyList<string?> nameParts = definition.Name.Parts;
                var keys = ImmutableArray.CreateBuilder<GluePartitionKey>();
                foreach ((string column, string? type) in definition.PartitionColumns)
                {
                    keys.Add(new GluePartitionKey(column, type));
                }

                definitions.Add(new GlueTable(nameParts.Count >= 2 ? nameParts[nameParts.Count - 2] : null, name, keys.ToImmutable()));
            }

            AddComparedColumns(source, compared);
        }

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

        /// <summary>The text of a concatenation of literals and interpolated strings, other operands as holes; null when it names no table.</summary>
        private static List<SqlTextPart>? Parts(SyntaxNode text)
        {
            var parts = new List<SqlTextPart>();
            bool mayNameTable = false;
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
        private static void AddComparedColumns(SqlSourceText source, List<(string, string)> compared)
        {
            SqlStatement statement = SqlParser.Parse(source);
            if (statement.IsUnknown)
            {
                return;
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
