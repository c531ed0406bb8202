using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AwsAnalyzers.Benchmarks.Corpus;

internal enum CorpusFlavour
{
    /// <summary>A service on AWS: producers, Lambda handlers, S3 readers, Athena reports, batch writers, ordinary code.</summary>
    AwsHeavy,

    /// <summary>The same shapes against an in-house platform, compiled without any AWS reference.</summary>
    AwsFree,

    /// <summary>
    /// The AWS-heavy corpus with no Lambda in it: the handlers become a worker that polls SQS, and the Lambda libraries
    /// are not referenced. What a project that uses the SDK outside Lambda pays the handler-based rules.
    /// </summary>
    AwsWithoutLambda,

    /// <summary>A folder of the user's C# files (<c>--corpus</c>), compiled with its errors tolerated.</summary>
    Folder,
}

internal sealed record CorpusFile(string Path, string Text);

/// <summary>The files one measurement compiles and analyzes, generated or read from a folder.</summary>
/// <param name="Notes">What the report should say about how the files were chosen (skipped folders, added usings).</param>
internal sealed record SourceCorpus(CorpusFlavour Flavour, string Title, IReadOnlyList<CorpusFile> Files, IReadOnlyList<string> Notes)
{
    public int Lines { get; } = Files.Sum(f => CorpusGenerator.CountLines(f.Text));

    /// <summary>Generated code compiles with no error by construction; a user's folder is measured as it is.</summary>
    public bool ToleratesErrors => Flavour == CorpusFlavour.Folder;

    /// <summary>The first <paramref name="count"/> files, for the warm-up.</summary>
    public SourceCorpus Take(int count) => this with { Files = Files.Take(count).ToList() };

    public static string TitleOf(CorpusFlavour flavour) => flavour switch
    {
        CorpusFlavour.AwsHeavy => "AWS-heavy corpus",
        CorpusFlavour.AwsFree => "AWS-free corpus",
        CorpusFlavour.AwsWithoutLambda => "AWS SDK without Lambda corpus",
        _ => "Folder corpus",
    };
}

/// <summary>
/// Writes a C# project of a given size. Half of the files are AWS (or, in the AWS-free flavour, platform) classes, each
/// with one or two of the shapes a rule is about and the correct code beside them; the other half is ordinary code.
/// Every file is padded with ordinary members to about <c>linesPerFile</c> lines. The output is deterministic.
/// </summary>
internal static class CorpusGenerator
{
    /// <summary>Of every ten files, this many are AWS classes; the rest are ordinary.</summary>
    private const int AwsKinds = 5;

    public static SourceCorpus Generate(CorpusFlavour flavour, int fileCount, int linesPerFile)
    {
        var files = new List<CorpusFile>(fileCount);
        if (flavour == CorpusFlavour.AwsFree)
        {
            files.Add(new CorpusFile("Platform/Platform.cs", PlatformShapes.PlatformFile));
        }

        for (int i = files.Count; i < fileCount; i++)
        {
            int kind = i % 10;
            string area = "Area" + (i / 50).ToString(CultureInfo.InvariantCulture);
            string index = i.ToString(CultureInfo.InvariantCulture);
            string text = kind < AwsKinds
                ? (flavour == CorpusFlavour.AwsFree ? PlatformFile(kind, i, area, linesPerFile) : AwsFile(kind, i, area, linesPerFile, lambda: flavour == CorpusFlavour.AwsHeavy))
                : OrdinaryFile(i, area, linesPerFile);
            string fileKind = flavour == CorpusFlavour.AwsWithoutLambda && kind == 1 ? WorkerKindName : KindName(kind);
            files.Add(new CorpusFile($"{area}/{fileKind}{index}.cs", text));
        }

        return new SourceCorpus(flavour, SourceCorpus.TitleOf(flavour), files, Array.Empty<string>());
    }

    public static int CountLines(string text)
    {
        int lines = 1;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }

    private const string WorkerKindName = "ReadingWorker";

    private static string KindName(int kind) => kind switch
    {
        0 => "ReadingProducer",
        1 => "ReadingFunctions",
        2 => "ReportReader",
        3 => "UsageReports",
        4 => "ReadingArchiver",
        _ => "MeasurementService",
    };

    /// <summary>The rules whose shapes an AWS file of <paramref name="kind"/> holds.</summary>
    private static string[] RulesOfKind(int kind) => kind switch
    {
        0 => new[] { "AWS001", "AWS005" },
        1 => new[] { "AWS002", "AWS014", "AWS016", "AWS021" },
        2 => new[] { "AWS003", "AWS007", "AWS008", "AWS009", "AWS013", "AWS017", "AWS018", "AWS020" },
        3 => new[] { "AWS004", "AWS010", "AWS012", "AWS015" },
        _ => new[] { "AWS006", "AWS011", "AWS019", "AWS022" },
    };

