// Internal API of the Athena SQL reader (rule AWS004). Every type here is internal; the test
// project AwsAnalyzers.Tests sees them through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections.Generic;
using System.Globalization;

// The catch-all handlers below are deliberate: an analyzer must never crash the build, whatever the input or the lookup does.
#pragma warning disable CA1031

namespace AwsAnalyzers.Athena.Sql
{
    /// <summary>A base table read by a query block none of whose conditions names a partition column of it.</summary>
    internal sealed class UnprunedTableRead
    {
        internal UnprunedTableRead(SqlTableReference table, string lookupName, IReadOnlyCollection<string> partitionColumns)
        {
            Table = table;
            LookupName = lookupName;
            PartitionColumns = partitionColumns;
        }

        public SqlTableReference Table { get; }

        /// <summary>The block that reads the table (positions for a fix: WhereInsertOffset, WhereConditionEnd, ...).</summary>
        public SqlQueryBlock Block => Table.Block;

        /// <summary>The name the partition columns were looked up with (<see cref="SqlTableName.LookupName"/>).</summary>
        public string LookupName { get; }

        /// <summary>The table's partition columns, as the lookup returned them.</summary>
        public IReadOnlyCollection<string> PartitionColumns { get; }

        public override string ToString() => LookupName + " in block " + Block.Index.ToString(CultureInfo.InvariantCulture);
    }

    internal sealed class PartitionPruningResult
    {
        private static readonly UnprunedTableRead[] None = Array.Empty<UnprunedTableRead>();

        private PartitionPruningResult(bool isUnknown, string? reason, SqlStatement? statement, IReadOnlyList<UnprunedTableRead> tables)
        {
            IsUnknown = isUnknown;
            UnknownReason = reason;
            Statement = statement;
            UnprunedTables = tables;
        }

        /// <summary>True when the text could not be read: the caller reports nothing.</summary>
        public bool IsUnknown { get; }

        public string? UnknownReason { get; }

        /// <summary>The statement that was read (null only if reading itself failed unexpectedly).</summary>
        public SqlStatement? Statement { get; }

        /// <summary>The unpruned base-table reads, in text order (empty when unknown).</summary>
        public IReadOnlyList<UnprunedTableRead> UnprunedTables { get; }

        internal static PartitionPruningResult Unknown(string reason, SqlStatement? statement)
            => new PartitionPruningResult(true, reason, statement, None);

        internal static PartitionPruningResult Known(SqlStatement statement, List<UnprunedTableRead>? tables)
            => new PartitionPruningResult(false, null, statement, tables is null ? None : (IReadOnlyList<UnprunedTableRead>)tables);
    }

    /// <summary>
    /// Finds base tables that a query reads without a predicate on any of their partition columns.
    /// A table read by a block is pruned when a WHERE or JOIN ... ON condition of that same block
    /// references one of its partition columns: unqualified, or qualified with the table's alias or
    /// name (case-insensitive, quoted or not); in an OR, every branch must (<see cref="SqlPredicateLogic"/>). A hole standing where a column or a whole condition
    /// could be counts as a reference to every column. WITH references and derived tables are not
    /// base tables; the base tables inside them are checked against their own blocks.
    /// </summary>
    internal static class PartitionPruningAnalysis
    {
        /// <summary>
        /// Reads <paramref name="parts"/> (literal text and holes) and returns the unpruned base-table reads.
        /// <paramref name="partitionColumnsOf"/> gets <see cref="SqlTableName.LookupName"/> (e.g. "db.events",
        /// or "events" for <c>{db}.events</c>) and returns the table's partition columns; null or empty
        /// means "not partitioned, never report". Tables whose name is a hole are never looked up.
        /// </summary>
        public static PartitionPruningResult FindUnprunedTables(
            IReadOnlyList<SqlTextPart> parts, Func<string, IReadOnlyCollection<string>?> partitionColumnsOf)
            => FindUnprunedTables(SafeSource(() => SqlSourceText.FromParts(parts)), partitionColumnsOf);

        /// <summary>As above, for a single string in which each <see cref="SqlSourceText.HoleMarker"/> is a hole.</summary>
        public static PartitionPruningResult FindUnprunedTables(
            string text, Func<string, IReadOnlyCollection<string>?> partitionColumnsOf)
            => FindUnprunedTables(SafeSource(() => SqlSourceText.FromString(text)), partitionColumnsOf);

