using System;
using System.Collections.Generic;
using System.Globalization;
using AwsAnalyzers.Benchmarks.Corpus;

namespace AwsAnalyzers.Benchmarks;

/// <summary>The command line: corpus size, iterations, what to run, where to write the report.</summary>
internal sealed class BenchmarkOptions
{
    public int Files { get; private set; } = 1000;
    public int LinesPerFile { get; private set; } = 150;
    public int Warmup { get; private set; } = 1;
    public int WarmupFiles { get; private set; } = 100;
    public int Iterations { get; private set; } = 3;
    public IReadOnlyList<CorpusFlavour> Flavours { get; private set; } = new[] { CorpusFlavour.AwsHeavy, CorpusFlavour.AwsFree };
    public bool Peers { get; private set; } = true;
    public bool FixAll { get; private set; } = true;
    public int FixAllDocuments { get; private set; } = 100;
    public int FixAllOccurrencesPerDocument { get; private set; } = 10;
    public bool Concurrent { get; private set; }
    public string? Output { get; private set; }

    public const string Usage = """
        Measures what the AwsAnalyzers cost a build, against Meziantou.Analyzer and Microsoft.CodeAnalysis.NetAnalyzers.

          --files N               files in each generated corpus (default 1000)
          --lines-per-file N      lines each file is padded to (default 150)
          --warmup N              iterations run first and not counted (default 1)
          --warmup-files N        files of the corpus the warm-up compiles and analyzes (default 100)
          --iterations N          measured iterations (default 3)
          --flavour heavy|free|both   which corpus (default both)
          --no-peers              run our analyzers only
          --no-fixall             skip the FixAll measurement
          --fixall-documents N    documents in the FixAll solution (default 100)
          --fixall-per-document N occurrences per FixAll document (default 10)
          --concurrent            compile and analyze concurrently, as a build does (default: one thread, steadier figures)
          --output FILE           also write the report (markdown) to FILE
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Count(int minimum)
            {
                string name = args[i];
                int value = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                return value >= minimum ? value : throw new ArgumentException($"{name} must be at least {minimum}.");
            }

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
                        "both" => new[] { CorpusFlavour.AwsHeavy, CorpusFlavour.AwsFree },
                        string other => throw new ArgumentException($"Unknown flavour '{other}'."),
                    };
                    break;
                case "--no-peers": options.Peers = false; break;
                case "--no-fixall": options.FixAll = false; break;
                case "--fixall-documents": options.FixAllDocuments = Count(1); break;
                case "--fixall-per-document": options.FixAllOccurrencesPerDocument = Count(1); break;
                case "--concurrent": options.Concurrent = true; break;
                case "--output": options.Output = Value(); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return options;
    }
}
