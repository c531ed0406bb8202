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
}
