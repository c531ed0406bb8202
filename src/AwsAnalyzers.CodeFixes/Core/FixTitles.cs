using System.Globalization;

namespace AwsAnalyzers.Core;

/// <summary>
/// Code-fix titles from CodeFixResources (English, and Korean in the <c>ko</c> satellite), in the UI culture the IDE
/// or <c>dotnet format</c> runs in when the fix is offered.
/// </summary>
internal static class FixTitles
{
    /// <summary>The title named <paramref name="name"/> (<c>nameof(CodeFixResources.X)</c>).</summary>
    public static string Get(string name) =>
        CodeFixResources.ResourceManager.GetString(name, CodeFixResources.Culture) ?? name;

    /// <summary>A title with code in it (<paramref name="code"/> is C# text, the same in every language).</summary>
    public static string Format(string title, object code) => string.Format(CultureInfo.InvariantCulture, title, code);
}
