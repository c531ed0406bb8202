// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using System;
using System.Collections.Generic;
using Amazon.Athena.Internal;
using Amazon.Runtime;

namespace Amazon.Athena.Model
{
    public partial class GetQueryExecutionRequest : AmazonAthenaRequest
    {
        public string QueryExecutionId { get; set; }
    }

    public partial class GetQueryExecutionResponse : AmazonWebServiceResponse
    {
        public QueryExecution QueryExecution { get; set; }
    }

    public partial class QueryExecution
    {
        public EngineVersion EngineVersion { get; set; }
        public List<string> ExecutionParameters { get; set; } = StubCollections.NewList<string>();
        public string Query { get; set; }
        public QueryExecutionContext QueryExecutionContext { get; set; }
        public string QueryExecutionId { get; set; }
        public ResultConfiguration ResultConfiguration { get; set; }
        public ResultReuseConfiguration ResultReuseConfiguration { get; set; }
        public StatementType StatementType { get; set; }
        public QueryExecutionStatistics Statistics { get; set; }
        public QueryExecutionStatus Status { get; set; }
        public string SubstatementType { get; set; }
        public string WorkGroup { get; set; }
    }

    public partial class QueryExecutionStatus
    {
        public AthenaError AthenaError { get; set; }
#if AWS_SDK_V3
        public DateTime CompletionDateTime { get; set; }
#else
        public DateTime? CompletionDateTime { get; set; }
#endif
        public QueryExecutionState State { get; set; }
        public string StateChangeReason { get; set; }
#if AWS_SDK_V3
        public DateTime SubmissionDateTime { get; set; }
#else
        public DateTime? SubmissionDateTime { get; set; }
#endif
    }

    public partial class QueryExecutionStatistics
    {
        public string DataManifestLocation { get; set; }
#if AWS_SDK_V3
        public long DataScannedInBytes { get; set; }
        public long EngineExecutionTimeInMillis { get; set; }
        public long QueryQueueTimeInMillis { get; set; }
        public long TotalExecutionTimeInMillis { get; set; }
#else
        public long? DataScannedInBytes { get; set; }
        public long? EngineExecutionTimeInMillis { get; set; }
        public long? QueryQueueTimeInMillis { get; set; }
        public long? TotalExecutionTimeInMillis { get; set; }
#endif
    }

    public partial class AthenaError
    {
#if AWS_SDK_V3
        public int ErrorCategory { get; set; }
        public int ErrorType { get; set; }
        public bool Retryable { get; set; }
#else
        public int? ErrorCategory { get; set; }
        public int? ErrorType { get; set; }
        public bool? Retryable { get; set; }
#endif
        public string ErrorMessage { get; set; }
    }

    public partial class EngineVersion
    {
        public string EffectiveEngineVersion { get; set; }
        public string SelectedEngineVersion { get; set; }
    }
}
