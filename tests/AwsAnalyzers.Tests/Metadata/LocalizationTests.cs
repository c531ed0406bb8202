using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Resources;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AwsAnalyzers.Tests.Metadata;

/// <summary>
/// Every text a user reads, in English and in Korean: the resources agree, the assemblies serve them, and the
/// diagnostics and fixes the rules produce come out in the language the host asks for.
/// </summary>
public class LocalizationTests
{
    private static readonly CultureInfo Korean = new("ko-KR");
    private static readonly CultureInfo English = new("en-US");

    /// <summary>Each neutral resource file under src/, by the name of the class that reads it.</summary>
    private static readonly Dictionary<string, ResourceManager> ResourceManagers = new(StringComparer.Ordinal)
    {
        ["AnalyzerResources"] = AnalyzerResources.ResourceManager,
        ["CodeFixResources"] = CodeFixResources.ResourceManager,
    };

    public static IEnumerable<object[]> NeutralResourceFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryRootAttribute.Value, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !Regex.IsMatch(Path.GetFileName(f), @"\.[a-z]{2}(-[A-Z]{2})?\.resx$"))
            .Select(f => new object[] { Path.GetRelativePath(RepositoryRootAttribute.Value, f).Replace('\\', '/') });

    [Fact]
    public void Both_assemblies_have_their_resources()
    {
        string[] files = NeutralResourceFiles().Select(f => (string)f[0]).ToArray();
        Assert.Contains("src/AwsAnalyzers/AnalyzerResources.resx", files);
        Assert.Contains("src/AwsAnalyzers.CodeFixes/CodeFixResources.resx", files);
    }

    [Theory]
    [MemberData(nameof(NeutralResourceFiles))]
    public void Every_entry_has_a_Korean_translation_with_the_same_placeholders(string file)
    {
        Dictionary<string, string> english = ReadResx(file);
        Dictionary<string, string> korean = ReadResx(Path.ChangeExtension(file, ".ko.resx"));

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), korean.Keys.Order(StringComparer.Ordinal));
        foreach ((string name, string text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(korean[name])), $"{file} {name}: the placeholders differ between English and Korean");
            Assert.False(HasHangul(text), $"{file} {name}: the English text has Korean in it");
            Assert.True(HasHangul(korean[name]), $"{file} {name}: the Korean text is not translated: {korean[name]}");
        }
    }

    [Theory]
    [MemberData(nameof(NeutralResourceFiles))]
    public void The_built_assembly_serves_every_entry_in_both_languages(string file)
    {
        Assert.True(ResourceManagers.TryGetValue(Path.GetFileNameWithoutExtension(file), out ResourceManager? resources), $"{file}: no class reads it");
        Dictionary<string, string> korean = ReadResx(Path.ChangeExtension(file, ".ko.resx"));
        foreach ((string name, string text) in ReadResx(file))
        {
            Assert.Equal(text, resources!.GetString(name, English));
            Assert.Equal(text, resources.GetString(name, CultureInfo.InvariantCulture));
            Assert.Equal(korean[name], resources.GetString(name, Korean));
        }
    }

    [Fact]
    public void Every_descriptor_text_is_a_resource_in_both_languages_and_well_formed()
    {
        foreach (DiagnosticDescriptor descriptor in Analyzers().SelectMany(a => a.SupportedDiagnostics))
        {
            foreach ((string part, LocalizableString text) in new[] { ("title", descriptor.Title), ("message", descriptor.MessageFormat), ("description", descriptor.Description) })
            {
                Assert.IsType<LocalizableResourceString>(text);
                string english = text.ToString(English);
                string korean = text.ToString(Korean);
                Assert.False(HasHangul(english), $"{descriptor.Id} {part}: {english}");
                Assert.True(HasHangul(korean), $"{descriptor.Id} {part} is not Korean: {korean}");
                foreach (string value in new[] { english, korean })
                {
                    // The style RS1032-RS1034 ask of literal texts, which they cannot see through the resources.
                    Assert.Equal(value.Trim(), value);
                    Assert.DoesNotContain('\n', value);
                    Assert.Equal(part == "description", value.EndsWith('.'));
                }
            }
        }
    }

    /// <summary>One diagnostic of each rule, with each kind of words a rule puts in its message (and, or, shard, table, lambda).</summary>
    private static readonly Dictionary<string, MessageCase> MessageCases = new MessageCase[]
    {
        new("AWS001", """
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build() => new PutRecordRequest { StreamName = "s", PartitionKey = "sensor" };
            }
            """,
            """'PartitionKey' is always "sensor", so every record goes to the same shard and writes throttle at one shard's limit""",
            """'PartitionKey' 값이 항상 "sensor"이므로 모든 레코드가 같은 샤드로 전송되며, 쓰기가 샤드 하나의 한도에서 스로틀링됩니다"""),
        new("AWS002", """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.S3;

            static class Entry
            {
                static async Task Main()
                {
                    using var handler = HandlerWrapper.GetHandlerWrapper((Stream request) =>
                    {
                        IAmazonS3 storage = new AmazonS3Client();
                        return request;
                    });
                    await new LambdaBootstrap(handler).RunAsync();
                }
            }
            """,
            "'AmazonS3Client' is created on every invocation of Lambda handler '(lambda)'; create it once in a static field or the constructor and reuse it",
            "'AmazonS3Client' 클라이언트가 Lambda 핸들러 '(람다 식)'의 호출마다 새로 생성되므로, 정적 필드나 생성자에서 한 번만 생성해 재사용하세요"),
        new("AWS003", """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            static class LineCounter
            {
                static async Task<int> CountAsync(IAmazonS3 client, string bucket, string key)
                {
                    using var body = await client.GetObjectAsync(bucket, key);
                    using var text = new StreamReader(body.ResponseStream);
                    string all = await text.ReadToEndAsync();
                    int lines = 0;
                    foreach (string line in all.Split('\n'))
                    {
                        lines++;
                    }

                    return lines;
                }
            }
            """,
            "'ReadToEndAsync' reads the whole S3 object body into memory; stream it line by line or in chunks instead",
            "'ReadToEndAsync' 호출이 S3 객체 본문 전체를 메모리로 읽어 들이므로, 대신 줄 단위나 청크 단위로 스트리밍하세요"),
        new("AWS005", """
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Writer
            {
                async Task<string> WriteAsync(IAmazonKinesis kinesis, PutRecordRequest request)
                {
                    var response = await kinesis.PutRecordAsync(request);
                    return response.ShardId;
                }
            }
            """,
            "'PutRecordAsync' throws ProvisionedThroughputExceededException when the shard is throttled, and no catch or retry policy handles it, so the write is lost",
            "'PutRecordAsync' 호출은 샤드에 스로틀링이 발생하면 ProvisionedThroughputExceededException을 발생시키는데, 이를 처리하는 catch나 재시도 정책이 없어 쓰기가 유실됩니다"),
        new("AWS005", """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class Store
            {
                async Task SaveAsync(IAmazonDynamoDB dynamo, Dictionary<string, AttributeValue> item) => await dynamo.PutItemAsync("readings", item);
            }
            """,
            "'PutItemAsync' throws ProvisionedThroughputExceededException when the table is throttled, and no catch or retry policy handles it, so the write is lost",
            "'PutItemAsync' 호출은 테이블에 스로틀링이 발생하면 ProvisionedThroughputExceededException을 발생시키는데, 이를 처리하는 catch나 재시도 정책이 없어 쓰기가 유실됩니다",
            Option: ("aws_analyzers.AWS005.services", "dynamodb")),
        new("AWS006", """
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                async Task SendAsync(IAmazonKinesis kinesis, PutRecordsRequest request)
                {
                    try
                    {
                        await kinesis.PutRecordsAsync(request);
                    }
                    catch (ProvisionedThroughputExceededException)
                    {
                    }
                }
            }
            """,
            "'PutRecordsAsync' succeeds even when some entries fail, and this code never reads FailedRecordCount or Records[i].ErrorCode, so the failed entries are silently lost",
            "'PutRecordsAsync' 호출은 일부 항목이 실패해도 성공으로 끝나는데, 이 코드는 FailedRecordCount 또는 Records[i].ErrorCode 값을 읽지 않으므로 실패한 항목이 아무 알림 없이 유실됩니다"),
        new("AWS012", """
            using Amazon.Athena.Model;

            class Lookup
            {
                StartQueryExecutionRequest Build(string deviceId) =>
                    new StartQueryExecutionRequest { QueryString = $"SELECT count(*) FROM sensor_data WHERE year = 2025 AND device_id = '{deviceId}'" };
            }
            """,
            "'deviceId' is spliced into this Athena statement where it is read as a value: a quote in it rewrites the statement, so bind it as a ? parameter",
            "'deviceId' 값이 이 Athena 문에 값으로 읽히는 위치에 직접 삽입됩니다. 값에 작은따옴표가 있으면 문이 바뀌므로 ? 파라미터로 바인딩하세요"),
        new("AWS015", """
            using Amazon.Athena.Model;

            class Export
            {
                StartQueryExecutionRequest Build() =>
                    new StartQueryExecutionRequest { QueryString = "SELECT * FROM sensor_data WHERE year = 2025" };
            }
            """,
            "This Athena query selects * from a base table with no LIMIT or aggregation: every column of every row is scanned and billed",
            "이 Athena 쿼리는 LIMIT이나 집계 없이 기본 테이블에서 * 항목을 선택합니다. 모든 행의 모든 열이 스캔되고 요금이 부과됩니다"),
        new("AWS017", """
            using Amazon.S3;
            using Amazon.S3.Model;

            class Publisher
            {
                PutObjectRequest Build(string bucket, string key) => new PutObjectRequest { BucketName = bucket, Key = key, CannedACL = S3CannedACL.PublicRead };
            }
            """,
            "The canned ACL 'public-read' opens the S3 data to requesters outside the owner's account",
            "미리 제공된 ACL 'public-read' 값이 소유자 계정 밖의 요청자에게 S3 데이터를 엽니다"),
        new("AWS020", """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reader
            {
                Task<GetObjectResponse> ReadAsync(IAmazonS3 s3, string bucket, string key) =>
                    s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
            }

            static class AccountIds
            {
                public static string Current => "111122223333";
            }
            """,
            "'GetObjectRequest' does not set ExpectedBucketOwner, so it reaches whichever account owns a bucket of that name",
            "'GetObjectRequest' 요청은 ExpectedBucketOwner를 설정하지 않으므로 그 이름의 버킷을 소유한 계정이 누구든 그 버킷에 전달됩니다",
            Option: ("aws_analyzers.AWS020.expected_owner_expression", "AccountIds.Current")),
        new("AWS016", """
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            public class Function
            {
                private static readonly IAmazonLambda s_lambda = new AmazonLambdaClient();

                public async Task Handler(string input, ILambdaContext context) =>
                    await s_lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit", Payload = input });
            }
            """,
            "'InvokeAsync' invokes another function synchronously (RequestResponse) on every invocation of Lambda handler 'Function.Handler': the handler waits, and is billed, while the other function runs",
            "'InvokeAsync' 호출은 Lambda 핸들러 'Function.Handler'의 호출마다 다른 함수를 동기식(RequestResponse)으로 호출하므로, 그 함수가 실행되는 동안 핸들러가 기다리며 요금도 계속 부과됩니다"),
        new("AWS016", """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;
            using Amazon.Lambda.Core;

            public class Function
            {
                private static readonly IAmazonCloudWatch s_cloudWatch = new AmazonCloudWatchClient();

                public async Task Handler(string input, ILambdaContext context) =>
                    await s_cloudWatch.PutMetricDataAsync(new PutMetricDataRequest
                    {
                        Namespace = "Sensors",
                        MetricData = new List<MetricDatum> { new MetricDatum { MetricName = "Readings", Unit = StandardUnit.Count, Value = input.Length } },
                    });
            }
            """,
            "'PutMetricDataAsync' makes a billed CloudWatch API call on every invocation of Lambda handler 'Function.Handler': write the metrics to the log in the embedded metric format instead",
            "'PutMetricDataAsync' 호출은 Lambda 핸들러 'Function.Handler'의 호출마다 요금이 부과되는 CloudWatch API를 호출합니다. 대신 임베디드 지표 형식으로 로그에 지표를 기록하세요",
            Variant: "metric"),
        new("AWS019", """
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;

            class Alarms
            {
                Task CreateAsync(IAmazonCloudWatch cloudWatch) =>
                    cloudWatch.PutMetricAlarmAsync(new PutMetricAlarmRequest { AlarmName = "EMR-High-Latency" });
            }
            """,
            "This alarm has no AlarmActions, OKActions or InsufficientDataActions: it changes state and notifies no one",
            "이 경보에는 AlarmActions, OKActions, InsufficientDataActions가 없어 상태가 바뀌어도 아무에게도 알리지 않습니다",
            Option: ("aws_analyzers.AWS019.default_alarm_action", "arn:aws:sns:eu-west-1:123456789012:on-call")),
        new("AWS019", """
            using System.Threading.Tasks;
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;

            class Metrics
            {
                Task PublishAsync(IAmazonCloudWatch cloudWatch) =>
                    cloudWatch.PutMetricDataAsync(new PutMetricDataRequest { Namespace = "AWS/SensorPipeline" });
            }
            """,
            "Namespace 'AWS/SensorPipeline' starts with AWS/, which is reserved for the metrics of AWS services: publish custom metrics under a namespace of your own",
            "'AWS/SensorPipeline' 네임스페이스는 AWS 서비스의 지표용으로 예약된 AWS/로 시작합니다. 사용자 지정 지표는 자체 네임스페이스에 게시하세요",
            Variant: "namespace"),
        new("AWS021", """
            using System;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handler(ILambdaContext context) => Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1");
            }
            """,
            "'AWS_REGION' is set by the Lambda runtime: changing it in the process does not change what the runtime and the AWS SDK have already read",
            "'AWS_REGION' 변수는 Lambda 런타임이 설정합니다. 프로세스에서 바꿔도 런타임과 AWS SDK가 이미 읽은 값은 바뀌지 않습니다"),
        new("AWS021", """
            using System.Collections.Generic;
            using Amazon.Lambda.Model;

            class Deployer
            {
                CreateFunctionRequest Build() => new CreateFunctionRequest
                {
                    Environment = new Environment { Variables = new Dictionary<string, string> { { "TZ", "Asia/Seoul" } } },
                };
            }
            """,
            "'TZ' is a reserved Lambda environment variable: the service rejects a function configuration that sets it",
            "'TZ' 변수는 예약된 Lambda 환경 변수입니다. 이 변수를 설정하는 함수 구성은 서비스가 거부합니다",
            Variant: "configuration"),
        new("AWS008", """
            using Amazon.Runtime;
            using Amazon.S3;

            class Clients
            {
                IAmazonS3 Make() => new AmazonS3Client(new BasicAWSCredentials("AKIAZ7Q2M4N6P8R0T2V4", "secret"));
            }
            """,
            "'BasicAWSCredentials' is given an AWS access key written in the code, which anyone who can read the code can use; remove it, rotate the key and let the SDK's default credential chain find credentials",
            "'BasicAWSCredentials' 생성자에 코드에 작성된 AWS 액세스 키가 전달되어 코드를 읽을 수 있는 누구나 이 키를 사용할 수 있으므로, 키를 제거하고 교체한 뒤 SDK의 기본 자격 증명 체인이 자격 증명을 찾게 하세요"),
        new("AWS018", """
            using Amazon.KeyManagementService.Model;

            class KeyRetirement
            {
                ScheduleKeyDeletionRequest Week() => new ScheduleKeyDeletionRequest { KeyId = "alias/bigdata-key", PendingWindowInDays = 7 };
            }
            """,
            "The KMS key is scheduled for deletion after 7 days, fewer than 30; data encrypted under a deleted key cannot be recovered, and the waiting period is the only time to cancel the deletion",
            "KMS 키가 7일 후 삭제되도록 예약되어 최소 30일보다 짧으므로, 삭제된 키로 암호화된 데이터는 복구할 수 없고 삭제를 취소할 수 있는 때는 대기 기간뿐입니다"),
        new("AWS013", """
            using Amazon.Kinesis;

            class Configs
            {
                AmazonKinesisConfig Kinesis() => new AmazonKinesisConfig { ServiceURL = "https://kinesis.ap-northeast-2.amazonaws.com" };
            }
            """,
            "'ServiceURL' is set to the public endpoint 'kinesis.ap-northeast-2.amazonaws.com', which bypasses the SDK's endpoint resolution and leaves the signing region to be kept right by hand; set RegionEndpoint instead",
            "'ServiceURL' 속성에 공개 엔드포인트 'kinesis.ap-northeast-2.amazonaws.com' 값을 설정하면 SDK의 엔드포인트 확인을 우회하고 서명 리전을 직접 맞춰야 하므로, 대신 RegionEndpoint 속성을 설정하세요"),
        new("AWS007", """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2.DocumentModel;

            class Store
            {
                async Task<List<Document>> ReadAsync(Table table, ScanFilter filter) => await table.Scan(filter).GetNextSetAsync();
            }
            """,
            "'GetNextSetAsync' returns at most 1 MB of items a page, and nothing here asks for the next page, so the later results are silently dropped",
            "'GetNextSetAsync' 호출은 페이지당 최대 1MB의 항목만 반환하는데 이 코드는 다음 페이지를 요청하지 않으므로 나머지 결과가 조용히 누락됩니다"),
        new("AWS010", """
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class Reports
            {
                async Task WaitAsync(IAmazonAthena athena, GetQueryExecutionRequest request)
                {
                    var state = QueryExecutionState.QUEUED;
                    while (state != QueryExecutionState.SUCCEEDED)
                    {
                        await Task.Delay(1000);
                        state = (await athena.GetQueryExecutionAsync(request)).QueryExecution.Status.State;
                    }
                }
            }
            """,
            "The loop keeps polling when the QueryExecutionState is FAILED, CANCELLED, which never changes again, so it spins until the function times out; continue only while it is QUEUED, RUNNING",
            "QueryExecutionState 값이 FAILED, CANCELLED 상태이면 다시는 바뀌지 않는데도 루프가 폴링을 계속하므로 함수가 제한 시간을 초과할 때까지 반복되니, QUEUED, RUNNING 상태일 때만 계속하세요"),
        new("AWS011", """
            using System.Threading.Tasks;
            using Amazon.SQS;

            class Consumer
            {
                async Task RunAsync(IAmazonSQS sqs, string url)
                {
                    while (true)
                    {
                        await sqs.ReceiveMessageAsync(url);
                    }
                }
            }
            """,
            "'ReceiveMessageAsync' polls the queue in a loop with short polling (the queue URL overload never waits), so every empty answer comes back at once and is billed as a request; set WaitTimeSeconds to 20 to wait for messages instead",
            "'ReceiveMessageAsync' 호출은 루프에서 짧은 폴링으로 대기열을 폴링하므로(대기열 URL 오버로드는 대기하지 않음) 빈 응답도 즉시 돌아오고 요청마다 요금이 부과되니, 메시지를 기다리도록 WaitTimeSeconds를 20으로 설정하세요"),
        new("AWS022", """
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Steps
            {
                StepConfig Step() => new StepConfig { Name = "load", ActionOnFailure = ActionOnFailure.TERMINATE_JOB_FLOW };
            }
            """,
            "TERMINATE_JOB_FLOW is the legacy name of the step failure action TERMINATE_CLUSTER; use ActionOnFailure.TERMINATE_CLUSTER",
            "TERMINATE_JOB_FLOW는 단계 실패 작업 TERMINATE_CLUSTER의 레거시 이름이므로 ActionOnFailure.TERMINATE_CLUSTER를 사용하세요"),
        new("AWS004", """
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class SensorReports
            {
                const string SensorData = "CREATE EXTERNAL TABLE sensor_data (device_id string) PARTITIONED BY (year string, month string, day string)";
                const string Alerts = "CREATE EXTERNAL TABLE alerts (device_id string) PARTITIONED BY (year string, month string, day string)";
                const string Devices = "CREATE EXTERNAL TABLE devices (id string) PARTITIONED BY (year string, month string, day string)";

                Task<StartQueryExecutionResponse> RunAsync(IAmazonAthena athena) =>
                    athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
                    {
                        QueryString = "SELECT * FROM sensor_data a JOIN alerts b ON a.device_id = b.device_id JOIN devices d ON d.id = a.device_id",
                    });
            }
            """,
            "The query reads 'sensor_data', 'alerts' and 'devices' without a predicate on year, month or day, so Athena scans every partition",
            "쿼리가 'sensor_data', 'alerts' 및 'devices' 테이블을 year, month 또는 day에 대한 조건 없이 읽으므로 Athena가 모든 파티션을 스캔합니다"),
        new("AWS009", """
            using System.Threading.Tasks;
            using Amazon.S3;

            class Buckets
            {
                async Task<int> CountAsync(IAmazonS3 s3)
                {
                    await Task.Yield();
                    return s3.ListBucketsAsync().Result.Buckets.Count;
                }
            }
            """,
            "The task of 'ListBucketsAsync' is blocked on with .Result in asynchronous code, which holds a thread-pool thread for the whole call; await it instead",
            "'ListBucketsAsync' 호출의 작업을 비동기 코드에서 .Result 방식으로 차단하므로 호출이 끝날 때까지 스레드 풀 스레드 하나가 묶입니다. 대신 await를 사용하세요"),
        new("AWS014", """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;

            public class Function
            {
                private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

                public async Task Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var message in input.Records)
                    {
                        await Dynamo.PutItemAsync("readings", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(Guid.NewGuid().ToString()) });
                    }
                }
            }
            """,
            "Key attribute 'id' is set from Guid.NewGuid(), a new value on every run, so each redelivery of the record writes another item",
            "키 속성 'id' 값을 실행할 때마다 새로 만들어지는 Guid.NewGuid() 값으로 설정하므로, 레코드가 재전달될 때마다 항목이 하나 더 기록됩니다"),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static IEnumerable<object[]> MessageCaseNames() => MessageCases.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(MessageCaseNames))]
    public async Task A_diagnostic_is_formatted_in_the_culture_asked_for(string name)
    {
        MessageCase messageCase = MessageCases[name];
        (_, ImmutableArray<Diagnostic> diagnostics) = await AnalyzeAsync(messageCase);

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == messageCase.Id);
        Assert.Equal(messageCase.English, diagnostic.GetMessage(English));
        Assert.Equal(messageCase.English, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(messageCase.Korean, diagnostic.GetMessage(Korean));
        Assert.Equal(messageCase.Korean, diagnostic.GetMessage(new CultureInfo("ko")));
        Assert.Equal(diagnostic.Descriptor.Title.ToString(Korean), AnalyzerResources.ResourceManager.GetString(messageCase.Id + "Title", Korean));
    }

    [Fact]
    public async Task Every_rule_offers_its_fixes_with_titles_in_the_UI_culture()
    {
        var fixedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (MessageCase messageCase in MessageCases.Values)
        {
            (Document document, ImmutableArray<Diagnostic> diagnostics) = await AnalyzeAsync(messageCase);
            Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == messageCase.Id);
            foreach (CodeFixProvider provider in CodeFixes().Where(f => f.FixableDiagnosticIds.Contains(messageCase.Id)))
            {
                ImmutableArray<string> korean = await FixTitlesAsync(provider, document, diagnostic, Korean);
                ImmutableArray<string> english = await FixTitlesAsync(provider, document, diagnostic, CultureInfo.InvariantCulture);

                Assert.Equal(english.Length, korean.Length);
                Assert.All(korean, title => Assert.True(HasHangul(title), $"{messageCase.Name}: fix title not in Korean: {title}"));
                Assert.All(english, title => Assert.False(HasHangul(title), $"{messageCase.Name}: fix title not in English: {title}"));
                if (!korean.IsEmpty)
                {
                    fixedIds.Add(messageCase.Id);
                }
            }
        }

        Assert.Equal(
            CodeFixes().SelectMany(f => f.FixableDiagnosticIds).Distinct().Order(StringComparer.Ordinal),
            fixedIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Code_fixes_take_their_titles_from_the_resources()
    {
        var literalTitle = new Regex(@"CodeAction\.Create\(\s*(\$|@|"")");
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRootAttribute.Value, "src", "AwsAnalyzers.CodeFixes"), "*.cs", SearchOption.AllDirectories))
        {
            Assert.False(literalTitle.IsMatch(File.ReadAllText(file)), $"{file}: a code-fix title written as a literal; put it in CodeFixResources.resx and .ko.resx");
        }
    }

    /// <param name="Variant">Names a second message of the same rule, so both cases have a name of their own.</param>
    private sealed record MessageCase(string Id, string Source, string English, string Korean, (string Key, string Value)? Option = null, string? Variant = null)
    {
        public string Name => (Option is null ? Id : Id + " " + Option.Value.Key + "=" + Option.Value.Value) + (Variant is null ? "" : " " + Variant);
    }

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(MessageCase messageCase)
    {
        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "User",
            "User",
            LanguageNames.CSharp,
            // A rule that is off by default (AWS020) is turned on for its case, as a user does in .editorconfig.
            compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication)
                .WithSpecificDiagnosticOptions(new[] { KeyValuePair.Create(messageCase.Id, ReportDiagnostic.Warn) }),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: TestReferences.All));
        Document document = workspace.AddDocument(project.Id, "User.cs", SourceText.From(messageCase.Source));
        Compilation compilation = (await document.Project.GetCompilationAsync())!;

        ImmutableDictionary<string, string> options = messageCase.Option is { } option
            ? ImmutableDictionary<string, string>.Empty.Add(option.Key, option.Value)
            : ImmutableDictionary<string, string>.Empty;
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new FixedOptionsProvider(options)),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(Analyzers().ToImmutableArray(), analyzerOptions).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return (document, diagnostics);
    }

    private static async Task<ImmutableArray<string>> FixTitlesAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CultureInfo uiCulture)
    {
        CultureInfo previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = uiCulture;
        try
        {
            var titles = ImmutableArray.CreateBuilder<string>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => titles.Add(action.Title), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
            return titles.ToImmutable();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        typeof(AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    private static IEnumerable<CodeFixProvider> CodeFixes() =>
        typeof(AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!);

    private static Dictionary<string, string> ReadResx(string relativePath)
    {
        string path = Path.Combine(RepositoryRootAttribute.Value, relativePath);
        Assert.True(File.Exists(path), $"missing {relativePath}");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{[0-9]+(:[^}]*)?\}").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static bool HasHangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3');

    /// <summary>The same .editorconfig options for every file.</summary>
    private sealed class FixedOptionsProvider(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
