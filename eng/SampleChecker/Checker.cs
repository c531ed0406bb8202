using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace AwsAnalyzers.SampleChecker;

/// <summary>
/// The four checks of the sample, each a way users meet the package: CI, bulk fixing, an older compiler, and a
/// configuration with mistakes in it.
/// </summary>
internal sealed class Checker
{
    private const string Solution = "samples/SensorPipeline.sln";

    /// <summary>The oldest compiler package the feed serves; the analyzers themselves are built against Roslyn 4.8.</summary>
    private const string OlderCompilerVersion = "4.14.0";

    /// <summary>
    /// `dotnet format` applies, per rule, the fix it is offered first for the first diagnostic it meets, so shapes
    /// that another fix of the same rule handles are left for the next run. It is run until nothing changes.
    /// </summary>
    private const int MaxFormatRuns = 4;

    private readonly string _root;
    private readonly string _version;
    private readonly string _package;
    private readonly DotNet _dotnet;
    private readonly List<(string Check, List<string> Failures)> _checks = new();

    public Checker(string root)
    {
        _root = root;
        _version = XDocument.Load(Path.Combine(root, "eng", "Version.props")).Descendants("AwsAnalyzersVersion").Single().Value.Trim();
        _package = Path.Combine(root, "artifacts", "packages", $"AwsAnalyzers.{_version}.nupkg");
        _dotnet = new DotNet(Path.Combine(root, "artifacts", "sample-check"));
    }

    public bool Run()
    {
        Console.WriteLine($"Sample check: the sample with the AwsAnalyzers {_version} package from {Paths.Relative(_root, _package)}");
        if (!File.Exists(_package))
        {
            Console.WriteLine($"FAILED: {_package} does not exist. Pack it first: dotnet pack src/AwsAnalyzers.Package -c Release");
            return false;
        }

        // A package re-packed with the same version must not be served from an earlier restore of the sample.
        string restored = Path.Combine(_root, "artifacts", "sample-packages", "awsanalyzers");
        if (Directory.Exists(restored))
        {
            Directory.Delete(restored, recursive: true);
        }

        List<Marker> markers = Marker.Scan(_root);
        Check("Markers", () => CheckMarkers(markers));
        Check("1. Build with -warnaserror and a SARIF log", () => BuildWithWarningsAsErrors(markers));
        Check("2. Fix with dotnet format analyzers, then build", FixWithDotnetFormat);
        Check($"3. Build with the {OlderCompilerVersion} compiler package", () => BuildWithOlderCompiler(markers));
        Check("4. Build with misconfigured options", () => BuildWithMisconfiguredOptions(markers));

        Console.WriteLine();
        foreach ((string check, List<string> failures) in _checks)
        {
            Console.WriteLine($"{(failures.Count == 0 ? "passed" : "FAILED")}  {check}");
        }

        List<string> all = _checks.SelectMany(c => c.Failures).ToList();
        if (all.Count == 0)
        {
            Console.WriteLine($"Sample check passed: {markers.Count} markers, of {string.Join(", ", markers.Select(m => m.RuleId).Distinct().Order(StringComparer.Ordinal))}.");
            return true;
        }

        Console.WriteLine($"Sample check FAILED with {all.Count} problems:");
        foreach (string failure in all)
        {
            Console.WriteLine("  " + failure);
        }

        return false;
    }

    private void Check(string name, Func<List<string>> check)
    {
        Console.WriteLine();
        Console.WriteLine($"== {name}");
        List<string> failures = check();
        foreach (string failure in failures)
        {
            Console.WriteLine("  MISMATCH " + failure);
        }

        _checks.Add((name, failures));
    }

