using System;
using System.Collections.Generic;
using System.Globalization;
using AwsAnalyzers.Benchmarks.Corpus;

namespace AwsAnalyzers.Benchmarks;

/// <summary>The command line: corpus size, iterations, what to run, where to write the report.</summary>
internal sealed class BenchmarkOptions
{
    private static readonly CorpusFlavour[] s_generated = { CorpusFlavour.AwsHeavy, CorpusFlavour.AwsFree, CorpusFlavour.AwsWithoutLambda };

    public int Files { get; private set; } = 1000;
    public int LinesPerFile { get; private set; } = 150;
    public int Warmup { get; private set; } = 1;
    public int WarmupFiles { get; private set; } = 100;
    public int Iterations { get; private set; } = 3;

    /// <summary>The generated corpora to measure: all of them, unless <c>--flavour</c> says which, or none with only <c>--corpus</c>.</summary>
    public IReadOnlyList<CorpusFlavour> Flavours { get; private set; } = s_generated;

    /// <summary>Folders of the user's C# files (<c>--corpus</c>), measured after the generated corpora.</summary>
    public IReadOnlyList<string> Folders => _folders;

    public bool Peers { get; private set; } = true;
    public bool FixAll { get; private set; } = true;
    public int FixAllDocuments { get; private set; } = 100;
    public int FixAllOccurrencesPerDocument { get; private set; } = 10;
    public bool Concurrent { get; private set; }
    public string? Output { get; private set; }

    /// <summary>
    /// Where to list what our rules report on each corpus (<c>--diagnostics</c>), one diagnostic per line, from the last
    /// measured iteration: how a user checks the rules on a repository of their own before adopting them.
    /// </summary>
    public string? DiagnosticsOutput { get; private set; }

    /// <summary>
    /// A run only to show that the benchmark builds and runs (CI): a tiny corpus, no warm-up, one iteration. Its figures
    /// mean nothing, so the report judges no target.
    /// </summary>
    public bool Smoke { get; private set; }

    private readonly List<string> _folders = new();

    public const string Usage = """
        Measures what the AwsAnalyzers cost a build, against Meziantou.Analyzer and Microsoft.CodeAnalysis.NetAnalyzers.

          --files N               files in each generated corpus (default 1000)
          --lines-per-file N      lines each file is padded to (default 150)
          --warmup N              iterations run first and not counted (default 1)
          --warmup-files N        files of the corpus the warm-up compiles and analyzes (default 100)
          --iterations N          measured iterations (default 3)
          --flavour heavy|free|no-lambda|both|all
                                  which generated corpora (default all; both is heavy and free; with --corpus, none
                                  unless given)
          --corpus DIR            also measure the C# files under DIR (a repository of yours), compiled against the
                                  same references with compiler errors tolerated and counted; repeatable
          --no-peers              run our analyzers only
          --no-fixall             skip the FixAll measurement
          --fixall-documents N    documents in the FixAll solution (default 100)
          --fixall-per-document N occurrences per FixAll document (default 10)
          --concurrent            compile and analyze concurrently, as a build does (default: one thread, steadier figures)
          --output FILE           also write the report (markdown) to FILE
          --diagnostics FILE      also list every diagnostic our rules report, per corpus, as
                                  `ID path(line,column): message`
          --smoke                 only check that it runs: 10 files, no warm-up, 1 iteration, a 2x5 FixAll unless
                                  given; the report says its figures mean nothing and judges no target
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Count(int minimum)
            {
                string name = args[i];
                int value = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                return value >= minimum ? value : throw new ArgumentException($"{name} must be at least {minimum}.");
            }

            given.Add(args[i]);
            switch (args[i])
            {
                case "--files": options.Files = Count(1); break;
                case "--lines-per-file": options.LinesPerFile = Count(1); break;
                case "--warmup": options.Warmup = Count(0); break;
                case "--warmup-files": options.WarmupFiles = Count(1); break;
                case "--iterations": options.Iterations = Count(1); break;
                case "--flavour":
                    options.Flavours = Value() switch
                    {
                        "heavy" => new[] { CorpusFlavour.AwsHeavy },
                        "free" => new[] { CorpusFlavour.AwsFree },
                        "no-lambda" => new[] { CorpusFlavour.AwsWithoutLambda },
                        "both" => new[] { CorpusFlavour.AwsHeavy, CorpusFlavour.AwsFree },
                        "all" => s_generated,
                        string other => throw new ArgumentException($"Unknown flavour '{other}'."),
                    };
                    break;
                case "--no-peers": options.Peers = false; break;
                case "--no-fixall": options.FixAll = false; break;
                case "--fixall-documents": options.FixAllDocuments = Count(1); break;
                case "--fixall-per-document": options.FixAllOccurrencesPerDocument = Count(1); break;
                case "--concurrent": options.Concurrent = true; break;
                case "--output": options.Output = Value(); break;
                case "--diagnostics": options.DiagnosticsOutput = Value(); break;
                case "--corpus":
                    // Checked here, not when its turn comes after the generated corpora have run for minutes.
                    string folder = Value();
                    options._folders.Add(System.IO.Directory.Exists(folder) ? folder : throw new ArgumentException($"--corpus: the folder '{folder}' does not exist."));
                    break;
                case "--smoke": options.Smoke = true; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (options._folders.Count > 0 && !given.Contains("--flavour"))
        {
            options.Flavours = Array.Empty<CorpusFlavour>();
        }

        if (options.Smoke)
        {
            // The smoke sizes fill in what the command line left out, wherever --smoke stands in it.
            int SmokeSize(string option, int value, int smoke) => given.Contains(option) ? value : smoke;
            options.Files = SmokeSize("--files", options.Files, 10);
            options.Warmup = SmokeSize("--warmup", options.Warmup, 0);
            options.Iterations = SmokeSize("--iterations", options.Iterations, 1);
            options.FixAllDocuments = SmokeSize("--fixall-documents", options.FixAllDocuments, 2);
            options.FixAllOccurrencesPerDocument = SmokeSize("--fixall-per-document", options.FixAllOccurrencesPerDocument, 5);
        }

        return options;
    }
}
