using System.Globalization;
using Amazon.Athena;
using Amazon.Athena.Model;

namespace SensorPipeline.Reports;

/// <summary>
/// Reports over iot.alerts, which the catalog export does not list yet: the rule reads its partition column from the
/// DDL the deployment runs, below.
/// </summary>
public sealed class AlertReports
{
    /// <summary>The table's definition: partitioned by the day the alert was raised.</summary>
    public const string CreateAlerts =
        "CREATE EXTERNAL TABLE IF NOT EXISTS iot.alerts (device_id string, level string, message string) " +
        "PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://fms-sensor-data/alerts/'";

    private readonly IAmazonAthena _athena;

    public AlertReports(IAmazonAthena athena) => _athena = athena;

    /// <summary>The day's filter sits in one branch of the OR: every critical alert of every day is read.</summary>
    public Task<StartQueryExecutionResponse> TodayOrCriticalAsync(CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = "SELECT device_id, message FROM alerts WHERE dt = '2025-01-15' OR level = 'critical'", // AWS004
            },
            cancellationToken);

    /// <summary>string.Format text is query text too: this one filters on the device only.</summary>
    public Task<StartQueryExecutionResponse> DeviceAlertsAsync(string deviceId, CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = string.Format(CultureInfo.InvariantCulture, "SELECT * FROM alerts WHERE device_id = '{0}'", deviceId), // AWS004 nofix, AWS012 nofix, AWS015 nofix
            },
            cancellationToken);

    /// <summary>Correct: each branch of the OR names the partition, and devices is a dimension table.</summary>
    public Task<StartQueryExecutionResponse> TwoDaysAsync(CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest
            {
                QueryString = "SELECT d.site, a.message FROM alerts a JOIN devices d ON d.device_id = a.device_id " +
                    "WHERE (a.dt = '2025-01-15' AND a.level = 'critical') OR a.dt = '2025-01-14'",
            },
            cancellationToken);
}
