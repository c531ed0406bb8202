using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.SampleChecker;

namespace AwsAnalyzers.EditorChecker;

/// <summary>
/// Opens every C# file of the sample in the csharp-ls language server, with its analyzers enabled, and compares the
/// diagnostics it publishes for each document with the markers of that document.
/// </summary>
internal sealed class EditorCheck
{
    private const string Solution = "samples/SensorPipeline.sln";

    /// <summary>After every open document has diagnostics, how long nothing new must arrive before they are taken as final.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(20);

    /// <summary>How csharp-ls logs what MSBuildWorkspace reports while it loads the projects.</summary>
    private const string WorkspaceDiagnostic = "msbuildWorkspace.Diagnostics:";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    private readonly string _root;
    private readonly Options _options;
    private readonly string _logFolder;
    private readonly object _lock = new();
    private readonly Dictionary<string, JsonArray> _published = new(StringComparer.Ordinal);
    private readonly List<string> _workspaceWarnings = new();
    private DateTime _lastPublished = DateTime.UtcNow;

    public EditorCheck(string root, Options options)
    {
        _root = root;
        _options = options;
        _logFolder = Path.Combine(root, "artifacts", "editor-check");
        Directory.CreateDirectory(_logFolder);
    }

    public sealed record Options(bool Strict, TimeSpan LoadTimeout);

    public async Task<bool> RunAsync()
    {
        Console.WriteLine("Editor check: the sample opened in the csharp-ls language server, with csharp.analyzersEnabled = true");
        List<Marker> markers = Marker.Scan(_root);
        KnownGaps gaps = _options.Strict ? KnownGaps.None : KnownGaps.Read(Path.Combine(_root, KnownGaps.RelativePath));

        // The language server reads restored projects; restoring the sample also packs the analyzers when the package
        // is missing or older than their sources (samples/Directory.Build.targets).
        var dotnet = new DotNet(_logFolder);
        foreach ((string log, string[] arguments) in new[] { ("restore", new[] { "restore", Solution }), ("tool-restore", new[] { "tool", "restore" }) })
        {
            DotNet.Result result = dotnet.Run(_root, log, arguments);
            if (result.ExitCode != 0)
            {
                Console.WriteLine($"FAILED: dotnet {string.Join(' ', arguments)} exited with {result.ExitCode}; see {result.LogPath}");
                Console.WriteLine(result.Tail(20));
                return false;
            }
        }

        List<string> documents = Directory.EnumerateFiles(Path.Combine(_root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Paths.Relative(_root, path))
            .Where(path => !Paths.IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .ToList();

        Dictionary<string, JsonArray>? published = await CollectDiagnosticsAsync(documents);
        if (published is null)
        {
            return false;
        }

        List<Reported> reported = published
            .SelectMany(document => document.Value.Select(d => ToReported(document.Key, d!.AsObject())))
            .Where(r => r.IsOursOrWarning)
            .ToList();
        Comparison comparison = Comparison.Match(markers, _ => true, reported, "is published, but the marker expects no report");
        comparison.Print();
        return Verdict(comparison, gaps, markers);
    }

    private bool Verdict(Comparison comparison, KnownGaps gaps, List<Marker> markers)
    {
        // What loading the sample's projects warned of (a duplicate AdditionalFile, a project that did not load) is
        // what an editor shows its user too.
        var failures = new List<string>();
        lock (_lock)
        {
            failures.AddRange(_workspaceWarnings.Distinct().Select(w => "loading the sample, the language server's workspace warns: " + w));
        }

        var known = new List<string>();
        foreach (Row row in comparison.Rows.Where(r => r.Failure is not null))
        {
            if (row.Actual == "not reported" && gaps.Explains(row))
            {
                known.Add($"{row.Failure} (known: {gaps.Reason(row)})");
            }
            else
            {
                failures.Add(row.Failure!);
            }
        }

        foreach (string gap in gaps.Entries.Where(g => comparison.Rows.Any(r => r.Failure is null && gaps.Key(r) == g)))
        {
            Console.WriteLine($"  {gap} is listed in {KnownGaps.RelativePath}, but the editor now shows it: remove it from the list");
        }

        Console.WriteLine();
        if (known.Count > 0)
        {
            Console.WriteLine($"Not shown by the editor, as {KnownGaps.RelativePath} expects ({known.Count}; --strict fails on them):");
            known.ForEach(k => Console.WriteLine("  " + k));
        }

        int seen = comparison.Rows.Count(r => r.Failure is null && r.Actual != "not reported");
        if (failures.Count == 0)
        {
            Console.WriteLine($"Editor check passed: the editor shows {seen} of {markers.Count} markers{(known.Count > 0 ? $", and {known.Count} known gaps" : string.Empty)}, and nothing unmarked.");
            return true;
        }

        Console.WriteLine($"Editor check FAILED with {failures.Count} problems (the language server's log: {Paths.Relative(_root, LogPath)}):");
        failures.ForEach(f => Console.WriteLine("  " + f));
        return false;
    }

    private string LogPath => Path.Combine(_logFolder, "lsp.log");

    /// <summary>The last diagnostics published for each document, or null (with the reason printed) when the server failed.</summary>
    private async Task<Dictionary<string, JsonArray>?> CollectDiagnosticsAsync(List<string> documents)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "tool", "run", "csharp-ls", "--", "--solution", Path.Combine(_root, Solution), "--loglevel", "info" })
        {
            start.ArgumentList.Add(argument);
        }

