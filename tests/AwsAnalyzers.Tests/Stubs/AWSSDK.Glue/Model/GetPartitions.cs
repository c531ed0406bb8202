// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests (the members the tests use).
using System;
using System.Collections.Generic;
using AwsAnalyzers.TestStubs;
using Amazon.Runtime;

namespace Amazon.Glue.Model
{
    public partial class GetPartitionsRequest : AmazonGlueRequest
    {
        public string CatalogId { get; set; }
        public string DatabaseName { get; set; }
#if AWS_SDK_V3
        public bool ExcludeColumnSchema { get; set; }
#else
        public bool? ExcludeColumnSchema { get; set; }
#endif
        public string Expression { get; set; }
#if AWS_SDK_V3
        public int MaxResults { get; set; }
#else
        public int? MaxResults { get; set; }
#endif
        public string NextToken { get; set; }
#if AWS_SDK_V3
        public DateTime QueryAsOfTime { get; set; }
#else
        public DateTime? QueryAsOfTime { get; set; }
#endif
        public string TableName { get; set; }
        public string TransactionId { get; set; }
    }

    public partial class GetPartitionsResponse : AmazonWebServiceResponse
    {
        public string NextToken { get; set; }
        public List<Partition> Partitions { get; set; } = StubCollections.NewList<Partition>();
    }

    public partial class Partition
    {
        public string CatalogId { get; set; }
        public string DatabaseName { get; set; }
        public Dictionary<string, string> Parameters { get; set; } = StubCollections.NewDictionary<string, string>();
        public string TableName { get; set; }
        public List<string> Values { get; set; } = StubCollections.NewList<string>();
    }
}
