using System;
using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Core;

/// <summary>Whether a compilation is a test project: one that references a unit-test framework.</summary>
internal static class TestProjects
{
    /// <summary>
    /// True when the compilation references xunit (v2 or v3), NUnit or MSTest. Their assemblies are named
    /// <c>xunit.core</c>/<c>xunit.assert</c>/<c>xunit.v3.*</c>, <c>nunit.framework</c> and
    /// <c>Microsoft.VisualStudio.TestPlatform.TestFramework</c> (the MSTest.TestFramework package).
    /// </summary>
    public static bool IsTestProject(Compilation compilation)
    {
        foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
        {
            string name = reference.Name;
            if (name.StartsWith("xunit.", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "nunit.framework", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "Microsoft.VisualStudio.TestPlatform.TestFramework", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
