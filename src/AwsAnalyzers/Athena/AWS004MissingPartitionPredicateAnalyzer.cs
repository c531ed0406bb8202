using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Athena.Sql;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Athena;

/// <summary>
/// AWS004: an Athena query whose text is known at compile time and that reads a partitioned table without a predicate
/// on any of its partition columns. Athena then scans every partition: the bill grows with the table, and large scans
/// hit the 30-minute query timeout.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS004MissingPartitionPredicateAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.AthenaQueryWithoutPartitionPredicate;

    internal const string StartQueryExecutionRequestName = "Amazon.Athena.Model.StartQueryExecutionRequest";
    internal const string QueryStringProperty = "QueryString";
    internal const string ExecutionParametersProperty = "ExecutionParameters";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId,
        title: RuleText.Get(nameof(AnalyzerResources.AWS004Title)),
        messageFormat: RuleText.Get(nameof(AnalyzerResources.AWS004MessageFormat)),
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        description: RuleText.Get(nameof(AnalyzerResources.AWS004Description)));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? request = KnownTypes.ForAwsSdk(start.Compilation)?.Get(StartQueryExecutionRequestName);
            if (request is null)
            {
                return;
            }

            // Parsed once per compilation; every query of the project is checked against the same catalog. What the
            // project's own SQL and templates say about a table is read only when a query asks about that table.
            GlueCatalog catalog = PartitionColumns.ReadCatalog(start.Options, start.CancellationToken);
            PartitionEvidence evidence = PartitionEvidence.For(start.Compilation, start.Options, start.CancellationToken);
            start.RegisterOperationActionWhereWritten(QueryStringWords, context => AnalyzeAssignment(context, request, catalog, evidence), OperationKind.SimpleAssignment);
        });
    }

    /// <summary>A query write names its property: only the types whose files do get the assignment callbacks (AWS015's too).</summary>
    internal static readonly WordSet QueryStringWords = WordSet.Of(new[] { QueryStringProperty });

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol request, GlueCatalog catalog, PartitionEvidence evidence)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.AssignedMemberName() is { } name && name != QueryStringProperty)
        {
            return;
        }

        if (!IsQueryStringOf(assignment.Target, request) || IsRewrittenLater(assignment, request, context.CancellationToken))
        {
            return;
        }

        // Cheapest first: a value with no text known at compile time needs neither the evidence nor the SQL reader.
        QueryRead read = QueryRead.Of(assignment.Value, context.CancellationToken);
        if (read.Segments.IsDefault)
        {
            return;
        }

        PartitionColumns columns = PartitionColumns.For(catalog, evidence, context.Options, assignment.Syntax.SyntaxTree);
        if (Analyze(read, columns) is not { } result || CodeThatNeverRuns.Contains(assignment))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule, assignment.Value.Syntax.GetLocation(), TableList(result.UnprunedTables), ColumnList(result.UnprunedTables)));
    }

    /// <summary>The query text of <paramref name="value"/> and what reading it found, or null when there is nothing to report.</summary>
    internal static AnalyzedQuery? Analyze(IOperation value, PartitionColumns columns, CancellationToken cancellationToken)
    {
        QueryRead read = QueryRead.Of(value, cancellationToken);
        return read.Segments.IsDefault ? null : Analyze(read, columns);
    }

    private static AnalyzedQuery? Analyze(QueryRead query, PartitionColumns columns)
    {
        SqlStatement parsed;
        try
        {
            parsed = query.Statement;
        }
#pragma warning disable CA1031 // Deliberate: an analyzer must never crash the build, whatever the project's strings hold.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // Not expected: the SQL reader is written not to throw. A text it cannot read is not reported.
            return null;
        }

        PartitionPruningResult result = PartitionPruningAnalysis.FindUnprunedTables(
            parsed, table => table.Name.LookupName is { } name ? columns.Of(name) : null);
        if (result.IsUnknown || result.Statement is not { } statement)
        {
            return null;
        }

        var unpruned = new List<UnprunedTableRead>();
        foreach (UnprunedTableRead read in result.UnprunedTables)
        {
            if (!PredicatePushdown.IsFilteredByReaders(read, statement))
            {
                unpruned.Add(read);
            }
        }

        if (unpruned.Count == 0)
        {
            return null;
        }

        (HashSet<string> prunedTables, int tableCount) = PrunedTables(statement, unpruned, columns);
        if (prunedTables.Count > 0)
        {
            // A table nothing says is partitioned, read beside one the statement prunes, is presumed a dimension
            // table (devices, customers): joined to the fact table, not partitioned itself. The same name pruned
            // elsewhere in the statement is partitioned, whatever the evidence.
            unpruned.RemoveAll(read => columns.SourceOf(read.LookupName) == PartitionSource.Presumed && !prunedTables.Contains(read.LookupName));
        }

        return unpruned.Count == 0 ? null : new AnalyzedQuery(query.Segments, statement, unpruned, readsOneTable: tableCount == 1);
    }

    /// <summary>The names of the partitioned tables the statement prunes somewhere, and how many distinct tables it reads.</summary>
    private static (HashSet<string> Pruned, int TableCount) PrunedTables(SqlStatement statement, List<UnprunedTableRead> unpruned, PartitionColumns columns)
    {
        var pruned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (SqlQueryBlock block in statement.Blocks)
        {
            foreach (SqlTableReference table in block.Tables)
            {
                if (table.IsCte || table.Name.LookupName is not { } name)
                {
                    continue;
                }

                names.Add(name);
                if (columns.Of(name) is { Count: > 0 } && !unpruned.Exists(read => read.Table == table))
                {
                    pruned.Add(name);
                }
            }
        }

        return (pruned, names.Count);
    }

    internal static bool IsQueryStringOf(IOperation target, INamedTypeSymbol request) =>
        target is IPropertyReferenceOperation { Property: { Name: QueryStringProperty } property }
        && property.ContainingType.IsOrDerivesFrom(request);

    /// <summary>
    /// True when the same request's query is extended afterwards (<c>r.QueryString += " WHERE …"</c>, or assigned a
    /// value that reads <c>r.QueryString</c>): the text assigned here is then not the query that runs.
    /// </summary>
    internal static bool IsRewrittenLater(ISimpleAssignmentOperation assignment, INamedTypeSymbol request, CancellationToken cancellationToken)
    {
        if (RequestLocal(assignment) is not { } local)
        {
            return false;
        }

        // Every rewrite names the property again (`r.QueryString += …`, `r.QueryString = r.QueryString + …`): a body
        // that writes the name once, here, has none, and needs no value flow: most bodies that build a query write it once.
        IOperation root = assignment.Root();
        if (assignment.SemanticModel is { } model
            && SourceIndex.For(model.Compilation).CountInSpan(root.Syntax.SyntaxTree, root.Syntax.Span, QueryStringProperty, limit: 2, cancellationToken) < 2)
        {
            return false;
        }

        foreach (IOperation read in ValueFlow.For(assignment, cancellationToken).Reads(local))
        {
            if (read.Parent is IPropertyReferenceOperation reference && reference.Instance == read && IsQueryStringOf(reference, request))
            {
                switch (reference.Parent)
                {
                    case ICompoundAssignmentOperation compound when compound.Target == reference:
                    case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                        return true;
                    case var parent when parent is not ISimpleAssignmentOperation && IsInsideQueryStringWrite(reference, request):
                        return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="read"/> sits in the value of an assignment to a <c>QueryString</c>.</summary>
    private static bool IsInsideQueryStringWrite(IOperation read, INamedTypeSymbol request)
    {
        for (IOperation? current = read; current?.Parent is { } parent; current = parent)
        {
            if (parent is ISimpleAssignmentOperation write && write.Value == current)
            {
                return IsQueryStringOf(write.Target, request);
            }
        }

        return false;
    }

    /// <summary>The local that holds the request whose query is assigned: <c>r.QueryString = …</c> or <c>var r = new …{ QueryString = … }</c>.</summary>
    private static ILocalSymbol? RequestLocal(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation local })
        {
            return local.Local;
        }

        if (assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation })
        {
            IOperation? holder = creation.Parent;
            while (holder is IConversionOperation conversion)
            {
                holder = conversion.Parent;
            }

            if (holder is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return declarator.Symbol;
            }
        }

        return null;
    }

    /// <summary>
    /// The partition columns expected, the last joined by a localized "or": one list when every table has the same
    /// columns, else each table's list followed by its name.
    /// </summary>
    private static LocalizableString ColumnList(IReadOnlyList<UnprunedTableRead> tables)
    {
        var lists = new List<(string Table, string Columns, LocalizableString Text)>();
        foreach (UnprunedTableRead table in tables)
        {
            var columns = new List<string>(table.PartitionColumns);
            string name = "'" + table.LookupName + "'";
            if (lists.Exists(entry => entry.Table == name))
            {
                continue;
            }

            lists.Add((name, string.Join(",", columns), columns.Count == 1
                ? columns[0]
                : RuleText.Get(nameof(AnalyzerResources.AWS004ColumnListLast), string.Join(", ", columns.GetRange(0, columns.Count - 1)), columns[columns.Count - 1])));
        }

        if (lists.TrueForAll(entry => string.Equals(entry.Columns, lists[0].Columns, StringComparison.OrdinalIgnoreCase)))
        {
            return lists[0].Text;
        }

        var perTable = new List<LocalizableString>();
        foreach ((string table, _, LocalizableString text) in lists)
        {
            perTable.Add(RuleText.Compose(nameof(AnalyzerResources.AWS004ColumnsOfTable), text, table));
        }

        return JoinedWithAnd(perTable);
    }

    /// <summary>The quoted table names, the last joined by a localized "and".</summary>
    private static LocalizableString TableList(IReadOnlyList<UnprunedTableRead> tables)
    {
        var names = new List<string>();
        var texts = new List<LocalizableString>();
        foreach (UnprunedTableRead table in tables)
        {
            string name = "'" + table.LookupName + "'";
            if (!names.Contains(name))
            {
                names.Add(name);
                texts.Add(name);
            }
        }

        return JoinedWithAnd(texts);
    }

    private static LocalizableString JoinedWithAnd(List<LocalizableString> items) =>
        items.Count == 1
            ? items[0]
            : RuleText.Compose(
                nameof(AnalyzerResources.AWS004TableListLast),
                RuleText.Join(", ", items.GetRange(0, items.Count - 1)),
                items[items.Count - 1]);
}

