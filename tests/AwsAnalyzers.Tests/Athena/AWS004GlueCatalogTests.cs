using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using AwsAnalyzers.Athena;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AwsAnalyzers.Tests.Athena;

/// <summary>Reading Glue catalog exports (the output of <c>aws glue get-tables</c>) and the JSON reader under it.</summary>
public class AWS004GlueCatalogTests
{
    internal const string GetTablesOutput = """
        {
            "TableList": [
                {
                    "Name": "sensor_data",
                    "DatabaseName": "iot",
                    "Owner": "hadoop",
                    "CreateTime": "2025-01-15T10:00:00+09:00",
                    "Retention": 0,
                    "StorageDescriptor": {
                        "Columns": [
                            { "Name": "device_id", "Type": "string" },
                            { "Name": "temperature", "Type": "double" }
                        ],
                        "Location": "s3://bucket/sensor-data/",
                        "Compressed": false,
                        "NumberOfBuckets": -1,
                        "SerdeInfo": { "Parameters": { "serialization.format": "1" } }
                    },
                    "PartitionKeys": [
                        { "Name": "year", "Type": "string" },
                        { "Name": "month", "Type": "string" },
                        { "Name": "day", "Type": "int", "Comment": "day of month" }
                    ],
                    "TableType": "EXTERNAL_TABLE",
                    "IsRegisteredWithLakeFormation": false
                },
                {
                    "Name": "devices",
                    "DatabaseName": "iot",
                    "PartitionKeys": []
                }
            ],
            "NextToken": null
        }
        """;

    [Fact]
    public void Reads_tables_and_partition_keys_of_a_get_tables_export()
    {
        ImmutableArray<GlueTable> tables = GlueCatalog.Parse(SourceText.From(GetTablesOutput));
        Assert.Equal(2, tables.Length);
        Assert.Equal("iot", tables[0].Database);
        Assert.Equal("sensor_data", tables[0].Name);
        Assert.Equal(new[] { "year string", "month string", "day int" }, tables[0].PartitionKeys.Select(k => k.ToString()));
        Assert.Empty(tables[1].PartitionKeys);
    }

    [Fact]
    public void Reads_a_get_table_export_and_a_byte_order_mark()
    {
        string text = "\uFEFF{ \"Table\": { \"Name\": \"logs\", \"PartitionKeys\": [ { \"Name\": \"dt\" } ] } }";
        GlueTable table = Assert.Single(GlueCatalog.Parse(SourceText.From(text)));
        Assert.Equal("logs", table.Name);
        Assert.Null(table.Database);
        Assert.Equal("dt", Assert.Single(table.PartitionKeys).Name);
        Assert.Null(table.PartitionKeys[0].Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{ \"TableList\": [ { \"Name\": \"t\", \"PartitionKeys\": [ { \"Name\": \"year\" } ] } ")]
    [InlineData("{ \"TableList\": [ { \"Name\": \"t\" }, ] }")]
    [InlineData("{ \"TableList\": [ { \"Name\": \"t\" } ] } trailing")]
    [InlineData("{ \"TableList\": \"\\x\" }")]
    [InlineData("{ \"TableList\": [ 01 ] }")]
    [InlineData("{ 'TableList': [] }")]
    [InlineData("[]")]
    [InlineData("{ \"TableList\": { \"Name\": \"t\" } }")]
    [InlineData("{ \"TableList\": [ { \"Name\": 3, \"PartitionKeys\": [ { \"Name\": \"year\" } ] } ] }")]
    public void Malformed_or_foreign_json_gives_no_tables(string text)
    {
        Assert.Empty(GlueCatalog.Parse(SourceText.From(text)));
    }

    [Fact]
    public void Deep_nesting_is_rejected_without_overflowing_the_stack()
    {
        string text = "{\"TableList\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        Assert.Empty(GlueCatalog.Parse(SourceText.From(text)));
        Assert.Null(JsonReader.Read(new string('[', JsonReader.MaxDepth + 2) + new string(']', JsonReader.MaxDepth + 2)));
        Assert.NotNull(JsonReader.Read(new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth)));
    }