    private List<string> CheckMarkers(List<Marker> markers)
    {
        var failures = new List<string>();
        SortedSet<string> rules = ReleaseTracking.RuleIds(_root);
        Console.WriteLine($"  rules in src/AwsAnalyzers/AnalyzerReleases.*.md: {string.Join(", ", rules)}");
        foreach (IGrouping<string, Marker> rule in markers.GroupBy(m => m.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {rule.Key}: {rule.Count()} markers, {rule.Count(m => m.NoFix)} of them {Marker.NoFixWord}");
        }

        if (markers.Count == 0)
        {
            failures.Add("no line of samples/**/*.cs carries a marker such as // AWS001");
        }

        Console.WriteLine($"  {MisconfiguredOptions.RuleId}: no markers; its diagnostics have no place in the code, so step 4 checks it");
        failures.AddRange(rules.Where(id => id != MisconfiguredOptions.RuleId && !markers.Any(m => m.RuleId == id))
            .Select(id => $"{id} is a rule of the package, but no line of samples/**/*.cs is marked // {id}"));
        failures.AddRange(markers.Where(m => !rules.Contains(m.RuleId))
            .Select(m => $"{m.Location}: the marker names {m.RuleId}, which is not a rule of the package: {m.Text}"));
        return failures;
    }

    private List<string> BuildWithWarningsAsErrors(List<Marker> markers)
    {
        var failures = new List<string>();
        SarifLog.DeleteAll(_root);

        // Restored on its own, as CI pipelines often do, so that only the compiler's warnings become errors: NuGet's
        // warnings about the versions a feed serves are not what this step checks.
        DotNet.Result restore = _dotnet.Run(_root, "1-restore", "restore", Solution);
        if (restore.ExitCode != 0)
        {
            failures.Add($"the sample does not restore; see {restore.LogPath}");
            Console.WriteLine(restore.Tail());
            return failures;
        }

        DotNet.Result build = _dotnet.Run(_root, "1-build-warnaserror", "build", Solution, "--no-restore", "--no-incremental", "-warnaserror", SarifLog.ErrorLogProperty);
        if (build.ExitCode == 0)
        {
            failures.Add($"the build succeeded with -warnaserror, but the sample marks {markers.Count} diagnostics that must fail it");
        }

        SarifLog log = SarifLog.Read(_root);
        failures.AddRange(log.ProjectsWithoutLog.Select(p => $"{p} was not compiled, so it wrote no SARIF log; see {build.LogPath}"));
        failures.AddRange(CompareWithMarkers(log.Results.Where(r => r.IsOursOrWarning), build, markers, _ => true, "is reported, but the marker expects no report"));
        return failures;
    }

    private List<string> FixWithDotnetFormat()
    {
        var failures = new List<string>();
        string stage = Stage();
        List<Marker> before = Marker.Scan(stage);
        string[] rules = ReleaseTracking.RuleIds(_root).ToArray();

        for (int run = 1; run <= MaxFormatRuns; run++)
        {
            Dictionary<string, string> unchanged = Hashes(stage);
            DotNet.Result format = _dotnet.Run(
                stage, $"2-format-{run}", new[] { "format", "analyzers", Solution, "--diagnostics" }.Concat(rules).Concat(new[] { "--severity", "warn" }).ToArray());
            if (format.ExitCode != 0)
            {
                failures.Add($"dotnet format analyzers exited with {format.ExitCode}; see {format.LogPath}");
                Console.WriteLine(format.Tail());
                return failures;
            }

            Dictionary<string, string> changed = Hashes(stage);
            int files = changed.Count(f => !unchanged.TryGetValue(f.Key, out string? hash) || hash != f.Value);
            Console.WriteLine($"    run {run} changed {files} files");
            if (files == 0)
            {
                break;
            }

            if (run == MaxFormatRuns)
            {
                failures.Add($"dotnet format analyzers still changed files on its run {run}; the fixes do not converge");
            }
        }

        SarifLog.DeleteAll(stage);
        DotNet.Result build = _dotnet.Run(stage, "2-build-fixed", "build", Solution, "--no-incremental", SarifLog.ErrorLogProperty);
        if (build.ExitCode != 0)
        {
            failures.Add($"the fixed sample does not compile; see {build.LogPath}");
            foreach (string error in build.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(20))
            {
                Console.WriteLine("    " + error.Trim());
            }
        }

        List<Marker> after = Marker.Scan(stage);
        int fixableBefore = before.Count(m => !m.NoFix);
        int fixableLeft = after.Count(m => !m.NoFix);
        Console.WriteLine($"  fixable markers: {fixableBefore} before; {fixableLeft} still in the code after the fixes (the others were on lines a fix removed), all of which must be silent");
        Console.WriteLine($"  nofix markers: {before.Count(m => m.NoFix)} before, {after.Count(m => m.NoFix)} after, all of which must still be reported");
        foreach (IGrouping<string, Marker> rule in before.Where(m => m.NoFix).GroupBy(m => m.RuleId))
        {
            int left = after.Count(m => m.NoFix && m.RuleId == rule.Key);
            if (left != rule.Count())
            {
                failures.Add($"{rule.Key}: {rule.Count()} shapes are marked {Marker.NoFixWord}, but after dotnet format {left} are left; a fix changed a line marked as having no fix");
            }
        }

        // Warnings of others that a fix leaves behind (a constant no longer used) are the user's to clean up: shown, not failed.
        SarifLog fixedLog = SarifLog.Read(stage);
        foreach (Reported other in fixedLog.Results.Where(r => !r.IsOurs && r.Level == "warning"))
        {
            Console.WriteLine($"  left after the fixes, not an AWS rule: {other.Location}: {other.RuleId}: {other.Message}");
        }

        failures.AddRange(fixedLog.ProjectsWithoutLog.Select(p => $"{p} was not compiled, so it wrote no SARIF log; see {build.LogPath}"));
        failures.AddRange(CompareWithMarkers(
            fixedLog.Results.Where(r => r.IsOurs || r.Level == "error"), build, after, m => m.NoFix, "is still reported after dotnet format, so its shape has no fix: mark it '" + Marker.NoFixWord + "' or make the fix handle it"));

        if (failures.Count == 0)
        {
            Directory.Delete(stage, recursive: true);
        }
        else
        {
            Console.WriteLine($"  the fixed copy is kept for inspection: {stage} (marker locations above are in that copy)");
        }

        return failures;
    }

    private List<string> BuildWithOlderCompiler(List<Marker> markers)
    {
        var failures = new List<string>();
        SarifLog.DeleteAll(_root);
        DotNet.Result build = _dotnet.Run(
            _root, "3-build-older-compiler", "build", Solution, "--no-incremental", $"-p:SampleCompilerToolsetVersion={OlderCompilerVersion}", SarifLog.ErrorLogProperty);
        if (build.ExitCode != 0)
        {
            failures.Add($"the sample does not build with the {OlderCompilerVersion} compiler; see {build.LogPath}");
        }

        SarifLog log = SarifLog.Read(_root);
        foreach ((string project, string version) in log.CompilerVersions)
        {
            Console.WriteLine($"  {project} compiled by {version}");
            if (!version.StartsWith(OlderCompilerVersion, StringComparison.Ordinal))
            {
                failures.Add($"{project} was compiled by {version}, not by the {OlderCompilerVersion} compiler package");
            }
        }

        failures.AddRange(log.ProjectsWithoutLog.Select(p => $"{p} was not compiled, so it wrote no SARIF log; see {build.LogPath}"));
        failures.AddRange(CompareWithMarkers(log.Results.Where(r => r.IsOursOrWarning), build, markers, _ => true, "is reported, but the marker expects no report"));
        return failures;
    }

    private List<string> BuildWithMisconfiguredOptions(List<Marker> markers)
    {
        var failures = new List<string>();
        string stage = Stage();
        MisconfiguredOptions.Write(stage);
        foreach ((string project, string file, string text) in MisconfiguredOptions.Files)
        {
            Console.WriteLine($"  wrote samples/{project}/{file}:");
            foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Console.WriteLine("    " + line);
            }
        }

        foreach (string project in MisconfiguredOptions.Projects)
        {
            string projectPath = $"samples/{project}/{project}.csproj";
            DotNet.Result build = _dotnet.Run(stage, "4-build-" + project, "build", MisconfiguredOptions.ProjectFile(stage, project), SarifLog.ErrorLogProperty);
            if (build.ExitCode != 0)
            {
                failures.Add($"{project} does not build with the misconfigured options; see {build.LogPath}");
                continue;
            }

            SarifLog log = SarifLog.Read(stage, path => path == projectPath);
            failures.AddRange(log.ProjectsWithoutLog.Select(p => $"{p} was not compiled, so it wrote no SARIF log; see {build.LogPath}"));
            List<Reported> reported = log.Results.Where(r => r.RuleId == MisconfiguredOptions.RuleId).ToList();
            Console.WriteLine($"  {project}: {reported.Count} {MisconfiguredOptions.RuleId} reported");
            foreach (Reported result in reported)
            {
                Console.WriteLine($"    {result.Message}");
            }

            foreach (MisconfiguredOptions.Mistake mistake in MisconfiguredOptions.Expected.Where(m => m.Project == project))
            {
                int count = reported.Count(r => MisconfiguredOptions.Names(mistake, r.Message));
                if (count != 1)
                {
                    failures.Add($"{project}: {count} {MisconfiguredOptions.RuleId} name {mistake.Key}{(mistake.Value.Length == 0 ? string.Empty : $" = {mistake.Value}")}; expected exactly one");
                }
            }

            failures.AddRange(reported
                .Where(r => !MisconfiguredOptions.Expected.Any(m => m.Project == project && MisconfiguredOptions.Names(m, r.Message)))
                .Select(r => $"{project}: {MisconfiguredOptions.RuleId} reported for no mistake the step made: {r.Message}"));

            // Every rule falls back to its default, so the project's markers are reported exactly as without the mistakes.
            List<Marker> projectMarkers = markers.Where(m => m.File.StartsWith($"samples/{project}/", StringComparison.Ordinal)).ToList();
            failures.AddRange(CompareWithMarkers(
                log.Results.Where(r => r.IsOursOrWarning && r.RuleId != MisconfiguredOptions.RuleId), build, projectMarkers, _ => true, "is reported, but the marker expects no report"));
        }

        if (failures.Count == 0)
        {
            Directory.Delete(stage, recursive: true);
        }
        else
        {
            Console.WriteLine($"  the misconfigured copy is kept for inspection: {stage}");
        }

        return failures;
    }

