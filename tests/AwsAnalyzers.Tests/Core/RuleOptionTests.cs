using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Configuration;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>The option kinds the rules declare, and how a definition reads a value: parsed, defaulted, never thrown.</summary>
public class RuleOptionTests
{
    [Theory]
    [InlineData("year, month, day")]
    [InlineData("year month day")]
    [InlineData("year;month;day")]
    [InlineData(" year ,month\tday , ")]
    [InlineData("year, month month day year")]
    public void Lists_accept_commas_semicolons_spaces_or_any_mix_and_drop_repeats(string value)
    {
        OptionParse<ImmutableArray<string>> parsed = OptionTypes.ColumnNames.Parse(value);
        Assert.True(parsed.IsValid);
        Assert.Equal(new[] { "year", "month", "day" }, parsed.Value);
    }

    [Theory]
    [InlineData("kinesis dynamodb", new[] { "kinesis", "dynamodb" })]
    [InlineData("DynamoDB", new[] { "dynamodb" })]
    [InlineData("Kinesis,KINESIS", new[] { "kinesis" })]
    public void Enumerated_lists_match_names_case_insensitively_and_give_them_back_as_declared(string value, string[] expected)
    {
        OptionParse<ImmutableArray<string>> parsed = OptionTypes.ListOf("kinesis", "dynamodb").Parse(value);
        Assert.True(parsed.IsValid);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("dynamo")]
    [InlineData("kinesis, dynamo")]
    [InlineData("none")]
    [InlineData(",")]
    public void An_unknown_entry_rejects_the_whole_enumerated_list(string value)
    {
        OptionParse<ImmutableArray<string>> parsed = OptionTypes.ListOf("kinesis", "dynamodb").Parse(value);
        Assert.False(parsed.IsValid);
        Assert.Equal("a comma-separated list of kinesis, dynamodb", parsed.Expected);
    }

    [Theory]
    [InlineData("7", true, 7)]
    [InlineData("30", true, 30)]
    [InlineData("+12", true, 12)]
    [InlineData("6", false, 0)]
    [InlineData("31", false, 0)]
    [InlineData("7.5", false, 0)]
    [InlineData("seven", false, 0)]
    [InlineData("1e3", false, 0)]
    public void Integers_are_whole_numbers_within_their_range(string value, bool valid, int expected)
    {
        OptionParse<int> parsed = OptionTypes.Integer(7, 30).Parse(value);
        Assert.Equal(valid, parsed.IsValid);
        if (valid)
        {
            Assert.Equal(expected, parsed.Value);
        }
        else
        {
            Assert.Equal("a whole number from 7 to 30", parsed.Expected);
        }
    }

    [Theory]
    [InlineData("true", true, true)]
    [InlineData("False", true, false)]
    [InlineData("yes", false, false)]
    [InlineData("1", false, false)]
    public void Booleans_are_true_or_false(string value, bool valid, bool expected)
    {
        OptionParse<bool> parsed = OptionTypes.Boolean.Parse(value);
        Assert.Equal(valid, parsed.IsValid);
        Assert.Equal(valid ? null : "true or false", parsed.Expected);
        Assert.Equal(expected, valid && parsed.Value);
    }

    [Fact]
    public void One_of_and_text_options_say_what_they_accept()
    {
        OptionType<string> mode = OptionTypes.OneOf("standard", "adaptive");
        Assert.Equal("adaptive", mode.Parse("Adaptive").Value);
        Assert.Equal("one of standard, adaptive", mode.Parse("legacy").Expected);

        OptionType<string> expression = OptionTypes.Text("a C# member access", text => text.Contains('.', StringComparison.Ordinal));
        Assert.Equal("Options.Value", expression.Parse("Options.Value").Value);
        Assert.Equal("a C# member access", expression.Parse("Options").Expected);
    }

    [Theory]
    [InlineData("*.glue.json tables-??.json", true)]
    [InlineData("catalog/*.glue.json", false)]
    [InlineData("catalog\\*.glue.json", false)]
    public void File_name_patterns_name_no_folder(string value, bool valid)
    {
        Assert.Equal(valid, OptionTypes.FileNamePatterns.Parse(value).IsValid);
    }

    [Theory]
    [InlineData("", "kinesis")]
    [InlineData("   ", "kinesis")]
    [InlineData("dynamo", "kinesis")]
    [InlineData("dynamodb kinesis", "dynamodb, kinesis")]
    public void A_definition_reads_an_empty_or_rejected_value_as_its_default(string value, string expected)
    {
        RuleOption<ImmutableArray<string>> services = RuleOptions.ThrottledServices;
        Assert.Equal(expected, string.Join(", ", services.Value(value)));
        Assert.Equal(expected, string.Join(", ", services.Read(new Options(new() { ["aws_analyzers.aws005.services"] = value }))));
        Assert.Equal("kinesis", string.Join(", ", services.Read(new Options(new()))));
    }

    [Fact]
    public void Check_passes_empty_and_valid_values_and_says_what_is_accepted_otherwise()
    {
        Assert.Null(RuleOptions.AthenaPartitionColumns.Check(""));
        Assert.Null(RuleOptions.AthenaPartitionColumns.Check("region ingest_day"));
        Assert.Equal("a comma-separated list of column names (letters, digits and _)", RuleOptions.AthenaPartitionColumns.Check("ingest-day"));
    }

    [Fact]
    public void Keys_compare_case_insensitively_as_editorconfig_lowercases_them()
    {
        Assert.Same(RuleOptions.ThrottledServices, RuleOptions.Find("aws_analyzers.aws005.services"));
        Assert.Null(RuleOptions.Find("aws_analyzers.aws005.service"));
        Assert.Equal(new[] { "partition_columns", "fix_partition_columns", "catalog_file_pattern" }, RuleOptions.Of("AWS004").Select(o => o.Name));
    }

    [Fact]
    public async Task Where_the_host_cannot_list_its_keys_values_are_still_checked_and_nothing_throws()
    {
        // AnalyzerConfigOptions.Keys is virtual and throws NotImplementedException unless the host overrides it.
        Assert.Throws<NotImplementedException>(() => new Options(new()).Keys.ToList());

        SyntaxTree tree = CSharpSyntaxTree.ParseText("class C { }", path: "/src/C.cs");
        var compilation = CSharpCompilation.Create("Test", [tree], TestReferences.FrameworkAndSdk, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var settings = new Dictionary<string, string>
        {
            ["aws_analyzers.aws005.services"] = "dynamo",
            ["aws_analyzers.aws005.service"] = "dynamo",
        };
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(new Options(settings)));
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([new AWS000UnrecognizedOptionAnalyzer()], new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync(CancellationToken.None);

        Diagnostic reported = Assert.Single(diagnostics);
        Assert.Equal(
            "Unrecognized value 'dynamo' for aws_analyzers.AWS005.services: expected a comma-separated list of kinesis, dynamodb; using 'kinesis'",
            reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Location.None, reported.Location);
    }

    /// <summary>Options as a host that does not list its keys provides them.</summary>
    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values = new(values, KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }

    private sealed class OptionsProvider(AnalyzerConfigOptions options) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }
}