        public static PartitionPruningResult FindUnprunedTables(
            SqlSourceText? source, Func<string, IReadOnlyCollection<string>?> partitionColumnsOf)
        {
            if (source is null)
            {
                return PartitionPruningResult.Unknown("no text", null);
            }

            SqlStatement statement;
            try
            {
                statement = SqlParser.Parse(source);
            }
            catch (Exception ex)
            {
                // Not expected: the reader is written not to throw. An analyzer must not crash the build.
                return PartitionPruningResult.Unknown("internal error: " + ex.GetType().Name, null);
            }

            return FindUnprunedTables(statement, table => table.Name.LookupName is string name ? partitionColumnsOf(name) : null);
        }

        /// <summary>
        /// Analyzes a statement that has been read; <paramref name="partitionColumnsOf"/> is asked about
        /// every base table (never about WITH references or tables whose name is a hole).
        /// </summary>
        public static PartitionPruningResult FindUnprunedTables(
            SqlStatement statement, Func<SqlTableReference, IReadOnlyCollection<string>?> partitionColumnsOf)
        {
            if (statement is null)
            {
                return PartitionPruningResult.Unknown("no statement", null);
            }

            if (statement.IsUnknown)
            {
                return PartitionPruningResult.Unknown(statement.Failure ?? "unknown", statement);
            }

            if (statement.Kind == SqlStatementKind.NoTableRead)
            {
                return PartitionPruningResult.Known(statement, null);
            }

            try
            {
                List<UnprunedTableRead>? result = null;
                foreach (var block in statement.Blocks)
                {
                    if (block.HasOpaqueHole)
                    {
                        continue;
                    }

                    foreach (var table in block.Tables)
                    {
                        if (table.IsCte || table.Name.LookupName is null)
                        {
                            continue;
                        }

                        var columns = partitionColumnsOf(table);
                        if (columns is null || columns.Count == 0 || IsPruned(table, columns))
                        {
                            continue;
                        }

                        (result ??= new List<UnprunedTableRead>()).Add(new UnprunedTableRead(table, table.Name.LookupName, columns));
                    }
                }

                return PartitionPruningResult.Known(statement, result);
            }
            catch (Exception ex)
            {
                return PartitionPruningResult.Unknown("internal error: " + ex.GetType().Name, statement);
            }
        }

        /// <summary>True when a condition of the table's own block references one of <paramref name="partitionColumns"/> of it.</summary>
        public static bool IsPruned(SqlTableReference table, IReadOnlyCollection<string> partitionColumns)
        {
            if (table.Block.HasOpaqueHole)
            {
                return true;
            }

            foreach (var predicate in table.Block.Predicates)
            {
                if (SqlPredicateLogic.Constrains(predicate, column => References(column, table, partitionColumns)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="column"/> may name one of <paramref name="partitionColumns"/> of
        /// <paramref name="table"/>: some part of it is such a column and the part before it (if any)
        /// is the table's alias or name (or a hole). A hole column matches everything.
        /// </summary>
        public static bool References(SqlColumnReference column, SqlTableReference table, IReadOnlyCollection<string> partitionColumns)
        {
            if (column.IsHole)
            {
                return true;
            }

            var parts = column.Parts;
            for (int k = 0; k < parts.Count; k++)
            {
                var part = parts[k];
                if (part is null || !Contains(partitionColumns, part))
                {
                    continue;
                }

                if (k == 0 || QualifierMatches(parts[k - 1], table))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool QualifierMatches(string? qualifier, SqlTableReference table)
        {
            if (qualifier is null || table.AliasIsHole)
            {
                return true;
            }

            return (table.Alias != null && string.Equals(qualifier, table.Alias, StringComparison.OrdinalIgnoreCase))
                || (table.Name.Name != null && string.Equals(qualifier, table.Name.Name, StringComparison.OrdinalIgnoreCase));
        }

        private static bool Contains(IReadOnlyCollection<string> columns, string name)
        {
            foreach (var column in columns)
            {
                if (column != null && string.Equals(column, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static SqlSourceText? SafeSource(Func<SqlSourceText> create)
        {
            try
            {
                return create();
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
