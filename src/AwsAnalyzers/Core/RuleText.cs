using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Core;

/// <summary>
/// Text the analyzers show to users, read from AnalyzerResources (English, and Korean in the <c>ko</c> satellite).
/// Resolution waits until the host formats the diagnostic, in the culture it asks for (csc's <c>/preferreduilang</c>,
/// the IDE's language), so a message argument that is words rather than code is passed as one of these too.
/// </summary>
internal static class RuleText
{
    /// <param name="name">The resource name, as <c>nameof(AnalyzerResources.X)</c> so a missing entry does not compile.</param>
    /// <param name="formatArguments">Values for the resource's placeholders, when it has any.</param>
    public static LocalizableResourceString Get(string name, params string[] formatArguments) =>
        new(name, AnalyzerResources.ResourceManager, typeof(AnalyzerResources), formatArguments);

    /// <summary>
    /// A resource whose placeholders take texts that are localized themselves (a list joined by a localized "or"):
    /// each is read in the language the message is read in.
    /// </summary>
    public static LocalizableString Compose(string name, params LocalizableString[] formatArguments) =>
        new DeferredText(provider => Get(name, Resolve(formatArguments, provider)).ToString(provider));

    /// <summary>Localized texts joined by <paramref name="separator"/>, each read in the language the message is read in.</summary>
    public static LocalizableString Join(string separator, IReadOnlyList<LocalizableString> items) =>
        new DeferredText(provider => string.Join(separator, Resolve(items, provider)));

    private static string[] Resolve(IReadOnlyList<LocalizableString> texts, System.IFormatProvider? provider)
    {
        var values = new string[texts.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = texts[i].ToString(provider);
        }

        return values;
    }

    private sealed class DeferredText : LocalizableString
    {
        private readonly System.Func<System.IFormatProvider?, string> _text;

        public DeferredText(System.Func<System.IFormatProvider?, string> text) => _text = text;

        protected override string GetText(System.IFormatProvider? formatProvider) => _text(formatProvider);

        protected override int GetHash() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

        protected override bool AreEqual(object? other) => ReferenceEquals(this, other);
    }
}
