using System;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Athena.Sql;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Athena;

/// <summary>
/// AWS015: an Athena query, known at compile time, that reads far more than it returns: a top-level <c>SELECT *</c>
/// from a base table with no <c>LIMIT</c> or aggregation (every column of every row is scanned and billed), a
/// top-level <c>ORDER BY</c> without <c>LIMIT</c> (every row is sorted on one worker), or a CTAS / UNLOAD that writes a
/// row format (text, JSON, Ion), which every later query then reads in full.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS015QueryReadsMoreThanItReturnsAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.QueryReadsMoreThanItReturns;

    /// <summary>Diagnostic property: which of the three shapes it is (<see cref="SelectStar"/>, <see cref="OrderByWithoutLimit"/>, <see cref="RowFormat"/>).</summary>
    public const string ShapeProperty = "Shape";

    public const string SelectStar = "SelectStar";

    public const string OrderByWithoutLimit = "OrderByWithoutLimit";

    public const string RowFormat = "RowFormat";

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS015Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS015Description));

    internal static readonly DiagnosticDescriptor SelectStarRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS015SelectStarMessageFormat)), RuleCategories.Cost, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor OrderByRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS015OrderByMessageFormat)), RuleCategories.Cost, DiagnosticSeverity.Warning, Description);

    internal static readonly DiagnosticDescriptor RowFormatRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS015RowFormatMessageFormat)), RuleCategories.Cost, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SelectStarRule, OrderByRule, RowFormatRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? request = KnownTypes.ForAwsSdk(start.Compilation)?.Get(AWS004MissingPartitionPredicateAnalyzer.StartQueryExecutionRequestName);
            if (request is null)
            {
                return;
            }

            start.RegisterOperationActionWhereWritten(AWS004MissingPartitionPredicateAnalyzer.QueryStringWords, context => AnalyzeAssignment(context, request), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol request)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.AssignedMemberName() is { } name && name != AWS004MissingPartitionPredicateAnalyzer.QueryStringProperty)
        {
            return;
        }

        if (!AWS004MissingPartitionPredicateAnalyzer.IsQueryStringOf(assignment.Target, request)
            || Analyze(assignment.Value, context.CancellationToken) is not { } finding
            || AWS004MissingPartitionPredicateAnalyzer.IsRewrittenLater(assignment, request, context.CancellationToken)
            || CodeThatNeverRuns.Contains(assignment))
        {
            return;
        }

        DiagnosticDescriptor descriptor = finding.Shape switch
        {
            SelectStar => SelectStarRule,
            OrderByWithoutLimit => OrderByRule,
            _ => RowFormatRule,
        };
        context.ReportDiagnostic(Diagnostic.Create(
            descriptor,
            assignment.Value.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, finding.Shape),
            finding.Argument));
    }

    /// <summary>What the query text of <paramref name="value"/> reads for nothing, or null when it is fine or cannot be read.</summary>
    internal static ReadAllFinding? Analyze(IOperation value, CancellationToken cancellationToken)
    {
        QueryRead read = QueryRead.Of(value, cancellationToken);
        ImmutableArray<QueryTextSegment> segments = read.Segments;
        if (segments.IsDefault)
        {
            return null;
        }

        SqlStatement statement = read.Statement;
        if (statement.IsUnknown || !IsKnownEnough(statement))
        {
            return null;
        }

        SqlQueryShape shape = statement.Shape;
        if (statement.Kind == SqlStatementKind.Select && !shape.HasLimit)
        {
            if (!shape.HasAggregation && FirstStarOfBaseTables(statement, shape) is { } star)
            {
                return new ReadAllFinding(SelectStar, star.Qualifier is null ? "*" : star.Qualifier + ".*", segments, statement, star);
            }

            if (shape.HasOrderBy)
            {
                return new ReadAllFinding(OrderByWithoutLimit, "ORDER BY", segments, statement, null);
            }
        }

        if (shape.Format is { } format && IsRowFormat(statement.Kind, format.Value))
        {
            return new ReadAllFinding(RowFormat, format.Value.ToUpperInvariant(), segments, statement, null);
        }

        return null;
    }

    /// <summary>
    /// False when a hole could be a clause (<c>FROM t {filter}</c>, <c>ORDER BY ts {limit}</c>): what the query
    /// returns is then not known.
    /// </summary>
    private static bool IsKnownEnough(SqlStatement statement)
    {
        foreach (SqlHole hole in statement.Holes)
        {
            if (hole.Position == SqlHolePosition.Unknown)
            {
                return false;
            }
        }

        foreach (SqlQueryBlock block in statement.Blocks)
        {
            if (block.HasOpaqueHole)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first star of a block that reads base tables only (no WITH query, derived table, table function or metadata table).</summary>
    private static SqlSelectStar? FirstStarOfBaseTables(SqlStatement statement, SqlQueryShape shape)
    {
        foreach (SqlSelectStar star in shape.Stars)
        {
            if (ReadsBaseTablesOnly(statement, star.Block))
            {
                return star;
            }
        }

        return null;
    }

    private static bool ReadsBaseTablesOnly(SqlStatement statement, SqlQueryBlock block)
    {
        if (block.Tables.Count == 0 || block.IsTableQuery)
        {
            return false;
        }

        foreach (SqlQueryBlock other in statement.Blocks)
        {
            if (other.Parent == block && other.Role == SqlQueryBlockRole.DerivedTable)
            {
                return false;
            }
        }

        // Table functions and UNNEST are not in Tables: a FROM with one has a '(' right after a name or UNNEST.
        SqlTokenList tokens = statement.Tokens;
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Start >= block.FromEnd)
            {
                break;
            }

            if (tokens[i].Start > block.Start && (tokens.IsKeyword(i, "UNNEST") || tokens.IsKeyword(i, "TABLE")) && tokens.IsKind(i + 1, SqlTokenKind.OpenParen))
            {
                return false;
            }
        }

        foreach (SqlTableReference table in block.Tables)
        {
            if (table.IsCte || IsMetadataTable(table.Name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>information_schema.*</c> and the <c>"t$partitions"</c>-style metadata tables list metadata, not data.</summary>
    private static bool IsMetadataTable(SqlTableName name)
    {
        foreach (string? part in name.Parts)
        {
            if (part is not null && (part.IndexOf('$') >= 0 || string.Equals(part, "information_schema", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRowFormat(SqlStatementKind kind, string format)
    {
        string upper = format.Trim().ToUpperInvariant();
        return upper is "TEXTFILE" or "JSON" || (kind == SqlStatementKind.CreateTableAsSelect && upper == "ION");
    }
}

/// <summary>What AWS015 found in one query: the shape, the message argument, and the text it was read from.</summary>
internal sealed class ReadAllFinding
{
    public ReadAllFinding(string shape, string argument, ImmutableArray<QueryTextSegment> segments, SqlStatement statement, SqlSelectStar? star)
    {
        Shape = shape;
        Argument = argument;
        Segments = segments;
        Statement = statement;
        Star = star;
    }

    public string Shape { get; }

    public string Argument { get; }

    public ImmutableArray<QueryTextSegment> Segments { get; }

    public SqlStatement Statement { get; }

    /// <summary>For <see cref="AWS015QueryReadsMoreThanItReturnsAnalyzer.SelectStar"/>, the star reported.</summary>
    public SqlSelectStar? Star { get; }
}
