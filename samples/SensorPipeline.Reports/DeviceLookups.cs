using Amazon.Athena;
using Amazon.Athena.Model;

namespace SensorPipeline.Reports;

/// <summary>Looks up one device's readings for the support console, which passes what the operator typed.</summary>
public sealed class DeviceLookups
{
    private readonly IAmazonAthena _athena;

    public DeviceLookups(IAmazonAthena athena) => _athena = athena;

    /// <summary>The device id goes into the SQL between quotes: an id with a quote in it rewrites the query.</summary>
    public Task<StartQueryExecutionResponse> ReadingsOfAsync(string deviceId, CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = $"SELECT device_id, temperature FROM iot.sensor_data WHERE year = '2025' AND device_id = '{deviceId}' LIMIT 100", // AWS012
                WorkGroup = "primary",
            },
            cancellationToken);

    /// <summary>A search term inside a LIKE pattern: the pattern's % would have to travel with the parameter.</summary>
    public Task<StartQueryExecutionResponse> SearchAsync(string term, CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = $"SELECT device_id FROM iot.sensor_data WHERE year = '2025' AND device_id LIKE '%{term}%' LIMIT 100", // AWS012 nofix
                WorkGroup = "primary",
            },
            cancellationToken);

    /// <summary>Correct: the table name is chosen in code, the device id is a bound parameter.</summary>
    public Task<StartQueryExecutionResponse> LatestOfAsync(string table, string deviceId, CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = $"SELECT device_id, temperature FROM iot.{table} WHERE year = '2025' AND device_id = ? LIMIT 1",
                ExecutionParameters = new List<string> { "'" + deviceId.Replace("'", "''") + "'" },
                WorkGroup = "primary",
            },
            cancellationToken);
}
