using Amazon.Athena;
using Amazon.Athena.Model;

namespace SensorPipeline.Reports;

/// <summary>Exports for the analytics team, over the iot.sensor_data table.</summary>
public sealed class ReportExports
{
    private readonly IAmazonAthena _athena;

    public ReportExports(IAmazonAthena athena) => _athena = athena;

    private Task<StartQueryExecutionResponse> RunAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken) =>
        _athena.StartQueryExecutionAsync(request, cancellationToken);

    /// <summary>Every column of a month of readings, scanned and billed, for a screen that shows a few of them.</summary>
    public Task<StartQueryExecutionResponse> MonthAsync(CancellationToken cancellationToken) =>
        RunAsync(new StartQueryExecutionRequest { QueryString = "SELECT * FROM iot.sensor_data WHERE year = '2025' AND month = '01'" }, cancellationToken); // AWS015

    /// <summary>A year of readings sorted on one worker: slow, and fails once the year is large enough.</summary>
    public Task<StartQueryExecutionResponse> HottestAsync(CancellationToken cancellationToken) =>
        RunAsync(new StartQueryExecutionRequest { QueryString = "SELECT device_id, temperature FROM iot.sensor_data WHERE year = '2025' ORDER BY temperature DESC" }, cancellationToken); // AWS015 nofix

    /// <summary>A daily table written as JSON lines, which every later query reads in full.</summary>
    public Task<StartQueryExecutionResponse> DailyTableAsync(CancellationToken cancellationToken) =>
        RunAsync(new StartQueryExecutionRequest { QueryString = "CREATE TABLE iot.daily_export WITH (format = 'JSON', external_location = 's3://fms-sensor-data/daily/') AS SELECT device_id, temperature FROM iot.sensor_data WHERE year = '2025'" }, cancellationToken); // AWS015

    /// <summary>Correct: named columns, a limit on the sorted result, and a CTAS that writes Parquet by default.</summary>
    public async Task CorrectAsync(CancellationToken cancellationToken)
    {
        await RunAsync(new StartQueryExecutionRequest { QueryString = "SELECT device_id, temperature FROM iot.sensor_data WHERE year = '2025' ORDER BY temperature DESC LIMIT 100" }, cancellationToken);
        await RunAsync(new StartQueryExecutionRequest { QueryString = "CREATE TABLE iot.daily_parquet AS SELECT device_id, temperature FROM iot.sensor_data WHERE year = '2025'" }, cancellationToken);
    }
}
