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
        new("AWS004", """
            using System.Threading.Tasks;
            using Amazon.Athena;
            using Amazon.Athena.Model;

            class SensorReports
            {
                Task<StartQueryExecutionResponse> RunAsync(IAmazonAthena athena) =>
                    athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
                    {
                        QueryString = "SELECT * FROM sensor_data a JOIN alerts b ON a.device_id = b.device_id JOIN devices d ON d.id = a.device_id",
                    });
            }
            """,
            "The query reads 'sensor_data', 'alerts' and 'devices' without a predicate on its partition columns, so Athena scans every partition",
            "쿼리가 'sensor_data', 'alerts' 및 'devices' 테이블을 파티션 열에 대한 조건 없이 읽으므로 Athena가 모든 파티션을 스캔합니다"),
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

    private sealed record MessageCase(string Id, string Source, string English, string Korean, (string Key, string Value)? Option = null)
    {
        public string Name => Option is null ? Id : Id + " " + Option.Value.Key + "=" + Option.Value.Value;
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
            compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication),
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