    [Fact]
    public void Json_values_are_read_with_escapes_and_numbers()
    {
        var root = Assert.IsType<System.Collections.Generic.Dictionary<string, object?>>(
            JsonReader.Read("{ \"a\": \"q\\\"\\u00e9\\n\", \"b\": [ -1.5e+3, 0, true, false, null ], \"c\": {} }"));
        Assert.Equal("q\"\u00e9\n", root["a"]);
        Assert.Equal(5, Assert.IsType<System.Collections.Generic.List<object?>>(root["b"]).Count);
    }

    [Fact]
    public void Random_mutations_of_an_export_never_throw()
    {
        var random = new Random(4004);
        for (int i = 0; i < 3000; i++)
        {
            var text = new StringBuilder(GetTablesOutput);
            for (int edits = random.Next(1, 4); edits > 0; edits--)
            {
                int at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at));
                        break;
                    case 1:
                        text.Insert(at, "{}[]\",:\\u0 tn-1e"[random.Next(16)]);
                        break;
                    default:
                        text.Length = at;
                        break;
                }
            }

            _ = GlueCatalog.Parse(SourceText.From(text.ToString()));
        }
    }

    [Theory]
    [InlineData("sensor_data", true)]
    [InlineData("SENSOR_DATA", true)]
    [InlineData("iot.sensor_data", true)]
    [InlineData("awsdatacatalog.iot.sensor_data", true)]
    [InlineData("other.sensor_data", false)]
    [InlineData("unknown", false)]
    public void Tables_are_found_by_name_and_database_case_insensitively(string name, bool found)
    {
        GlueCatalog catalog = Catalog(("iot.glue.json", GetTablesOutput));
        Assert.Equal(found ? GlueLookupResult.Found : GlueLookupResult.NotFound, catalog.Find(name, out GlueTable? table));
        Assert.Equal(found, table is not null);
    }

    [Fact]
    public void A_name_in_two_databases_with_different_keys_is_ambiguous_unless_qualified()
    {
        GlueCatalog catalog = Catalog(
            ("iot.glue.json", GetTablesOutput),
            ("archive.glue.json", """{ "TableList": [ { "Name": "sensor_data", "DatabaseName": "archive", "PartitionKeys": [ { "Name": "dt", "Type": "string" } ] } ] }"""));
        Assert.Equal(GlueLookupResult.Ambiguous, catalog.Find("sensor_data", out _));
        Assert.Equal(GlueLookupResult.Found, catalog.Find("archive.sensor_data", out GlueTable? archive));
        Assert.Equal("dt", Assert.Single(archive!.PartitionKeys).Name);
    }

    [Theory]
    [InlineData("iot.glue.json", "*.glue.json", true)]
    [InlineData("/repo/catalog/IOT.GLUE.JSON", "*.glue.json", true)]
    [InlineData("C:\\repo\\iot.glue.json", "*.glue.json", true)]
    [InlineData("iot.json", "*.glue.json", false)]
    [InlineData("glue/iot.json", "*.glue.json", false)]
    [InlineData("tables-iot.json", "tables-*.json", true)]
    [InlineData("tables-iot.json", "tables-???.json", true)]
    [InlineData("tables-iot2.json", "tables-???.json", false)]
    public void File_name_patterns_match_the_file_name(string path, string pattern, bool expected)
    {
        Assert.Equal(expected, FileNamePattern.MatchesAny(path, ImmutableArray.Create(pattern)));
    }

    private static GlueCatalog Catalog(params (string Path, string Text)[] files) =>
        GlueCatalog.Read(
            files.Select(f => (Microsoft.CodeAnalysis.AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToImmutableArray(),
            _ => AwsAnalyzers.Core.RuleOptions.AthenaCatalogFilePattern.Default,
            default);

    private sealed class TestAdditionalText(string path, string text) : Microsoft.CodeAnalysis.AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
