using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwsAnalyzers.Athena;

/// <summary>
/// Which columns partition the tables a query reads: each table's own keys when the project has a Glue catalog export,
/// otherwise the column names of <c>aws_analyzers.AWS004.partition_columns</c> for every table.
/// </summary>
internal sealed class PartitionColumns
{
    private readonly GlueCatalog _catalog;
    private readonly ImmutableArray<string> _partitionColumns;
    private readonly ImmutableArray<string> _fixPartitionColumns;

    private PartitionColumns(GlueCatalog catalog, ImmutableArray<string> partitionColumns, ImmutableArray<string> fixPartitionColumns)
    {
        _catalog = catalog;
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
    public static PartitionColumns For(GlueCatalog catalog, AnalyzerOptions options, SyntaxTree tree) =>
        new(
            catalog,
            RuleOptions.AthenaPartitionColumns.Read(options, tree),
            RuleOptions.AthenaFixPartitionColumns.Read(options, tree));

    /// <summary>True when the columns come from a Glue catalog export rather than the option.</summary>
    public bool FromCatalog => !_catalog.IsEmpty;

    /// <summary>
    /// The partition columns of the table a query names, or null when it is not partitioned or not known: with a
    /// catalog, a table that is missing from it, has no partition keys, or is ambiguous is never reported.
    /// </summary>
    public IReadOnlyCollection<string>? Of(string tableName)
    {
        if (IsMetadataTable(tableName))
        {
            return null;
        }

        if (_catalog.IsEmpty)
        {
            return _partitionColumns;
        }

        return _catalog.Find(tableName, out GlueTable? table) == GlueLookupResult.Found && table!.PartitionKeys.Length > 0
            ? (IReadOnlyCollection<string>)table.PartitionKeyNames
            : null;
    }

    /// <summary>
    /// The partition keys a fix adds predicates for: the table's keys with their types from the catalog, else the
    /// columns of <c>aws_analyzers.AWS004.fix_partition_columns</c> with no type. Empty when the table is not known.
    /// </summary>
    public ImmutableArray<GluePartitionKey> FixKeysOf(string tableName)
    {
        if (_catalog.IsEmpty)
        {
            var keys = ImmutableArray.CreateBuilder<GluePartitionKey>(_fixPartitionColumns.Length);
            foreach (string column in _fixPartitionColumns)
            {
                keys.Add(new GluePartitionKey(column, type: null));
            }

            return keys.MoveToImmutable();
        }

        return _catalog.Find(tableName, out GlueTable? table) == GlueLookupResult.Found
            ? table!.PartitionKeys
            : ImmutableArray<GluePartitionKey>.Empty;
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
