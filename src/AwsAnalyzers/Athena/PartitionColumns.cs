using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwsAnalyzers.Athena;

/// <summary>Where the partition columns of a table come from.</summary>
internal enum PartitionSource
{
    /// <summary>Not partitioned, or not known and never reported (a metadata table; with a catalog, a table it does not list).</summary>
    None,

    /// <summary>The table's keys in a Glue catalog export.</summary>
    Catalog,

    /// <summary>The table's keys in a <c>CREATE TABLE</c> statement or a template of the project.</summary>
    Definition,

    /// <summary>Another query of the project compares the table on a column of <c>aws_analyzers.AWS004.partition_columns</c>.</summary>
    Queries,

    /// <summary>Nothing says: the columns of <c>aws_analyzers.AWS004.partition_columns</c> are presumed.</summary>
    Presumed,
}

/// <summary>
/// Which columns partition the tables a query reads: each table's own keys when the project has a Glue catalog export;
/// otherwise what the project itself says (<see cref="PartitionEvidence"/>), then the column names of
/// <c>aws_analyzers.AWS004.partition_columns</c>.
/// </summary>
internal sealed class PartitionColumns
{
    private readonly GlueCatalog _catalog;
    private readonly PartitionEvidence _evidence;
    private readonly ImmutableArray<string> _partitionColumns;
    private readonly ImmutableArray<string> _fixPartitionColumns;

    private PartitionColumns(GlueCatalog catalog, PartitionEvidence evidence, ImmutableArray<string> partitionColumns, ImmutableArray<string> fixPartitionColumns)
    {
        _catalog = catalog;
        _evidence = evidence;
        _partitionColumns = partitionColumns;
        _fixPartitionColumns = fixPartitionColumns;
    }

    /// <summary>The Glue catalog exports among the project's additional files, as the file pattern option selects them.</summary>
    public static GlueCatalog ReadCatalog(AnalyzerOptions options, CancellationToken cancellationToken) =>
        GlueCatalog.Read(
            options.AdditionalFiles,
            file => RuleOptions.AthenaCatalogFilePattern.Read(options, file),
            cancellationToken);

    /// <summary>The partition columns that apply to the code in <paramref name="tree"/>.</summary>
    public static PartitionColumns For(GlueCatalog catalog, PartitionEvidence evidence, AnalyzerOptions options, SyntaxTree tree) =>
        new(
            catalog,
            evidence,
            RuleOptions.AthenaPartitionColumns.Read(options, tree),
            RuleOptions.AthenaFixPartitionColumns.Read(options, tree));

    /// <summary>True when the columns come from a Glue catalog export rather than the option.</summary>
    public bool FromCatalog => !_catalog.IsEmpty;

    /// <summary>
    /// The partition columns of the table a query names, or null when it is not partitioned or not known: with a
    /// catalog, a table that is missing from it (and from the project's DDL and templates), has no partition keys, or
    /// is ambiguous is never reported.
    /// </summary>
    public IReadOnlyCollection<string>? Of(string tableName) => Lookup(tableName, distinguishQueries: false, out _);

    /// <summary>Where <see cref="Of"/>'s columns come from.</summary>
    public PartitionSource SourceOf(string tableName)
    {
        Lookup(tableName, distinguishQueries: true, out PartitionSource source);
        return source;
    }

    /// <summary>
    /// The columns of the table and where they come from. Other queries decide only between <see cref="PartitionSource.Queries"/>
    /// and <see cref="PartitionSource.Presumed"/>, never the columns: unless <paramref name="distinguishQueries"/>,
    /// they are not read, and both are <see cref="PartitionSource.Presumed"/>.
    /// </summary>
    private IReadOnlyCollection<string>? Lookup(string tableName, bool distinguishQueries, out PartitionSource source)
    {
        source = PartitionSource.None;
        if (IsMetadataTable(tableName))
        {
            return null;
        }

        if (!_catalog.IsEmpty)
        {
            switch (_catalog.Find(tableName, out GlueTable? listed))
            {
                case GlueLookupResult.Found:
                    source = PartitionSource.Catalog;
                    return listed!.PartitionKeys.Length > 0 ? listed.PartitionKeyNames : null;
                case GlueLookupResult.Ambiguous:
                    return null;
            }
        }

        if (Defined(tableName) is { } defined)
        {
            source = PartitionSource.Definition;
            return defined.PartitionKeys.Length > 0 ? defined.PartitionKeyNames : null;
        }

        if (!_catalog.IsEmpty)
        {
            return null;
        }

        source = distinguishQueries && ComparedPartitionColumns(tableName).Count > 0 ? PartitionSource.Queries : PartitionSource.Presumed;
        return _partitionColumns;
    }

    /// <summary>The table as the project's DDL defines it, else as its templates do.</summary>
    private GlueTable? Defined(string tableName)
    {
        if (_evidence.DefinitionsOf(tableName).Find(tableName, out GlueTable? table) == GlueLookupResult.Found
            || _evidence.Templates.Find(tableName, out table) == GlueLookupResult.Found)
        {
            return table;
        }

        return null;
    }

    /// <summary>The columns of <c>aws_analyzers.AWS004.partition_columns</c> that other queries compare for the table, in the option's order.</summary>
    private List<string> ComparedPartitionColumns(string tableName)
    {
        var columns = new List<string>();
        if (_evidence.ComparedColumns(tableName) is { } compared)
        {
            foreach (string column in _partitionColumns)
            {
                if (System.Linq.Enumerable.Contains(compared, column, System.StringComparer.OrdinalIgnoreCase))
                {
                    columns.Add(column);
                }
            }
        }

        return columns;
    }

    /// <summary>
    /// The partition keys a fix adds predicates for: the table's keys with their types from the catalog or the
    /// project's DDL or templates; the columns other queries compare it on; else the columns of
    /// <c>aws_analyzers.AWS004.fix_partition_columns</c> with no type. Empty when the table is not known.
    /// </summary>
    public ImmutableArray<GluePartitionKey> FixKeysOf(string tableName)
    {
        Lookup(tableName, distinguishQueries: true, out PartitionSource source);
        switch (source)
        {
            case PartitionSource.Catalog:
                _catalog.Find(tableName, out GlueTable? listed);
                return listed!.PartitionKeys;
            case PartitionSource.Definition:
                return Defined(tableName)!.PartitionKeys;
            case PartitionSource.Queries:
                return Untyped(ComparedPartitionColumns(tableName));
            case PartitionSource.Presumed:
                return Untyped(_fixPartitionColumns);
            default:
                return ImmutableArray<GluePartitionKey>.Empty;
        }
    }

    private static ImmutableArray<GluePartitionKey> Untyped(IReadOnlyList<string> columns)
    {
        var keys = ImmutableArray.CreateBuilder<GluePartitionKey>(columns.Count);
        foreach (string column in columns)
        {
            keys.Add(new GluePartitionKey(column, type: null));
        }

        return keys.MoveToImmutable();
    }

    /// <summary>
    /// Tables that describe data instead of holding it: <c>information_schema.*</c> and the <c>$</c> metadata tables
    /// (<c>"sensor_data$partitions"</c>, <c>$files</c>, <c>$history</c>…). Reading them scans no partitions.
    /// </summary>
    private static bool IsMetadataTable(string tableName) =>
        tableName.IndexOf('$') >= 0
        || tableName.StartsWith("information_schema.", System.StringComparison.OrdinalIgnoreCase)
        || tableName.IndexOf(".information_schema.", System.StringComparison.OrdinalIgnoreCase) >= 0;
}
