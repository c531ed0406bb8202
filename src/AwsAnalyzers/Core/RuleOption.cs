using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwsAnalyzers.Core;

/// <summary>
/// One option of one rule, as every reader sees it: the rule, the key, the documented default, what it accepts and
/// the line that documents it. The rules read the typed value through <see cref="RuleOption{T}"/>; the configuration
/// diagnostic (AWS000), the README's configuration table and the rule pages read this untyped view.
/// </summary>
internal abstract class RuleOption
{
    protected RuleOption(string ruleId, string name, string documentation)
    {
        RuleId = ruleId;
        Name = name;
        Key = RuleOptions.Key(ruleId, name);
        Documentation = documentation;
    }

    public string RuleId { get; }

    /// <summary>The option's name within its rule: <c>services</c>.</summary>
    public string Name { get; }

    /// <summary>The .editorconfig key: <c>aws_analyzers.AWS005.services</c>.</summary>
    public string Key { get; }

    /// <summary>What the option does, one line: the Effect column of the README table and the rule page.</summary>
    public string Documentation { get; }

    /// <summary>The default as a user writes it: <c>kinesis</c>, <c>year, month, day</c>.</summary>
    public abstract string DefaultText { get; }

    /// <summary>What a value may be, as the configuration diagnostic and the rule page say it.</summary>
    public abstract string Accepted { get; }

    /// <summary>Null when <paramref name="value"/> is accepted (an empty value means the default), else what is accepted.</summary>
    public abstract string? Check(string value);
}

/// <summary>An option whose value is a <typeparamref name="T"/>. A value that does not parse reads as the default.</summary>
internal sealed class RuleOption<T> : RuleOption
{
    /// <summary>A project has few distinct values for an option; past this many, values are parsed without being kept.</summary>
    private const int MaxCachedValues = 32;

    private readonly OptionType<T> _type;

    /// <summary>
    /// Parsed values by their text: rules read an option for every operation they look at, and the text is the same
    /// for almost all of them. Only strings and parsed values are kept, never symbols or compilations.
    /// </summary>
    private readonly ConcurrentDictionary<string, OptionParse<T>> _parsed = new(System.StringComparer.Ordinal);

    public RuleOption(string ruleId, string name, OptionType<T> type, T defaultValue, string documentation)
        : base(ruleId, name, documentation)
    {
        _type = type;
        Default = defaultValue;
        DefaultText = type.Format(defaultValue);
    }

    public T Default { get; }

    public override string DefaultText { get; }

    public override string Accepted => _type.Accepted;

    /// <summary>The value for code in <paramref name="tree"/>: its .editorconfig sections and global configs.</summary>
    public T Read(AnalyzerOptions options, SyntaxTree tree) =>
        Read(options.AnalyzerConfigOptionsProvider.GetOptions(tree));

    /// <summary>
    /// The value for an additional file: the .editorconfig sections that match its path (a <c>[*.json]</c> section),
    /// then the global config.
    /// </summary>
    public T Read(AnalyzerOptions options, AdditionalText file)
    {
        AnalyzerConfigOptionsProvider provider = options.AnalyzerConfigOptionsProvider;
        return provider.GetOptions(file).TryGetValue(Key, out string? value) || provider.GlobalOptions.TryGetValue(Key, out value)
            ? Value(value)
            : Default;
    }

    /// <summary>The value for the whole project, from global configs.</summary>
    public T ReadProject(AnalyzerOptions options) => Read(options.AnalyzerConfigOptionsProvider.GlobalOptions);

    /// <summary>The value in one set of options, or the default when it is not set or does not parse.</summary>
    public T Read(AnalyzerConfigOptions config) =>
        config.TryGetValue(Key, out string? value) ? Value(value) : Default;

    public override string? Check(string value) => Parse(value).Expected;

    /// <summary>The value <paramref name="text"/> gives: empty means the default, invalid means the default too.</summary>
    public T Value(string text)
    {
        OptionParse<T> parsed = Parse(text);
        return parsed.IsValid ? parsed.Value : Default;
    }

    private OptionParse<T> Parse(string text)
    {
        if (_parsed.TryGetValue(text, out OptionParse<T> cached))
        {
            return cached;
        }

        string trimmed = text.Trim();
        OptionParse<T> parsed = trimmed.Length == 0 ? OptionParse<T>.Valid(Default) : _type.Parse(trimmed);
        if (_parsed.Count < MaxCachedValues)
        {
            _parsed.TryAdd(text, parsed);
        }

        return parsed;
    }
}