    /// <param name="lambda">False for the corpus without Lambda: AWS002's handlers become an SQS worker.</param>
    private static string AwsFile(int kind, int i, string area, int linesPerFile, bool lambda)
    {
        string[] rules = RulesOfKind(kind);
        if (!lambda && kind == 1)
        {
            return WorkerFile(i, area, linesPerFile);
        }

        AwsShapes.Services services = rules.Aggregate(AwsShapes.Services.None, (all, rule) => all | AwsShapes.ServicesOf(rule));
        string className = KindName(kind) + i.ToString(CultureInfo.InvariantCulture);
        var body = new StringBuilder(AwsShapes.ClassHeader(className, i, services));

        // Every other AWS file of a kind has the anti-pattern; all have the correct code.
        bool withOccurrences = (i / 10) % 2 == 0;
        foreach (string rule in rules)
        {
            if (withOccurrences)
            {
                body.Append(AwsShapes.Occurrence(rule, i / 10));
            }

            body.Append(AwsShapes.CorrectCode(rule, i));
        }

        return Assemble(AwsShapes.Usings(services), area, i, className, body, linesPerFile, AwsShapes.SensorReadingRecord);
    }

    /// <summary>
    /// The place of a Lambda functions file in the corpus without Lambda: a worker that polls SQS and creates clients
    /// (one per call in every other file, as the handlers do), which AWS002 must leave alone outside a handler.
    /// </summary>
    private static string WorkerFile(int i, string area, int linesPerFile)
    {
        AwsShapes.Services services = AwsShapes.WorkerServices;
        string className = WorkerKindName + i.ToString(CultureInfo.InvariantCulture);
        var body = new StringBuilder(AwsShapes.ClassHeader(className, i, services));
        if ((i / 10) % 2 == 0)
        {
            body.Append(AwsShapes.WorkerClientPerCall(i / 10));
        }

        body.Append(AwsShapes.WorkerSharedClient(i));
        return Assemble(AwsShapes.Usings(services), area, i, className, body, linesPerFile, AwsShapes.SensorReadingRecord);
    }

    private static string PlatformFile(int kind, int i, string area, int linesPerFile)
    {
        string className = KindName(kind) + i.ToString(CultureInfo.InvariantCulture);
        var body = new StringBuilder(PlatformShapes.ClassHeader(className, i));
        foreach (string rule in RulesOfKind(kind))
        {
            body.Append(PlatformShapes.Counterpart(int.Parse(rule.AsSpan(3), CultureInfo.InvariantCulture) - 1, i));
        }

        return Assemble(PlatformShapes.Usings, area, i, className, body, linesPerFile, AwsShapes.SensorReadingRecord);
    }

    private static string OrdinaryFile(int i, string area, int linesPerFile)
    {
        string className = KindName(9) + i.ToString(CultureInfo.InvariantCulture);
        return Assemble(OrdinaryShapes.Usings, area, i, className, new StringBuilder(), linesPerFile, extraType: null);
    }

    /// <summary>A file: usings, namespace, the domain types, and the class padded with ordinary members.</summary>
    private static string Assemble(string usings, string area, int i, string className, StringBuilder body, int linesPerFile, string? extraType)
    {
        var text = new StringBuilder(usings);
        if (!usings.Contains("using System.Collections.Concurrent;", StringComparison.Ordinal))
        {
            text.AppendLine("using System.Collections.Concurrent;");
        }

        text.AppendLine().Append("namespace SensorPipeline.").Append(area).Append(".Unit").Append(i.ToString(CultureInfo.InvariantCulture)).AppendLine(";").AppendLine();
        text.AppendLine(OrdinaryShapes.MeasurementRecord).AppendLine();
        if (extraType is not null)
        {
            text.AppendLine(extraType).AppendLine();
        }

        text.Append("public sealed class ").AppendLine(className).AppendLine("{");
        int fixedLines = CountLines(text.ToString()) + CountLines(body.ToString());
        int padded = 0;
        var padding = new StringBuilder();
        while (fixedLines + CountLines(padding.ToString()) < linesPerFile)
        {
            padding.Append(OrdinaryShapes.Member((i + padded) % OrdinaryShapes.MemberKinds, padded));
            padded++;
        }

        text.Append(body).Append(padding).AppendLine("}");
        return text.ToString();
    }
}
