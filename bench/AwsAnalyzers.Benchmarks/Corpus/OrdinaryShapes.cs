using System;

namespace AwsAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Everyday application code with no AWS in it (validation, LINQ, parsing, caching, formatting, async I/O): most of
/// any real project, and what the peers' rules spend their time on.
/// </summary>
internal static class OrdinaryShapes
{
    public const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Globalization;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    /// <summary>How many kinds of member <see cref="Member"/> writes.</summary>
    public const int MemberKinds = 8;

    /// <summary>One member of an ordinary class, unique in its class by <paramref name="n"/>.</summary>
    public static string Member(int kind, int n) => kind switch
    {
        0 => $$"""
                public static IReadOnlyList<string> Validate{{n}}(Measurement measurement)
                {
                    var errors = new List<string>();
                    if (string.IsNullOrWhiteSpace(measurement.DeviceId))
                    {
                        errors.Add("Device id is required.");
                    }

                    if (measurement.Value is < -80 or > 150)
                    {
                        errors.Add($"Value {measurement.Value} is out of range for {measurement.DeviceId}.");
                    }

                    if (measurement.Timestamp > DateTime.UtcNow.AddMinutes(5))
                    {
                        errors.Add("Timestamp is in the future.");
                    }

                    return errors;
                }

            """,
        1 => $$"""
                public static Dictionary<string, double> AverageByDevice{{n}}(IEnumerable<Measurement> measurements)
                {
                    return measurements
                        .Where(m => !double.IsNaN(m.Value))
                        .GroupBy(m => m.DeviceId, StringComparer.Ordinal)
                        .Select(g => new { Device = g.Key, Average = g.Average(m => m.Value), Count = g.Count() })
                        .Where(x => x.Count > 1)
                        .OrderByDescending(x => x.Average)
                        .ToDictionary(x => x.Device, x => Math.Round(x.Average, 2), StringComparer.Ordinal);
                }

            """,
        2 => $$"""
                public static bool TryParse{{n}}(string line, out Measurement measurement)
                {
                    measurement = default!;
                    string[] parts = line.Split(',');
                    if (parts.Length < 3)
                    {
                        return false;
                    }

                    if (!DateTime.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out DateTime timestamp)
                        || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    {
                        return false;
                    }

                    measurement = new Measurement(parts[0].Trim(), timestamp, value);
                    return true;
                }

            """,
        3 => $$"""
                private readonly ConcurrentDictionary<string, Measurement> _latest{{n}} = new(StringComparer.Ordinal);

                public Measurement Remember{{n}}(Measurement measurement) =>
                    _latest{{n}}.AddOrUpdate(
                        measurement.DeviceId,
                        measurement,
                        (_, previous) => previous.Timestamp >= measurement.Timestamp ? previous : measurement);

                public bool TryGetLatest{{n}}(string deviceId, out Measurement? measurement)
                {
                    bool found = _latest{{n}}.TryGetValue(deviceId, out Measurement? value);
                    measurement = value;
                    return found;
                }

            """,
        4 => $$"""
                public static string Describe{{n}}(Measurement measurement)
                {
                    var builder = new StringBuilder();
                    builder.Append(measurement.DeviceId).Append(" at ");
                    builder.Append(measurement.Timestamp.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                    string level = measurement.Value switch
                    {
                        < 0 => "freezing",
                        < 15 => "cold",
                        < 25 => "comfortable",
                        < 35 => "warm",
                        _ => "hot",
                    };
                    builder.Append(": ").Append(level).Append(" (").Append(measurement.Value.ToString("F1", CultureInfo.InvariantCulture)).Append(')');
                    return builder.ToString();
                }

            """,
        5 => $$"""
                public static async Task<int> CountLines{{n}}Async(string path, CancellationToken cancellationToken)
                {
                    int count = 0;
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
                    {
                        if (!line.StartsWith('#'))
                        {
                            count++;
                        }
                    }

                    return count;
                }

            """,
        6 => $$"""
                public static double[] MovingAverage{{n}}(IReadOnlyList<double> values, int window)
                {
                    if (window <= 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
                    }

                    var result = new double[Math.Max(0, values.Count - window + 1)];
                    double sum = 0;
                    for (int i = 0; i < values.Count; i++)
                    {
                        sum += values[i];
                        if (i >= window)
                        {
                            sum -= values[i - window];
                        }

                        if (i >= window - 1)
                        {
                            result[i - window + 1] = sum / window;
                        }
                    }

                    return result;
                }

            """,
        7 => $$"""
                public static async Task<IReadOnlyList<T>> RetryAll{{n}}<T>(IEnumerable<Func<CancellationToken, Task<T>>> operations, int attempts, CancellationToken cancellationToken)
                {
                    var results = new List<T>();
                    foreach (Func<CancellationToken, Task<T>> operation in operations)
                    {
                        for (int attempt = 1; ; attempt++)
                        {
                            try
                            {
                                results.Add(await operation(cancellationToken).ConfigureAwait(false));
                                break;
                            }
                            catch (IOException) when (attempt < attempts)
                            {
                                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
                            }
                        }
                    }

                    return results;
                }

            """,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown member kind."),
    };

    /// <summary>The domain type the ordinary members work on; one per namespace.</summary>
    public const string MeasurementRecord = """
        public sealed record Measurement(string DeviceId, DateTime Timestamp, double Value)
        {
            public bool IsStale(DateTime now) => now - Timestamp > TimeSpan.FromMinutes(15);

            public override string ToString() => DeviceId + "=" + Value.ToString(CultureInfo.InvariantCulture);
        }
        """;
}
