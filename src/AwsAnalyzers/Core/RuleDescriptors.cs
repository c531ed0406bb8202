using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Core;

/// <summary>The one factory every rule uses for its descriptor, so help links and defaults stay uniform.</summary>
internal static class RuleDescriptors
{
    /// <summary>
    /// The rule pages of the release this assembly ships in (repository and tag from eng/Version.props), so a user on
    /// one version reads that version's contract rather than whatever <c>main</c> says today.
    /// </summary>
    public const string DocsBaseUri = ReleaseInfo.RepositoryUrl + "/blob/" + ReleaseInfo.ReleaseTag + "/docs/rules/";

    public static string HelpLinkUri(string id) => DocsBaseUri + id + ".md";

    /// <summary>
    /// The texts are resources (<see cref="RuleText.Get"/>), never plain strings, so the host shows them in its UI
    /// language; the parameter types keep a literal from converting implicitly.
    /// </summary>
    public static DiagnosticDescriptor Create(
        string id,
        LocalizableResourceString title,
        LocalizableResourceString messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        LocalizableResourceString description,
        bool isEnabledByDefault = true,
        bool reportedAtCompilationEnd = false)
    {
#pragma warning disable RS0030 // This factory is the one place allowed to construct descriptors.
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault,
            description,
            HelpLinkUri(id),
            reportedAtCompilationEnd ? s_compilationEndTags : []);
#pragma warning restore RS0030
    }

    /// <summary>Tells the IDE that a diagnostic needs the whole compilation (RS1037), so it is not expected live.</summary>
    private static readonly string[] s_compilationEndTags = [WellKnownDiagnosticTags.CompilationEnd];
}
