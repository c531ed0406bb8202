using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Athena.Sql;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AwsAnalyzers.Athena;

/// <summary>
/// Fixes AWS015 in the query text: a <c>SELECT *</c> gets <c>LIMIT n</c> (which changes the results, as the title says),
/// or, when a Glue catalog export lists the table's columns, the star becomes those columns; a CTAS or UNLOAD writes
/// Parquet. A top-level <c>ORDER BY</c> without <c>LIMIT</c> has no fix: how many rows the caller needs is not in the code.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS015QueryReadsMoreThanItReturnsCodeFix)), Shared]
public sealed class AWS015QueryReadsMoreThanItReturnsCodeFix : DocumentCodeFixProvider
{
    public const string AddLimitKey = "AWS015.AddLimit";

    public const string ExpandStarKey = "AWS015.ExpandStar";

    public const string WriteParquetKey = "AWS015.WriteParquet";

    /// <summary>Properties a text or JSON CTAS / UNLOAD may set that Parquet rejects or reads otherwise.</summary>
    private static readonly string[] ParquetSafeProperties = { "format", "external_location", "partitioned_by", "bucketed_by", "bucket_count" };

    public AWS015QueryReadsMoreThanItReturnsCodeFix()
        : base(AWS015QueryReadsMoreThanItReturnsAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        foreach (string key in new[] { AddLimitKey, ExpandStarKey, WriteParquetKey })
        {
            if (Plan(context.Document, root, model, diagnostic, key, context.CancellationToken) is { } fix)
            {
                RegisterFix(context, diagnostic, fix.Title, key);
            }
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var fixes = new List<QueryEdit>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (Plan(document, root, model, diagnostic, equivalenceKey, cancellationToken) is { } fix)
            {
                fixes.Add(fix);
            }
        }

        if (fixes.Count == 0)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (QueryEdit fix in fixes)
        {
            foreach (KeyValuePair<ExpressionSyntax, ExpressionSyntax> literal in fix.NewLiterals)
            {
                editor.ReplaceNode(literal.Key, literal.Value);
            }
        }

        return editor.GetChangedDocument();
    }

    private static QueryEdit? Plan(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(AWS015QueryReadsMoreThanItReturnsAnalyzer.ShapeProperty, out string? shape)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
            || model.GetOperation(value, cancellationToken) is not { } operation
            || AWS015QueryReadsMoreThanItReturnsAnalyzer.Analyze(operation, cancellationToken) is not { } finding
            || finding.Shape != shape)
        {
            return null;
        }

        var edits = new QueryTextEdits(finding.Segments, finding.Statement);
        string title;
        switch (key)
        {
            case AddLimitKey when shape == AWS015QueryReadsMoreThanItReturnsAnalyzer.SelectStar && finding.Statement.Shape.QueryEnd >= 0:
                string limit = RuleOptions.AthenaDefaultLimit.Read(document.Project.AnalyzerOptions, value.SyntaxTree).ToString(CultureInfo.InvariantCulture);
                edits.Insert(finding.Statement.Shape.QueryEnd, " LIMIT " + limit);
                title = FixTitles.Format(CodeFixResources.AWS015AddLimit, limit);
                break;
            case ExpandStarKey when finding.Star is { } star && ColumnsOf(document, finding.Statement, star, cancellationToken) is { } columns:
                edits.Replace(star.Start, star.End, columns);
                title = FixTitles.Format(CodeFixResources.AWS015ExpandStar, finding.Argument);
                break;
            case WriteParquetKey when shape == AWS015QueryReadsMoreThanItReturnsAnalyzer.RowFormat
                && finding.Statement.Shape.Format is { } format
                && format.PropertyNames.All(name => ParquetSafeProperties.Contains(name, StringComparer.OrdinalIgnoreCase)):
                edits.Replace(format.ValueStart, format.ValueEnd, "'PARQUET'");
                title = FixTitles.Format(CodeFixResources.AWS015WriteParquet, finding.Argument);
                break;
            default:
                return null;
        }

        return edits.Apply() is { } literals ? new QueryEdit(title, literals) : null;
    }

    /// <summary>
    /// The select list that names what the star stands for, from the one catalog table it reads: data columns, then
    /// partition keys (the order Athena gives <c>SELECT *</c>), qualified as the star was. Null when the block reads
    /// several tables through a bare star, or the catalog does not list exactly one such table with its columns.
    /// </summary>
    private static string? ColumnsOf(Document document, SqlStatement statement, SqlSelectStar star, CancellationToken cancellationToken)
    {
        SqlTableReference? table = null;
        foreach (SqlTableReference candidate in star.Block.Tables)
        {
            bool named = star.Qualifier is null
                || string.Equals(star.Qualifier, candidate.Alias, StringComparison.OrdinalIgnoreCase)
                || (candidate.Alias is null && string.Equals(star.Qualifier, candidate.Name.Name, StringComparison.OrdinalIgnoreCase));
            if (named)
            {
                if (table is not null)
                {
                    return null;
                }

                table = candidate;
            }
        }

        if (table?.Name.FullName is not { } name)
        {
            return null;
        }

        GlueCatalog catalog = PartitionColumns.ReadCatalog(document.Project.AnalyzerOptions, cancellationToken);
        if (catalog.Find(name, out GlueTable? found) != GlueLookupResult.Found || found is null || found.Columns.IsEmpty
            || catalog.Tables.Count(t => string.Equals(t.Name, found.Name, StringComparison.OrdinalIgnoreCase)
                && (t.Database is null || found.Database is null || string.Equals(t.Database, found.Database, StringComparison.OrdinalIgnoreCase))) != 1)
        {
            return null;
        }

        string qualifier = star.Qualifier is null ? string.Empty : statement.Text.Substring(star.Start, star.End - star.Start - 1);
        return string.Join(", ", found.Columns.Concat(found.PartitionKeys).Select(column => qualifier + Identifier(column.Name)));
    }

    /// <summary>A column name as Athena reads it: bare when it is a plain lower-case name, double-quoted otherwise.</summary>
    private static string Identifier(string name)
    {
        bool plain = name.Length > 0 && (name[0] is (>= 'a' and <= 'z') or '_')
            && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            && !SqlKeywords.Reserved.Contains(name);
        return plain ? name : "\"" + name.Replace("\"", "\"\"") + "\"";
    }

    private sealed class QueryEdit
    {
        public QueryEdit(string title, Dictionary<ExpressionSyntax, ExpressionSyntax> newLiterals)
        {
            Title = title;
            NewLiterals = newLiterals;
        }

        public string Title { get; }

        public Dictionary<ExpressionSyntax, ExpressionSyntax> NewLiterals { get; }
    }
}
