using System;
using System.IO;
using System.Linq;

namespace AwsAnalyzers.SampleChecker;

internal static class Paths
{
    /// <summary><paramref name="path"/> relative to <paramref name="root"/>, with forward slashes, as the checker prints it.</summary>
    public static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');

    public static bool IsBuildOutput(string relativePath) =>
        relativePath.Split('/').Any(segment => segment is "bin" or "obj");

    /// <summary>The repository root: the nearest folder up from <paramref name="start"/> that holds the sample solution.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "samples", "SensorPipeline.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No samples/SensorPipeline.sln in {start} or any folder above it; pass the repository root as the first argument.");
    }

    /// <summary>Copies a folder, leaving out build output and SARIF logs.</summary>
    public static void CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Relative(source, file);
            if (IsBuildOutput(relative) || relative.EndsWith(".sarif", StringComparison.Ordinal))
            {
                continue;
            }

            string target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
