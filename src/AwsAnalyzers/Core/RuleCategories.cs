namespace AwsAnalyzers.Core;

/// <summary>
/// The small fixed set of categories our rules use. Users can set the severity of a whole category with
/// <c>dotnet_analyzer_diagnostic.category-&lt;name&gt;.severity</c>.
/// </summary>
internal static class RuleCategories
{
    /// <summary>Records or invocations that can be lost or fail under load.</summary>
    public const string Reliability = "Reliability";

    /// <summary>Work repeated, memory spent or data scanned for nothing.</summary>
    public const string Performance = "Performance";

    /// <summary>The package's own settings: an option value or key in .editorconfig that no rule can use.</summary>
    public const string Configuration = "Configuration";

    /// <summary>
    /// Credentials, keys and data exposed or destroyed, or code an attacker can steer: access keys in code, data made
    /// public, keys deleted, unverified bucket owners, statements built from untrusted text.
    /// </summary>
    public const string Security = "Security";

    /// <summary>Money spent for nothing: data scanned, stored or transferred that no one reads.</summary>
    /// <summary>Requests, capacity or instances billed for nothing: calls that could wait, poll or batch instead.</summary>
    public const string Cost = "Cost";
}
