// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests (the members the tests use).
using System;
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;
using Amazon.Runtime;

namespace Amazon.Glue.Model
{
    public partial class GetTablesRequest : AmazonGlueRequest
    {
        public List<string> AttributesToGet { get; set; } = StubCollections.NewList<string>();
        public string CatalogId { get; set; }
        public string DatabaseName { get; set; }
        public string Expression { get; set; }
#if AWS_SDK_V3
        public bool IncludeStatusDetails { get; set; }
        public int MaxResults { get; set; }
#else
        public bool? IncludeStatusDetails { get; set; }
        public int? MaxResults { get; set; }
#endif
        public string NextToken { get; set; }
#if AWS_SDK_V3
        public DateTime QueryAsOfTime { get; set; }
#else
        public DateTime? QueryAsOfTime { get; set; }
#endif
        public string TransactionId { get; set; }
    }

    public partial class GetTablesResponse : AmazonWebServiceResponse
    {
        public string NextToken { get; set; }
        public List<Table> TableList { get; set; } = StubCollections.NewList<Table>();
    }

    public partial class Table
    {
        public string CatalogId { get; set; }
        public string DatabaseName { get; set; }
        public string Description { get; set; }
        public string Name { get; set; }
        public string Owner { get; set; }
        public string TableType { get; set; }
    }
}
