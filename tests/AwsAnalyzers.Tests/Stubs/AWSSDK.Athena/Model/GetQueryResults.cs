// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using System.Collections.Generic;
using Amazon.Athena.Internal;
using Amazon.Runtime;

namespace Amazon.Athena.Model
{
    public partial class GetQueryResultsRequest : AmazonAthenaRequest
    {
#if AWS_SDK_V3
        public int MaxResults { get; set; }
#else
        public int? MaxResults { get; set; }
#endif
        public string NextToken { get; set; }
        public string QueryExecutionId { get; set; }
    }

    public partial class GetQueryResultsResponse : AmazonWebServiceResponse
    {
        public string NextToken { get; set; }
        public ResultSet ResultSet { get; set; }
#if AWS_SDK_V3
        public long UpdateCount { get; set; }
#else
        public long? UpdateCount { get; set; }
#endif
    }

    public partial class ResultSet
    {
        public List<Row> Rows { get; set; } = StubCollections.NewList<Row>();
        public ResultSetMetadata ResultSetMetadata { get; set; }
    }

    public partial class ResultSetMetadata
    {
        public List<ColumnInfo> ColumnInfo { get; set; } = StubCollections.NewList<ColumnInfo>();
    }

    public partial class ColumnInfo
    {
#if AWS_SDK_V3
        public bool CaseSensitive { get; set; }
        public int Precision { get; set; }
        public int Scale { get; set; }
#else
        public bool? CaseSensitive { get; set; }
        public int? Precision { get; set; }
        public int? Scale { get; set; }
#endif
        public string CatalogName { get; set; }
        public string Label { get; set; }
        public string Name { get; set; }
        public ColumnNullable Nullable { get; set; }
        public string SchemaName { get; set; }
        public string TableName { get; set; }
        public string Type { get; set; }
    }

    public partial class Row
    {
        public List<Datum> Data { get; set; } = StubCollections.NewList<Datum>();
    }

    public partial class Datum
    {
        public string VarCharValue { get; set; }
    }
}
