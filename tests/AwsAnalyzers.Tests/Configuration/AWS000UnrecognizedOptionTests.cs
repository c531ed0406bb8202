using System.Collections.Generic;
using System.Threading.Tasks;
using AwsAnalyzers.Athena;
using AwsAnalyzers.Configuration;
using AwsAnalyzers.Kinesis;
using AwsAnalyzers.Tests.Infrastructure;
using AwsAnalyzers.Throttling;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AwsAnalyzers.Tests.Configuration;

/// <summary>
/// Each configuration mistake a user makes gets its AWS000, and the rule it concerns keeps working on its documented
/// default: the tests run AWS000 beside AWS004 and AWS005, so both halves are checked on the same settings.
/// </summary>
public class AWS000UnrecognizedOptionTests
{
    /// <summary>Kinesis and DynamoDB writes that no catch handles: which of them AWS005 reports shows the services it checks.</summary>
    private const string Writes = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Kinesis;
        using Amazon.Kinesis.Model;

        class Store
        {
            Task SendAsync(IAmazonKinesis kinesis, PutRecordRequest request) => {|#0:kinesis.PutRecordAsync(request)|};

            Task SaveAsync(IAmazonDynamoDB dynamo, Dictionary<string, AttributeValue> item) => {|#1:dynamo.PutItemAsync("readings", item)|};
        }
        """;

    private static string AthenaQuery(string query) => $$"""
        using System.Threading.Tasks;
        using Amazon.Athena;
        using Amazon.Athena.Model;

        class Reports
        {
            Task<StartQueryExecutionResponse> RunAsync(IAmazonAthena athena) =>
                athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = {{query}} });
        }
        """;

    private static DiagnosticResult Aws000(string message) =>
        new DiagnosticResult(AWS000UnrecognizedOptionAnalyzer.Rule).WithMessage(message);

    private static DiagnosticResult Kinesis(int location) =>
        new DiagnosticResult(AWS005ThrottlingNotHandledAnalyzer.Rule).WithLocation(location).WithArguments("PutRecordAsync", "the shard");

    private static DiagnosticResult DynamoDb(int location) =>
        new DiagnosticResult(AWS005ThrottlingNotHandledAnalyzer.Rule).WithLocation(location).WithArguments("PutItemAsync", "the table");

    private static ConfiguredRulesTest WithEditorConfig(string source, string settings) =>
        new() { TestCode = source, EditorConfig = "root = true\n[*.cs]\n" + settings };

    // ---- Values that do not parse, or name something unknown ----

    [Theory]
    [InlineData("dynamo")]
    [InlineData("kinesis, dynamo")]
    [InlineData("none")]
    public async Task Unknown_service_rejects_the_whole_value_and_AWS005_keeps_checking_Kinesis(string value)
    {
        ConfiguredRulesTest test = WithEditorConfig(Writes, "aws_analyzers.AWS005.services = " + value);
        test.ExpectedDiagnostics.Add(Aws000(
            $"Unrecognized value '{value}' for aws_analyzers.AWS005.services: expected a comma-separated list of kinesis, dynamodb; using 'kinesis'"));
        test.ExpectedDiagnostics.Add(Kinesis(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task Partition_column_that_is_not_a_column_name_is_reported_and_AWS004_keeps_the_default_columns()
    {
        // With the default columns a predicate on year is enough; the rejected value would have required region.
        ConfiguredRulesTest test = WithEditorConfig(AthenaQuery("\"SELECT * FROM sensor_data WHERE year = 2025\""), "aws_analyzers.AWS004.partition_columns = region, ingest-day");
        test.ExpectedDiagnostics.Add(Aws000(
            "Unrecognized value 'region, ingest-day' for aws_analyzers.AWS004.partition_columns: expected a comma-separated list of column names (letters, digits and _); using 'year, month, day, hour, dt, date'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Catalog_file_pattern_with_a_folder_is_reported_from_the_json_section_and_the_default_pattern_still_finds_the_catalog()
    {
        // The export lists sensor_data as unpartitioned, so the query is silent only if the catalog is read.
        var test = new ConfiguredRulesTest
        {
            TestCode = AthenaQuery("\"SELECT * FROM sensor_data\""),
            EditorConfig = "root = true\n[*.json]\naws_analyzers.AWS004.catalog_file_pattern = catalog/*.glue.json",
        };
        test.TestState.AdditionalFiles.Add(("/catalog/iot.glue.json", """{ "TableList": [ { "Name": "sensor_data", "PartitionKeys": [] } ] }"""));
        test.ExpectedDiagnostics.Add(Aws000(
            "Unrecognized value 'catalog/*.glue.json' for aws_analyzers.AWS004.catalog_file_pattern: expected a comma-separated list of file-name patterns with * and ? (no folder); using '*.glue.json'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Values_from_a_global_config_are_checked()
    {
        var test = new ConfiguredRulesTest { TestCode = Writes };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\naws_analyzers.AWS005.services = dynamo\naws_analyzers.AWS004.fix_partition_columns = year, month, day-of-month"));
        test.ExpectedDiagnostics.Add(Aws000(
            "Unrecognized value 'dynamo' for aws_analyzers.AWS005.services: expected a comma-separated list of kinesis, dynamodb; using 'kinesis'"));
        test.ExpectedDiagnostics.Add(Aws000(
            "Unrecognized value 'year, month, day-of-month' for aws_analyzers.AWS004.fix_partition_columns: expected a comma-separated list of column names (letters, digits and _); using 'year, month, day'"));
        test.ExpectedDiagnostics.Add(Kinesis(0));
        await test.RunAsync();
    }

    // ---- Keys that name no option ----

    [Theory]
    [InlineData("aws_analyzers.AWS005.service = kinesis, dynamodb",
        "Unrecognized option aws_analyzers.aws005.service: the options of AWS005 are aws_analyzers.AWS005.services; the setting is ignored")]
    [InlineData("aws_analyzers.AWS05.services = kinesis, dynamodb",
        "Unrecognized option aws_analyzers.aws05.services: 'AWS05' is not a rule ID; the rules with options are AWS004, AWS005, AWS007, AWS008, AWS010, AWS011, AWS014, AWS015, AWS018, AWS019, AWS020, AWS022; the setting is ignored")]
    [InlineData("aws_analyzers.AWS001.services = dynamodb",
        "Unrecognized option aws_analyzers.aws001.services: AWS001 has no options; the setting is ignored")]
    [InlineData("aws_analyzers.AWS005 = dynamodb",
        "Unrecognized option aws_analyzers.aws005: the options of AWS005 are aws_analyzers.AWS005.services; the setting is ignored")]
    public async Task Misspelled_key_names_the_rule_s_options_or_the_rules_that_have_options(string setting, string message)
    {
        // The misspelled key is ignored, so AWS005 keeps its default: Kinesis only.
        ConfiguredRulesTest test = WithEditorConfig(Writes, setting);
        test.ExpectedDiagnostics.Add(Aws000(message));
        test.ExpectedDiagnostics.Add(Kinesis(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task Misspelled_key_in_a_global_config_is_reported()
    {
        var test = new ConfiguredRulesTest { TestCode = Writes };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\naws_analyzers.AWS005.service = dynamodb"));
        test.ExpectedDiagnostics.Add(Aws000(
            "Unrecognized option aws_analyzers.aws005.service: the options of AWS005 are aws_analyzers.AWS005.services; the setting is ignored"));
        test.ExpectedDiagnostics.Add(Kinesis(0));
        await test.RunAsync();
    }

    // ---- Once per key and value ----

    [Fact]
    public async Task A_setting_shared_by_many_files_is_reported_once_and_each_distinct_value_once()
    {
        var test = new ConfiguredRulesTest
        {
            EditorConfig = "root = true\n[*.cs]\naws_analyzers.AWS005.services = dynamo\n[/0/Test2.cs]\naws_analyzers.AWS005.services = kinesiss\n",
        };
        test.TestState.Sources.Add(("/0/Test0.cs", "class A { }"));
        test.TestState.Sources.Add(("/0/Test1.cs", "class B { }"));
        test.TestState.Sources.Add(("/0/Test2.cs", "class C { }"));
        test.TestState.Sources.Add(("/0/Test3.cs", "class D { }"));
        test.ExpectedDiagnostics.Add(Aws000(
            "Unrecognized value 'dynamo' for aws_analyzers.AWS005.services: expected a comma-separated list of kinesis, dynamodb; using 'kinesis'"));
        test.ExpectedDiagnostics.Add(Aws000(
            "Unrecognized value 'kinesiss' for aws_analyzers.AWS005.services: expected a comma-separated list of kinesis, dynamodb; using 'kinesis'"));
        await test.RunAsync();
    }

    // ---- What it must not report ----

    [Fact]
    public async Task Services_separated_by_spaces_are_both_checked()
    {
        ConfiguredRulesTest test = WithEditorConfig(Writes, "aws_analyzers.AWS005.services = kinesis dynamodb");
        test.ExpectedDiagnostics.Add(Kinesis(0));
        test.ExpectedDiagnostics.Add(DynamoDb(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Partition_columns_separated_by_spaces_are_three_columns()
    {
        // One column named "region ingest_day shard" would report the first query; the default columns would report
        // it and leave the second alone.
        await WithEditorConfig(
            AthenaQuery("\"SELECT * FROM sensor_data WHERE ingest_day = 15\""),
            "aws_analyzers.AWS004.partition_columns = region ingest_day shard").RunAsync();

        ConfiguredRulesTest notAPartitionColumn = WithEditorConfig(
            AthenaQuery("{|#0:\"SELECT * FROM sensor_data WHERE year = 2025\"|}"),
            "aws_analyzers.AWS004.partition_columns = region ingest_day shard");
        notAPartitionColumn.ExpectedDiagnostics.Add(new DiagnosticResult(AWS004MissingPartitionPredicateAnalyzer.Rule).WithLocation(0).WithArguments("'sensor_data'", "region, ingest_day or shard"));
        await notAPartitionColumn.RunAsync();
    }

    [Fact]
    public async Task Valid_settings_of_every_option_and_other_tools_keys_report_nothing()
    {
        var test = new ConfiguredRulesTest
        {
            TestCode = Writes,
            EditorConfig = """
                root = true
                [*]
                dotnet_diagnostic.AWS001.severity = warning
                dotnet_code_quality.api_surface = public
                aws_analyzers_other.AWS005.services = anything
                [*.cs]
                aws_analyzers.AWS004.partition_columns = region, ingest_day
                aws_analyzers.AWS004.fix_partition_columns =
                aws_analyzers.AWS005.services = Kinesis,DynamoDB
                [*.json]
                aws_analyzers.AWS004.catalog_file_pattern = tables-*.json glue-??.json
                """,
        };
        test.TestState.AdditionalFiles.Add(("/catalog/tables-iot.json", "{}"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\naws_analyzers.AWS004.catalog_file_pattern = *.glue.json"));
        test.ExpectedDiagnostics.Add(Kinesis(0));
        test.ExpectedDiagnostics.Add(DynamoDb(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Project_without_the_AWS_SDK_is_not_checked()
    {
        var test = new ConfiguredRulesTest { TestCode = "class C { }", EditorConfig = "root = true\n[*.cs]\naws_analyzers.AWS005.services = dynamo" };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        await test.RunAsync();
    }

    /// <summary>AWS000 with the rules whose options it checks, over one .editorconfig at the root.</summary>
    private sealed class ConfiguredRulesTest : CSharpAnalyzerTest<AWS000UnrecognizedOptionAnalyzer, DefaultVerifier>
    {
        public ConfiguredRulesTest() => TestSetup.Apply(this);

        public string? EditorConfig
        {
            init
            {
                if (value is not null)
                {
                    TestState.AnalyzerConfigFiles.Add(("/.editorconfig", value));
                }
            }
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new AWS000UnrecognizedOptionAnalyzer(), new AWS004MissingPartitionPredicateAnalyzer(), new AWS005ThrottlingNotHandledAnalyzer()];
    }
}
