using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Athena;

/// <summary>
/// The Glue tables that CloudFormation and SAM templates among a project's AdditionalFiles define: each
/// <c>AWS::Glue::Table</c> resource's <c>Properties.TableInput.Name</c>, <c>Properties.DatabaseName</c> and
/// <c>Properties.TableInput.PartitionKeys[].Name</c> / <c>.Type</c>, in JSON or YAML. A name or database given by an
/// intrinsic function (<c>!Ref</c>, <c>!Sub</c>) is not known: such a table is skipped, such a database left open.
/// </summary>
internal static class GlueTemplates
{
    private const string GlueTableType = "AWS::Glue::Table";

    /// <summary>Files larger than this are not templates; skip them rather than parse them.</summary>
    private const int MaxFileLength = 4 * 1024 * 1024;

    private static readonly ConditionalWeakTable<AdditionalText, ParsedTemplate> s_parsed = new();

    public static ImmutableArray<GlueTable> Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        ImmutableArray<GlueTable>.Builder? tables = null;
        foreach (AdditionalText file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsTemplateFile(file.Path))
            {
                continue;
            }

            ParsedTemplate parsed = s_parsed.GetValue(file, f => new ParsedTemplate(Parse(f.GetText(cancellationToken))));
            if (!parsed.Tables.IsEmpty)
            {
                (tables ??= ImmutableArray.CreateBuilder<GlueTable>()).AddRange(parsed.Tables);
            }
        }

        return tables?.ToImmutable() ?? ImmutableArray<GlueTable>.Empty;
    }

    /// <summary>JSON, YAML and <c>.template</c> files (SAM and the AWS toolkits name templates <c>*.template</c>).</summary>
    private static bool IsTemplateFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".template", StringComparison.OrdinalIgnoreCase)
        || (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".glue.json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Glue tables of one template, or none when the text defines none or is not a template.</summary>
    public static ImmutableArray<GlueTable> Parse(SourceText? source)
    {
        if (source is null || source.Length > MaxFileLength)
        {
            return ImmutableArray<GlueTable>.Empty;
        }

        string text = source.ToString();
        if (text.IndexOf(GlueTableType, StringComparison.Ordinal) < 0)
        {
            return ImmutableArray<GlueTable>.Empty;
        }

        object? root = text.TrimStart().StartsWith("{", StringComparison.Ordinal) ? JsonReader.Read(text) : YamlReader.Read(text);
        if (Member(root, "Resources") is not Dictionary<string, object?> resources)
        {
            return ImmutableArray<GlueTable>.Empty;
        }

        var tables = ImmutableArray.CreateBuilder<GlueTable>();
        foreach (object? resource in resources.Values)
        {
            if (Member(resource, "Type") as string != GlueTableType
                || Member(resource, "Properties") is not Dictionary<string, object?> properties
                || Member(properties, "TableInput") is not Dictionary<string, object?> input
                || Member(input, "Name") is not string { Length: > 0 } name)
            {
                continue;
            }

            var keys = ImmutableArray.CreateBuilder<GluePartitionKey>();
            if (Member(input, "PartitionKeys") is List<object?> keyList)
            {
                foreach (object? key in keyList)
                {
                    if (Member(key, "Name") is string { Length: > 0 } keyName)
                    {
                        keys.Add(new GluePartitionKey(keyName, Member(key, "Type") as string));
                    }
                }
            }
            else if (Member(input, "PartitionKeys") is not null)
            {
                // Keys given by an intrinsic function or a condition: not known.
                continue;
            }

            tables.Add(new GlueTable(Member(properties, "DatabaseName") as string, name, keys.ToImmutable()));
        }

        return tables.ToImmutable();
    }

    private static object? Member(object? value, string name) =>
        value is Dictionary<string, object?> mapping && mapping.TryGetValue(name, out object? member) ? member : null;

    private sealed class ParsedTemplate
    {
        public ParsedTemplate(ImmutableArray<GlueTable> tables) => Tables = tables;

        public ImmutableArray<GlueTable> Tables { get; }
    }
}
