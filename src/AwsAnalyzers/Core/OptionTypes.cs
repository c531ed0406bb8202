using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace AwsAnalyzers.Core;

/// <summary>What parsing one option value gave: the value, or (when it does not parse) what the option accepts.</summary>
internal readonly struct OptionParse<T>
{
    private OptionParse(T value, string? expected)
    {
        Value = value;
        Expected = expected;
    }

    /// <summary>The parsed value; meaningless when <see cref="IsValid"/> is false.</summary>
    public T Value { get; }

    /// <summary>What the option accepts, as the configuration diagnostic says it; null when the value parsed.</summary>
    public string? Expected { get; }

    public bool IsValid => Expected is null;

    public static OptionParse<T> Valid(T value) => new(value, expected: null);

    public static OptionParse<T> Invalid(string expected) => new(default!, expected);
}

/// <summary>
/// How the values of one kind of option are written: the parser, the text that says what it accepts (in the
/// configuration diagnostic and the rule pages) and how a value is written back (the documented default).
/// </summary>
internal sealed class OptionType<T>
{
    private readonly Func<string, OptionParse<T>> _parse;
    private readonly Func<T, string> _format;

    public OptionType(string accepted, Func<string, OptionParse<T>> parse, Func<T, string> format)
    {
        Accepted = accepted;
        _parse = parse;
        _format = format;
    }

    /// <summary>What a value may be, completing "expected …": <c>true or false</c>, <c>a whole number from 7 to 30</c>.</summary>
    public string Accepted { get; }

    /// <summary>Parses a trimmed, non-empty value. Never throws.</summary>
    public OptionParse<T> Parse(string text) => _parse(text);

    /// <summary>The value as a user writes it in .editorconfig.</summary>
    public string Format(T value) => _format(value);
}

/// <summary>
/// The kinds of option values the rules take. Lists accept commas, semicolons, spaces or any mix as separators
/// (<c>year, month, day</c>, <c>year month day</c>); an entry that is not accepted rejects the whole value, so the
/// rule keeps its documented default rather than a part of what the user meant.
/// </summary>
internal static class OptionTypes
{
    public static OptionType<bool> Boolean { get; } = new(
        "true or false",
        text => bool.TryParse(text, out bool value) ? OptionParse<bool>.Valid(value) : OptionParse<bool>.Invalid("true or false"),
        value => value ? "true" : "false");

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static OptionType<int> Integer(int min, int max)
    {
        string accepted = string.Format(CultureInfo.InvariantCulture, "a whole number from {0} to {1}", min, max);
        return new OptionType<int>(
            accepted,
            text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
                ? OptionParse<int>.Valid(value)
                : OptionParse<int>.Invalid(accepted),
            value => value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>One of <paramref name="names"/>, matched case-insensitively and given back as written here.</summary>
    public static OptionType<string> OneOf(params string[] names)
    {
        string accepted = "one of " + string.Join(", ", names);
        return new OptionType<string>(
            accepted,
            text => Canonical(names, text) is { } name ? OptionParse<string>.Valid(name) : OptionParse<string>.Invalid(accepted),
            value => value);
    }

    /// <summary>A list of some of <paramref name="names"/>, matched case-insensitively and given back as written here.</summary>
    public static OptionType<ImmutableArray<string>> ListOf(params string[] names) =>
        List("a comma-separated list of " + string.Join(", ", names), item => Canonical(names, item));

    /// <summary>A list of free entries that <paramref name="isValid"/> accepts, described by <paramref name="entries"/>.</summary>
    public static OptionType<ImmutableArray<string>> ListOf(string entries, Func<string, bool> isValid) =>
        List("a comma-separated list of " + entries, item => isValid(item) ? item : null);

    /// <summary>Free text that <paramref name="isValid"/> accepts, described by <paramref name="accepted"/> (an expression, a name).</summary>
    public static OptionType<string> Text(string accepted, Func<string, bool> isValid) =>
        new(accepted, text => isValid(text) ? OptionParse<string>.Valid(text) : OptionParse<string>.Invalid(accepted), value => value);

    /// <summary>
    /// A C# expression that a code fix writes into the user's code (a configuration lookup, a property): it must parse
    /// as one expression; what it names is only known where the fix puts it. Empty means not set.
    /// </summary>
    public static OptionType<string> CSharpExpression { get; } = new(
        "a C# expression",
        text => IsCSharpExpression(text) ? OptionParse<string>.Valid(text) : OptionParse<string>.Invalid("a C# expression"),
        value => value);

    /// <summary>SQL column names as Athena and Glue write them: letters, digits and underscores.</summary>
    public static OptionType<ImmutableArray<string>> ColumnNames { get; } =
        ListOf("column names (letters, digits and _)", IsColumnName);

    /// <summary>DynamoDB attribute names as code writes them in an item: letters, digits, <c>_</c>, <c>-</c> and <c>.</c>.</summary>
    public static OptionType<ImmutableArray<string>> AttributeNames { get; } =
        ListOf("attribute names (letters, digits, _, - and .)", IsAttributeName);

    /// <summary>File-name patterns with <c>*</c> and <c>?</c>, matched against the file name alone, so no folder.</summary>
    public static OptionType<ImmutableArray<string>> FileNamePatterns { get; } =
        ListOf("file-name patterns with * and ? (no folder)", pattern => pattern.IndexOf('/') < 0 && pattern.IndexOf('\\') < 0);

    /// <summary>An Amazon Resource Name, <c>arn:partition:service:region:account:resource</c>, or <c>none</c>.</summary>
    public static OptionType<string> ArnOrNone { get; } =
        Text("an ARN (arn:partition:service:region:account:resource) or none", text => text == None || IsArn(text));

    /// <summary>The value of <see cref="ArnOrNone"/> that names no ARN.</summary>
    public const string None = "none";

    /// <summary>True for <c>arn:partition:service:region:account:resource</c> with a partition, a service and a resource.</summary>
    public static bool IsArn(string text)
    {
        string[] parts = text.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[1].Length > 0 && parts[2].Length > 0 && parts[5].Length > 0
            && text.IndexOf(' ') < 0;
    }

    private static readonly char[] s_listSeparators = [',', ';', ' ', '\t'];

    private static OptionType<ImmutableArray<string>> List(string accepted, Func<string, string?> entry) =>
        new(
            accepted,
            text =>
            {
                var items = ImmutableArray.CreateBuilder<string>();
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (string part in text.Split(s_listSeparators, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (entry(part) is not { } item)
                    {
                        return OptionParse<ImmutableArray<string>>.Invalid(accepted);
                    }

                    if (seen.Add(item))
                    {
                        items.Add(item);
                    }
                }

                return items.Count == 0
                    ? OptionParse<ImmutableArray<string>>.Invalid(accepted)
                    : OptionParse<ImmutableArray<string>>.Valid(items.ToImmutable());
            },
            value => string.Join(", ", value));

    private static string? Canonical(string[] names, string text)
    {
        foreach (string name in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }

    private static bool IsCSharpExpression(string text)
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(text);
        return !expression.ContainsDiagnostics && !expression.IsMissing && expression.FullSpan.Length == text.Length;
    }

    private static bool IsAttributeName(string text)
    {
        foreach (char c in text)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool IsColumnName(string text)
    {
        foreach (char c in text)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
