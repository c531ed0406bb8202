using System;
using System.IO;
using System.Threading.Tasks;
using AwsAnalyzers.SampleChecker;

namespace AwsAnalyzers.EditorChecker;

internal static class Program
{
    /// <summary>
    /// Usage: EditorChecker [repository root] [--strict] [--timeout-minutes N]. --strict fails on the markers that
    /// eng/EditorChecker/known-gaps.txt lists as not shown by the editor yet; N bounds the wait for diagnostics (default 10).
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        string? root = null;
        bool strict = false;
        TimeSpan timeout = TimeSpan.FromMinutes(10);
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--strict":
                    strict = true;
                    break;
                case "--timeout-minutes" when i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out double minutes):
                    timeout = TimeSpan.FromMinutes(minutes);
                    i++;
                    break;
                case var other when !other.StartsWith("--", StringComparison.Ordinal) && root is null:
                    root = Path.GetFullPath(other);
                    break;
                default:
                    Console.WriteLine($"Unknown argument '{args[i]}'. Usage: EditorChecker [repository root] [--strict] [--timeout-minutes N]");
                    return 2;
            }
        }

        var check = new EditorCheck(root ?? Paths.FindRepositoryRoot(Directory.GetCurrentDirectory()), new EditorCheck.Options(strict, timeout));
        return await check.RunAsync() ? 0 : 1;
    }
}
