using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Core;

/// <summary>The one factory every rule uses for its descriptor, so help links and defaults stay uniform.</summary>
internal static class RuleDescriptors
{
    public const string DocsBaseUri = "https://github.com/awsanalyzers/AwsAnalyzers/blob/main/docs/rules/";

    public static string HelpLinkUri(string id) => DocsBaseUri + id + ".md";

    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
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
