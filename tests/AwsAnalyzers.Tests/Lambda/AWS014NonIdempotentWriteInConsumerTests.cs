using System.Threading.Tasks;
using AwsAnalyzers.Lambda;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Lambda.AWS014NonIdempotentWriteInConsumerAnalyzer,
    AwsAnalyzers.Lambda.AWS014NonIdempotentWriteInConsumerCodeFix>;

namespace AwsAnalyzers.Tests.Lambda;

public class AWS014NonIdempotentWriteInConsumerTests
{
    private static DiagnosticResult Update(int location, string method, string action) =>
        VerifyCS.Diagnostic(AWS014NonIdempotentWriteInConsumerAnalyzer.Rule).WithLocation(location).WithArguments(method, action);

    private static DiagnosticResult Key(int location, string attribute, string fresh) =>
        VerifyCS.Diagnostic(AWS014NonIdempotentWriteInConsumerAnalyzer.KeyRule).WithLocation(location).WithArguments(attribute, fresh);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyCS.VerifyAnalyzerAsync(source, expected);

    private static Task VerifyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyCodeFixAsync(source, fixedSource, AWS014NonIdempotentWriteInConsumerCodeFix.UseRecordIdentityKey, expected);

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.DynamoDBEvents;
        using Amazon.Lambda.KinesisEvents;
        using Amazon.Lambda.SQSEvents;

