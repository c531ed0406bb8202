using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using AwsAnalyzers.Configuration;
using AwsAnalyzers.Core;
using AwsAnalyzers.S3;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.S3.AWS020ExpectedBucketOwnerMissingAnalyzer,
    AwsAnalyzers.S3.AWS020ExpectedBucketOwnerMissingCodeFix>;

namespace AwsAnalyzers.Tests.S3;

public class AWS020ExpectedBucketOwnerMissingTests
{
    private const string Enabled = "dotnet_diagnostic.AWS020.severity = warning\n";

    private const string OwnerOption = "aws_analyzers.AWS020.expected_owner_expression = AccountIds.Current\n";

    /// <summary>What the configured owner expression names in the test code.</summary>
    private const string AccountIds = """

        static class AccountIds
        {
            public static string Current => "111122223333";
        }
        """;

    private static VerifyCS.Test Configured(string source, string settings, string? fixedSource = null, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            test.CodeActionEquivalenceKey = AWS020ExpectedBucketOwnerMissingCodeFix.SetOwnerEquivalenceKey;
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + settings));
        return test;
    }

    private static DiagnosticResult Missing(int location, string request) =>
        VerifyCS.Diagnostic(AWS020ExpectedBucketOwnerMissingAnalyzer.Rule).WithLocation(location).WithArguments(request);

    // ---- The descriptor ----

    [Fact]
    public void The_rule_is_off_by_default_through_the_descriptor_factory()
    {
        Assert.All(new AWS020ExpectedBucketOwnerMissingAnalyzer().SupportedDiagnostics, descriptor =>
        {
            Assert.False(descriptor.IsEnabledByDefault);
            Assert.Equal(RuleCategories.Security, descriptor.Category);
            Assert.Equal(RuleDescriptors.HelpLinkUri("AWS020"), descriptor.HelpLinkUri);
        });
        Assert.All(new AwsAnalyzers.Security.AWS017PublicAccessGrantedAnalyzer().SupportedDiagnostics, descriptor => Assert.True(descriptor.IsEnabledByDefault));
    }

    [Fact]
    public async Task Nothing_is_reported_until_the_rule_is_enabled()
    {
        // The testing library turns every rule on, so the default is checked on a compilation of its own.
        const string Source = """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reader
            {
                Task<GetObjectResponse> ReadAsync(IAmazonS3 s3, string bucket, string key) =>
                    s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
            }
            """;
        Assert.Empty(await DiagnosticsAsync(Source, enable: false));
        Assert.Equal("AWS020", Assert.Single(await DiagnosticsAsync(Source, enable: true)).Id);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, bool enable)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        if (enable)
        {
            options = options.WithSpecificDiagnosticOptions(new[] { KeyValuePair.Create("AWS020", ReportDiagnostic.Warn) });
        }

        CSharpCompilation compilation = CSharpCompilation.Create("User", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, options);
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AWS020ExpectedBucketOwnerMissingAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
    }

    // ---- What it reports ----

    [Fact]
    public async Task Requests_for_a_run_time_bucket_are_reported_and_get_the_configured_owner()
    {
        await Configured("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Archive
            {
                async Task CopyAsync(IAmazonS3 s3, AmazonS3Client client, string bucket, string key)
                {
                    await s3.GetObjectAsync({|#0:new GetObjectRequest|} { BucketName = bucket, Key = key });
                    var put = {|#1:new PutObjectRequest|}
                    {
                        BucketName = bucket,
                        Key = key + ".bak", // the backup
                    };
                    await client.PutObjectAsync(put);
                    var delete = {|#2:new DeleteObjectRequest|}();
                    delete.BucketName = bucket;
                    delete.Key = key;
                    await s3.DeleteObjectAsync(delete);
                    await s3.CopyObjectAsync({|#3:new CopyObjectRequest|} { SourceBucket = "inbox", SourceKey = key, DestinationBucket = bucket, DestinationKey = key });
                }
            }
            """ + AccountIds, Enabled + OwnerOption, """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Archive
            {
                async Task CopyAsync(IAmazonS3 s3, AmazonS3Client client, string bucket, string key)
                {
                    await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, ExpectedBucketOwner = AccountIds.Current });
                    var put = new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = key + ".bak", // the backup
                        ExpectedBucketOwner = AccountIds.Current,
                    };
                    await client.PutObjectAsync(put);
                    var delete = new DeleteObjectRequest() { ExpectedBucketOwner = AccountIds.Current };
                    delete.BucketName = bucket;
                    delete.Key = key;
                    await s3.DeleteObjectAsync(delete);
                    await s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = "inbox", SourceKey = key, DestinationBucket = bucket, DestinationKey = key, ExpectedBucketOwner = AccountIds.Current });
                }
            }
            """ + AccountIds,
            Missing(0, "GetObjectRequest"), Missing(1, "PutObjectRequest"), Missing(2, "DeleteObjectRequest"), Missing(3, "CopyObjectRequest")).RunAsync();
    }

    [Fact]
    public async Task Without_a_configured_owner_there_is_no_fix()
    {
        const string Source = """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reader
            {
                Task<ListObjectsV2Response> ListAsync(IAmazonS3 s3, string bucket) =>
                    s3.ListObjectsV2Async({|#0:new ListObjectsV2Request|} { BucketName = bucket, Prefix = "2024/" });
            }
            """;
        await Configured(Source, Enabled, Source, Missing(0, "ListObjectsV2Request")).RunAsync();
    }

    // ---- What it leaves alone ----

    [Fact]
    public async Task Constant_buckets_owners_already_set_unknown_buckets_and_requests_handed_on_are_not_reported()
    {
        await Configured("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reader
            {
                const string Reports = "sensor-reports";

                async Task ReadAsync(IAmazonS3 s3, string bucket, string key, string owner)
                {
                    await s3.GetObjectAsync(new GetObjectRequest { BucketName = "sensor-archive", Key = key });
                    await s3.GetObjectAsync(new GetObjectRequest { BucketName = Reports, Key = key });
                    string fixedBucket = "sensor-inbox";
                    await s3.GetObjectAsync(new GetObjectRequest { BucketName = fixedBucket, Key = key });
                    await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, ExpectedBucketOwner = owner });
                    var later = new GetObjectRequest { BucketName = bucket, Key = key };
                    later.ExpectedBucketOwner = owner;
                    await s3.GetObjectAsync(later);
                    var unknown = new GetObjectRequest { Key = key };
                    await s3.GetObjectAsync(unknown);
                    var handedOn = new GetObjectRequest { BucketName = bucket, Key = key };
                    Sign(handedOn);
                    await s3.GetObjectAsync(handedOn);
                    await s3.GetObjectAsync(bucket, key);
                }

                GetObjectRequest Build(string bucket) => new GetObjectRequest { BucketName = bucket };

                static void Sign(GetObjectRequest request) { }
            }
            """, Enabled).RunAsync();
    }

    [Fact]
    public async Task Clients_configured_for_a_store_that_is_not_aws_are_not_reported()
    {
        await Configured("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class LocalArchive
            {
                private readonly AmazonS3Client _minio = new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://minio.internal:9000", ForcePathStyle = true });
                private readonly AmazonS3Client _aws = new AmazonS3Client(new AmazonS3Config { ServiceURL = "https://s3.eu-west-1.amazonaws.com" });

                async Task ReadAsync(string bucket, string key)
                {
                    var config = new AmazonS3Config { ServiceURL = "http://localhost:4566" };
                    using var localStack = new AmazonS3Client(config);
                    await localStack.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
                    await _minio.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x" });
                    await _aws.PutObjectAsync({|#0:new PutObjectRequest|} { BucketName = bucket, Key = key, ContentBody = "x" });
                }
            }
            """, Enabled, null, Missing(0, "PutObjectRequest")).RunAsync();
    }

    // ---- Convenience overloads ----

    [Fact]
    public async Task Convenience_overloads_are_reported_only_when_the_option_asks_for_them()
    {
        const string Source = """
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reader
            {
                async Task ReadAsync(IAmazonS3 s3, AmazonS3Client client, string bucket, string key)
                {
                    await {|#0:s3.GetObjectAsync(bucket, key)|};
                    await {|#1:client.DeleteObjectAsync(bucket, key)|};
                    await s3.GetObjectAsync("sensor-archive", key);
                    await s3.ListBucketsAsync();
                }
            }
            """;
        await Configured(Source.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""), Enabled).RunAsync();
        await Configured(
            Source,
            Enabled + "aws_analyzers.AWS020.include_convenience_overloads = true\n" + OwnerOption,
            null,
            VerifyCS.Diagnostic(AWS020ExpectedBucketOwnerMissingAnalyzer.ConvenienceOverloadRule).WithLocation(0).WithArguments("GetObjectAsync"),
            VerifyCS.Diagnostic(AWS020ExpectedBucketOwnerMissingAnalyzer.ConvenienceOverloadRule).WithLocation(1).WithArguments("DeleteObjectAsync")).RunAsync();
    }

    [Fact]
    public async Task The_convenience_overload_option_applies_to_the_files_it_is_set_for_and_to_each_part_of_a_partial_type_on_its_own()
    {
        // The option is set for one folder: one part of Reader is there, its other part and Cleaner are not.
        const string ArchivePart = """
            using System.Threading.Tasks;
            using Amazon.S3;

            partial class Reader
            {
                Task ReadAsync(IAmazonS3 s3, string bucket, string key) => {|#0:s3.GetObjectAsync(bucket, key)|};
            }
            """;
        const string LivePart = """
            using System.Threading.Tasks;
            using Amazon.S3;

            partial class Reader
            {
                Task ReadLiveAsync(IAmazonS3 s3, string bucket, string key) => s3.GetObjectAsync(bucket, key);
            }
            """;
        const string Cleaner = """
            using System.Threading.Tasks;
            using Amazon.S3;

            class Cleaner
            {
                Task CleanAsync(IAmazonS3 s3, string bucket, string key) => s3.DeleteObjectAsync(bucket, key);
            }
            """;
        VerifyCS.Test test = Configured(ArchivePart, Enabled + "[/src/Archive/*.cs]\naws_analyzers.AWS020.include_convenience_overloads = true\n");
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/src/Archive/Reader.cs", ArchivePart));
        test.TestState.Sources.Add(("/src/Live/Reader.Live.cs", LivePart));
        test.TestState.Sources.Add(("/src/Live/Cleaner.cs", Cleaner));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(AWS020ExpectedBucketOwnerMissingAnalyzer.ConvenienceOverloadRule).WithLocation(0).WithArguments("GetObjectAsync"));
        await test.RunAsync();
    }

    // ---- The owner expression option ----

    [Theory]
    [InlineData("AccountIds.Current", true)]
    [InlineData("Environment.GetEnvironmentVariable(\"AWS_ACCOUNT_ID\")", true)]
    [InlineData("_settings.Value.AccountId", true)]
    [InlineData("\"111122223333\"", true)]
    [InlineData("AccountIds.", false)]
    [InlineData("a b", false)]
    [InlineData("GetOwner(", false)]
    [InlineData("x; y", false)]
    public void The_owner_expression_must_parse_as_one_expression(string value, bool valid)
    {
        Assert.Equal(valid, RuleOptions.BucketOwnerExpression.Check(value) is null);
        Assert.Equal(valid ? value : string.Empty, RuleOptions.BucketOwnerExpression.Value(value));
    }

    [Fact]
    public async Task An_owner_expression_that_does_not_parse_is_reported_as_AWS000_and_offers_no_fix()
    {
        var test = new ConfiguredRulesTest
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Reader
                {
                    Task<GetObjectResponse> ReadAsync(IAmazonS3 s3, string bucket) => s3.GetObjectAsync({|#0:new GetObjectRequest|} { BucketName = bucket });
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + Enabled + "aws_analyzers.AWS020.expected_owner_expression = GetOwner(\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(AWS000UnrecognizedOptionAnalyzer.Rule).WithMessage(
            "Unrecognized value 'GetOwner(' for aws_analyzers.AWS020.expected_owner_expression: expected a C# expression; using ''"));
        test.ExpectedDiagnostics.Add(Missing(0, "GetObjectRequest"));
        await test.RunAsync();
    }

    // ---- Robustness ----

    [Fact]
    public async Task Requests_built_for_a_test_double_and_generated_code_are_not_reported()
    {
        var test = Configured("""
            using System.Threading;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Moq;

            class ReaderTests
            {
                void Arrange(Mock<IAmazonS3> mock, string bucket)
                {
                    mock.Setup(s => s.GetObjectAsync(new GetObjectRequest { BucketName = bucket }, CancellationToken.None));
                }
            }
            """, Enabled);
        test.TestState.Sources.Add(MockingLibrarySources.EntryPoints);
        test.TestState.Sources.Add("""
            // <auto-generated/>
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Generated
            {
                Task<GetObjectResponse> ReadAsync(IAmazonS3 s3, string bucket) => s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket });
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Incomplete_code_gives_no_crash()
    {
        var test = Configured("""
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reader
            {
                void Read(IAmazonS3 s3, string bucket)
                {
                    var request = new GetObjectRequest { BucketName = bucket, ExpectedBucketOwner = };
                    s3.GetObjectAsync(new GetObjectRequest { BucketName = , Key = bucket }
                    s3.GetObjectAsync(bucket,
                    var other = new Unknown.GetObjectRequest { BucketName = bucket };
                    new AmazonS3Client(new AmazonS3Config { ServiceURL = }).GetObjectAsync({|#0:new GetObjectRequest|} { BucketName = bucket });
                }
            }
            """, Enabled + OwnerOption + "aws_analyzers.AWS020.include_convenience_overloads = true\n");
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(Missing(0, "GetObjectRequest"));
        await test.RunAsync();
    }

    private sealed class ConfiguredRulesTest : CSharpAnalyzerTest<AWS000UnrecognizedOptionAnalyzer, DefaultVerifier>
    {
        public ConfiguredRulesTest() => TestSetup.Apply(this);

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new AWS000UnrecognizedOptionAnalyzer(), new AWS020ExpectedBucketOwnerMissingAnalyzer()];
    }
}