        Console.WriteLine($"  $ dotnet {string.Join(' ', start.ArgumentList)}");
        using var server = new Process { StartInfo = start };
        server.Start();
        using var connection = new LspConnection(server, LogPath)
        {
            AnswerServerRequest = Answer,
            Notified = OnNotification,
        };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { connection.Log("stderr: " + e.Data); } };
        server.BeginErrorReadLine();
        connection.Start();
        var clock = Stopwatch.StartNew();
        try
        {
            string samples = new Uri(Path.Combine(_root, "samples")).AbsoluteUri;
            await connection.RequestAsync("initialize", Initialize(samples), RequestTimeout);
            connection.Notify("initialized", new JsonObject());
            foreach (string document in documents)
            {
                connection.Notify("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject
                    {
                        ["uri"] = DocumentUri(document),
                        ["languageId"] = "csharp",
                        ["version"] = 1,
                        ["text"] = File.ReadAllText(Path.Combine(_root, document)),
                    },
                });
            }

            Console.WriteLine($"  opened {documents.Count} documents; waiting for their diagnostics (at most {_options.LoadTimeout.TotalMinutes:0} minutes)");
            if (!await WaitForDiagnosticsAsync(documents, connection, clock))
            {
                return null;
            }

            Console.WriteLine($"  diagnostics for every document after {clock.Elapsed.TotalSeconds:0} s, none new for {QuietPeriod.TotalSeconds:0} s");
            lock (_lock)
            {
                return new Dictionary<string, JsonArray>(_published, StringComparer.Ordinal);
            }
        }
        catch (TimeoutException e)
        {
            Console.WriteLine($"FAILED: {e.Message}; see {Paths.Relative(_root, LogPath)}");
            return null;
        }
        finally
        {
            await StopAsync(server, connection);
        }
    }

    private async Task<bool> WaitForDiagnosticsAsync(List<string> documents, LspConnection connection, Stopwatch clock)
    {
        DateTime deadline = DateTime.UtcNow + _options.LoadTimeout;
        TimeSpan nextReport = TimeSpan.FromSeconds(30);
        while (true)
        {
            List<string> waiting;
            DateTime last;
            lock (_lock)
            {
                waiting = documents.Where(d => !_published.ContainsKey(d)).ToList();
                last = _lastPublished;
            }

            if (waiting.Count == 0 && DateTime.UtcNow - last >= QuietPeriod)
            {
                return true;
            }

            if (connection.Closed.Task.IsCompleted)
            {
                Console.WriteLine($"FAILED: the language server exited after {clock.Elapsed.TotalSeconds:0} s; see {Paths.Relative(_root, LogPath)}");
                return false;
            }

            if (DateTime.UtcNow > deadline)
            {
                Console.WriteLine($"FAILED: after {_options.LoadTimeout.TotalMinutes:0} minutes the language server has published no diagnostics for {waiting.Count} documents: {string.Join(", ", waiting.Take(5))}; see {Paths.Relative(_root, LogPath)} (raise the limit with --timeout-minutes)");
                return false;
            }

            if (clock.Elapsed >= nextReport)
            {
                Console.WriteLine($"    {clock.Elapsed.TotalSeconds:0} s: diagnostics for {documents.Count - waiting.Count} of {documents.Count} documents");
                nextReport += TimeSpan.FromSeconds(30);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Asks the server to shut down and exit, and ends it (with the processes it started) if it does not.</summary>
    private static async Task StopAsync(Process server, LspConnection connection)
    {
        try
        {
            if (!server.HasExited)
            {
                await connection.RequestAsync("shutdown", null, TimeSpan.FromSeconds(15));
                connection.Notify("exit", null);
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException)
        {
            connection.Log("shutdown: " + e.Message);
        }

        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await server.WaitForExitAsync(exited.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("  the language server did not exit when asked; ending it");
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static JsonObject Initialize(string samples) => new()
    {
        ["processId"] = Environment.ProcessId,
        ["rootUri"] = samples,
        ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = samples, ["name"] = "samples" }),
        ["capabilities"] = new JsonObject
        {
            // workspace/configuration is how csharp-ls asks for csharp.analyzersEnabled. No textDocument.diagnostic
            // capability: without it the server pushes diagnostics for open documents, as most editors receive them.
            ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
            ["textDocument"] = new JsonObject
            {
                ["synchronization"] = new JsonObject { ["didSave"] = false },
                ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = false },
            },
            ["window"] = new JsonObject { ["workDoneProgress"] = true },
        },
    };

    private static JsonNode? Answer(string method, JsonNode? parameters)
    {
        if (method != "workspace/configuration")
        {
            return null;
        }

        var answers = new JsonArray();
        foreach (JsonNode? item in parameters?["items"]?.AsArray() ?? new JsonArray())
        {
            answers.Add(item?["section"]?.GetValue<string>() == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
        }

        return answers;
    }

    private void OnNotification(string method, JsonNode? parameters)
    {
        if (method == "textDocument/publishDiagnostics" && parameters?["uri"]?.GetValue<string>() is { } uri
            && parameters["diagnostics"] is JsonArray diagnostics)
        {
            string document = Paths.Relative(_root, new Uri(uri).LocalPath);
            lock (_lock)
            {
                _published[document] = diagnostics;
                _lastPublished = DateTime.UtcNow;
            }
        }
        else if (method == "window/showMessage" && parameters?["message"]?.GetValue<string>() is { } message)
        {
            Console.WriteLine("    csharp-ls: " + message);
        }
        else if (method == "window/logMessage" && parameters?["message"]?.GetValue<string>() is { } logged
            && logged.IndexOf(WorkspaceDiagnostic, StringComparison.Ordinal) is int at and >= 0
            && !logged.Contains("[Informational]", StringComparison.Ordinal))
        {
            lock (_lock)
            {
                _workspaceWarnings.Add(logged[(at + WorkspaceDiagnostic.Length)..].Trim());
            }
        }
    }

    private string DocumentUri(string document) => new Uri(Path.Combine(_root, document)).AbsoluteUri;

    /// <summary>An LSP diagnostic as the comparison reads it: lines from 1, levels named as in SARIF.</summary>
    private static Reported ToReported(string document, JsonObject diagnostic)
    {
        string ruleId = diagnostic["code"]?.ToString() ?? "?";
        string level = diagnostic["severity"]?.GetValue<int>() switch
        {
            1 => "error",
            2 => "warning",
            3 => "note",
            _ => "none",
        };
        int start = diagnostic["range"]!["start"]!["line"]!.GetValue<int>() + 1;
        int end = diagnostic["range"]!["end"]!["line"]!.GetValue<int>() + 1;
        return new Reported(ruleId, level, document, start, end, diagnostic["message"]?.GetValue<string>() ?? string.Empty);
    }
}
