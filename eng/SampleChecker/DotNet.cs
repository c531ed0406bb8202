using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace AwsAnalyzers.SampleChecker;

/// <summary>Runs the dotnet CLI as a user would, with its whole output kept in a log file.</summary>
internal sealed class DotNet
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(20);

    private readonly string _logFolder;

    public DotNet(string logFolder)
    {
        _logFolder = logFolder;
        Directory.CreateDirectory(logFolder);
    }

    public sealed record Result(int ExitCode, string LogPath, string Output)
    {
        /// <summary>The end of the output, where MSBuild and dotnet format say what went wrong.</summary>
        public string Tail(int lines = 40) => string.Join(Environment.NewLine, Output.Split('\n').TakeLast(lines).Select(l => l.TrimEnd('\r')));
    }

    public Result Run(string workingDirectory, string logName, params string[] arguments)
    {
        Console.WriteLine($"  $ dotnet {string.Join(' ', arguments)}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new List<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Add(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Add(e.Data); } } };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
            {
                output.Add($"(stopped by the checker after {TimeLimit.TotalMinutes:0} minutes)");
            }
        }

        process.WaitForExit();
        string text;
        lock (output)
        {
            text = string.Join(Environment.NewLine, output);
        }

        string logPath = Path.Combine(_logFolder, logName + ".log");
        File.WriteAllText(logPath, $"$ dotnet {string.Join(' ', arguments)}{Environment.NewLine}(in {workingDirectory}){Environment.NewLine}{text}{Environment.NewLine}");
        int exitCode = process.HasExited ? process.ExitCode : -1;
        Console.WriteLine($"    exit code {exitCode} after {clock.Elapsed.TotalSeconds:0} s; output in {logPath}");
        return new Result(exitCode, logPath, text);
    }
}
