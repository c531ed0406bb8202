using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AwsAnalyzers.Tests.Metadata;

/// <summary>Keeps every rule's metadata honest as rules are added: IDs, help links, docs, release tracking, README.</summary>
public class RuleMetadataTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyAnalyzer).Assembly;
    private static readonly Assembly CodeFixAssembly = typeof(AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyCodeFix).Assembly;

    public static IEnumerable<object[]> AnalyzerTypes() =>
        AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => new object[] { t.Name });

    public static IEnumerable<object[]> CodeFixTypes() =>
        CodeFixAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => new object[] { t.Name });

    private static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    private static IEnumerable<CodeFixProvider> CodeFixes() =>
        CodeFixAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!);

    private static List<DiagnosticDescriptor> Descriptors() =>
        Analyzers().SelectMany(a => a.SupportedDiagnostics).ToList();

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public void Analyzer_can_be_instantiated_and_is_exported_for_CSharp(string typeName)
    {
        Type type = AnalyzerAssembly.GetTypes().Single(t => t.Name == typeName);
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
        Assert.NotEmpty(analyzer.SupportedDiagnostics);
        var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
        Assert.NotNull(attribute);
        Assert.Contains(LanguageNames.CSharp, attribute!.Languages);
        Assert.StartsWith(analyzer.SupportedDiagnostics[0].Id, typeName, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CodeFixTypes))]
    public void Code_fix_can_be_instantiated_is_exported_and_has_a_fix_all_provider(string typeName)
    {
        Type type = CodeFixAssembly.GetTypes().Single(t => t.Name == typeName);
        var fix = (CodeFixProvider)Activator.CreateInstance(type)!;
        Assert.NotEmpty(fix.FixableDiagnosticIds);
        Assert.NotNull(fix.GetFixAllProvider());
        Assert.NotNull(type.GetCustomAttribute<ExportCodeFixProviderAttribute>());
        Assert.StartsWith(fix.FixableDiagnosticIds[0], typeName, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_id_belongs_to_one_analyzer_and_follows_the_AWS_prefix()
    {
        // One analyzer may report an ID through several descriptors (live and compilation-end, or a message worded for
        // a shape such as AWS001's choice among a few keys); they share the title, category and severity.
        List<(string Analyzer, DiagnosticDescriptor Descriptor)> all = Analyzers()
            .SelectMany(a => a.SupportedDiagnostics.Select(d => (a.GetType().Name, d)))
            .ToList();
        foreach (IGrouping<string, (string Analyzer, DiagnosticDescriptor Descriptor)> byId in all.GroupBy(x => x.Descriptor.Id))
        {
            Assert.Matches("^AWS[0-9]{3}$", byId.Key);
            Assert.Single(byId.Select(x => x.Analyzer).Distinct());
            Assert.Single(byId.Select(x => (x.Descriptor.Title.ToString(), x.Descriptor.Category, x.Descriptor.DefaultSeverity, x.Descriptor.HelpLinkUri)).Distinct());
        }
    }

    [Fact]
    public void The_repository_url_is_declared_once_and_the_package_uses_it()
    {
        XElement versionProps = XDocument.Load(Path.Combine(RepositoryRootAttribute.Value, "eng", "Version.props")).Root!;
        Assert.Equal("https://github.com/aws-analyzers/AwsAnalyzers", versionProps.Descendants("AwsAnalyzersRepositoryUrl").Single().Value.Trim());

        XElement buildProps = XDocument.Load(Path.Combine(RepositoryRootAttribute.Value, "Directory.Build.props")).Root!;
        Assert.Equal("$(AwsAnalyzersRepositoryUrl)", buildProps.Descendants("RepositoryUrl").Single().Value.Trim());
        Assert.Equal("$(AwsAnalyzersRepositoryUrl)", buildProps.Descendants("PackageProjectUrl").Single().Value.Trim());
    }

    [Fact]
    public void Every_help_link_points_at_an_existing_rule_page_of_the_release()
    {
        // The page at the tag of the package version, so a user of a release reads that release's contract.
        string version = XDocument.Load(Path.Combine(RepositoryRootAttribute.Value, "eng", "Version.props"))
            .Descendants("AwsAnalyzersVersion").Single().Value.Trim();
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            Assert.Equal($"https://github.com/aws-analyzers/AwsAnalyzers/blob/v{version}/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            string page = Path.Combine(RepositoryRootAttribute.Value, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id}: missing {page}");
            Assert.StartsWith("# " + descriptor.Id, File.ReadAllText(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_id_is_in_release_tracking_with_its_category_and_severity()
    {
        string tracking = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "src", "AwsAnalyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "src", "AwsAnalyzers", "AnalyzerReleases.Shipped.md"));
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            // Release tracking writes a rule that is off by default as Disabled (RS2001 checks it against the descriptor).
            string severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
            Assert.Matches(
                new Regex($@"^{descriptor.Id}\s*\|\s*{descriptor.Category}\s*\|\s*{severity}\s*\|", RegexOptions.Multiline),
                tracking);
        }
    }

    [Fact]
    public void Every_id_is_in_the_readme_rule_table_with_a_docs_link()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "README.md"));
        var fixable = new HashSet<string>(CodeFixes().SelectMany(f => f.FixableDiagnosticIds), StringComparer.Ordinal);
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            Match row = Regex.Match(readme, $@"^\|\s*\[{descriptor.Id}\]\(docs/rules/{descriptor.Id}\.md\)\s*\|(?<rest>.*)$", RegexOptions.Multiline);
            Assert.True(row.Success, $"{descriptor.Id} is missing from the README rule table");
            string rest = row.Groups["rest"].Value;
            Assert.Contains(descriptor.DefaultSeverity.ToString(), rest, StringComparison.Ordinal);
            Assert.Contains(fixable.Contains(descriptor.Id) ? "| Yes" : "| No", rest, StringComparison.Ordinal);
            Assert.StartsWith($" {descriptor.Title.ToString(CultureInfo.InvariantCulture)} |", rest, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_Korean_readme_is_linked_and_lists_every_rule_with_its_Korean_title_and_options()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "README.md"));
        string korean = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "README.ko.md"));
        Assert.Contains("(README.ko.md)", readme.Substring(0, readme.IndexOf("\n## ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("(README.md)", korean, StringComparison.Ordinal);

        var fixable = new HashSet<string>(CodeFixes().SelectMany(f => f.FixableDiagnosticIds), StringComparer.Ordinal);
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            Match row = Regex.Match(korean, $@"^\|\s*\[{descriptor.Id}\]\(docs/rules/{descriptor.Id}\.md\)\s*\|(?<rest>.*)$", RegexOptions.Multiline);
            Assert.True(row.Success, $"{descriptor.Id} is missing from the rule table of README.ko.md");
            string rest = row.Groups["rest"].Value;
            Assert.StartsWith($" {descriptor.Title.ToString(new CultureInfo("ko-KR"))} |", rest, StringComparison.Ordinal);
            Assert.Contains($"| {descriptor.Category} |", rest, StringComparison.Ordinal);
            Assert.Contains(descriptor.DefaultSeverity.ToString(), rest, StringComparison.Ordinal);
            Assert.Contains(fixable.Contains(descriptor.Id) ? "| 예" : "| 아니요", rest, StringComparison.Ordinal);
        }

        foreach (RuleOption option in RuleOptions.All)
        {
            Assert.Matches(new Regex($@"^\|\s*{option.RuleId}\s*\|\s*`{Regex.Escape(option.Key)}`\s*\|", RegexOptions.Multiline), korean);
        }
    }

    [Fact]
    public void Every_fixable_id_is_reported_by_some_analyzer()
    {
        var reported = new HashSet<string>(Descriptors().Select(d => d.Id), StringComparer.Ordinal);
        foreach (string id in CodeFixes().SelectMany(f => f.FixableDiagnosticIds))
        {
            Assert.Contains(id, reported);
        }
    }

    [Fact]
    public void Analyzer_assembly_does_not_reference_workspaces_or_aws_sdk()
    {
        AssemblyName[] references = AnalyzerAssembly.GetReferencedAssemblies();
        Assert.DoesNotContain(references, r => r.Name!.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Name!.StartsWith("AWSSDK", StringComparison.Ordinal));
        Assert.DoesNotContain(CodeFixAssembly.GetReferencedAssemblies(), r => r.Name!.StartsWith("AWSSDK", StringComparison.Ordinal));
    }

    [Fact]
    public void Option_definitions_belong_to_rules_have_unique_keys_and_are_all_in_the_catalog()
    {
        var ids = new HashSet<string>(Descriptors().Select(d => d.Id), StringComparer.Ordinal);
        foreach (RuleOption option in RuleOptions.All)
        {
            Assert.Contains(option.RuleId, ids);
            Assert.Equal($"aws_analyzers.{option.RuleId}.{option.Name}", option.Key);
            Assert.Matches("^[a-z][a-z0-9_]*$", option.Name);
            Assert.False(string.IsNullOrWhiteSpace(option.Documentation), option.Key);
            Assert.Null(option.Check(option.DefaultText));
        }

        Assert.Equal(RuleOptions.All.Length, RuleOptions.All.Select(o => o.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // A definition declared as a field but missing from All would be read by its rule and checked by nobody.
        List<RuleOption> fields = typeof(RuleOptions).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => typeof(RuleOption).IsAssignableFrom(f.FieldType))
            .Select(f => (RuleOption)f.GetValue(null)!)
            .ToList();
        Assert.NotEmpty(fields);
        Assert.Equal(fields.Select(o => o.Key).Order(StringComparer.Ordinal), RuleOptions.All.Select(o => o.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_rule_page_lists_exactly_its_option_definitions()
    {
        foreach (string id in Descriptors().Select(d => d.Id).Distinct().Order(StringComparer.Ordinal))
        {
            string page = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "docs", "rules", id + ".md"));
            string? options = Section(page, "## Options");
            Assert.True(options is not null, $"docs/rules/{id}.md has no Options section");
            List<string[]> rows = TableRows(options!).Where(cells => cells[0].StartsWith("`aws_analyzers.", StringComparison.Ordinal)).ToList();
            ImmutableArray<RuleOption> defined = RuleOptions.Of(id);
            if (defined.IsEmpty)
            {
                Assert.True(options!.Trim() == "None.", $"docs/rules/{id}.md: the rule has no options, so its Options section says only \"None.\"");
                continue;
            }

            Assert.Equal(
                defined.Select(o => $"`{o.Key}` | `{o.DefaultText}` | {o.Accepted} | {o.Documentation}"),
                rows.Select(cells => string.Join(" | ", cells)));

            // Keys named anywhere on the page (examples, prose) are keys the rule has.
            foreach (Match key in Regex.Matches(page, @"aws_analyzers\.(?<id>AWS[0-9]{3})\.(?<option>[a-z0-9_]+)"))
            {
                Assert.True(RuleOptions.Find(key.Value) is not null || key.Groups["id"].Value != id, $"docs/rules/{id}.md names {key.Value}, which is no option of {id}");
            }
        }
    }

    [Fact]
    public void The_readme_configuration_table_lists_every_rule_and_exactly_the_option_definitions()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "README.md"));
        string? section = Section(readme, "## Configuration");
        Assert.True(section is not null, "README.md has no Configuration section");

        var expected = new List<string>();
        foreach (string id in Descriptors().Select(d => d.Id).Distinct().Order(StringComparer.Ordinal))
        {
            ImmutableArray<RuleOption> options = RuleOptions.Of(id);
            expected.AddRange(options.IsEmpty
                ? new[] { $"{id} | (no options) |  | " }
                : options.Select(o => $"{id} | `{o.Key}` | `{o.DefaultText}` | {o.Documentation}"));
        }

        List<string> actual = TableRows(section!)
            .Where(cells => Regex.IsMatch(cells[0], "^AWS[0-9]{3}$"))
            .Select(cells => string.Join(" | ", cells))
            .ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>The text under a level-2 heading, up to the next one; null when the heading is missing.</summary>
    private static string? Section(string markdown, string heading)
    {
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.IndexOf(lines, heading);
        if (start < 0)
        {
            return null;
        }

        int end = Array.FindIndex(lines, start + 1, line => line.StartsWith("## ", StringComparison.Ordinal));
        return string.Join("\n", lines[(start + 1)..(end < 0 ? lines.Length : end)]);
    }

    /// <summary>The cells of each row of the Markdown tables in <paramref name="text"/>, trimmed, separator rows left out.</summary>
    private static IEnumerable<string[]> TableRows(string text) =>
        text.Split('\n')
            .Where(line => line.StartsWith('|') && line.TrimEnd().EndsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray());
}
