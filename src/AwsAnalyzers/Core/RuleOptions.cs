using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwsAnalyzers.Core;

/// <summary>
/// Reads a rule's options from .editorconfig or a global config, as <c>aws_analyzers.&lt;ID&gt;.&lt;option&gt; = value</c>.
/// Values are parsed leniently: a value that does not parse falls back to the documented default.
/// </summary>
internal static class RuleOptions
{
    public const string Prefix = "aws_analyzers.";

    public static string Key(string ruleId, string option) => Prefix + ruleId + "." + option;

    public static string? GetString(AnalyzerOptions options, SyntaxTree tree, string ruleId, string option)
    {
        AnalyzerConfigOptions config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (config.TryGetValue(Key(ruleId, option), out string? value))
        {
            value = value.Trim();
            return value.Length == 0 ? null : value;
        }

        return null;
    }

    /// <summary>
    /// An option for an additional file (a catalog, a list): the .editorconfig sections that match the file's path, then
    /// the global config.
    /// </summary>
    public static string? GetString(AnalyzerOptions options, AdditionalText file, string ruleId, string option)
    {
        string key = Key(ruleId, option);
        if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(key, out string? value)
            || options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out value))
        {
            value = value.Trim();
            return value.Length == 0 ? null : value;
        }

        return null;
    }

    public static bool GetBool(AnalyzerOptions options, SyntaxTree tree, string ruleId, string option, bool defaultValue)
    {
        string? value = GetString(options, tree, ruleId, option);
        return value is not null && bool.TryParse(value, out bool parsed) ? parsed : defaultValue;
    }

    public static int GetInt(AnalyzerOptions options, SyntaxTree tree, string ruleId, string option, int defaultValue)
    {
        string? value = GetString(options, tree, ruleId, option);
        return value is not null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed)
            ? parsed
            : defaultValue;
    }

    /// <summary>A comma-separated list; entries are trimmed and empty entries dropped.</summary>
    public static ImmutableArray<string> GetList(
        AnalyzerOptions options, SyntaxTree tree, string ruleId, string option, ImmutableArray<string> defaultValue) =>
        ParseList(GetString(options, tree, ruleId, option), defaultValue);

    /// <summary>A comma-separated list set for an additional file; entries are trimmed and empty entries dropped.</summary>
    public static ImmutableArray<string> GetList(
        AnalyzerOptions options, AdditionalText file, string ruleId, string option, ImmutableArray<string> defaultValue) =>
        ParseList(GetString(options, file, ruleId, option), defaultValue);

    private static ImmutableArray<string> ParseList(string? value, ImmutableArray<string> defaultValue)
    {
        if (value is null)
        {
            return defaultValue;
        }

        ImmutableArray<string>.Builder items = ImmutableArray.CreateBuilder<string>();
        foreach (string part in value.Split(s_separators, StringSplitOptions.RemoveEmptyEntries))
        {
            string item = part.Trim();
            if (item.Length > 0)
            {
                items.Add(item);
            }
        }

        return items.Count == 0 ? defaultValue : items.ToImmutable();
    }

    private static readonly char[] s_separators = [',', ';'];
}
