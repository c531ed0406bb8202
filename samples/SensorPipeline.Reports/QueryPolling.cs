using Amazon.Athena;
using Amazon.Athena.Model;
using Amazon.Glue;
using Amazon.Glue.Model;

namespace SensorPipeline.Reports;

/// <summary>
/// Waits for the report queries and the nightly compaction job. Athena cancels a query that runs past its timeout,
/// and a wait that only knows SUCCEEDED then polls until the process is stopped.
/// </summary>
public sealed class QueryPolling
{
    private readonly IAmazonAthena _athena;
    private readonly IAmazonGlue _glue;

    public QueryPolling(IAmazonAthena athena, IAmazonGlue glue)
    {
        _athena = athena;
        _glue = glue;
    }

    /// <summary>Ends only on success: a failed or cancelled query keeps the loop going.</summary>
    public async Task<string> WaitForQueryAsync(string queryExecutionId, CancellationToken cancellationToken)
    {
        var state = QueryExecutionState.QUEUED;
        while (state != QueryExecutionState.SUCCEEDED) // AWS010
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var response = await _athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = queryExecutionId }, cancellationToken);
            state = response.QueryExecution.Status.State;
        }

        return queryExecutionId;
    }

    /// <summary>Leaves on success only, through a break: the fix throws after the exit for the end states it spun on.</summary>
    public async Task WaitForCompactionAsync(string jobName, string runId, CancellationToken cancellationToken)
    {
        while (true) // AWS010
        {
            var run = await _glue.GetJobRunAsync(new GetJobRunRequest { JobName = jobName, RunId = runId }, cancellationToken);
            if (run.JobRun.JobRunState == JobRunState.SUCCEEDED)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        }
    }
}
