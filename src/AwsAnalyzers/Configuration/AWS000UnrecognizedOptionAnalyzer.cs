using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwsAnalyzers.Configuration;

/// <summary>
/// AWS000: an <c>aws_analyzers.</c> setting that no rule can use: a value its option does not accept, or a key that
/// names no option. The rule concerned keeps its documented default, and this says so, so that a typo never turns a
/// rule off in silence.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS000UnrecognizedOptionAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.UnrecognizedOption;

    // One ID, one message per kind of mistake, so that a value and a key each get the sentence that fits them. Each
    // descriptor is written out: release tracking (RS2002) only sees a factory call whose ID it can read.

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS000Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS000Description));

    /// <summary>A value the option does not accept: {0} the value, {1} the key, {2} what is accepted, {3} the default used.</summary>
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS000UnrecognizedValue)), RuleCategories.Configuration, DiagnosticSeverity.Warning, Description);

    /// <summary>A key that names no option of a rule that has options: {0} the key, {1} the rule ID, {2} its option keys.</summary>
    internal static readonly DiagnosticDescriptor UnrecognizedOptionRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS000UnrecognizedOption)), RuleCategories.Configuration, DiagnosticSeverity.Warning, Description);

    /// <summary>A key under a rule that has no options: {0} the key, {1} the rule ID.</summary>
    internal static readonly DiagnosticDescriptor RuleWithoutOptionsRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS000RuleWithoutOptions)), RuleCategories.Configuration, DiagnosticSeverity.Warning, Description);

    /// <summary>A key whose rule ID is no rule: {0} the key, {1} the ID as written, {2} the rules that have options.</summary>
    internal static readonly DiagnosticDescriptor UnrecognizedRuleRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS000UnrecognizedRule)), RuleCategories.Configuration, DiagnosticSeverity.Warning, Description);

    /// <summary>Every rule ID of the package, read once from <see cref="RuleIds"/> so that a new rule needs no entry here.</summary>
    private static readonly Lazy<ImmutableHashSet<string>> s_ruleIds = new(() =>
        typeof(RuleIds).GetTypeInfo().DeclaredFields
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, UnrecognizedOptionRule, RuleWithoutOptionsRule, UnrecognizedRuleRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);

        // Which action reports. The settings are not in any C# file, so every diagnostic has Location.None. It is
        // reported from the syntax-tree and additional-file actions, which see the options of each file as the
        // compiler resolved them (the .editorconfig sections that match its path, and global configs), not from a
        // compilation-end action: that would need the CompilationEnd tag (RS1037), and the IDE runs those only in
        // full-solution analysis. A diagnostic without a location is not a squiggle in either case: the build and the
        // IDE's error list show it. Many files share one setting, so a set per compilation keeps the first report of
        // each key and value and drops the others; actions run concurrently, hence the concurrent set.
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is null)
            {
                // The rules do nothing without the AWS SDK, so their settings cannot mislead them.
                return;
            }

            var check = new ConfigurationCheck(start.Options.AnalyzerConfigOptionsProvider);
            start.RegisterSyntaxTreeAction(context => check.Check(context.Tree, context.ReportDiagnostic));
            start.RegisterAdditionalFileAction(context => check.Check(context.AdditionalFile, context.ReportDiagnostic));
        });
    }

    /// <summary>The settings of one compilation, each key and value reported once.</summary>
    private sealed class ConfigurationCheck
    {
        private readonly AnalyzerConfigOptionsProvider _provider;
        private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);
        private int _globalOptionsChecked;

        public ConfigurationCheck(AnalyzerConfigOptionsProvider provider) => _provider = provider;

        public void Check(SyntaxTree tree, Action<Diagnostic> report)
        {
            CheckGlobalOptionsOnce(report);
            Check(_provider.GetOptions(tree), report);
        }

        public void Check(AdditionalText file, Action<Diagnostic> report)
        {
            CheckGlobalOptionsOnce(report);
            Check(_provider.GetOptions(file), report);
        }

        /// <summary>The project-wide options (a global config's top-level keys), which no file's options may show.</summary>
        private void CheckGlobalOptionsOnce(Action<Diagnostic> report)
        {
            if (Interlocked.Exchange(ref _globalOptionsChecked, 1) == 0)
            {
                Check(_provider.GlobalOptions, report);
            }
        }

        private void Check(AnalyzerConfigOptions config, Action<Diagnostic> report)
        {
            if (OurKeys(config) is { } keys)
            {
                foreach (string key in keys)
                {
                    string value = config.TryGetValue(key, out string? text) ? text : string.Empty;
                    if (RuleOptions.Find(key) is { } option)
                    {
                        CheckValue(option, key, value, report);
                    }
                    else
                    {
                        Report(key, value, UnrecognizedKey(key), report);
                    }
                }

                return;
            }

            // The host cannot list its keys: the values of the known options are still checked, misspelled keys are not.
            foreach (RuleOption option in RuleOptions.All)
            {
                if (config.TryGetValue(option.Key, out string? value))
                {
                    CheckValue(option, option.Key, value, report);
                }
            }
        }

        private void CheckValue(RuleOption option, string key, string value, Action<Diagnostic> report)
        {
            if (option.Check(value) is { } expected)
            {
                Report(key, value, Diagnostic.Create(Rule, Location.None, value.Trim(), option.Key, expected, option.DefaultText), report);
            }
        }

        private void Report(string key, string value, Diagnostic diagnostic, Action<Diagnostic> report)
        {
            if (_reported.TryAdd(key.ToLowerInvariant() + "\n" + value, true))
            {
                report(diagnostic);
            }
        }

        /// <summary>
        /// The keys under <see cref="RuleOptions.Prefix"/>, or null when the host does not list keys:
        /// <see cref="AnalyzerConfigOptions.Keys"/> is virtual and throws <see cref="NotImplementedException"/> unless
        /// the host overrides it (the compiler and the IDE's workspace do).
        /// </summary>
        private static List<string>? OurKeys(AnalyzerConfigOptions config)
        {
            var keys = new List<string>();
            try
            {
                foreach (string key in config.Keys)
                {
                    if (key.StartsWith(RuleOptions.Prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        keys.Add(key);
                    }
                }
            }
            catch (NotImplementedException)
            {
                return null;
            }
            catch (NotSupportedException)
            {
                return null;
            }

            return keys;
        }
    }

    /// <summary>What is wrong with a key that names no option: the rule has other options, none, or is no rule.</summary>
    private static Diagnostic UnrecognizedKey(string key)
    {
        string rest = key.Substring(RuleOptions.Prefix.Length);
        int dot = rest.IndexOf('.');
        string ruleId = (dot < 0 ? rest : rest.Substring(0, dot)).ToUpperInvariant();
        ImmutableArray<RuleOption> options = RuleOptions.Of(ruleId);
        if (!options.IsEmpty)
        {
            return Diagnostic.Create(UnrecognizedOptionRule, Location.None, key, ruleId, string.Join(", ", options.Select(o => o.Key)));
        }

        if (s_ruleIds.Value.Contains(ruleId))
        {
            return Diagnostic.Create(RuleWithoutOptionsRule, Location.None, key, ruleId);
        }

        string rulesWithOptions = string.Join(", ", RuleOptions.All.Select(o => o.RuleId).Distinct(StringComparer.Ordinal));
        return Diagnostic.Create(UnrecognizedRuleRule, Location.None, key, ruleId, rulesWithOptions);
    }
}