    /// <summary>Prints the expected/actual table of one build and returns what does not match.</summary>
    private static List<string> CompareWithMarkers(
        IEnumerable<Reported> reported, DotNet.Result build, List<Marker> markers, Func<Marker, bool> expectsReport, string silentMarkerFailure)
    {
        Comparison comparison = Comparison.Match(markers, expectsReport, reported, silentMarkerFailure);
        comparison.Print();
        if (comparison.Failures.Any())
        {
            Console.WriteLine($"  (the build's output: {build.LogPath})");
        }

        return comparison.Failures.ToList();
    }

    /// <summary>
    /// The sample and the files of this repository its build reads: the stub sources ServiceStubs compiles, the
    /// version, and the package in the folder feed; laid out as in the repository, so every relative path holds.
    /// </summary>
    private string Stage()
    {
        string stage = Path.Combine(Path.GetTempPath(), "awsanalyzers-sample-" + Guid.NewGuid().ToString("N"));
        Paths.CopyFolder(Path.Combine(_root, "samples"), Path.Combine(stage, "samples"));
        Paths.CopyFolder(Path.Combine(_root, "tests", "AwsAnalyzers.Tests", "Stubs"), Path.Combine(stage, "tests", "AwsAnalyzers.Tests", "Stubs"));
        Directory.CreateDirectory(Path.Combine(stage, "eng"));
        File.Copy(Path.Combine(_root, "eng", "Version.props"), Path.Combine(stage, "eng", "Version.props"));
        Directory.CreateDirectory(Path.Combine(stage, "artifacts", "packages"));
        File.Copy(_package, Path.Combine(stage, "artifacts", "packages", Path.GetFileName(_package)));
        Console.WriteLine($"  copied the sample to {stage}");
        return stage;
    }

    private static Dictionary<string, string> Hashes(string stage) =>
        Directory.EnumerateFiles(Path.Combine(stage, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !Paths.IsBuildOutput(Paths.Relative(stage, path)))
            .ToDictionary(path => path, path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))), StringComparer.Ordinal);
}
