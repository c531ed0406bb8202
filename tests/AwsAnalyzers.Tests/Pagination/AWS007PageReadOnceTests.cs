using System.Threading.Tasks;
using AwsAnalyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Pagination.AWS007PageReadOnceAnalyzer,
    AwsAnalyzers.Pagination.AWS007PageReadOnceCodeFix>;

namespace AwsAnalyzers.Tests.Pagination;

public class AWS007PageReadOnceTests
{
    private const string ThousandKeys = "at most 1,000 keys a page";
    private const string OneMegabyte = "at most 1 MB of items a page";

    private static async Task VerifyV3Async(string source)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    private static async Task VerifyWithOptionAsync(string source, string option)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + option + "\n"));
        await test.RunAsync();
    }

    // ---- What it reports ----

    [Fact]
    public async Task A_listing_whose_objects_are_read_and_whose_token_is_not_is_reported_with_operation_and_limit()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Archive
            {
                async Task<List<string>> KeysAsync(IAmazonS3 s3, string bucket)
                {
                    var keys = new List<string>();
                    var response = await {|#0:s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "raw/" })|};
                    foreach (var o in response.S3Objects)
                    {
                        keys.Add(o.Key);
                    }

                    return keys;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ListObjectsV2Async", ThousandKeys));
    }

    [Fact]
    public async Task Returned_or_projected_collections_of_one_page_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Store
            {
                async Task<List<S3Object>> ObjectsAsync(AmazonS3Client s3, ListObjectsV2Request request) =>
                    (await {|#0:s3.ListObjectsV2Async(request)|}).S3Objects;

                async Task<List<string>> NamesAsync(IAmazonS3 s3) =>
                    (await {|#1:s3.ListObjectsAsync("bucket")|}).S3Objects.Select(o => o.Key).ToList();

                async Task<int> CountAsync(IAmazonDynamoDB dynamo)
                {
                    var scan = await {|#2:dynamo.ScanAsync(new ScanRequest { TableName = "readings" })|}.ConfigureAwait(false);
                    return scan.Items.Count;
                }

                List<Dictionary<string, AttributeValue>> Query(IAmazonDynamoDB dynamo, QueryRequest request) =>
                    {|#3:dynamo.QueryAsync(request)|}.Result.Items;
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ListObjectsV2Async", ThousandKeys),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("ListObjectsAsync", ThousandKeys),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("ScanAsync", OneMegabyte),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("QueryAsync", OneMegabyte));
    }

    [Fact]
    public async Task Athena_results_Kinesis_shards_and_SQS_queues_with_a_page_size_are_reported()
    {
        await VerifyWithOptionAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Reports
            {
                async Task<int> RowsAsync(IAmazonAthena athena, string id)
                {
                    var results = await [|athena.GetQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = id })|];
                    return results.ResultSet.Rows.Count;
                }

                async Task<List<string>> ShardsAsync(IAmazonKinesis kinesis)
                {
                    var shards = await [|kinesis.ListShardsAsync(new ListShardsRequest { StreamName = "s" })|];
                    return shards.Shards.Select(s => s.ShardId).ToList();
                }

                async Task<List<string>> QueuesAsync(IAmazonSQS sqs)
                {
                    var queues = await [|sqs.ListQueuesAsync(new ListQueuesRequest { MaxResults = 100 })|];
                    return queues.QueueUrls;
                }
            }
            """,
            "aws_analyzers.AWS007.report_explicit_page_size = true");
    }

    [Fact]
    public async Task The_message_names_the_page_limit_of_Athena_and_Kinesis()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Reports
            {
                async Task<List<Row>> RowsAsync(IAmazonAthena athena, GetQueryResultsRequest request) =>
                    (await {|#0:athena.GetQueryResultsAsync(request)|}).ResultSet.Rows;

                async Task<List<Shard>> ShardsAsync(AmazonKinesisClient kinesis, ListShardsRequest request) =>
                    (await {|#1:kinesis.ListShardsAsync(request)|}).Shards;
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GetQueryResultsAsync", "at most 1,000 rows a page"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("ListShardsAsync", "at most 1,000 entries a page"));
    }

    [Fact]
    public async Task SSM_parameters_by_path_are_reported_with_their_page_of_ten_and_loop_over_the_paginator_s_pages()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.SimpleSystemsManagement;
            using Amazon.SimpleSystemsManagement.Model;

            class Settings
            {
                async Task<Dictionary<string, string>> LoadAsync(IAmazonSimpleSystemsManagement ssm)
                {
                    var values = new Dictionary<string, string>();
                    var request = new GetParametersByPathRequest { Path = "/sensor/", Recursive = true };
                    foreach (var parameter in (await {|#0:ssm.GetParametersByPathAsync(request)|}).Parameters)
                    {
                        values[parameter.Name] = parameter.Value;
                    }

                    return values;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.SimpleSystemsManagement;
            using Amazon.SimpleSystemsManagement.Model;

            class Settings
            {
                async Task<Dictionary<string, string>> LoadAsync(IAmazonSimpleSystemsManagement ssm)
                {
                    var values = new Dictionary<string, string>();
                    var request = new GetParametersByPathRequest { Path = "/sensor/", Recursive = true };
                    await foreach (var page in ssm.Paginators.GetParametersByPath(request).Responses)
                    {
                        foreach (var parameter in page.Parameters)
                        {
                            values[parameter.Name] = parameter.Value;
                        }
                    }

                    return values;
                }
            }
            """,
            expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("GetParametersByPathAsync", "at most 10 entries a page"));
    }

    [Fact]
    public async Task A_PartiQL_select_read_once_is_reported_and_other_statements_are_not()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Store
            {
                async Task<List<Dictionary<string, AttributeValue>>> SelectAsync(IAmazonDynamoDB dynamo, string device)
                {
                    var request = new ExecuteStatementRequest { Statement = $"SELECT * FROM readings WHERE device = '{device}'" };
                    var response = await {|#0:dynamo.ExecuteStatementAsync(request)|};
                    return response.Items;
                }

                async Task<List<Dictionary<string, AttributeValue>>> UpdateAsync(IAmazonDynamoDB dynamo)
                {
                    var response = await dynamo.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "UPDATE readings SET seen = true WHERE device = 'a'" });
                    return response.Items;
                }

                async Task<List<Dictionary<string, AttributeValue>>> UnknownAsync(IAmazonDynamoDB dynamo, string statement)
                {
                    var response = await dynamo.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement });
                    return response.Items;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ExecuteStatementAsync", OneMegabyte));
    }

    [Fact]
    public async Task A_search_paged_once_without_reading_IsDone_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2.DataModel;
            using Amazon.DynamoDBv2.DocumentModel;

            class Reading { public string Device { get; set; } }

            class Store
            {
                async Task<List<Document>> DocumentsAsync(Table table, ScanFilter filter)
                {
                    var search = table.Scan(filter);
                    return await {|#0:search.GetNextSetAsync()|};
                }

                async Task<int> ReadingsAsync(IDynamoDBContext context)
                {
                    var readings = await {|#1:context.ScanAsync<Reading>(new List<ScanCondition>()).GetNextSetAsync()|};
                    return readings.Count;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GetNextSetAsync", OneMegabyte),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("GetNextSetAsync", OneMegabyte));
    }

    [Fact]
    public async Task The_v3_shapes_are_reported_the_same_way()
    {
        await VerifyV3Async("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Reports
            {
                async Task<List<Row>> RowsAsync(IAmazonAthena athena, GetQueryResultsRequest request) =>
                    (await [|athena.GetQueryResultsAsync(request)|]).ResultSet.Rows;

                async Task<List<Shard>> ShardsAsync(IAmazonKinesis kinesis) =>
                    (await [|kinesis.ListShardsAsync(new ListShardsRequest { StreamName = "s" })|]).Shards;
            }
            """);
    }

    private const string DescribeStreamAndCatalogReadOnce = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Glue;
        using Amazon.Glue.Model;
        using Amazon.Kinesis;
        using Amazon.Kinesis.Model;

        class Catalog
        {
            async Task<List<Shard>> ShardsAsync(IAmazonKinesis kinesis, string stream) =>
                (await {|#0:kinesis.DescribeStreamAsync(new DescribeStreamRequest { StreamName = stream })|}).StreamDescription.Shards;

            async Task<List<Table>> TablesAsync(IAmazonGlue glue, string database)
            {
                var response = await {|#1:glue.GetTablesAsync(new GetTablesRequest { DatabaseName = database })|};
                return response.TableList;
            }

            async Task<List<Partition>> PartitionsAsync(IAmazonGlue glue, string database, string table)
            {
                var response = await {|#2:glue.GetPartitionsAsync(new GetPartitionsRequest { DatabaseName = database, TableName = table })|};
                return response.Partitions;
            }
        }
        """;

    [Fact]
    public async Task Kinesis_DescribeStream_and_the_Glue_catalog_read_once_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            DescribeStreamAndCatalogReadOnce,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("DescribeStreamAsync", "at most 100 entries a page"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("GetTablesAsync", "one page of results"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("GetPartitionsAsync", "one page of results"));
    }

    [Fact]
    public async Task Kinesis_DescribeStream_and_the_Glue_catalog_on_v3_shapes_are_reported_the_same_way()
    {
        var test = new VerifyCS.Test { TestCode = DescribeStreamAndCatalogReadOnce };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("DescribeStreamAsync", "at most 100 entries a page"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(1).WithArguments("GetTablesAsync", "one page of results"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(2).WithArguments("GetPartitionsAsync", "one page of results"));
        await test.RunAsync();
    }

    // ---- What it leaves alone ----

    [Fact]
    public async Task DescribeStream_and_Glue_catalog_token_loops_and_paginators_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Glue;
            using Amazon.Glue.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Catalog
            {
                async Task<List<Shard>> ShardsAsync(IAmazonKinesis kinesis, string stream)
                {
                    var shards = new List<Shard>();
                    var request = new DescribeStreamRequest { StreamName = stream };
                    StreamDescription description;
                    do
                    {
                        description = (await kinesis.DescribeStreamAsync(request)).StreamDescription;
                        shards.AddRange(description.Shards);
                        request.ExclusiveStartShardId = shards[shards.Count - 1].ShardId;
                    }
                    while (description.HasMoreShards == true);

                    return shards;
                }

                async Task<List<Table>> TablesAsync(IAmazonGlue glue, string database)
                {
                    var tables = new List<Table>();
                    string token = null;
                    do
                    {
                        var page = await glue.GetTablesAsync(new GetTablesRequest { DatabaseName = database, NextToken = token });
                        tables.AddRange(page.TableList);
                        token = page.NextToken;
                    }
                    while (token != null);

                    return tables;
                }

                async Task<List<Partition>> PartitionsAsync(IAmazonGlue glue, string database, string table)
                {
                    var partitions = new List<Partition>();
                    await foreach (var page in glue.Paginators.GetPartitions(new GetPartitionsRequest { DatabaseName = database, TableName = table }).Responses)
                    {
                        partitions.AddRange(page.Partitions);
                    }

                    return partitions;
                }
            }
            """);
    }

    [Fact]
    public async Task A_DescribeStream_loop_on_v3_shapes_is_not_reported()
    {
        await VerifyV3Async("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Catalog
            {
                async Task<List<Shard>> ShardsAsync(IAmazonKinesis kinesis, string stream)
                {
                    var shards = new List<Shard>();
                    var request = new DescribeStreamRequest { StreamName = stream };
                    while (true)
                    {
                        var description = (await kinesis.DescribeStreamAsync(request)).StreamDescription;
                        shards.AddRange(description.Shards);
                        if (!description.HasMoreShards)
                        {
                            return shards;
                        }

                        request.ExclusiveStartShardId = description.Shards[description.Shards.Count - 1].ShardId;
                    }
                }
            }
            """);
    }


    [Fact]
    public async Task Hand_written_token_loops_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Store
            {
                async Task<List<S3Object>> ObjectsAsync(IAmazonS3 s3, string bucket)
                {
                    var all = new List<S3Object>();
                    var request = new ListObjectsV2Request { BucketName = bucket };
                    ListObjectsV2Response response;
                    do
                    {
                        response = await s3.ListObjectsV2Async(request);
                        all.AddRange(response.S3Objects);
                        request.ContinuationToken = response.NextContinuationToken;
                    }
                    while (response.IsTruncated == true);

                    return all;
                }

                async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB dynamo)
                {
                    var items = new List<Dictionary<string, AttributeValue>>();
                    Dictionary<string, AttributeValue> start = null;
                    do
                    {
                        var page = await dynamo.ScanAsync(new ScanRequest { TableName = "t", ExclusiveStartKey = start });
                        items.AddRange(page.Items);
                        start = page.LastEvaluatedKey;
                    }
                    while (start?.Count > 0);

                    return items;
                }

                async Task<List<Row>> RowsAsync(IAmazonAthena athena, string id)
                {
                    var rows = new List<Row>();
                    string token = null;
                    while (true)
                    {
                        var results = await athena.GetQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = id, NextToken = token });
                        rows.AddRange(results.ResultSet.Rows);
                        if (results is { NextToken: null })
                        {
                            return rows;
                        }

                        token = results.NextToken;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_response_that_leaves_the_method_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Store
            {
                private ListObjectsV2Response _last;

                Task<ListObjectsV2Response> PageAsync(IAmazonS3 s3, ListObjectsV2Request request) => s3.ListObjectsV2Async(request);

                async Task<ListObjectsV2Response> AwaitedPageAsync(IAmazonS3 s3, ListObjectsV2Request request) => await s3.ListObjectsV2Async(request);

                async Task KeepAsync(IAmazonS3 s3, ListObjectsV2Request request)
                {
                    var response = await s3.ListObjectsV2Async(request);
                    _last = response;
                    Log(response.S3Objects);
                }

                async Task HandOnAsync(IAmazonS3 s3, ListObjectsV2Request request)
                {
                    var response = await s3.ListObjectsV2Async(request);
                    Consume(response);
                }

                static void Consume(ListObjectsV2Response response) { }

                static void Log(List<S3Object> objects) { }
            }
            """);
    }

    [Fact]
    public async Task An_explicit_page_size_is_not_reported_unless_the_option_asks()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Store
            {
                async Task<List<string>> QueuesAsync(IAmazonSQS sqs) =>
                    (await sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = "sensor", MaxResults = 50 })).QueueUrls;

                async Task<List<S3Object>> LatestAsync(IAmazonS3 s3) =>
                    (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "b", MaxKeys = 10 })).S3Objects;

                async Task<List<Dictionary<string, AttributeValue>>> TopAsync(IAmazonDynamoDB dynamo)
                {
                    var request = new QueryRequest { TableName = "t" };
                    request.Limit = 5;
                    return (await dynamo.QueryAsync(request)).Items;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
        await VerifyWithOptionAsync(source.Replace("(await sqs.ListQueuesAsync(", "(await [|sqs.ListQueuesAsync(").Replace("MaxResults = 50 })", "MaxResults = 50 })|]").Replace("(await s3.", "(await [|s3.").Replace("MaxKeys = 10 })", "MaxKeys = 10 })|]").Replace("(await dynamo.QueryAsync(request))", "(await [|dynamo.QueryAsync(request)|])"), "aws_analyzers.AWS007.report_explicit_page_size = true");
    }

    [Fact]
    public async Task Existence_tests_and_first_items_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Store
            {
                async Task<bool> AnyAsync(IAmazonS3 s3, string bucket, string prefix)
                {
                    var response = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
                    return response.S3Objects?.Count > 0;
                }

                async Task<bool> HasAsync(IAmazonS3 s3, string bucket) =>
                    (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.Any();

                async Task<string> FirstAsync(IAmazonS3 s3, string bucket) =>
                    (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.FirstOrDefault()?.Key;

                async Task<bool> HasRowsAsync(Amazon.Athena.IAmazonAthena athena, Amazon.Athena.Model.GetQueryResultsRequest request) =>
                    (await athena.GetQueryResultsAsync(request)).ResultSet.Rows.Count > 1;

                async Task<string> HeaderAsync(Amazon.Athena.IAmazonAthena athena, Amazon.Athena.Model.GetQueryResultsRequest request) =>
                    (await athena.GetQueryResultsAsync(request)).ResultSet.Rows[0].Data[0].VarCharValue;

                async Task<AttributeValue> FirstItemAsync(IAmazonDynamoDB dynamo, QueryRequest request)
                {
                    var response = await dynamo.QueryAsync(request);
                    if (response.Count == 0)
                    {
                        return null;
                    }

                    return response.Items[0]["id"];
                }
            }
            """);
    }

    [Fact]
    public async Task Mock_setups_wrappers_and_operations_the_model_does_not_page_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Amazon.SQS;
                using Amazon.SQS.Model;
                using Moq;
                using NSubstitute;

                class Storage
                {
                    public Task<ListObjectsV2Response> ListObjectsV2Async(ListObjectsV2Request request) => Task.FromResult(new ListObjectsV2Response());
                }

                class Tests
                {
                    void Setup(Mock<IAmazonS3> s3, IAmazonS3 substitute)
                    {
                        s3.Setup(c => c.ListObjectsV2Async(It.Is<ListObjectsV2Request>(r => r.BucketName == "b"), default).Result.S3Objects);
                        substitute.ListObjectsV2Async(Arg.Any<ListObjectsV2Request>()).Returns(Task.FromResult(new ListObjectsV2Response { S3Objects = new List<S3Object>(), IsTruncated = false }));
                        substitute.Received().ListObjectsV2Async(Arg.Any<ListObjectsV2Request>());
                    }

                    async Task<List<S3Object>> WrapperAsync(Storage storage) =>
                        (await storage.ListObjectsV2Async(new ListObjectsV2Request())).S3Objects;

                    async Task<List<Message>> ReceiveAsync(IAmazonSQS sqs) =>
                        (await sqs.ReceiveMessageAsync("https://queue")).Messages;

                    async Task<List<string>> QueuesAsync(IAmazonSQS sqs) =>
                        (await sqs.ListQueuesAsync("sensor")).QueueUrls;

                    async Task<List<S3Bucket>> BucketsAsync(IAmazonS3 s3) =>
                        (await s3.ListBucketsAsync()).Buckets;
                }

                namespace NSubstitute
                {
                    public static class Arg
                    {
                        public static T Any<T>() => default;
                    }
                }
                """,
        };
        test.TestState.Sources.Add(MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }

    [Fact]
    public async Task CloudWatch_Logs_GetQueryResults_is_not_Athena_s_and_is_not_reported()
    {
        // The CloudWatch Logs client's shape, as user code sees it: its paginator factory has no GetQueryResults.
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.CloudWatchLogs;
            using Amazon.CloudWatchLogs.Model;

            class Insights
            {
                async Task<List<List<ResultField>>> ResultsAsync(IAmazonCloudWatchLogs logs, string queryId) =>
                    (await logs.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = queryId })).Results;

                async Task<List<LogGroup>> GroupsAsync(IAmazonCloudWatchLogs logs) =>
                    (await [|logs.DescribeLogGroupsAsync(new DescribeLogGroupsRequest())|]).LogGroups;
            }

            namespace Amazon.CloudWatchLogs
            {
                public interface IAmazonCloudWatchLogs : Amazon.Runtime.IAmazonService
                {
                    Model.ICloudWatchLogsPaginatorFactory Paginators { get; }
                    Task<Model.DescribeLogGroupsResponse> DescribeLogGroupsAsync(Model.DescribeLogGroupsRequest request, CancellationToken cancellationToken = default);
                    Task<Model.GetQueryResultsResponse> GetQueryResultsAsync(Model.GetQueryResultsRequest request, CancellationToken cancellationToken = default);
                }
            }

            namespace Amazon.CloudWatchLogs.Model
            {
                public interface ICloudWatchLogsPaginatorFactory
                {
                    IDescribeLogGroupsPaginator DescribeLogGroups(DescribeLogGroupsRequest request);
                }

                public interface IDescribeLogGroupsPaginator
                {
                    Amazon.Runtime.IPaginatedEnumerable<DescribeLogGroupsResponse> Responses { get; }
                }

                public class DescribeLogGroupsRequest : Amazon.Runtime.AmazonWebServiceRequest
                {
                    public string NextToken { get; set; }
                }

                public class DescribeLogGroupsResponse : Amazon.Runtime.AmazonWebServiceResponse
                {
                    public List<LogGroup> LogGroups { get; set; }
                    public string NextToken { get; set; }
                }

                public class LogGroup
                {
                    public string LogGroupName { get; set; }
                }

                public class GetQueryResultsRequest : Amazon.Runtime.AmazonWebServiceRequest
                {
                    public string QueryId { get; set; }
                }

                public class GetQueryResultsResponse : Amazon.Runtime.AmazonWebServiceResponse
                {
                    public List<List<ResultField>> Results { get; set; }
                }

                public class ResultField
                {
                    public string Field { get; set; }
                    public string Value { get; set; }
                }
            }
            """);
    }

    [Fact]
    public async Task A_search_that_is_paged_in_a_loop_or_elsewhere_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2.DocumentModel;

            class Store
            {
                async Task<List<Document>> AllAsync(Table table, ScanFilter filter)
                {
                    var all = new List<Document>();
                    var search = table.Scan(filter);
                    do
                    {
                        all.AddRange(await search.GetNextSetAsync());
                    }
                    while (!search.IsDone);

                    return all;
                }

                Task<List<Document>> NextAsync(Search search) => search.GetNextSetAsync();

                async Task<List<Document>> LimitedAsync(Table table)
                {
                    var search = table.Query(new QueryOperationConfig { Limit = 10, Filter = new QueryFilter() });
                    return await search.GetNextSetAsync();
                }

                async Task<Document> FirstAsync(Table table, ScanFilter filter)
                {
                    var page = await table.Scan(filter).GetNextSetAsync();
                    return page.Count > 0 ? page[0] : null;
                }
            }
            """);
    }

    [Fact]
    public async Task Half_typed_code_does_not_throw()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Store
            {
                async Task<object> BrokenAsync(IAmazonS3 s3)
                {
                    var response = await s3.{|CS7036:ListObjectsV2Async|}();
                    return response.Missing;
                }
            }
            """);
    }

    // ---- Fixes ----

    [Fact]
    public async Task A_search_paged_once_reads_every_page_with_GetRemainingAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2.DocumentModel;

            class Store
            {
                async Task<List<Document>> DocumentsAsync(Table table, ScanFilter filter)
                {
                    var search = table.Scan(filter);
                    return await [|search.GetNextSetAsync( /* all of them */ )|];
                }

                async Task<int> CountAsync(Table table, ScanFilter filter) =>
                    (await [|table.Scan(filter).GetNextSetAsync()|]).Count;
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2.DocumentModel;

            class Store
            {
                async Task<List<Document>> DocumentsAsync(Table table, ScanFilter filter)
                {
                    var search = table.Scan(filter);
                    return await search.GetRemainingAsync( /* all of them */ );
                }

                async Task<int> CountAsync(Table table, ScanFilter filter) =>
                    (await table.Scan(filter).GetRemainingAsync()).Count;
            }
            """);
    }

    [Fact]
    public async Task A_foreach_over_one_page_enumerates_the_paginator_with_await_foreach()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Archive
            {
                async Task ArchiveAsync(IAmazonS3 s3, ListObjectsV2Request request, List<string> keys)
                {
                    // Every object under the prefix.
                    foreach (var o in (await [|s3.ListObjectsV2Async(request)|]).S3Objects)
                    {
                        keys.Add(o.Key);
                    }
                }

                async Task CopyAsync(AmazonS3Client s3, string bucket, List<string> keys, CancellationToken cancellationToken)
                {
                    // The listing.
                    var listing = await [|s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, cancellationToken)|].ConfigureAwait(false);
                    foreach (S3Object o in listing.S3Objects) // each object
                    {
                        keys.Add(o.Key);
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Archive
            {
                async Task ArchiveAsync(IAmazonS3 s3, ListObjectsV2Request request, List<string> keys)
                {
                    // Every object under the prefix.
                    await foreach (var o in s3.Paginators.ListObjectsV2(request).S3Objects)
                    {
                        keys.Add(o.Key);
                    }
                }

                async Task CopyAsync(AmazonS3Client s3, string bucket, List<string> keys, CancellationToken cancellationToken)
                {
                    // The listing.
                    await foreach (S3Object o in s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = bucket }).S3Objects.WithCancellation(cancellationToken).ConfigureAwait(false)) // each object
                    {
                        keys.Add(o.Key);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_paginator_with_only_responses_gets_a_loop_over_the_pages_around_the_original_loop()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Store
            {
                async Task<int> CountAsync(IAmazonDynamoDB dynamo, ScanRequest request)
                {
                    int seen = 0;
                    var page = await [|dynamo.ScanAsync(request)|];
                    foreach (var item in page.Items)
                    {
                        if (item.ContainsKey("id"))
                        {
                            seen++;
                        }
                    }

                    return seen;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Store
            {
                async Task<int> CountAsync(IAmazonDynamoDB dynamo, ScanRequest request)
                {
                    int seen = 0;
                    await foreach (var page2 in dynamo.Paginators.Scan(request).Responses)
                    {
                        foreach (var item in page2.Items)
                        {
                            if (item.ContainsKey("id"))
                            {
                                seen++;
                            }
                        }
                    }

                    return seen;
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_all_rewrites_every_loop_of_the_document()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Archive
            {
                async Task ListAsync(IAmazonS3 s3, IAmazonSQS sqs, List<string> names)
                {
                    foreach (var o in (await [|s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "a" })|]).S3Objects)
                    {
                        names.Add(o.Key);
                    }

                    foreach (var o in (await [|s3.ListVersionsAsync(new ListVersionsRequest { BucketName = "b" })|]).Versions)
                    {
                        names.Add(o.VersionId);
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;

            class Archive
            {
                async Task ListAsync(IAmazonS3 s3, IAmazonSQS sqs, List<string> names)
                {
                    await foreach (var o in s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = "a" }).S3Objects)
                    {
                        names.Add(o.Key);
                    }

                    await foreach (var o in s3.Paginators.ListVersions(new ListVersionsRequest { BucketName = "b" }).Versions)
                    {
                        names.Add(o.VersionId);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Responses_used_several_ways_convenience_overloads_and_larger_expressions_get_no_fix()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Archive
            {
                async Task SeveralAsync(IAmazonS3 s3, ListObjectsV2Request request, List<string> keys)
                {
                    var response = await [|s3.ListObjectsV2Async(request)|];
                    foreach (var o in response.S3Objects)
                    {
                        keys.Add(o.Key);
                    }

                    Console.WriteLine(response.KeyCount);
                }

                async Task ConvenienceAsync(IAmazonS3 s3, List<string> keys)
                {
                    foreach (var o in (await [|s3.ListObjectsAsync("bucket")|]).S3Objects)
                    {
                        keys.Add(o.Key);
                    }
                }

                async Task<List<string>> ExpressionAsync(IAmazonS3 s3, ListObjectsV2Request request) =>
                    (await [|s3.ListObjectsV2Async(request)|]).S3Objects.Select(o => o.Key).ToList();
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task On_a_NET_Framework_build_the_paginator_is_enumerated_with_foreach()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Archive
                {
                    async Task ArchiveAsync(IAmazonS3 s3, ListObjectsV2Request request, List<string> keys)
                    {
                        foreach (var o in (await [|s3.ListObjectsV2Async(request)|]).S3Objects)
                        {
                            keys.Add(o.Key);
                        }
                    }

                    List<string> Keys(AmazonS3Client s3, ListObjectsV2Request request)
                    {
                        var keys = new List<string>();
                        var response = [|s3.ListObjectsV2(request)|];
                        foreach (var o in response.S3Objects)
                        {
                            keys.Add(o.Key);
                        }

                        return keys;
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Archive
                {
                    async Task ArchiveAsync(IAmazonS3 s3, ListObjectsV2Request request, List<string> keys)
                    {
                        foreach (var o in s3.Paginators.ListObjectsV2(request).S3Objects)
                        {
                            keys.Add(o.Key);
                        }
                    }

                    List<string> Keys(AmazonS3Client s3, ListObjectsV2Request request)
                    {
                        var keys = new List<string>();
                        foreach (var o in s3.Paginators.ListObjectsV2(request).S3Objects)
                        {
                            keys.Add(o.Key);
                        }

                        return keys;
                    }
                }
                """,
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.NetStandard.NetStandard20,
        };
        UseSdkBuild(test, "net472");
        await test.RunAsync();
    }

    [Fact]
    public async Task On_a_NET_Standard_build_there_is_no_paginator_to_enumerate_and_no_fix()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Archive
            {
                async Task ArchiveAsync(IAmazonS3 s3, ListObjectsV2Request request, List<string> keys)
                {
                    foreach (var o in (await [|s3.ListObjectsV2Async(request)|]).S3Objects)
                    {
                        keys.Add(o.Key);
                    }
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.NetStandard.NetStandard20,
        };
        UseSdkBuild(test, "netstandard2.0");
        await test.RunAsync();
    }

    [Fact]
    public async Task On_a_NET_Standard_build_a_local_request_gets_a_loop_that_carries_the_token()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Archive
                {
                    async Task<List<string>> KeysAsync(IAmazonS3 s3, string bucket)
                    {
                        var keys = new List<string>();
                        var request = new ListObjectsV2Request { BucketName = bucket };
                        var response = await [|s3.ListObjectsV2Async(request)|].ConfigureAwait(false);
                        foreach (var o in response.S3Objects)
                        {
                            keys.Add(o.Key);
                        }

                        return keys;
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Archive
                {
                    async Task<List<string>> KeysAsync(IAmazonS3 s3, string bucket)
                    {
                        var keys = new List<string>();
                        var request = new ListObjectsV2Request { BucketName = bucket };
                        do
                        {
                            var response = await s3.ListObjectsV2Async(request).ConfigureAwait(false);
                            foreach (var o in response.S3Objects)
                            {
                                keys.Add(o.Key);
                            }
                            request.ContinuationToken = response.NextContinuationToken;
                        }
                        while (!string.IsNullOrEmpty(request.ContinuationToken));

                        return keys;
                    }
                }
                """,
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.NetStandard.NetStandard20,
        };
        UseSdkBuild(test, "netstandard2.0");
        await test.RunAsync();
    }

    [Fact]
    public async Task ListShards_on_a_local_request_loops_over_the_pages_and_clears_the_stream_name_after_the_first()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Shards
            {
                async Task<List<string>> IdsAsync(IAmazonKinesis kinesis, string stream)
                {
                    var ids = new List<string>();
                    var request = new ListShardsRequest { StreamName = stream };

                    // One page of shards.
                    var response = await [|kinesis.ListShardsAsync(request)|];
                    foreach (var shard in response.Shards)
                    {
                        ids.Add(shard.ShardId);
                    }

                    return ids;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Shards
            {
                async Task<List<string>> IdsAsync(IAmazonKinesis kinesis, string stream)
                {
                    var ids = new List<string>();
                    var request = new ListShardsRequest { StreamName = stream };

                    // One page of shards.
                    do
                    {
                        var response = await kinesis.ListShardsAsync(request);
                        foreach (var shard in response.Shards)
                        {
                            ids.Add(shard.ShardId);
                        }
                        request.NextToken = response.NextToken;
                        request.StreamName = null;
                    }
                    while (!string.IsNullOrEmpty(request.NextToken));

                    return ids;
                }
            }
            """);
    }

    [Fact]
    public async Task A_PartiQL_select_on_a_local_request_loops_over_the_pages()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Store
            {
                async Task<int> CountAsync(IAmazonDynamoDB dynamo)
                {
                    int count = 0;
                    var request = new ExecuteStatementRequest { Statement = "SELECT * FROM readings" };
                    var response = await [|dynamo.ExecuteStatementAsync(request)|];
                    count += response.Items.Count;
                    return count;
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Store
            {
                async Task<int> CountAsync(IAmazonDynamoDB dynamo)
                {
                    int count = 0;
                    var request = new ExecuteStatementRequest { Statement = "SELECT * FROM readings" };
                    do
                    {
                        var response = await dynamo.ExecuteStatementAsync(request);
                        count += response.Items.Count;
                        request.NextToken = response.NextToken;
                    }
                    while (!string.IsNullOrEmpty(request.NextToken));
                    return count;
                }
            }
            """);
    }

    [Fact]
    public async Task A_request_from_elsewhere_or_a_body_that_returns_gets_no_loop()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Shards
            {
                async Task<List<Shard>> ParameterAsync(IAmazonKinesis kinesis, ListShardsRequest request)
                {
                    var response = await [|kinesis.ListShardsAsync(request)|];
                    return response.Shards;
                }

                async Task<string> ReturnsAsync(IAmazonKinesis kinesis, string stream)
                {
                    var request = new ListShardsRequest { StreamName = stream };
                    var response = await [|kinesis.ListShardsAsync(request)|];
                    foreach (var shard in response.Shards)
                    {
                        if (shard.ParentShardId == null)
                        {
                            return shard.ShardId;
                        }
                    }

                    return null;
                }

                async Task<List<string>> LaterAsync(IAmazonKinesis kinesis, string stream)
                {
                    var request = new ListShardsRequest { StreamName = stream };
                    var response = await [|kinesis.ListShardsAsync(request)|];
                    var ids = response.Shards.Select(s => s.ShardId).ToList();
                    return ids;
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task A_DataModel_search_and_a_sync_NET_Framework_search_read_every_page()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2.DataModel;

            class Reading { public string Device { get; set; } }

            class Store
            {
                async Task<List<Reading>> ReadingsAsync(IDynamoDBContext context, CancellationToken cancellationToken)
                {
                    var search = context.ScanAsync<Reading>(new List<ScanCondition>());
                    var readings = await [|search.GetNextSetAsync(cancellationToken)|];
                    return readings;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2.DataModel;

            class Reading { public string Device { get; set; } }

            class Store
            {
                async Task<List<Reading>> ReadingsAsync(IDynamoDBContext context, CancellationToken cancellationToken)
                {
                    var search = context.ScanAsync<Reading>(new List<ScanCondition>());
                    var readings = await search.GetRemainingAsync(cancellationToken);
                    return readings;
                }
            }
            """);

        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using Amazon.DynamoDBv2.DocumentModel;

                class Store
                {
                    List<Document> Documents(Table table, ScanFilter filter) => [|table.Scan(filter).GetNextSet()|];
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using Amazon.DynamoDBv2.DocumentModel;

                class Store
                {
                    List<Document> Documents(Table table, ScanFilter filter) => table.Scan(filter).GetRemaining();
                }
                """,
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.NetStandard.NetStandard20,
        };
        UseSdkBuild(test, "net472");
        await test.RunAsync();
    }

    [Fact]
    public async Task The_token_loop_compiles_on_the_v3_shapes()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Shards
                {
                    async Task<int> CountAsync(AmazonKinesisClient kinesis)
                    {
                        int count = 0;
                        var request = new ListShardsRequest { StreamName = "readings" };
                        var response = await [|kinesis.ListShardsAsync(request)|];
                        count += response.Shards.Count;
                        return count;
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;

                class Shards
                {
                    async Task<int> CountAsync(AmazonKinesisClient kinesis)
                    {
                        int count = 0;
                        var request = new ListShardsRequest { StreamName = "readings" };
                        do
                        {
                            var response = await kinesis.ListShardsAsync(request);
                            count += response.Shards.Count;
                            request.NextToken = response.NextToken;
                            request.StreamName = null;
                        }
                        while (!string.IsNullOrEmpty(request.NextToken));
                        return count;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    /// <summary>User code of a C# 7.3 project on another build of the real SDK packages (see <see cref="TestReferences.SdkBuild"/>).</summary>
    private static void UseSdkBuild(VerifyCS.Test test, string targetFramework)
    {
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.SdkBuild(targetFramework));
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(
            projectId,
            ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!)
                .WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3)));
    }
}
