using System;
using System.IO;

namespace AwsAnalyzers.SampleChecker;

internal static class Program
{
    /// <summary>Usage: SampleChecker [repository root]. Expects the package packed first (dotnet pack src/AwsAnalyzers.Package -c Release).</summary>
    public static int Main(string[] args)
    {
        string root = args.Length > 0 ? Path.GetFullPath(args[0]) : Paths.FindRepositoryRoot(Directory.GetCurrentDirectory());
        return new Checker(root).Run() ? 0 : 1;
    }
}
