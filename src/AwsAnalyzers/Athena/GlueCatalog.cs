using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Athena;

/// <summary>A partition key of a Glue table: its name and, when the export gives it, its Hive type (<c>string</c>, <c>int</c>…).</summary>
internal readonly struct GluePartitionKey
{
    public GluePartitionKey(string name, string? type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public string? Type { get; }

    public override string ToString() => Type is null ? Name : Name + " " + Type;
}

/// <summary>A table of a Glue catalog export, with its partition keys (empty for a table that is not partitioned).</summary>
internal sealed class GlueTable
{
    public GlueTable(string? database, string name, ImmutableArray<GluePartitionKey> partitionKeys)
        : this(database, name, partitionKeys, ImmutableArray<GluePartitionKey>.Empty)
    {
    }

    public GlueTable(string? database, string name, ImmutableArray<GluePartitionKey> partitionKeys, ImmutableArray<GluePartitionKey> columns)
    {
        Columns = columns;
        Database = database;
        Name = name;
        PartitionKeys = partitionKeys;
        var names = new string[partitionKeys.Length];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = partitionKeys[i].Name;
        }

        PartitionKeyNames = names;
    }

    /// <summary>The database the export names for the table, or null when it does not say.</summary>
    public string? Database { get; }

    public string Name { get; }

    public ImmutableArray<GluePartitionKey> PartitionKeys { get; }

    public IReadOnlyList<string> PartitionKeyNames { get; }

    /// <summary>The data columns (<c>StorageDescriptor.Columns</c>), in table order; empty when the export does not list them.</summary>
    public ImmutableArray<GluePartitionKey> Columns { get; }

    public override string ToString() => (Database is null ? Name : Database + "." + Name) + " (" + string.Join(", ", PartitionKeys) + ")";
}

/// <summary>What a catalog says about one table name used in a query.</summary>
internal enum GlueLookupResult
{
    /// <summary>No table of that name is in the catalog.</summary>
    NotFound,

    /// <summary>Several tables of that name, with different partition keys, and the query does not say which.</summary>
    Ambiguous,

    Found,
}

/// <summary>
/// The tables of every Glue catalog export among a project's AdditionalFiles: the JSON that
/// <c>aws glue get-tables --database-name X</c> prints (<c>TableList[].Name</c>, <c>.DatabaseName</c>,
/// <c>.PartitionKeys[].Name</c> and <c>.Type</c>). A <c>get-table</c> export (<c>{"Table": {…}}</c>) is read too.
/// Files that are not valid JSON of that shape are ignored.
/// </summary>
internal sealed class GlueCatalog
{
    public static GlueCatalog Empty { get; } = new(ImmutableArray<GlueTable>.Empty);

    private static readonly ConditionalWeakTable<AdditionalText, ParsedFile> s_parsedFiles = new();

    private readonly Dictionary<string, List<GlueTable>> _byName = new(StringComparer.OrdinalIgnoreCase);

    private GlueCatalog(ImmutableArray<GlueTable> tables)
    {
        Tables = tables;
        foreach (GlueTable table in tables)
        {
            if (!_byName.TryGetValue(table.Name, out List<GlueTable>? sameName))
            {
                _byName[table.Name] = sameName = new List<GlueTable>();
            }

            sameName.Add(table);
        }
    }

    public ImmutableArray<GlueTable> Tables { get; }

    /// <summary>A catalog of tables the project defines elsewhere (DDL, templates), looked up the same way.</summary>
    public static GlueCatalog Of(ImmutableArray<GlueTable> tables) => tables.IsDefaultOrEmpty ? Empty : new GlueCatalog(tables);

    /// <summary>True when at least one export was read: then tables decide, not the partition-column option.</summary>
    public bool IsEmpty => Tables.IsEmpty;

    /// <summary>
    /// Reads the catalog from the additional files whose name matches one of <paramref name="patternsOf"/>'s patterns.
    /// Each file is parsed once for as long as its <see cref="AdditionalText"/> lives (the IDE keeps it across edits).
    /// </summary>
    public static GlueCatalog Read(
        ImmutableArray<AdditionalText> files, Func<AdditionalText, ImmutableArray<string>> patternsOf, CancellationToken cancellationToken)
    {
        ImmutableArray<GlueTable>.Builder? tables = null;
        foreach (AdditionalText file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!FileNamePattern.MatchesAny(file.Path, patternsOf(file)))
            {
                continue;
            }

            ParsedFile parsed = s_parsedFiles.GetValue(file, f => new ParsedFile(Parse(f.GetText(cancellationToken))));
            if (!parsed.Tables.IsEmpty)
            {
                (tables ??= ImmutableArray.CreateBuilder<GlueTable>()).AddRange(parsed.Tables);
            }
        }

