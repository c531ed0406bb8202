using System.Globalization;
using System.Runtime.CompilerServices;

namespace AwsAnalyzers.Tests.Infrastructure;

/// <summary>
/// Tests compare diagnostic messages and fix titles with their English text, which the library formats in the UI
/// culture of the test process. Fixing that culture to the neutral one keeps them passing on a machine set to Korean
/// (the resources have a Korean satellite); tests of the Korean text ask for it by name.
/// </summary>
internal static class EnglishUiCulture
{
#pragma warning disable CA2255 // The test assembly is the application here: its culture must be set before any test runs.
    [ModuleInitializer]
    internal static void Apply()
    {
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
#pragma warning restore CA2255
}
