using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace AwsAnalyzers.SampleChecker;

/// <summary>A diagnostic the compiler wrote to a SARIF 2.1 log; <see cref="File"/> is relative to the sample root when it lies inside it.</summary>
internal sealed record Reported(string RuleId, string Level, string File, int StartLine, int EndLine, string Message)
{
    public string Location => $"{File}:{StartLine}";

    public bool IsOurs => RuleId.StartsWith("AWS", StringComparison.Ordinal);

    /// <summary>
    /// What the comparison with the markers looks at in the sample as written: every diagnostic of ours whatever its
    /// level, and every warning or error of anyone else (the sample builds clean apart from what it marks). Notes of
    /// other analyzers are not the sample's concern.
    /// </summary>
    public bool IsOursOrWarning => IsOurs || Level is "warning" or "error";

    public bool Covers(Marker marker) =>
        marker.RuleId == RuleId && marker.File == File && marker.Line >= StartLine && marker.Line <= EndLine;
}

/// <summary>The SARIF logs of one build of the sample: one per project, written next to its intermediate output.</summary>
internal sealed class SarifLog
{
    /// <summary>
    /// Relative to each project's folder, so that every project of a solution build writes its own log
    /// (<c>-p:ErrorLog=obj/aws-analyzers.sarif,version=2.1</c>; MSBuild would split the property at an unescaped comma).
    /// </summary>
    public const string ProjectRelativePath = "obj/aws-analyzers.sarif";
    public const string ErrorLogProperty = "-p:ErrorLog=" + ProjectRelativePath + "%2Cversion=2.1";

    private SarifLog(List<Reported> results, Dictionary<string, string> compilerVersions, List<string> projectsWithoutLog)
    {
        Results = results;
        CompilerVersions = compilerVersions;
        ProjectsWithoutLog = projectsWithoutLog;
    }

    public List<Reported> Results { get; }

    /// <summary>Project file (relative) to the version of the compiler that wrote its log.</summary>
    public Dictionary<string, string> CompilerVersions { get; }

    /// <summary>Sample projects the build never compiled (their log is missing).</summary>
    public List<string> ProjectsWithoutLog { get; }

    public static void DeleteAll(string root)
    {
        foreach (string log in Projects(root).Select(LogPath).Where(File.Exists))
        {
            File.Delete(log);
        }
    }

    /// <summary>The logs of the sample's projects, or of those <paramref name="includeProject"/> accepts (by relative path).</summary>
    public static SarifLog Read(string root, Func<string, bool>? includeProject = null)
    {
        var results = new List<Reported>();
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (string project in Projects(root).Where(p => includeProject is null || includeProject(Paths.Relative(root, p))))
        {
            string path = LogPath(project);
            if (!File.Exists(path))
            {
                missing.Add(Paths.Relative(root, project));
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (JsonElement run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                if (run.TryGetProperty("tool", out JsonElement tool) && tool.TryGetProperty("driver", out JsonElement driver)
                    && driver.TryGetProperty("version", out JsonElement version))
                {
                    versions[Paths.Relative(root, project)] = version.GetString() ?? string.Empty;
                }

                if (run.TryGetProperty("results", out JsonElement runResults))
                {
                    results.AddRange(runResults.EnumerateArray().Where(r => !IsSuppressed(r)).Select(r => ToReported(root, r)));
                }
            }
        }

        return new SarifLog(results, versions, missing);
    }

    private static IEnumerable<string> Projects(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.csproj", SearchOption.AllDirectories)
            .Where(path => !Paths.IsBuildOutput(Paths.Relative(root, path)))
            .OrderBy(path => path, StringComparer.Ordinal);

    private static string LogPath(string project) => Path.Combine(Path.GetDirectoryName(project)!, ProjectRelativePath);

    // `#pragma warning disable` and [SuppressMessage] keep a diagnostic in the log, marked as suppressed.
    private static bool IsSuppressed(JsonElement result) =>
        result.TryGetProperty("suppressions", out JsonElement suppressions) && suppressions.GetArrayLength() > 0;

    private static Reported ToReported(string root, JsonElement result)
    {
        string ruleId = result.TryGetProperty("ruleId", out JsonElement id) ? id.GetString() ?? "?" : "?";
        string level = result.TryGetProperty("level", out JsonElement l) ? l.GetString() ?? "warning" : "warning";
        string message = result.TryGetProperty("message", out JsonElement m) && m.TryGetProperty("text", out JsonElement t) ? t.GetString() ?? string.Empty : string.Empty;
        string file = "(no location)";
        int start = 0;
        int end = 0;
        if (result.TryGetProperty("locations", out JsonElement locations) && locations.GetArrayLength() > 0
            && locations[0].TryGetProperty("physicalLocation", out JsonElement physical))
        {
            if (physical.TryGetProperty("artifactLocation", out JsonElement artifact) && artifact.TryGetProperty("uri", out JsonElement uri)
                && Uri.TryCreate(uri.GetString(), UriKind.Absolute, out Uri? absolute) && absolute.IsFile)
            {
                string local = Path.GetFullPath(absolute.LocalPath);
                string relative = Paths.Relative(root, local);
                file = relative.StartsWith("../", StringComparison.Ordinal) ? local : relative;
            }

            if (physical.TryGetProperty("region", out JsonElement region))
            {
                start = region.TryGetProperty("startLine", out JsonElement s) ? s.GetInt32() : 0;
                end = region.TryGetProperty("endLine", out JsonElement e) ? e.GetInt32() : start;
            }
        }

        return new Reported(ruleId, level, file, start, end, message);
    }
}
