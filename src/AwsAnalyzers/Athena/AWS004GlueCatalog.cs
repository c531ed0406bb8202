using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
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
    {
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

        return new GlueTable(database, name, keys.ToImmutable());
    }

    private sealed class ParsedFile
    {
        public ParsedFile(ImmutableArray<GlueTable> tables) => Tables = tables;

        public ImmutableArray<GlueTable> Tables { get; }
    }
}

/// <summary>File-name patterns with <c>*</c> and <c>?</c>, matched case-insensitively against the file name only.</summary>
internal static class FileNamePattern
{
    public static bool MatchesAny(string? path, ImmutableArray<string> patterns)
    {
        if (path is null)
        {
            return false;
        }

        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        string name = path.Substring(slash + 1);
        foreach (string pattern in patterns)
        {
            if (Matches(name, pattern))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Glob match without recursion: on a mismatch, retry from just after the last <c>*</c>.</summary>
    public static bool Matches(string name, string pattern)
    {
        int n = 0, p = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n])))
            {
                n++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}

/// <summary>
/// A small JSON reader: objects become <see cref="Dictionary{TKey, TValue}"/>, arrays <see cref="List{T}"/>, strings
/// <see cref="string"/>, numbers <see cref="double"/>, literals <see cref="bool"/> or null. It never throws: any
/// syntax error, or nesting deeper than <see cref="MaxDepth"/>, gives null for the whole text.
/// </summary>
internal sealed class JsonReader
{
    /// <summary>Glue exports nest about six levels; anything far deeper is not one.</summary>
    public const int MaxDepth = 64;

    private static readonly object s_invalid = new();

    private readonly string _text;
    private int _position;

    private JsonReader(string text) => _text = text;

    /// <summary>The root value, or null when the text is not valid JSON (or is the literal <c>null</c>).</summary>
    public static object? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var reader = new JsonReader(text);
        if (reader._position < text.Length && text[reader._position] == '\uFEFF')
        {
            reader._position++;
        }

        object? value = reader.ReadValue(depth: 0);
        reader.SkipWhitespace();
        return ReferenceEquals(value, s_invalid) || reader._position != text.Length ? null : value;
    }

    private object? ReadValue(int depth)
    {
        SkipWhitespace();
        if (depth > MaxDepth || _position >= _text.Length)
        {
            return s_invalid;
        }

        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return ReadString() ?? s_invalid;
            case 't':
                return ReadLiteral("true", true);
            case 'f':
                return ReadLiteral("false", false);
            case 'n':
                return ReadLiteral("null", null);
            default:
                return ReadNumber();
        }
    }

    private object? ReadObject(int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipWhitespace();
        if (TryConsume('}'))
        {
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            if (_position >= _text.Length || _text[_position] != '"' || ReadString() is not { } key)
            {
                return s_invalid;
            }

            SkipWhitespace();
            if (!TryConsume(':'))
            {
                return s_invalid;
            }

            object? value = ReadValue(depth + 1);
            if (ReferenceEquals(value, s_invalid))
            {
                return s_invalid;
            }

            result[key] = value;
            SkipWhitespace();
            if (TryConsume(','))
            {
                continue;
            }

            return TryConsume('}') ? result : s_invalid;
        }
    }

    private object? ReadArray(int depth)
    {
        var result = new List<object?>();
        _position++;
        SkipWhitespace();
        if (TryConsume(']'))
        {
            return result;
        }

        while (true)
        {
            object? value = ReadValue(depth + 1);
            if (ReferenceEquals(value, s_invalid))
            {
                return s_invalid;
            }

            result.Add(value);
            SkipWhitespace();
            if (TryConsume(','))
            {
                continue;
            }

            return TryConsume(']') ? result : s_invalid;
        }
    }

    private string? ReadString()
    {
        _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                return null;
            }

            char escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length)
                    {
                        return null;
                    }

                    int code = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        int digit = HexValue(_text[_position++]);
                        if (digit < 0)
                        {
                            return null;
                        }

                        code = (code * 16) + digit;
                    }

                    builder.Append((char)code);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private object? ReadLiteral(string literal, object? value)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            return s_invalid;
        }

        _position += literal.Length;
        return value;
    }

    /// <summary>A JSON number; its value is never needed, so it is validated and returned as 0.</summary>
    private object ReadNumber()
    {
        int start = _position;
        TryConsume('-');
        if (!SkipDigits())
        {
            return s_invalid;
        }

        if (TryConsume('.') && !SkipDigits())
        {
            return s_invalid;
        }

        if (_position < _text.Length && (_text[_position] == 'e' || _text[_position] == 'E'))
        {
            _position++;
            if (!TryConsume('+'))
            {
                TryConsume('-');
            }

            if (!SkipDigits())
            {
                return s_invalid;
            }
        }

        return _position > start ? 0d : s_invalid;
    }

    private bool SkipDigits()
    {
        int start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private bool TryConsume(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }
}
