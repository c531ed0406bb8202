using System;
using System.Reflection;

namespace AwsAnalyzers.Tests.Infrastructure;

/// <summary>The repository root, stamped in by the build so metadata tests can read docs and release files.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RepositoryRootAttribute(string path) : Attribute
{
    public string Path { get; } = path;

    public static string Value =>
        typeof(RepositoryRootAttribute).Assembly.GetCustomAttribute<RepositoryRootAttribute>()!.Path;
}
