using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AwsAnalyzers.Benchmarks.Corpus;

/// <summary>
/// The AWS code the AWS-heavy corpus is made of: for every rule one anti-pattern the rule exists for (an "occurrence",
/// also used to build the FixAll corpus) and the correct code beside it that a precise rule leaves alone.
/// </summary>
internal static class AwsShapes
{
    /// <summary>The rules whose occurrences <see cref="Occurrence"/> writes.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = new[] { "AWS001", "AWS002", "AWS003", "AWS004", "AWS005", "AWS006", "AWS009", "AWS014" };

    /// <summary>The AWS services a piece of code uses: its file imports and its class holds a client of exactly these.</summary>
    [Flags]
    public enum Services
    {
        None = 0,
        Kinesis = 1,
        S3 = 2,
        Athena = 4,
        Firehose = 8,
        Sqs = 16,
        Dynamo = 32,
        Lambda = 64,
    }

    /// <summary>The services the occurrence and the correct code of <paramref name="ruleId"/> use.</summary>
    public static Services ServicesOf(string ruleId) => ruleId switch
    {
        "AWS001" or "AWS005" => Services.Kinesis,
        "AWS002" => Services.Lambda | Services.S3 | Services.Dynamo,
        "AWS014" => Services.Lambda | Services.Dynamo,
        "AWS003" or "AWS009" => Services.S3,
        "AWS004" => Services.Athena,
        "AWS006" => Services.Firehose | Services.Sqs | Services.Dynamo,
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "Unknown rule."),
    };

    private static readonly (Services Service, string Namespaces, string Field, string Interface)[] s_clients =
    {
        (Services.Kinesis, "Amazon.Kinesis;Amazon.Kinesis.Model", "_kinesis", "IAmazonKinesis"),
        (Services.S3, "Amazon.S3;Amazon.S3.Model", "_s3", "IAmazonS3"),
        (Services.Athena, "Amazon.Athena;Amazon.Athena.Model", "_athena", "IAmazonAthena"),
        // Firehose's model shares type names with Kinesis's (Record, PutRecordRequest): code uses it qualified.
        (Services.Firehose, "Amazon.KinesisFirehose", "_firehose", "IAmazonKinesisFirehose"),
        (Services.Sqs, "Amazon.SQS;Amazon.SQS.Model", "_sqs", "IAmazonSQS"),
        (Services.Dynamo, "Amazon.DynamoDBv2;Amazon.DynamoDBv2.Model", "_dynamo", "IAmazonDynamoDB"),
        (Services.Lambda, "Amazon.Lambda.Core;Amazon.Lambda.SQSEvents", string.Empty, string.Empty),
    };

    /// <summary>The using directives of a file whose code uses <paramref name="services"/>.</summary>
    public static string Usings(Services services)
    {
        var namespaces = new List<string> { "System", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks" };
        foreach (var client in s_clients)
        {
            if ((services & client.Service) != 0)
            {
                namespaces.AddRange(client.Namespaces.Split(';'));
            }
        }

        return string.Concat(namespaces.Select(n => "using " + n + ";\n"));
    }

    /// <summary>The constants, client fields and constructor of a class whose code uses <paramref name="services"/>.</summary>
    public static string ClassHeader(string className, int n, Services services)
    {
        var text = new StringBuilder();
        text.Append($$"""
                private const string StreamName = "sensor-readings-{{n}}";
                private const string DeliveryStream = "readings-archive-{{n}}";
                private const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/readings-{{n}}";
                private const string TableName = "readings-{{n}}";
                private const string Database = "telemetry";
                private static readonly string DefaultPartition = "readings";

            """);
        var clients = s_clients.Where(c => (services & c.Service) != 0 && c.Field.Length > 0).ToList();
        foreach (var client in clients)
        {
            text.Append("    private readonly ").Append(client.Interface).Append(' ').Append(client.Field).AppendLine(";");
        }

        text.AppendLine();
        text.Append("    public ").Append(className).Append('(')
            .Append(string.Join(", ", clients.Select(c => c.Interface + " " + c.Field.Substring(1))))
            .AppendLine(")").AppendLine("    {");
        foreach (var client in clients)
        {
            string parameter = client.Field.Substring(1);
            text.Append("        ").Append(client.Field).Append(" = ").Append(parameter)
                .Append(" ?? throw new ArgumentNullException(nameof(").Append(parameter).AppendLine("));");
        }

        text.AppendLine("    }").AppendLine();
        text.Append("""
                private static MemoryStream Encode(SensorReading reading) =>
                    new MemoryStream(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{reading.DeviceId},{reading.Timestamp:O},{reading.Temperature}")));


            """);
        return text.ToString();
    }

    /// <summary>The reading type the AWS classes send; one per namespace.</summary>
    public const string SensorReadingRecord = """
        public sealed record SensorReading(string DeviceId, DateTime Timestamp, double Temperature, double Humidity);
        """;

    /// <summary>A method containing one occurrence of <paramref name="ruleId"/>, unique in its class by <paramref name="n"/>.</summary>
    public static string Occurrence(string ruleId, int n) => ruleId switch
    {
        // A constant key through a static readonly field: the whole stream lands on one shard.
        "AWS001" when n % 2 == 0 => $$"""
                public async Task<string?> PublishReading{{n}}Async(SensorReading reading, CancellationToken cancellationToken)
                {
                    var request = new PutRecordRequest
                    {
                        StreamName = StreamName,
                        PartitionKey = DefaultPartition,
                        Data = Encode(reading),
                    };

                    try
                    {
                        PutRecordResponse response = await _kinesis.PutRecordAsync(request, cancellationToken);
                        return response.SequenceNumber;
                    }
                    catch (ProvisionedThroughputExceededException)
                    {
                        return null;
                    }
                }

            """,
        "AWS001" => $$"""
                public async Task<int> PublishBatch{{n}}Async(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
                {
                    var request = new PutRecordsRequest { StreamName = StreamName };
                    foreach (SensorReading reading in readings)
                    {
                        request.Records.Add(new PutRecordsRequestEntry { PartitionKey = "sensor", Data = Encode(reading) });
                    }

                    try
                    {
                        PutRecordsResponse response = await _kinesis.PutRecordsAsync(request, cancellationToken);
                        return response.FailedRecordCount ?? 0;
                    }
                    catch (AmazonKinesisException)
                    {
                        return readings.Count;
                    }
                }

            """,
        // A client built on every invocation of a Lambda handler.
        "AWS002" => $$"""
                public async Task<int> HandleArchive{{n}}Async(SQSEvent sqsEvent, ILambdaContext context)
                {
                    var s3 = new AmazonS3Client();
                    int archived = 0;
                    foreach (SQSEvent.SQSMessage message in sqsEvent.Records)
                    {
                        context.Logger.LogLine("Archiving " + message.MessageId);
                        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "readings-archive", Key = message.MessageId, ContentBody = message.Body });
                        archived++;
                    }

                    return archived;
                }

            """,
        // The whole object read into one string, then split into lines.
        "AWS003" => $$"""
                public async Task<int> CountValidLines{{n}}Async(string bucket, string key, CancellationToken cancellationToken)
                {
                    using GetObjectResponse response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
                    using var reader = new StreamReader(response.ResponseStream);
                    string text = await reader.ReadToEndAsync(cancellationToken);
                    int valid = 0;
                    foreach (string line in text.Split('\n'))
                    {
                        if (line.Length > 0 && line[0] != '#')
                        {
                            valid++;
                        }
                    }

                    return valid;
                }

            """,
        // A query with no predicate on the partition columns: Athena scans every partition.
        "AWS004" => $$"""
                public async Task<string> StartDeviceAverage{{n}}Async(string deviceId, CancellationToken cancellationToken)
                {
                    var request = new StartQueryExecutionRequest
                    {
                        QueryString = "SELECT device_id, avg(temperature) AS avg_temperature FROM sensor_readings WHERE device_id = ? GROUP BY device_id",
                        ExecutionParameters = new List<string> { "'" + deviceId + "'" },
                        QueryExecutionContext = new QueryExecutionContext { Database = Database },
                        ResultConfiguration = new ResultConfiguration { OutputLocation = "s3://athena-results/devices/" },
                    };

                    StartQueryExecutionResponse response = await _athena.StartQueryExecutionAsync(request, cancellationToken);
                    return response.QueryExecutionId;
                }

            """,
        // A batch write whose failures are checked, but whose throttling nothing handles.
        "AWS005" => $$"""
                public async Task<int> PublishChecked{{n}}Async(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
                {
                    var request = new PutRecordsRequest { StreamName = StreamName };
                    foreach (SensorReading reading in readings)
                    {
                        request.Records.Add(new PutRecordsRequestEntry { PartitionKey = reading.DeviceId, Data = Encode(reading) });
                    }

                    PutRecordsResponse response = await _kinesis.PutRecordsAsync(request, cancellationToken);
                    int failed = response.FailedRecordCount ?? 0;
                    for (int i = 0; i < response.Records.Count && failed > 0; i++)
                    {
                        if (response.Records[i].ErrorCode is not null)
                        {
                            Console.Error.WriteLine(readings[i].DeviceId + ": " + response.Records[i].ErrorMessage);
                        }
                    }

                    return failed;
                }

            """,
        // Batch writes whose partial failures nobody reads.
        "AWS006" when n % 3 == 0 => $$"""
                public async Task Archive{{n}}Async(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
                {
                    var request = new Amazon.KinesisFirehose.Model.PutRecordBatchRequest { DeliveryStreamName = DeliveryStream };
                    foreach (SensorReading reading in readings)
                    {
                        request.Records.Add(new Amazon.KinesisFirehose.Model.Record { Data = Encode(reading) });
                    }

                    await _firehose.PutRecordBatchAsync(request, cancellationToken);
                }

            """,
        "AWS006" when n % 3 == 1 => $$"""
                public async Task Notify{{n}}Async(IReadOnlyList<string> deviceIds, CancellationToken cancellationToken)
                {
                    var request = new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = new List<SendMessageBatchRequestEntry>() };
                    for (int i = 0; i < deviceIds.Count; i++)
                    {
                        request.Entries.Add(new SendMessageBatchRequestEntry { Id = i.ToString(CultureInfo.InvariantCulture), MessageBody = deviceIds[i] });
                    }

                    await _sqs.SendMessageBatchAsync(request, cancellationToken);
                }

            """,
        "AWS006" => $$"""
                public async Task Store{{n}}Async(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
                {
                    var writes = new List<WriteRequest>();
                    foreach (SensorReading reading in readings)
                    {
                        writes.Add(new WriteRequest
                        {
                            PutRequest = new PutRequest
                            {
                                Item = new Dictionary<string, AttributeValue>
                                {
                                    ["device_id"] = new AttributeValue { S = reading.DeviceId },
                                    ["timestamp"] = new AttributeValue { S = reading.Timestamp.ToString("O", CultureInfo.InvariantCulture) },
                                },
                            },
                        });
                    }

                    var request = new BatchWriteItemRequest { RequestItems = new Dictionary<string, List<WriteRequest>> { [TableName] = writes } };
                    await _dynamo.BatchWriteItemAsync(request, cancellationToken);
                }

            """,
        // A task blocked on in asynchronous code, through a local, and a catch of the service exception around it.
        "AWS009" => $$"""
                public async Task<string> ReadTag{{n}}Async(string bucket, string key)
                {
                    await Task.Yield();
                    var pending = _s3.GetObjectMetadataAsync(bucket, key);
                    try
                    {
                        return pending.Result.ETag;
                    }
                    catch (AmazonS3Exception e) when (e.ErrorCode == "NotFound")
                    {
                        return string.Empty;
                    }
                }

            """,
        // A counter incremented and an item keyed by a new Guid in the record loop of an SQS handler.
        "AWS014" => $$"""
                public async Task HandleCount{{n}}Async(SQSEvent sqsEvent, ILambdaContext context)
                {
                    foreach (SQSEvent.SQSMessage message in sqsEvent.Records)
                    {
                        var key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(message.Body) };
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest
                        {
                            TableName = TableName,
                            Key = key,
                            UpdateExpression = "ADD readings :one",
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":one"] = new AttributeValue { N = "1" } },
                        });
                        await _dynamo.PutItemAsync(TableName, new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(Guid.NewGuid().ToString()) });
                    }
                }

            """,
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "No occurrence shape for this rule."),
    };

    /// <summary>Correct code next to the occurrences: what each rule must leave alone.</summary>
    public static string CorrectCode(string ruleId, int n) => ruleId switch
    {
        "AWS001" => $$"""
                public async Task<string?> PublishKeyed{{n}}Async(SensorReading reading, CancellationToken cancellationToken)
                {
                    var request = new PutRecordRequest
                    {
                        StreamName = StreamName,
                        PartitionKey = reading.DeviceId + "_" + (reading.Timestamp.Ticks % 1000).ToString(CultureInfo.InvariantCulture),
                        Data = Encode(reading),
                    };

                    try
                    {
                        PutRecordResponse response = await _kinesis.PutRecordAsync(request, cancellationToken);
                        return response.ShardId;
                    }
                    catch (AmazonKinesisException exception) when (exception.ErrorCode == "ProvisionedThroughputExceededException")
                    {
                        return null;
                    }
                }

            """,
        "AWS002" => $$"""
                private static readonly IAmazonDynamoDB SharedDynamo{{n}} = new AmazonDynamoDBClient();

                public async Task<int> HandleStore{{n}}Async(SQSEvent sqsEvent, ILambdaContext context)
                {
                    int stored = 0;
                    foreach (SQSEvent.SQSMessage message in sqsEvent.Records)
                    {
                        var item = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = message.MessageId } };
                        await SharedDynamo{{n}}.PutItemAsync(new PutItemRequest { TableName = TableName, Item = item });
                        stored++;
                    }

                    context.Logger.LogLine("Stored " + stored.ToString(CultureInfo.InvariantCulture));
                    return stored;
                }

            """,
        "AWS003" => $$"""
                public async Task<int> CountValidLinesStreaming{{n}}Async(string bucket, string key, CancellationToken cancellationToken)
                {
                    using GetObjectResponse response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
                    using var reader = new StreamReader(response.ResponseStream);
                    int valid = 0;
                    string? line;
                    while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
                    {
                        if (line.Length > 0 && line[0] != '#')
                        {
                            valid++;
                        }
                    }

                    return valid;
                }

            """,
        "AWS004" => $$"""
                public async Task<string> StartDailyAverage{{n}}Async(DateTime day, CancellationToken cancellationToken)
                {
                    var request = new StartQueryExecutionRequest
                    {
                        QueryString = @"SELECT device_id, avg(temperature) AS avg_temperature
                            FROM sensor_readings
                            WHERE year = ? AND month = ? AND day = ?
                            GROUP BY device_id",
                        ExecutionParameters = new List<string>
                        {
                            day.ToString("yyyy", CultureInfo.InvariantCulture),
                            day.ToString("MM", CultureInfo.InvariantCulture),
                            day.ToString("dd", CultureInfo.InvariantCulture),
                        },
                        QueryExecutionContext = new QueryExecutionContext { Database = Database },
                        ResultConfiguration = new ResultConfiguration { OutputLocation = "s3://athena-results/daily/" },
                    };

                    StartQueryExecutionResponse response = await _athena.StartQueryExecutionAsync(request, cancellationToken);
                    return response.QueryExecutionId;
                }

            """,
        "AWS005" => $$"""
                public async Task<string?> PublishGuarded{{n}}Async(SensorReading reading, CancellationToken cancellationToken)
                {
                    for (int attempt = 1; ; attempt++)
                    {
                        try
                        {
                            var request = new PutRecordRequest { StreamName = StreamName, PartitionKey = reading.DeviceId, Data = Encode(reading) };
                            PutRecordResponse response = await _kinesis.PutRecordAsync(request, cancellationToken);
                            return response.SequenceNumber;
                        }
                        catch (ProvisionedThroughputExceededException) when (attempt < 5)
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << attempt)), cancellationToken);
                        }
                    }
                }

            """,
        "AWS006" => $$"""
                public async Task<int> NotifyChecked{{n}}Async(IReadOnlyList<string> deviceIds, CancellationToken cancellationToken)
                {
                    var request = new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = new List<SendMessageBatchRequestEntry>() };
                    for (int i = 0; i < deviceIds.Count; i++)
                    {
                        request.Entries.Add(new SendMessageBatchRequestEntry { Id = i.ToString(CultureInfo.InvariantCulture), MessageBody = deviceIds[i] });
                    }

                    SendMessageBatchResponse response = await _sqs.SendMessageBatchAsync(request, cancellationToken);
                    if (response.Failed is { Count: > 0 } failed)
                    {
                        throw new InvalidOperationException(failed.Count.ToString(CultureInfo.InvariantCulture) + " notifications were not sent");
                    }

                    return request.Entries.Count;
                }

            """,
        // The same task awaited; a second one blocked on only after Task.WhenAll completed it.
        "AWS009" => $$"""
                public async Task<string> ReadTags{{n}}Async(string bucket, string key)
                {
                    var first = _s3.GetObjectMetadataAsync(bucket, key);
                    var second = _s3.GetObjectMetadataAsync(bucket, key + ".sig");
                    await Task.WhenAll(first, second);
                    try
                    {
                        return first.Result.ETag + (await second).ETag;
                    }
                    catch (AmazonS3Exception e) when (e.ErrorCode == "NotFound")
                    {
                        return string.Empty;
                    }
                }

            """,
        // The counter guarded by the last message counted, and the item keyed by the message's own ID.
        "AWS014" => $$"""
                public async Task HandleCountOnce{{n}}Async(SQSEvent sqsEvent, ILambdaContext context)
                {
                    foreach (SQSEvent.SQSMessage message in sqsEvent.Records)
                    {
                        var key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(message.Body) };
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest
                        {
                            TableName = TableName,
                            Key = key,
                            UpdateExpression = "ADD readings :one SET lastMessage = :id",
                            ConditionExpression = "attribute_not_exists(lastMessage) OR lastMessage <> :id",
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":one"] = new AttributeValue { N = "1" }, [":id"] = new AttributeValue(message.MessageId) },
                        });
                        await _dynamo.PutItemAsync(TableName, new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(message.MessageId) });
                    }
                }

            """,
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "No correct shape for this rule."),
    };

    /// <summary>The services of the SQS worker that takes the Lambda handlers' place in the corpus without Lambda.</summary>
    public const Services WorkerServices = Services.Sqs | Services.S3 | Services.Dynamo;

    /// <summary>
    /// What AWS002's occurrence is outside Lambda: a client created on every call of a worker method. Not a finding
    /// (no handler), but the creation, the calls and the loop are what AWS002 has to look at.
    /// </summary>
    public static string WorkerClientPerCall(int n) => $$"""
            public async Task<int> ArchivePending{{n}}Async(CancellationToken cancellationToken)
            {
                var s3 = new AmazonS3Client();
                ReceiveMessageResponse received = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = QueueUrl, MaxNumberOfMessages = 10 }, cancellationToken);
                int archived = 0;
                foreach (Amazon.SQS.Model.Message message in received.Messages ?? new List<Amazon.SQS.Model.Message>())
                {
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = "readings-archive", Key = message.MessageId, ContentBody = message.Body }, cancellationToken);
                    archived++;
                }

                return archived;
            }

        """;

    /// <summary>AWS002's correct code outside Lambda: a shared client, used one call away from the polling loop.</summary>
    public static string WorkerSharedClient(int n) => $$"""
            private static readonly IAmazonDynamoDB SharedDynamo{{n}} = new AmazonDynamoDBClient();

            public async Task<int> StorePending{{n}}Async(CancellationToken cancellationToken)
            {
                ReceiveMessageResponse received = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = QueueUrl, MaxNumberOfMessages = 10 }, cancellationToken);
                int stored = 0;
                foreach (Amazon.SQS.Model.Message message in received.Messages ?? new List<Amazon.SQS.Model.Message>())
                {
                    await StoreMessage{{n}}Async(message, cancellationToken);
                    stored++;
                }

                Console.WriteLine("Stored " + stored.ToString(CultureInfo.InvariantCulture));
                return stored;
            }

            private static Task StoreMessage{{n}}Async(Amazon.SQS.Model.Message message, CancellationToken cancellationToken)
            {
                var item = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = message.MessageId } };
                return SharedDynamo{{n}}.PutItemAsync(new PutItemRequest { TableName = TableName, Item = item }, cancellationToken);
            }

        """;

    /// <summary>A document with <paramref name="occurrences"/> occurrences of one rule, for the FixAll measurement.</summary>
    public static string FixAllDocument(string ruleId, int document, int occurrences)
    {
        string className = "FixAllTarget" + document.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        Services services = ServicesOf(ruleId);
        text.Append(Usings(services)).AppendLine();
        text.AppendLine("namespace SensorPipeline.FixAll.Document" + document.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";").AppendLine();
        text.AppendLine(SensorReadingRecord).AppendLine();
        text.AppendLine("public sealed class " + className).AppendLine("{");
        text.Append(ClassHeader(className, document, services));
        foreach (int n in Enumerable.Range(0, occurrences))
        {
            text.Append(Occurrence(ruleId, n));
        }

        text.AppendLine("}");
        return text.ToString();
    }
}