/// <summary>
/// Athena (Trino) pushes the predicates of a query block down into the derived tables and WITH queries it reads:
/// <c>SELECT * FROM (SELECT * FROM events) e WHERE e.year = 2025</c> prunes <c>events</c>. A table read inside such a
/// block counts as filtered when a block that reads it, directly or through other derived tables and WITH queries,
/// compares one of the table's partition columns (unqualified, or qualified by the derived table or WITH query).
/// </summary>
internal static class PredicatePushdown
{
    public static bool IsFilteredByReaders(UnprunedTableRead read, SqlStatement statement)
    {
        var visited = new HashSet<SqlQueryBlock>();
        var pending = new Stack<SqlQueryBlock>();
        pending.Push(read.Block);
        while (pending.Count > 0)
        {
            SqlQueryBlock block = pending.Pop();
            if (!visited.Add(block))
            {
                continue;
            }

            foreach ((SqlQueryBlock reader, SqlTableReference? relation) in Readers(block, statement))
            {
                if (reader.HasOpaqueHole || Filters(reader, relation, read.PartitionColumns))
                {
                    return true;
                }

                pending.Push(reader);
            }
        }

        return false;
    }

    /// <summary>
    /// The blocks that read <paramref name="block"/>'s rows: the block whose FROM holds a derived table, or every
    /// block that names a WITH query (with that reference). An expression subquery (<c>IN (SELECT …)</c>) has none:
    /// outer predicates are not pushed into it.
    /// </summary>
    private static IEnumerable<(SqlQueryBlock Reader, SqlTableReference? Relation)> Readers(SqlQueryBlock block, SqlStatement statement)
    {
        if (block.Role == SqlQueryBlockRole.DerivedTable && block.Parent is { } parent)
        {
            yield return (parent, null);
        }
        else if (block.Role == SqlQueryBlockRole.CommonTableExpression && block.CteName is { } name)
        {
            foreach (SqlQueryBlock candidate in statement.Blocks)
            {
                foreach (SqlTableReference table in candidate.Tables)
                {
                    if (table.IsCte && string.Equals(table.Name.Name, name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        yield return (candidate, table);
                    }
                }
            }
        }
    }

    private static bool Filters(SqlQueryBlock reader, SqlTableReference? relation, IReadOnlyCollection<string> partitionColumns)
    {
        foreach (SqlPredicate predicate in reader.Predicates)
        {
            if (SqlPredicateLogic.Constrains(
                predicate,
                column => column.IsHole
                    || (column.Name is { } name && Contains(partitionColumns, name)
                        && (column.Qualifier is not { } qualifier || QualifierFits(reader, relation, qualifier)))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For a WITH query: its alias or name. For a derived table, whose alias the reader does not record: any qualifier
    /// that is not the alias or name of another relation of the block.
    /// </summary>
    private static bool QualifierFits(SqlQueryBlock reader, SqlTableReference? relation, string qualifier)
    {
        if (relation is not null)
        {
            return relation.AliasIsHole
                || string.Equals(qualifier, relation.Alias, System.StringComparison.OrdinalIgnoreCase)
                || string.Equals(qualifier, relation.Name.Name, System.StringComparison.OrdinalIgnoreCase);
        }

        foreach (SqlTableReference other in reader.Tables)
        {
            if (string.Equals(qualifier, other.Alias, System.StringComparison.OrdinalIgnoreCase)
                || (other.Alias is null && string.Equals(qualifier, other.Name.Name, System.StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(IReadOnlyCollection<string> columns, string name)
    {
        foreach (string column in columns)
        {
            if (string.Equals(column, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A query that reads partitioned tables without pruning them: its text, how it was read, and the tables.</summary>
internal sealed class AnalyzedQuery
{
    public AnalyzedQuery(ImmutableArray<QueryTextSegment> segments, SqlStatement statement, IReadOnlyList<UnprunedTableRead> unprunedTables, bool readsOneTable)
    {
        Segments = segments;
        Statement = statement;
        UnprunedTables = unprunedTables;
        ReadsOneTable = readsOneTable;
    }

    /// <summary>True when the statement reads one table (however often): a fix may then presume its partition columns.</summary>
    public bool ReadsOneTable { get; }

    public ImmutableArray<QueryTextSegment> Segments { get; }

    public SqlStatement Statement { get; }

    public IReadOnlyList<UnprunedTableRead> UnprunedTables { get; }
}
