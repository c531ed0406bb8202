using System;

namespace AwsAnalyzers.Benchmarks.Corpus;

/// <summary>
/// The AWS-free flavour's counterparts of <see cref="AwsShapes"/>: the same producers, handlers, readers, queries and
/// batch writers, written against an in-house platform instead of the AWS SDK, so the code has the same size and
/// shape but nothing our rules look for can bind.
/// </summary>
internal static class PlatformShapes
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using SensorPipeline.Platform;

        """;

    /// <summary>The in-house platform the AWS-free code talks to; one file of the corpus.</summary>
    public const string PlatformFile = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        namespace SensorPipeline.Platform;

        public sealed class PublishRequest
        {
            public string Topic { get; set; } = string.Empty;
            public string PartitionKey { get; set; } = string.Empty;
            public byte[] Payload { get; set; } = Array.Empty<byte>();
        }

        public sealed class PublishBatchRequest
        {
            public string Topic { get; set; } = string.Empty;
            public List<PublishRequest> Entries { get; } = new();
        }

        public sealed class PublishBatchResult
        {
            public int FailedCount { get; set; }
            public List<string> FailedKeys { get; } = new();
        }

        public sealed class BusUnavailableException : Exception
        {
            public BusUnavailableException(string message) : base(message) { }
        }

        public interface IEventBus
        {
            Task<string> PublishAsync(PublishRequest request, CancellationToken cancellationToken);
            Task<PublishBatchResult> PublishBatchAsync(PublishBatchRequest request, CancellationToken cancellationToken);
        }

        public interface IBlobStore
        {
            Task<Stream> OpenReadAsync(string container, string name, CancellationToken cancellationToken);
        }

        public sealed class QueryRequest
        {
            public string Sql { get; set; } = string.Empty;
            public List<string> Parameters { get; set; } = new();
            public string Database { get; set; } = string.Empty;
        }

        public interface IQueryEngine
        {
            Task<string> StartAsync(QueryRequest request, CancellationToken cancellationToken);
        }

        public interface IFunctionContext
        {
            string RequestId { get; }
            void Log(string message);
        }

        public sealed class FunctionMessage
        {
            public string Id { get; set; } = string.Empty;
            public string Body { get; set; } = string.Empty;
        }
        """;

    /// <summary>The constants, dependencies and constructor of a platform class.</summary>
    public static string ClassHeader(string className, int n) => $$"""
            private const string Topic = "sensor-readings-{{n}}";
            private const string Database = "telemetry";
            private static readonly string DefaultPartition = "readings";
            private static readonly HttpClient SharedHttp = new();

            private readonly IEventBus _bus;
            private readonly IBlobStore _blobs;
            private readonly IQueryEngine _queries;

            public {{className}}(IEventBus bus, IBlobStore blobs, IQueryEngine queries)
            {
                _bus = bus ?? throw new ArgumentNullException(nameof(bus));
                _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
                _queries = queries ?? throw new ArgumentNullException(nameof(queries));
            }

            private static byte[] Encode(SensorReading reading) =>
                Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{reading.DeviceId},{reading.Timestamp:O},{reading.Temperature}"));


        """;

    /// <summary>The counterpart of <see cref="AwsShapes.Occurrence"/> for the rule at <paramref name="ruleIndex"/> (0 for AWS001).</summary>
    public static string Counterpart(int ruleIndex, int n) => ruleIndex switch
    {
        0 => $$"""
                public async Task<string?> PublishReading{{n}}Async(SensorReading reading, CancellationToken cancellationToken)
                {
                    var request = new PublishRequest { Topic = Topic, PartitionKey = DefaultPartition, Payload = Encode(reading) };
                    try
                    {
                        return await _bus.PublishAsync(request, cancellationToken);
                    }
                    catch (BusUnavailableException)
                    {
                        return null;
                    }
                }

                public Task<string> PublishKeyed{{n}}Async(SensorReading reading, CancellationToken cancellationToken) =>
                    _bus.PublishAsync(new PublishRequest { Topic = Topic, PartitionKey = reading.DeviceId, Payload = Encode(reading) }, cancellationToken);

            """,
        1 => $$"""
                public async Task<int> HandleArchive{{n}}Async(IReadOnlyList<FunctionMessage> messages, IFunctionContext context)
                {
                    using var http = new HttpClient();
                    int archived = 0;
                    foreach (FunctionMessage message in messages)
                    {
                        context.Log("Archiving " + message.Id);
                        using var content = new StringContent(message.Body);
                        using HttpResponseMessage response = await http.PutAsync(new Uri("https://archive.example.com/" + message.Id), content);
                        archived += response.IsSuccessStatusCode ? 1 : 0;
                    }

                    return archived;
                }

                public async Task<string> HandlePing{{n}}Async(IFunctionContext context) =>
                    await SharedHttp.GetStringAsync(new Uri("https://status.example.com/" + context.RequestId));

            """,
        2 => $$"""
                public async Task<int> CountValidLines{{n}}Async(string container, string name, CancellationToken cancellationToken)
                {
                    using Stream body = await _blobs.OpenReadAsync(container, name, cancellationToken);
                    using var reader = new StreamReader(body);
                    string text = await reader.ReadToEndAsync(cancellationToken);
                    int valid = 0;
                    foreach (string line in text.Split('\n'))
                    {
                        if (line.Length > 0 && line[0] != '#')
                        {
                            valid++;
                        }
                    }

                    return valid;
                }

            """,
        3 => $$"""
                public Task<string> StartDeviceAverage{{n}}Async(string deviceId, CancellationToken cancellationToken) =>
                    _queries.StartAsync(
                        new QueryRequest
                        {
                            Sql = "SELECT device_id, avg(temperature) AS avg_temperature FROM sensor_readings WHERE device_id = ? GROUP BY device_id",
                            Parameters = new List<string> { "'" + deviceId + "'" },
                            Database = Database,
                        },
                        cancellationToken);

                public Task<string> StartDailyAverage{{n}}Async(DateTime day, CancellationToken cancellationToken) =>
                    _queries.StartAsync(
                        new QueryRequest
                        {
                            Sql = "SELECT device_id, avg(temperature) FROM sensor_readings WHERE year = ? AND month = ? AND day = ? GROUP BY device_id",
                            Parameters = new List<string> { day.ToString("yyyy", CultureInfo.InvariantCulture), day.ToString("MM", CultureInfo.InvariantCulture), day.ToString("dd", CultureInfo.InvariantCulture) },
                            Database = Database,
                        },
                        cancellationToken);

            """,
        4 => $$"""
                public async Task<int> PublishChecked{{n}}Async(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
                {
                    var request = new PublishBatchRequest { Topic = Topic };
                    foreach (SensorReading reading in readings)
                    {
                        request.Entries.Add(new PublishRequest { Topic = Topic, PartitionKey = reading.DeviceId, Payload = Encode(reading) });
                    }

                    PublishBatchResult result = await _bus.PublishBatchAsync(request, cancellationToken);
                    foreach (string key in result.FailedKeys)
                    {
                        Console.Error.WriteLine("Not published: " + key);
                    }

                    return result.FailedCount;
                }

            """,
        5 => $$"""
                public async Task Archive{{n}}Async(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
                {
                    var request = new PublishBatchRequest { Topic = Topic + "-archive" };
                    foreach (SensorReading reading in readings)
                    {
                        request.Entries.Add(new PublishRequest { Topic = Topic, PartitionKey = reading.DeviceId, Payload = Encode(reading) });
                    }

                    await _bus.PublishBatchAsync(request, cancellationToken);
                }

            """,
        11 => $$"""
                public Task<string> StartDeviceLookup{{n}}Async(string deviceId, CancellationToken cancellationToken) =>
                    _queries.StartAsync(
                        new QueryRequest { Sql = $"SELECT device_id, temperature FROM sensor_readings WHERE device_id = '{deviceId}'", Database = Database },
                        cancellationToken);

            """,
        14 => $$"""
                public Task<string> StartMonthExport{{n}}Async(CancellationToken cancellationToken) =>
                    _queries.StartAsync(
                        new QueryRequest { Sql = "SELECT * FROM sensor_readings WHERE year = '2025' AND month = '01'", Database = Database },
                        cancellationToken);

            """,
        // AWS008: a key-shaped literal handed to a client of the platform.
        7 => $$"""
                public HttpClient PartnerClient{{n}}()
                {
                    var client = new HttpClient();
                    client.DefaultRequestHeaders.Add("X-Api-Key", "AKIAZ7Q2M4N6P8R{{(n % 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)}}");
                    return client;
                }

            """,
        // AWS013: an endpoint written by hand and a region looked up by name, of the platform's own.
        12 => $$"""
                public Uri ArchiveEndpoint{{n}}() => new Uri("https://blobs.ap-northeast-2.platform.internal");

                public TimeZoneInfo ArchiveZone{{n}}() => TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

            """,
        // AWS018: a retention of seven days, set on the platform's request.
        17 => $$"""
                public Task<Stream> OpenRetired{{n}}Async(CancellationToken cancellationToken) =>
                    _blobs.OpenReadAsync("retired-keys", DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);

            """,
        // The later rules' shapes (paging, polling, blocking, settings written in code) in the platform's own terms: a
        // loop over a store's reads, a blocked task and a setting written as text, which none of the rules may take
        // for an SDK call.
        6 or 8 or 9 or 10 or 13 or 15 or 16 or 18 or 19 or 20 or 21 => $$"""
                public async Task<int> Drain{{ruleIndex}}x{{n}}Async(string container, CancellationToken cancellationToken)
                {
                    int read = 0;
                    while (read < 3)
                    {
                        using Stream body = await _blobs.OpenReadAsync(container, "part-" + read.ToString(CultureInfo.InvariantCulture), cancellationToken);
                        read++;
                    }

                    Environment.SetEnvironmentVariable("PLATFORM_REGION", "ap-northeast-2");
                    return read + _queries.StartAsync(new QueryRequest { Sql = "SELECT * FROM readings ORDER BY id", Database = Database }, cancellationToken).Result.Length;
                }

            """,
        _ => throw new ArgumentOutOfRangeException(nameof(ruleIndex), ruleIndex, "Unknown rule index."),
    };
}
