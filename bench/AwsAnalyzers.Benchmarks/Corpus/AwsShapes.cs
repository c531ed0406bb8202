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
    public static IReadOnlyList<string> RuleIds { get; } = new[] { "AWS001", "AWS002", "AWS003", "AWS004", "AWS005", "AWS006", "AWS007", "AWS008", "AWS009", "AWS010", "AWS011", "AWS012", "AWS013", "AWS014", "AWS015", "AWS016", "AWS017", "AWS018", "AWS019", "AWS020", "AWS021", "AWS022" };

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
        Kms = 128,
        Emr = 256,
    }

    /// <summary>The services the occurrence and the correct code of <paramref name="ruleId"/> use.</summary>
    public static Services ServicesOf(string ruleId) => ruleId switch
    {
        "AWS001" or "AWS005" => Services.Kinesis,
        "AWS002" => Services.Lambda | Services.S3 | Services.Dynamo,
        "AWS014" => Services.Lambda | Services.Dynamo,
        "AWS003" or "AWS008" or "AWS009" or "AWS013" => Services.S3,
        "AWS004" or "AWS012" or "AWS015" => Services.Athena,
        "AWS006" => Services.Firehose | Services.Sqs | Services.Dynamo,
        "AWS017" => Services.S3,
        "AWS020" => Services.S3,
        "AWS016" => Services.Lambda,
        "AWS019" => Services.None,
        "AWS021" => Services.Lambda,
        "AWS007" => Services.S3 | Services.Dynamo,
        "AWS010" => Services.Athena,
        "AWS011" => Services.Sqs,
        "AWS022" => Services.Emr,
        "AWS018" => Services.Kms,
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
        (Services.Kms, "Amazon.KeyManagementService;Amazon.KeyManagementService.Model", "_kms", "IAmazonKeyManagementService"),
        (Services.Emr, "Amazon.ElasticMapReduce;Amazon.ElasticMapReduce.Model", "_emr", "IAmazonElasticMapReduce"),
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
        // A device id spliced between quotes into the query text: SQL injection.
        "AWS012" => $$"""
                public async Task<string> StartDeviceLookup{{n}}Async(string deviceId, CancellationToken cancellationToken)
                {
                    var request = new StartQueryExecutionRequest
                    {
                        QueryString = $"SELECT device_id, temperature FROM sensor_readings WHERE year = '2025' AND device_id = '{deviceId}' LIMIT 100",
                        QueryExecutionContext = new QueryExecutionContext { Database = Database },
                    };

                    StartQueryExecutionResponse response = await _athena.StartQueryExecutionAsync(request, cancellationToken);
                    return response.QueryExecutionId;
                }

            """,
        // Every column of every row of the partitions read, scanned and billed.
        "AWS015" => $$"""
                public async Task<string> StartMonthExport{{n}}Async(CancellationToken cancellationToken)
                {
                    var request = new StartQueryExecutionRequest
                    {
                        QueryString = "SELECT * FROM sensor_readings WHERE year = '2025' AND month = '01'",
                        QueryExecutionContext = new QueryExecutionContext { Database = Database },
                    };

                    StartQueryExecutionResponse response = await _athena.StartQueryExecutionAsync(request, cancellationToken);
                    return response.QueryExecutionId;
                }

            """,
        // A report uploaded readable by anyone on the internet.
        "AWS017" => $$"""
                public Task PublishReport{{n}}Async(string bucket, string key, string html, CancellationToken cancellationToken) =>
                    _s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        ContentBody = html,
                        ContentType = "text/html",
                        CannedACL = S3CannedACL.PublicRead,
                    }, cancellationToken);

            """,
        // A copy into a bucket named at run time, whoever owns it now (AWS020 is off by default; the corpus turns it on).
        "AWS020" => $$"""
                public Task DeliverExport{{n}}Async(string tenantBucket, string key, CancellationToken cancellationToken) =>
                    _s3.CopyObjectAsync(new CopyObjectRequest
                    {
                        SourceBucket = "sensor-exports",
                        SourceKey = key,
                        DestinationBucket = tenantBucket,
                        DestinationKey = key,
                    }, cancellationToken);

            """,
        // A synchronous invoke per record whose answer nobody reads: the handler waits for the audit function each time.
        "AWS016" => $$"""
                private static readonly Amazon.Lambda.IAmazonLambda AuditLambda{{n}} = new Amazon.Lambda.AmazonLambdaClient();

                public async Task HandleAudit{{n}}Async(SQSEvent sqsEvent, ILambdaContext context)
                {
                    foreach (SQSEvent.SQSMessage message in sqsEvent.Records)
                    {
                        await AuditLambda{{n}}.InvokeAsync(new Amazon.Lambda.Model.InvokeRequest { FunctionName = "sensor-audit-{{n}}", Payload = message.Body });
                    }
                }

            """,
        // An alarm that goes to ALARM and tells no one (the guide's EMR-High-Latency).
        "AWS019" => $$"""
                public Task CreateLatencyAlarm{{n}}Async(Amazon.CloudWatch.IAmazonCloudWatch cloudWatch, string clusterId) =>
                    cloudWatch.PutMetricAlarmAsync(new Amazon.CloudWatch.Model.PutMetricAlarmRequest
                    {
                        AlarmName = "EMR-High-Latency-{{n}}",
                        Namespace = "AWS/ElasticMapReduce",
                        MetricName = "AppsPending",
                        Threshold = 10,
                        EvaluationPeriods = 1,
                    });

            """,
        // A reserved key in the function configuration a deployment helper builds: the service rejects it.
        "AWS021" => $$"""
                public static Amazon.Lambda.Model.CreateFunctionRequest IngestDeployment{{n}}(string roleArn) => new Amazon.Lambda.Model.CreateFunctionRequest
                {
                    FunctionName = "sensor-ingest-{{n}}",
                    Role = roleArn,
                    Environment = new Amazon.Lambda.Model.Environment
                    {
                        Variables = new Dictionary<string, string>
                        {
                            { "TABLE_NAME", TableName },
                            { "TZ", "Asia/Seoul" },
                        },
                    },
                };

            """,
        // An invented access key ID given to a client in the code (unique per method, so each one is its own finding).
        "AWS008" => $$"""
                public IAmazonS3 PartnerClient{{n}}() =>
                    new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("AKIAZ7Q2M4N6P8R{{(n % 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)}}", "invented-secret"), Amazon.RegionEndpoint.APNortheast2);

            """,
        // The public endpoint written by hand, and a region looked up by its name.
        "AWS013" => $$"""
                public IAmazonS3 ArchiveClient{{n}}() =>
                    new AmazonS3Client(new AmazonS3Config { ServiceURL = "https://s3.ap-northeast-2.amazonaws.com", ForcePathStyle = false });

                public Amazon.RegionEndpoint ArchiveRegion{{n}}() => Amazon.RegionEndpoint.GetBySystemName("ap-northeast-2");

            """,
        // A key "rotated" by scheduling its deletion a week out.
        "AWS018" => $$"""
                public Task RetireKey{{n}}Async(string keyId, CancellationToken cancellationToken) =>
                    _kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = keyId, PendingWindowInDays = 7 }, cancellationToken);

            """,
        // Listings and scans read one page only.
        "AWS007" when n % 2 == 0 => $$"""
                public async Task<List<string>> ArchivedKeys{{n}}Async(string prefix, CancellationToken cancellationToken)
                {
                    var keys = new List<string>();
                    var request = new ListObjectsV2Request { BucketName = "readings-archive", Prefix = prefix };
                    foreach (S3Object o in (await _s3.ListObjectsV2Async(request, cancellationToken)).S3Objects)
                    {
                        keys.Add(o.Key);
                    }

                    return keys;
                }

            """,
        "AWS007" => $$"""
                public async Task<int> CountReadings{{n}}Async(CancellationToken cancellationToken)
                {
                    ScanResponse response = await _dynamo.ScanAsync(new ScanRequest { TableName = TableName }, cancellationToken);
                    return response.Items.Count(item => item.ContainsKey("temperature"));
                }

            """,
        // A query wait that only ends on success: a failed or cancelled query keeps it polling.
        "AWS010" => $$"""
                public async Task<string> WaitForQuery{{n}}Async(string queryExecutionId, CancellationToken cancellationToken)
                {
                    var state = QueryExecutionState.QUEUED;
                    while (state != QueryExecutionState.SUCCEEDED)
                    {
                        await Task.Delay(1000, cancellationToken);
                        var response = await _athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = queryExecutionId }, cancellationToken);
                        state = response.QueryExecution.Status.State;
                    }

                    return queryExecutionId;
                }

            """,
        // A core group on Spot and the legacy step failure action.
        "AWS022" => $$"""
                public Task<RunJobFlowResponse> StartCluster{{n}}Async(CancellationToken cancellationToken) =>
                    _emr.RunJobFlowAsync(new RunJobFlowRequest
                    {
                        Name = "aggregation-{{n}}",
                        Instances = new JobFlowInstancesConfig
                        {
                            InstanceGroups = new List<InstanceGroupConfig>
                            {
                                new InstanceGroupConfig { InstanceRole = InstanceRoleType.CORE, InstanceType = "r5.xlarge", InstanceCount = 2, Market = MarketType.SPOT },
                            },
                        },
                        Steps = new List<StepConfig> { new StepConfig { Name = "aggregate", ActionOnFailure = ActionOnFailure.TERMINATE_JOB_FLOW } },
                    }, cancellationToken);

            """,
        // A consumer loop that short-polls: the request never sets WaitTimeSeconds.
        "AWS011" => $$"""
                public async Task<int> Consume{{n}}Async(CancellationToken cancellationToken)
                {
                    var request = new ReceiveMessageRequest { QueueUrl = QueueUrl, MaxNumberOfMessages = 10 };
                    int handled = 0;
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        ReceiveMessageResponse response = await _sqs.ReceiveMessageAsync(request, cancellationToken);
                        handled += response.Messages?.Count ?? 0;
                    }

                    return handled;
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
        "AWS012" => $$"""
                public async Task<string> StartDeviceLookupBound{{n}}Async(string table, string deviceId, CancellationToken cancellationToken)
                {
                    var request = new StartQueryExecutionRequest
                    {
                        QueryString = $"SELECT device_id, temperature FROM {table} WHERE year = '2025' AND device_id = ? LIMIT 100",
                        ExecutionParameters = new List<string> { "'" + deviceId.Replace("'", "''") + "'" },
                        QueryExecutionContext = new QueryExecutionContext { Database = Database },
                    };

                    StartQueryExecutionResponse response = await _athena.StartQueryExecutionAsync(request, cancellationToken);
                    return response.QueryExecutionId;
                }

            """,
        "AWS015" => $$"""
                public async Task<string> StartMonthColumns{{n}}Async(CancellationToken cancellationToken)
                {
                    var request = new StartQueryExecutionRequest
                    {
                        QueryString = "SELECT device_id, temperature FROM sensor_readings WHERE year = '2025' AND month = '01' ORDER BY temperature DESC LIMIT 100",
                        QueryExecutionContext = new QueryExecutionContext { Database = Database },
                    };

                    StartQueryExecutionResponse response = await _athena.StartQueryExecutionAsync(request, cancellationToken);
                    return response.QueryExecutionId;
                }

            """,
        "AWS017" => $$"""
                public Task ShareReport{{n}}Async(string bucket, string key, string html, CancellationToken cancellationToken) =>
                    _s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        ContentBody = html,
                        ContentType = "text/html",
                        CannedACL = S3CannedACL.BucketOwnerFullControl,
                    }, cancellationToken);

            """,
        "AWS020" => $$"""
                public Task DeliverExportChecked{{n}}Async(string tenantBucket, string key, string owner, CancellationToken cancellationToken) =>
                    _s3.CopyObjectAsync(new CopyObjectRequest
                    {
                        SourceBucket = "sensor-exports",
                        SourceKey = key,
                        DestinationBucket = tenantBucket,
                        DestinationKey = key,
                        ExpectedBucketOwner = owner,
                    }, cancellationToken);

            """,
        // An asynchronous invoke, and an invoke whose answer is read outside any handler.
        "AWS016" => $$"""
                private static readonly Amazon.Lambda.IAmazonLambda ArchiveLambda{{n}} = new Amazon.Lambda.AmazonLambdaClient();

                public async Task HandleArchive{{n}}Async(SQSEvent sqsEvent, ILambdaContext context)
                {
                    foreach (SQSEvent.SQSMessage message in sqsEvent.Records)
                    {
                        await ArchiveLambda{{n}}.InvokeAsync(new Amazon.Lambda.Model.InvokeRequest
                        {
                            FunctionName = "sensor-archive-{{n}}",
                            Payload = message.Body,
                            InvocationType = Amazon.Lambda.InvocationType.Event,
                        });
                    }
                }

                public static async Task<int> ScoreOffline{{n}}Async(string reading)
                {
                    Amazon.Lambda.Model.InvokeResponse response = await ArchiveLambda{{n}}.InvokeAsync(new Amazon.Lambda.Model.InvokeRequest { FunctionName = "sensor-score", Payload = reading });
                    return response.StatusCode ?? 0;
                }

            """,
        // An alarm that notifies the on-call topic, and a custom metric under the pipeline's own namespace.
        "AWS019" => $$"""
                public async Task CreateMemoryAlarm{{n}}Async(Amazon.CloudWatch.IAmazonCloudWatch cloudWatch, string onCallTopicArn)
                {
                    var request = new Amazon.CloudWatch.Model.PutMetricAlarmRequest
                    {
                        AlarmName = "EMR-Memory-{{n}}",
                        Namespace = "AWS/ElasticMapReduce",
                        MetricName = "MemoryAvailableMB",
                        Threshold = 1024,
                    };
                    request.AlarmActions = new List<string> { onCallTopicArn };
                    await cloudWatch.PutMetricAlarmAsync(request);
                    await cloudWatch.PutMetricDataAsync(new Amazon.CloudWatch.Model.PutMetricDataRequest { Namespace = "SensorPipeline/Alarms" });
                }

            """,
        // Settings under names of the function's own, in the process and in the configuration.
        "AWS021" => $$"""
                public string HandleCalibration{{n}}(string deviceId, ILambdaContext context)
                {
                    Environment.SetEnvironmentVariable("CALIBRATION_DEVICE_{{n}}", deviceId);
                    return Environment.GetEnvironmentVariable("AWS_REGION") ?? deviceId;
                }

                public static Amazon.Lambda.Model.UpdateFunctionConfigurationRequest IngestSettings{{n}}(string stage)
                {
                    var variables = new Dictionary<string, string> { ["STAGE"] = stage, ["AWS_LAMBDA_LOG_LEVEL"] = "INFO" };
                    return new Amazon.Lambda.Model.UpdateFunctionConfigurationRequest
                    {
                        FunctionName = "sensor-ingest-{{n}}",
                        Environment = new Amazon.Lambda.Model.Environment { Variables = variables },
                    };
                }

            """,
        // The default credential chain, and placeholders (not keys) for an emulator.
        "AWS008" => $$"""
                public IAmazonS3 RegionalClient{{n}}() => new AmazonS3Client(Amazon.RegionEndpoint.APNortheast2);

                public IAmazonS3 EmulatorClient{{n}}() =>
                    new AmazonS3Client("test", "test", new AmazonS3Config { ServiceURL = "http://localhost:4566", ForcePathStyle = true });

            """,
        // The region's field, an emulator's endpoint and a region from configuration.
        "AWS013" => $$"""
                public IAmazonS3 RegionalArchive{{n}}() => new AmazonS3Client(new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.APNortheast2 });

                public IAmazonS3 EmulatedArchive{{n}}() => new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://localhost:4566", ForcePathStyle = true });

                public Amazon.RegionEndpoint ConfiguredRegion{{n}}(IReadOnlyDictionary<string, string> settings) => Amazon.RegionEndpoint.GetBySystemName(settings["Region"]);

            """,
        // Rotation, and a deletion that waits the full default period.
        "AWS018" => $$"""
                public async Task RotateKey{{n}}Async(string keyId, CancellationToken cancellationToken)
                {
                    await _kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = keyId }, cancellationToken);
                    await _kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = keyId + "-old", PendingWindowInDays = 30 }, cancellationToken);
                }

            """,
        "AWS007" => $$"""
                public async Task<int> CountArchived{{n}}Async(string prefix, CancellationToken cancellationToken)
                {
                    int count = 0;
                    var request = new ListObjectsV2Request { BucketName = "readings-archive", Prefix = prefix };
                    await foreach (S3Object o in _s3.Paginators.ListObjectsV2(request).S3Objects.WithCancellation(cancellationToken))
                    {
                        count += o.Key.Length > 0 ? 1 : 0;
                    }

                    var first = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "readings-archive", Prefix = prefix, MaxKeys = 1 }, cancellationToken);
                    return first.S3Objects?.Count > 0 ? count : 0;
                }

            """,
        // Every outcome handled, and a delay on each round.
        "AWS010" => $$"""
                public async Task<string> WaitForQueryChecked{{n}}Async(string queryExecutionId, CancellationToken cancellationToken)
                {
                    while (true)
                    {
                        var response = await _athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = queryExecutionId }, cancellationToken);
                        var state = response.QueryExecution.Status.State;
                        if (state == QueryExecutionState.SUCCEEDED)
                        {
                            return queryExecutionId;
                        }

                        if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED)
                        {
                            throw new InvalidOperationException(response.QueryExecution.Status.StateChangeReason);
                        }

                        await Task.Delay(1000, cancellationToken);
                    }
                }

            """,
        // On-Demand core, Spot task nodes, the current failure action and a Spark key Spark reads.
        "AWS022" => $$"""
                public Task<RunJobFlowResponse> StartOnDemandCluster{{n}}Async(CancellationToken cancellationToken) =>
                    _emr.RunJobFlowAsync(new RunJobFlowRequest
                    {
                        Name = "aggregation-checked-{{n}}",
                        Instances = new JobFlowInstancesConfig
                        {
                            InstanceGroups = new List<InstanceGroupConfig>
                            {
                                new InstanceGroupConfig { InstanceRole = InstanceRoleType.CORE, InstanceType = "r5.xlarge", InstanceCount = 2, Market = MarketType.ON_DEMAND },
                                new InstanceGroupConfig { InstanceRole = InstanceRoleType.TASK, InstanceType = "r5.xlarge", InstanceCount = 4, Market = MarketType.SPOT },
                            },
                        },
                        Configurations = new List<Configuration>
                        {
                            new Configuration { Classification = "spark-defaults", Properties = new Dictionary<string, string> { ["spark.memory.fraction"] = "0.7" } },
                        },
                        Steps = new List<StepConfig> { new StepConfig { Name = "aggregate", ActionOnFailure = ActionOnFailure.TERMINATE_CLUSTER } },
                    }, cancellationToken);

            """,
        // Long polling, and a drain loop that stops on the first empty answer.
        "AWS011" => $$"""
                public async Task<int> ConsumeWaiting{{n}}Async(CancellationToken cancellationToken)
                {
                    int handled = 0;
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = QueueUrl, WaitTimeSeconds = 20 }, cancellationToken);
                        handled += response.Messages?.Count ?? 0;
                    }

                    while (true)
                    {
                        var drained = await _sqs.ReceiveMessageAsync(QueueUrl, cancellationToken);
                        if (drained.Messages == null || drained.Messages.Count == 0)
                        {
                            break;
                        }
                    }

                    return handled;
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