        """;

    // ---- (a) Relative updates ----

    [Fact]
    public async Task A_counter_increment_set_arithmetic_and_list_append_in_the_record_loop_are_reported_at_their_expression()
    {
        await VerifyAsync(Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public async Task Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        var key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(message.Body) };
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest
                        {
                            TableName = "counters",
                            Key = key,
                            UpdateExpression = {|#0:"ADD #count :one"|},
                            ExpressionAttributeNames = new Dictionary<string, string> { ["#count"] = "count" },
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":one"] = new AttributeValue { N = "1" } },
                        });

                        var request = new UpdateItemRequest { TableName = "totals", Key = key };
                        request.UpdateExpression = {|#3:"SET total = if_not_exists(total, :zero) + :amount, seen = :now"|};
                        await {|#1:_dynamo.UpdateItemAsync(request)|};

                        await _dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "log", Key = key, UpdateExpression = {|#2:"SET events = list_append(events, :e)"|} });
                    }
                }
            }
            """,
            Update(0, "UpdateItemAsync", "ADD #count :one"),
            Update(1, "UpdateItemAsync", "SET total = if_not_exists(total, :zero) + :amount").WithLocation(3),
            Update(2, "UpdateItemAsync", "SET events = list_append(events, :e)"));
    }

    [Fact]
    public async Task A_condition_an_added_set_member_an_unknown_added_value_and_absolute_sets_are_not_reported()
    {
        await VerifyAsync(Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public async Task Handle(KinesisEvent input, ILambdaContext context)
                {
                    foreach (var record in input.Records)
                    {
                        var key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(record.Kinesis.PartitionKey) };
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest
                        {
                            TableName = "counters",
                            Key = key,
                            UpdateExpression = "ADD #count :one SET lastSequence = :seq",
                            ConditionExpression = "attribute_not_exists(lastSequence) OR lastSequence < :seq",
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":one"] = new AttributeValue { N = "1" } },
                        });
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest
                        {
                            TableName = "tags",
                            Key = key,
                            UpdateExpression = "ADD tags :tag",
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":tag"] = new AttributeValue { SS = new List<string> { "seen" } } },
                        });
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "t", Key = key, UpdateExpression = "ADD total :unknown" });
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "t", Key = key, UpdateExpression = "SET total = :amount, other = other" });
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Writes_outside_the_record_loop_in_other_consumers_and_outside_handlers_are_not_reported()
    {
        await VerifyAsync(Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public async Task Handle(SQSEvent input, ILambdaContext context)
                {
                    await _dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "runs", UpdateExpression = "ADD runs :one" });
                    foreach (var message in input.Records)
                    {
                        context.Logger.LogLine(message.MessageId);
                    }
                }

                public async Task Api(string input, ILambdaContext context)
                {
                    await _dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "hits", UpdateExpression = "SET hits = hits + :one" });
                }

                public async Task Worker(SQSEvent input)
                {
                    foreach (var message in input.Records)
                    {
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "hits", UpdateExpression = "SET hits = hits + :one" });
                    }
                }
            }
            """);
    }

    // ---- (b) Keys made anew on each run ----

    [Fact]
    public async Task A_put_keyed_by_a_new_guid_is_reported_and_keyed_by_the_message_id()
    {
        await VerifyFixAsync(Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public async Task Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        await _dynamo.PutItemAsync(new PutItemRequest
                        {
                            TableName = "readings",
                            Item = new Dictionary<string, AttributeValue>
                            {
                                ["id"] = new AttributeValue { S = {|#0:Guid.NewGuid().ToString()|} /* the key */ },
                                ["body"] = new AttributeValue { S = message.Body },
                            },
                        });
                    }
                }
            }
            """, Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public async Task Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        await _dynamo.PutItemAsync(new PutItemRequest
                        {
                            TableName = "readings",
                            Item = new Dictionary<string, AttributeValue>
                            {
                                ["id"] = new AttributeValue { S = message.MessageId /* the key */ },
                                ["body"] = new AttributeValue { S = message.Body },
                            },
                        });
                    }
                }
            }
            """,
            Key(0, "id", "Guid.NewGuid()"));
    }

    [Fact]
    public async Task Kinesis_and_DynamoDB_stream_records_use_their_sequence_number_and_event_id_in_an_item_built_in_a_local()
    {
        await VerifyFixAsync(Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public void Handle(KinesisEvent input, ILambdaContext context)
                {
                    foreach (var record in input.Records)
                    {
                        var item = new Dictionary<string, AttributeValue>();
                        item["pk"] = new AttributeValue($"reading#{{|#2:Guid.NewGuid()|}}");
                        item.Add("data", new AttributeValue(record.Kinesis.PartitionKey));
                        {|#0:_dynamo.PutItemAsync("readings", item)|}.GetAwaiter().GetResult();
                    }
                }

                public async Task Changes(DynamoDBEvent input, ILambdaContext context)
                {
                    foreach (var change in input.Records)
                    {
                        var request = new PutItemRequest { TableName = "audit" };
                        request.Item = new Dictionary<string, AttributeValue> { { "sk", new AttributeValue { S = {|#3:DateTime.UtcNow.Ticks.ToString()|} } } };
                        await {|#1:_dynamo.PutItemAsync(request)|};
                    }
                }
            }
            """, Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public void Handle(KinesisEvent input, ILambdaContext context)
                {
                    foreach (var record in input.Records)
                    {
                        var item = new Dictionary<string, AttributeValue>();
                        item["pk"] = new AttributeValue($"reading#{record.Kinesis.SequenceNumber}");
                        item.Add("data", new AttributeValue(record.Kinesis.PartitionKey));
                        _dynamo.PutItemAsync("readings", item).GetAwaiter().GetResult();
                    }
                }

                public async Task Changes(DynamoDBEvent input, ILambdaContext context)
                {
                    foreach (var change in input.Records)
                    {
                        var request = new PutItemRequest { TableName = "audit" };
                        request.Item = new Dictionary<string, AttributeValue> { { "sk", new AttributeValue { S = change.EventID } } };
                        await _dynamo.PutItemAsync(request);
                    }
                }
            }
            """,
            Key(0, "pk", "Guid.NewGuid()").WithLocation(2),
            Key(1, "sk", "DateTime.UtcNow").WithLocation(3));
    }

    [Fact]
    public async Task A_DataModel_save_of_a_hash_key_from_a_new_guid_is_reported_and_a_Guid_typed_key_has_no_fix()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                public class Reading
                {
                    [DynamoDBHashKey]
                    public string Id { get; set; }

                    [DynamoDBRangeKey]
                    public Guid Version { get; set; }

                    public string Body { get; set; }
                }

                public class Function
                {
                    private readonly IDynamoDBContext _db;

                    public Function(IDynamoDBContext db) => _db = db;

                    public async Task Handle(SQSEvent input, ILambdaContext context)
                    {
                        foreach (var message in input.Records)
                        {
                            await _db.SaveAsync(new Reading { Id = {|#0:Guid.NewGuid().ToString("N")|}, Body = message.Body });
                            var reading = new Reading { Id = message.MessageId };
                            reading.Version = {|#2:Guid.NewGuid()|};
                            await {|#1:_db.SaveAsync(reading)|};
                        }
                    }
                }
                """,
            FixedCode = Usings + """
                public class Reading
                {
                    [DynamoDBHashKey]
                    public string Id { get; set; }

                    [DynamoDBRangeKey]
                    public Guid Version { get; set; }

                    public string Body { get; set; }
                }

                public class Function
                {
                    private readonly IDynamoDBContext _db;

                    public Function(IDynamoDBContext db) => _db = db;

                    public async Task Handle(SQSEvent input, ILambdaContext context)
                    {
                        foreach (var message in input.Records)
                        {
                            await _db.SaveAsync(new Reading { Id = message.MessageId, Body = message.Body });
                            var reading = new Reading { Id = message.MessageId };
                            reading.Version = {|#2:Guid.NewGuid()|};
                            await {|#1:_db.SaveAsync(reading)|};
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = AWS014NonIdempotentWriteInConsumerCodeFix.UseRecordIdentityKey,
        };
        test.ExpectedDiagnostics.Add(Key(0, "Id", "Guid.NewGuid()"));
        test.ExpectedDiagnostics.Add(Key(1, "Version", "Guid.NewGuid()").WithLocation(2));
        test.FixedState.ExpectedDiagnostics.Add(Key(1, "Version", "Guid.NewGuid()").WithLocation(2));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task One_hop_away_a_helper_with_the_record_is_fixed_and_a_random_number_through_a_local_is_reported_without_a_fix()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static readonly Random Jitter = new Random();
                    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                    public async Task Handle(SQSEvent input, ILambdaContext context)
                    {
                        foreach (var message in input.Records)
                        {
                            await StoreAsync(message);
                            await CountAsync(message.Body);
                        }
                    }

                    private Task StoreAsync(SQSEvent.SQSMessage message) =>
                        _dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue({|#0:Guid.NewGuid().ToString()|}) });

                    private Task CountAsync(string body)
                    {
                        string id = Jitter.Next().ToString();
                        return _dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = {|#1:id|} } });
                    }
                }
                """,
            FixedCode = Usings + """
                public class Function
                {
                    private static readonly Random Jitter = new Random();
                    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                    public async Task Handle(SQSEvent input, ILambdaContext context)
                    {
                        foreach (var message in input.Records)
                        {
                            await StoreAsync(message);
                            await CountAsync(message.Body);
                        }
                    }

                    private Task StoreAsync(SQSEvent.SQSMessage message) =>
                        _dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(message.MessageId) });

                    private Task CountAsync(string body)
                    {
                        string id = Jitter.Next().ToString();
                        return _dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = {|#1:id|} } });
                    }
                }
                """,
            CodeActionEquivalenceKey = AWS014NonIdempotentWriteInConsumerCodeFix.UseRecordIdentityKey,
        };
        test.ExpectedDiagnostics.Add(Key(0, "id", "Guid.NewGuid()"));
        test.ExpectedDiagnostics.Add(Key(1, "id", "Jitter.Next()"));
        test.FixedState.ExpectedDiagnostics.Add(Key(1, "id", "Jitter.Next()"));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task A_records_lambda_is_a_record_loop()
    {
        await VerifyFixAsync(Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public Task Handle(SQSEvent input, ILambdaContext context) =>
                    Task.WhenAll(input.Records.Select(m => _dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue({|#0:Guid.NewGuid().ToString()|}) })));
            }
            """, Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public Task Handle(SQSEvent input, ILambdaContext context) =>
                    Task.WhenAll(input.Records.Select(m => _dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(m.MessageId) })));
            }
            """,
            Key(0, "id", "Guid.NewGuid()"));
    }

    [Fact]
    public async Task Keys_from_the_record_a_condition_non_key_attributes_and_fresh_values_made_outside_the_write_are_not_reported()
    {
        await VerifyAsync(Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public async Task Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        await _dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue>
                        {
                            ["id"] = new AttributeValue(message.MessageId),
                            ["receivedAt"] = new AttributeValue { S = DateTime.UtcNow.ToString("O") },
                            ["trace"] = new AttributeValue(Guid.NewGuid().ToString()),
                        });
                        await _dynamo.PutItemAsync(new PutItemRequest
                        {
                            TableName = "readings",
                            Item = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(Guid.NewGuid().ToString()) },
                            ConditionExpression = "attribute_not_exists(id)",
                        });
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task The_key_attributes_option_names_the_keys_of_low_level_puts()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                    public async Task Handle(SQSEvent input, ILambdaContext context)
                    {
                        foreach (var message in input.Records)
                        {
                            await _dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue>
                            {
                                ["id"] = new AttributeValue(Guid.NewGuid().ToString()),
                                ["deviceKey"] = new AttributeValue({|#0:Guid.NewGuid().ToString()|}),
                            });
                        }
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            aws_analyzers.AWS014.key_attributes = deviceKey, at
            """));
        test.ExpectedDiagnostics.Add(Key(0, "deviceKey", "Guid.NewGuid()"));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            aws_analyzers.AWS014.key_attributes = deviceKey, at
            """));
        test.FixedCode = Usings + """
            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                public async Task Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        await _dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue>
                        {
                            ["id"] = new AttributeValue(Guid.NewGuid().ToString()),
                            ["deviceKey"] = new AttributeValue(message.MessageId),
                        });
                    }
                }
            }
            """;
        test.CodeActionEquivalenceKey = AWS014NonIdempotentWriteInConsumerCodeFix.UseRecordIdentityKey;
        await test.RunAsync();
    }

    // ---- Powertools, handler kinds ----

    [Fact]
    public async Task Handlers_and_helpers_marked_Idempotent_are_not_reported()
    {
        await VerifyAsync(Usings + """
            using AWS.Lambda.Powertools.Idempotency;

            public class Function
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                [Idempotent]
                public async Task<string> Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "hits", UpdateExpression = "SET hits = hits + :one" });
                    }

                    return "ok";
                }

                public async Task Other(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        await CountAsync(message);
                    }
                }

                [Idempotent]
                private async Task<string> CountAsync(SQSEvent.SQSMessage message)
                {
                    await _dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "hits", UpdateExpression = "SET hits = hits + :one" });
                    return message.MessageId;
                }
            }
            """);
    }

    [Fact]
    public async Task Annotated_and_bootstrap_lambda_handlers_are_consumers()
    {
        await VerifyAsync(Usings + """
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            public class Functions
            {
                private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

                [LambdaFunction]
                public async Task Annotated(SQSEvent input)
                {
                    foreach (var message in input.Records)
                    {
                        await Dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "hits", UpdateExpression = {|#0:"SET hits = hits + :one"|} });
                    }
                }

                public static async Task Main()
                {
                    Func<SQSEvent, ILambdaContext, Task> handler = async (input, context) =>
                    {
                        foreach (var message in input.Records)
                        {
                            await Dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = "hits", UpdateExpression = {|#1:"SET hits = :one + hits"|} });
                        }
                    };
                    await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                }
            }
            """,
            Update(0, "UpdateItemAsync", "SET hits = hits + :one"),
            Update(1, "UpdateItemAsync", "SET hits = :one + hits"));
    }

    [Fact]
    public async Task Half_typed_code_does_not_throw()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                    public async Task Handle(SQSEvent input, ILambdaContext context)
                    {
                        foreach (var message in input.{|CS1061:Missing|})
                        {
                            await _dynamo.PutItemAsync({|CS0103:unknown|});
                        }

                        foreach (var message in input.Records)
                        {
                            await _dynamo.UpdateItemAsync(new UpdateItemRequest { UpdateExpression = "ADD (" });
                            await _dynamo.PutItemAsync("t", new Dictionary<string, AttributeValue> { [{|CS0103:name|}] = new AttributeValue(Guid.NewGuid().ToString()) });
                        }
                    }
                }
                """,
        };
        await test.RunAsync();
    }
}
