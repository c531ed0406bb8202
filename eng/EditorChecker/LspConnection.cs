using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace AwsAnalyzers.EditorChecker;

/// <summary>
/// JSON-RPC over a language server's standard input and output, framed with <c>Content-Length</c> headers as LSP
/// requires. Requests the server sends are answered by <see cref="AnswerServerRequest"/>; notifications go to
/// <see cref="Notified"/>. Everything exchanged is written to a log file, so a failure can be read after the fact.
/// </summary>
internal sealed class LspConnection : IDisposable
{
    private readonly Process _server;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly StreamWriter _log;
    private readonly object _writeLock = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly Thread _reader;
    private int _nextId;

    public LspConnection(Process server, string logPath)
    {
        _server = server;
        _input = server.StandardInput.BaseStream;
        _output = server.StandardOutput.BaseStream;
        _log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        _reader = new Thread(ReadMessages) { IsBackground = true, Name = "lsp-reader" };
    }

    /// <summary>Answers a request from the server (method, params) with its result.</summary>
    public Func<string, JsonNode?, JsonNode?> AnswerServerRequest { get; init; } = (_, _) => null;

    /// <summary>A notification from the server (method, params), called on the reading thread.</summary>
    public Action<string, JsonNode?> Notified { get; init; } = (_, _) => { };

    /// <summary>Set when the server closes its output: it has exited or crashed.</summary>
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Start() => _reader.Start();

    public void Log(string line)
    {
        lock (_log)
        {
            _log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        }
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        int id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        Task finished = await Task.WhenAny(answer.Task, Closed.Task, Task.Delay(timeout));
        _pending.TryRemove(id, out _);
        if (finished == answer.Task)
        {
            return await answer.Task;
        }

        throw new TimeoutException(finished == Closed.Task
            ? $"the language server exited before it answered '{method}'"
            : $"the language server did not answer '{method}' within {timeout.TotalSeconds:0} s");
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public void Dispose()
    {
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Send(JsonObject message)
    {
        string json = message.ToJsonString();
        byte[] body = Encoding.UTF8.GetBytes(json);
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        Log("--> " + Shorten(json));
        lock (_writeLock)
        {
            if (_server.HasExited)
            {
                return;
            }

            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private void ReadMessages()
    {
        try
        {
            while (ReadMessage() is { } json)
            {
                Log("<-- " + Shorten(json));
                Dispatch(JsonNode.Parse(json)!.AsObject());
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or JsonException)
        {
            Log("reading stopped: " + e.Message);
        }
        finally
        {
            Closed.TrySetResult();
        }
    }

    private void Dispatch(JsonObject message)
    {
        string? method = message["method"]?.GetValue<string>();
        JsonNode? id = message["id"];
        if (method is null)
        {
            if (id is not null && _pending.TryGetValue(id.GetValue<int>(), out TaskCompletionSource<JsonNode?>? answer))
            {
                if (message["error"] is JsonNode error)
                {
                    answer.TrySetException(new InvalidOperationException("the language server answered with an error: " + error.ToJsonString()));
                }
                else
                {
                    answer.TrySetResult(message["result"]?.DeepClone());
                }
            }

            return;
        }

        JsonNode? parameters = message["params"]?.DeepClone();
        if (id is null)
        {
            Notified(method, parameters);
            return;
        }

        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = AnswerServerRequest(method, parameters) });
    }

    /// <summary>One message body, or null at the end of the stream.</summary>
    private string? ReadMessage()
    {
        int length = -1;
        while (ReadHeaderLine() is { } line)
        {
            if (line.Length == 0)
            {
                if (length < 0)
                {
                    throw new IOException("a message from the language server has no Content-Length header");
                }

                byte[] body = new byte[length];
                _output.ReadExactly(body);
                return Encoding.UTF8.GetString(body);
            }

            const string ContentLength = "Content-Length:";
            if (line.StartsWith(ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[ContentLength.Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private string? ReadHeaderLine()
    {
        var line = new List<byte>();
        while (true)
        {
            int next = _output.ReadByte();
            if (next < 0)
            {
                return null;
            }

            if (next == '\n')
            {
                return Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
            }

            line.Add((byte)next);
        }
    }

    private static string Shorten(string json) => json.Length <= 4000 ? json : json[..4000] + $"… ({json.Length} characters)";
}
