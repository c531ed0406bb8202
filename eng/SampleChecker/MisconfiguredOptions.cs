using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AwsAnalyzers.SampleChecker;

/// <summary>
/// Settings a user gets wrong, written into a copy of the sample: an .editorconfig for the producer and a global config
/// for the reports, each with a bad value and a misspelled key. The build must report each once as AWS000, and the
/// rules must still report every marker of those projects: a mistake falls back to the default, never turns a rule off.
/// </summary>
internal static class MisconfiguredOptions
{
    /// <summary>The rule that reports configuration mistakes: its diagnostics have no place in the code, so no marker.</summary>
    public const string RuleId = "AWS000";

    /// <summary>One mistake: the key and value the AWS000 message must name, in the project whose build reports it.</summary>
    public sealed record Mistake(string Project, string Key, string Value);

    public static IReadOnlyList<(string Project, string File, string Text)> Files { get; } = new[]
    {
        ("SensorPipeline.Producer", ".editorconfig", string.Join('\n',
            "[*.cs]",
            "# No such service: AWS005 must keep checking Kinesis.",
            "aws_analyzers.AWS005.services = dynamo",
            "# No such option (it is services).",
            "aws_analyzers.AWS005.service = kinesis",
            string.Empty)),
        ("SensorPipeline.Reports", ".globalconfig", string.Join('\n',
            "is_global = true",
            "# Not a column name; the catalog export decides anyway.",
            "aws_analyzers.AWS004.partition_columns = year month-day",
            "# A pattern names no folder: the default *.glue.json must still find catalog/iot.glue.json.",
            "aws_analyzers.AWS004.catalog_file_pattern = catalog/*.glue.json",
            "# No such rule (it is AWS005).",
            "aws_analyzers.AWS05.services = kinesis",
            string.Empty)),
    };

    public static IReadOnlyList<Mistake> Expected { get; } = new[]
    {
        new Mistake("SensorPipeline.Producer", "aws_analyzers.AWS005.services", "dynamo"),
        new Mistake("SensorPipeline.Producer", "aws_analyzers.AWS005.service", string.Empty),
        new Mistake("SensorPipeline.Reports", "aws_analyzers.AWS004.partition_columns", "year month-day"),
        new Mistake("SensorPipeline.Reports", "aws_analyzers.AWS004.catalog_file_pattern", "catalog/*.glue.json"),
        new Mistake("SensorPipeline.Reports", "aws_analyzers.AWS05.services", string.Empty),
    };

    public static IEnumerable<string> Projects => Files.Select(f => f.Project).Distinct();

    public static string ProjectFile(string stage, string project) => Path.Combine(stage, "samples", project, project + ".csproj");

    public static void Write(string stage)
    {
        foreach ((string project, string file, string text) in Files)
        {
            File.WriteAllText(Path.Combine(stage, "samples", project, file), text);
        }
    }

    /// <summary>Whether an AWS000 message names the mistake: its key (lowercased by .editorconfig) and its value.</summary>
    public static bool Names(Mistake mistake, string message) =>
        (message.Contains(mistake.Key + " ", StringComparison.OrdinalIgnoreCase) || message.Contains(mistake.Key + ":", StringComparison.OrdinalIgnoreCase))
        && (mistake.Value.Length == 0 || message.Contains($"'{mistake.Value}'", StringComparison.Ordinal));
}
