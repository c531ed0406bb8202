using System.Globalization;
using Amazon.Athena;
using Amazon.Athena.Model;

namespace SensorPipeline.Reports;

/// <summary>Reports over the iot.sensor_data table, which is partitioned by year, month and day.</summary>
public sealed class SensorReports
{
    private const string WorkGroup = "primary";
    private const string AnomalyQuery =
        "SELECT * FROM sensor_data WHERE anomaly_flag = true ORDER BY timestamp DESC LIMIT 1000";

    private readonly IAmazonAthena _athena;

    public SensorReports(IAmazonAthena athena) => _athena = athena;

    /// <summary>Scans every partition of sensor_data for each run: the LIMIT does not reduce the bytes read.</summary>
    public Task<StartQueryExecutionResponse> LatestAnomaliesAsync(CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = AnomalyQuery, // AWS004 nofix
                WorkGroup = WorkGroup,
            },
            cancellationToken);

    /// <summary>Filters on the device, not on a partition column: still a full scan.</summary>
    public Task<StartQueryExecutionResponse> DeviceAverageAsync(string deviceId, CancellationToken cancellationToken)
    {
        var request = new StartQueryExecutionRequest { WorkGroup = WorkGroup };
        request.QueryString = $"SELECT AVG(temperature) FROM iot.sensor_data WHERE device_id = '{deviceId}'"; // AWS004 nofix AWS012 nofix
        return _athena.StartQueryExecutionAsync(request, cancellationToken);
    }

    /// <summary>The filter on "year" sits in a comment, so Athena never sees it.</summary>
    public Task<StartQueryExecutionResponse> DailyCountAsync(CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = "SELECT device_id, COUNT(*) AS readings FROM sensor_data /* WHERE year = '2025' */ GROUP BY device_id", // AWS004
                WorkGroup = WorkGroup,
            },
            cancellationToken);

    /// <summary>Correct: the guide's query, with the partition filter on year, month and day.</summary>
    public Task<StartQueryExecutionResponse> AverageSinceAsync(DateTime since, CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = "SELECT device_id, AVG(temperature) FROM sensor_data " +
                    "WHERE year = ? AND month = ? AND day >= ? GROUP BY device_id",
                ExecutionParameters = new List<string>
                {
                    "'" + since.ToString("yyyy", CultureInfo.InvariantCulture) + "'",
                    "'" + since.ToString("MM", CultureInfo.InvariantCulture) + "'",
                    "'" + since.ToString("dd", CultureInfo.InvariantCulture) + "'",
                },
                WorkGroup = WorkGroup,
            },
            cancellationToken);

    /// <summary>Correct: the filter on the outer query is pushed down into the WITH query that reads the table.</summary>
    public Task<StartQueryExecutionResponse> HotDevicesAsync(CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = """
                    WITH readings AS (SELECT device_id, temperature, year, month FROM sensor_data)
                    SELECT r.device_id, d.site, MAX(r.temperature) AS peak
                    FROM readings r JOIN devices d ON d.device_id = r.device_id
                    WHERE r.year = '2025' AND r.month = '01'
                    GROUP BY r.device_id, d.site
                    """,
                WorkGroup = WorkGroup,
            },
            cancellationToken);

    /// <summary>Correct: devices has no partition keys in the catalog, and SHOW PARTITIONS reads no table data.</summary>
    public async Task RefreshMetadataAsync(CancellationToken cancellationToken)
    {
        await _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = "SELECT site, COUNT(*) FROM devices GROUP BY site" }, cancellationToken);
        await _athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = "SHOW PARTITIONS sensor_data" }, cancellationToken);
    }

    /// <summary>Saving a query runs nothing, so it is not reported; the query that runs it is checked where it runs.</summary>
    public Task<CreateNamedQueryResponse> SaveAsync(CancellationToken cancellationToken) =>
        _athena.CreateNamedQueryAsync(
            new CreateNamedQueryRequest { Name = "anomalies", Database = "iot", QueryString = AnomalyQuery },
            cancellationToken);
}