        return tables is null ? Empty : new GlueCatalog(tables.ToImmutable());
    }

    /// <summary>The tables of one export, or none when the text is not a Glue export.</summary>
    public static ImmutableArray<GlueTable> Parse(SourceText? text)
    {
        if (text is null || JsonReader.Read(text.ToString()) is not Dictionary<string, object?> root)
        {
            return ImmutableArray<GlueTable>.Empty;
        }

        var tables = ImmutableArray.CreateBuilder<GlueTable>();
        if (root.TryGetValue("TableList", out object? list) && list is List<object?> entries)
        {
            foreach (object? entry in entries)
            {
                if (ReadTable(entry) is { } table)
                {
                    tables.Add(table);
                }
            }
        }
        else if (root.TryGetValue("Table", out object? single) && ReadTable(single) is { } table)
        {
            tables.Add(table);
        }

        return tables.ToImmutable();
    }

    /// <summary>
    /// The partition keys of the table a query names: <c>table</c>, <c>database.table</c> or
    /// <c>catalog.database.table</c>, compared case-insensitively.
    /// </summary>
    public GlueLookupResult Find(string queryName, out GlueTable? table)
    {
        table = null;
        string[] parts = queryName.Split('.');
        string name = parts[parts.Length - 1];
        string? database = parts.Length >= 2 ? parts[parts.Length - 2] : null;
        if (!_byName.TryGetValue(name, out List<GlueTable>? candidates))
        {
            return GlueLookupResult.NotFound;
        }

        foreach (GlueTable candidate in candidates)
        {
            if (database is not null && candidate.Database is not null
                && !string.Equals(database, candidate.Database, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (table is null)
            {
                table = candidate;
            }
            else if (!SameKeys(table, candidate))
            {
                table = null;
                return GlueLookupResult.Ambiguous;
            }
        }

        return table is null ? GlueLookupResult.NotFound : GlueLookupResult.Found;
    }

    private static bool SameKeys(GlueTable a, GlueTable b)
    {
        if (a.PartitionKeys.Length != b.PartitionKeys.Length)
        {
            return false;
        }

        for (int i = 0; i < a.PartitionKeys.Length; i++)
        {
            if (!string.Equals(a.PartitionKeys[i].Name, b.PartitionKeys[i].Name, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(a.PartitionKeys[i].Type, b.PartitionKeys[i].Type, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static GlueTable? ReadTable(object? entry)
    {
        if (entry is not Dictionary<string, object?> table
            || !table.TryGetValue("Name", out object? nameValue) || nameValue is not string name || name.Length == 0)
        {
            return null;
        }

        string? database = table.TryGetValue("DatabaseName", out object? databaseValue) ? databaseValue as string : null;
        var keys = ImmutableArray.CreateBuilder<GluePartitionKey>();
        if (table.TryGetValue("PartitionKeys", out object? keysValue) && keysValue is List<object?> keyList)
        {
            foreach (object? key in keyList)
            {
                if (key is Dictionary<string, object?> column
                    && column.TryGetValue("Name", out object? keyName) && keyName is string keyNameText && keyNameText.Length > 0)
                {
                    string? type = column.TryGetValue("Type", out object? typeValue) ? typeValue as string : null;
                    keys.Add(new GluePartitionKey(keyNameText, type));
                }
            }
        }

        return new GlueTable(database, name, keys.ToImmutable(), ReadColumns(table));
    }

    /// <summary><c>StorageDescriptor.Columns[].Name</c> and <c>.Type</c>, or none when any entry has no name.</summary>
    private static ImmutableArray<GluePartitionKey> ReadColumns(Dictionary<string, object?> table)
    {
        if (!table.TryGetValue("StorageDescriptor", out object? descriptor) || descriptor is not Dictionary<string, object?> storage
            || !storage.TryGetValue("Columns", out object? columnsValue) || columnsValue is not List<object?> columnList)
        {
            return ImmutableArray<GluePartitionKey>.Empty;
        }

        var columns = ImmutableArray.CreateBuilder<GluePartitionKey>(columnList.Count);
        foreach (object? entry in columnList)
        {
            if (entry is not Dictionary<string, object?> column
                || !column.TryGetValue("Name", out object? nameValue) || nameValue is not string name || name.Length == 0)
            {
                return ImmutableArray<GluePartitionKey>.Empty;
            }

            columns.Add(new GluePartitionKey(name, column.TryGetValue("Type", out object? typeValue) ? typeValue as string : null));
        }

        return columns.MoveToImmutable();
    }

    private sealed class ParsedFile
    {
        public ParsedFile(ImmutableArray<GlueTable> tables) => Tables = tables;

        public ImmutableArray<GlueTable> Tables { get; }
    }
}
