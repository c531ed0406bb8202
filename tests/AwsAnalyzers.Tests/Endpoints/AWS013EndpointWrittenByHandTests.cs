using System.Threading.Tasks;
using AwsAnalyzers.Endpoints;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Endpoints.AWS013EndpointWrittenByHandAnalyzer,
    AwsAnalyzers.Endpoints.AWS013EndpointWrittenByHandCodeFix>;

namespace AwsAnalyzers.Tests.Endpoints;

public class AWS013EndpointWrittenByHandTests
{
    private static DiagnosticResult Url(int location, string host) =>
        VerifyCS.Diagnostic(AWS013EndpointWrittenByHandAnalyzer.ServiceUrlRule).WithLocation(location).WithArguments(host);

    private static DiagnosticResult Region(int location, string name, string field) =>
        VerifyCS.Diagnostic(AWS013EndpointWrittenByHandAnalyzer.RegionNameRule).WithLocation(location).WithArguments(name, field);

    private static DiagnosticResult UnknownRegion(int location, string name) =>
        VerifyCS.Diagnostic(AWS013EndpointWrittenByHandAnalyzer.UnknownRegionRule).WithLocation(location).WithArguments(name);

    private static DiagnosticResult ProcessRegion(int location, string name) =>
        VerifyCS.Diagnostic(AWS013EndpointWrittenByHandAnalyzer.ProcessRegionRule).WithLocation(location).WithArguments(name);

    // ---- What it reports ----

    [Fact]
    public async Task Public_endpoints_in_ServiceURL_are_reported_with_their_host()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.DynamoDBv2;
            using Amazon.Kinesis;
            using Amazon.S3;
            using Amazon.SQS;

            class Configs
            {
                private const string QueueEndpoint = "https://sqs.eu-west-1.amazonaws.com";

                object[] All(AmazonDynamoDBConfig dynamo) => new object[]
                {
                    new AmazonKinesisConfig { ServiceURL = {|#0:"https://kinesis.ap-northeast-2.amazonaws.com"|} },
                    new AmazonS3Config { ServiceURL = {|#1:"https://s3.cn-north-1.amazonaws.com.cn/"|} },
                    new AmazonS3Config { ServiceURL = {|#2:"https://s3-us-west-2.amazonaws.com"|} },
                    new AmazonS3Config { ServiceURL = {|#3:"https://s3.dualstack.us-east-1.amazonaws.com"|} },
                    new AmazonKinesisConfig { ServiceURL = {|#4:"https://kinesis.us-east-1.api.aws"|} },
                    new AmazonS3Config { ServiceURL = {|#5:"https://s3.amazonaws.com"|} },
                    new AmazonSQSConfig { ServiceURL = {|#6:QueueEndpoint|} },
                    new AmazonS3Config { ServiceURL = {|#7:"HTTPS://S3.EU-WEST-1.AMAZONAWS.COM:443"|} },
                };

                void Statement(AmazonDynamoDBConfig dynamo) => dynamo.ServiceURL = {|#8:"https://dynamodb.us-gov-west-1.amazonaws.com"|};
            }
            """,
            Url(0, "kinesis.ap-northeast-2.amazonaws.com"),
            Url(1, "s3.cn-north-1.amazonaws.com.cn"),
            Url(2, "s3-us-west-2.amazonaws.com"),
            Url(3, "s3.dualstack.us-east-1.amazonaws.com"),
            Url(4, "kinesis.us-east-1.api.aws"),
            Url(5, "s3.amazonaws.com"),
            Url(6, "sqs.eu-west-1.amazonaws.com"),
            Url(7, "s3.eu-west-1.amazonaws.com"),
            Url(8, "dynamodb.us-gov-west-1.amazonaws.com"));
    }

    [Fact]
    public async Task GetBySystemName_of_a_constant_is_reported_and_says_when_the_name_is_no_region()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon;

            class Regions
            {
                private static readonly string Home = "eu-central-1";

                RegionEndpoint Seoul() => {|#0:RegionEndpoint.GetBySystemName("ap-northeast-2")|};
                RegionEndpoint Typo() => {|#1:RegionEndpoint.GetBySystemName("us-eat-1")|};
                RegionEndpoint Field() => {|#2:RegionEndpoint.GetBySystemName(Home)|};
                RegionEndpoint GovCloud() => {|#3:Amazon.RegionEndpoint.GetBySystemName("us-gov-west-1")|};

                RegionEndpoint Local()
                {
                    var name = "cn-northwest-1";
                    return {|#4:RegionEndpoint.GetBySystemName(name)|};
                }
            }
            """,
            Region(0, "ap-northeast-2", "APNortheast2"),
            UnknownRegion(1, "us-eat-1"),
            Region(2, "eu-central-1", "EUCentral1"),
            Region(3, "us-gov-west-1", "USGovCloudWest1"),
            Region(4, "cn-northwest-1", "CNNorthWest1"));
    }

    [Fact]
    public async Task A_region_constant_the_code_also_uses_as_a_string_is_not_reported()
    {
        // An integration test's shape: one constant names the test region for the clients and for the commands that
        // take the name as a string, so the field would split the one definition in two. A typo is still reported, and
        // a constant read only by GetBySystemName still is.
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon;

            public static class TestConstants
            {
                public const string TEST_REGION = "us-west-2";
                public const string Typo = "us-wst-2";
                public const string Backup = "eu-west-1";
            }

            public class DeployCommand
            {
                public string Region { get; set; }
            }

            public class DeployTests
            {
                private const string Home = "ap-northeast-2";

                RegionEndpoint Client() => RegionEndpoint.GetBySystemName(TestConstants.TEST_REGION);
                RegionEndpoint Seoul() => RegionEndpoint.GetBySystemName(Home);
                RegionEndpoint Misspelt() => {|#0:RegionEndpoint.GetBySystemName(TestConstants.Typo)|};
                RegionEndpoint First() => {|#1:RegionEndpoint.GetBySystemName(TestConstants.Backup)|};
                RegionEndpoint Second() => {|#2:RegionEndpoint.GetBySystemName(TestConstants.Backup)|};

                void Deploy()
                {
                    var command = new DeployCommand { Region = TestConstants.TEST_REGION };
                    System.Console.WriteLine($"Deploying to {Home}, then {TestConstants.Typo}");
                }
            }
            """,
            UnknownRegion(0, "us-wst-2"),
            Region(1, "eu-west-1", "EUWest1"),
            Region(2, "eu-west-1", "EUWest1"));
    }

    [Fact]
    public async Task A_constant_written_to_AWSConfigs_AWSRegion_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon;

            static class Startup
            {
                static void Configure() => AWSConfigs.AWSRegion = {|#0:"ap-northeast-2"|};
            }
            """,
            ProcessRegion(0, "ap-northeast-2"));
    }

    // ---- What it leaves alone ----

    [Fact]
    public async Task Emulators_other_stores_vpc_endpoints_fips_and_other_aws_hosts_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Kinesis;
            using Amazon.S3;

            class Configs
            {
                object[] All() => new object[]
                {
                    new AmazonS3Config { ServiceURL = "http://localhost:4566", ForcePathStyle = true },
                    new AmazonS3Config { ServiceURL = "http://minio:9000" },
                    new AmazonS3Config { ServiceURL = "https://storage.googleapis.com" },
                    new AmazonS3Config { ServiceURL = "https://0123456789abcdef.r2.cloudflarestorage.com" },
                    new AmazonKinesisConfig { ServiceURL = "https://vpce-0a1b2c3d4e5f67890-abcdefgh.kinesis.ap-northeast-2.vpce.amazonaws.com" },
                    new AmazonKinesisConfig { ServiceURL = "https://kinesis-fips.us-east-1.amazonaws.com" },
                    new AmazonS3Config { ServiceURL = "https://s3-fips.dualstack.us-east-1.amazonaws.com" },
                    new AmazonS3Config { ServiceURL = "https://sensor-archive.s3.us-east-1.amazonaws.com" },
                    new AmazonS3Config { ServiceURL = "https://a1b2c3.execute-api.us-east-1.amazonaws.com" },
                    new AmazonS3Config { ServiceURL = "https://amazonaws.com.example.org" },
                    new AmazonS3Config(),
                };
            }
            """);
    }

    [Fact]
    public async Task Values_from_configuration_and_non_constant_names_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using Amazon;
            using Amazon.S3;

            class Configs
            {
                AmazonS3Config Configured(IDictionary<string, string> settings) => new AmazonS3Config { ServiceURL = settings["S3:ServiceUrl"] };
                AmazonS3Config Environmental() => new AmazonS3Config { ServiceURL = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") };
                RegionEndpoint Named(string region) => RegionEndpoint.GetBySystemName(region);
                RegionEndpoint FromEnvironment() => RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable("AWS_REGION"));
                RegionEndpoint Field() => RegionEndpoint.APNortheast2;
                void Process() => AWSConfigs.AWSRegion = Environment.GetEnvironmentVariable("REGION");
                IAmazonS3 NoRegion() => new AmazonS3Client();
            }

            class OwnSettings
            {
                public string ServiceURL { get; set; }
                public static string AWSRegion { get; set; }
                void Set()
                {
                    ServiceURL = "https://s3.us-east-1.amazonaws.com";
                    AWSRegion = "us-east-1";
                }
            }
            """);
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using Amazon;
            using Amazon.S3;

            class Configs
            {
                AmazonS3Config Config() => new AmazonS3Config { ServiceURL = "https://s3.us-east-1.amazonaws.com" };
                RegionEndpoint Region() => RegionEndpoint.GetBySystemName("us-east-1");
            }
            """);
    }

    [Fact]
    public async Task Without_aws_types_nothing_is_registered()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                namespace Amazon { class RegionEndpoint { public static RegionEndpoint GetBySystemName(string name) => null; } }
                class User { object Make() => Amazon.RegionEndpoint.GetBySystemName("us-east-1"); }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        await test.RunAsync();
    }

    [Fact]
    public async Task Incomplete_code_gives_no_crash()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon;
            using Amazon.S3;

            class Configs
            {
                object Missing() => RegionEndpoint.{|CS7036:GetBySystemName|}();
                object Unknown() => new AmazonS3Config { {|CS0117:ServiceUrl|} = "https://s3.us-east-1.amazonaws.com" };
                object Wrong() => new AmazonS3Config { ServiceURL = {|CS0029:1|} };
            }
            """);
    }

    // ---- Fixes ----

    [Fact]
    public async Task Fix_replaces_ServiceURL_with_the_region_of_the_config_s_own_service()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon.DynamoDBv2;
            using Amazon.Kinesis;
            using Amazon.S3;

            class Configs
            {
                AmazonKinesisConfig Kinesis() => new AmazonKinesisConfig
                {
                    // The stream's region.
                    ServiceURL = {|#0:"https://kinesis.ap-northeast-2.amazonaws.com"|},
                    MaxErrorRetry = 5,
                };

                AmazonS3Config China() => new AmazonS3Config { ServiceURL = {|#1:"https://s3.cn-north-1.amazonaws.com.cn"|} };
                AmazonS3Config Legacy() => new AmazonS3Config { ServiceURL = {|#2:"https://s3-us-west-2.amazonaws.com"|} };

                void Statement(AmazonDynamoDBConfig dynamo)
                {
                    dynamo.ServiceURL = {|#3:"https://dynamodb.us-gov-west-1.amazonaws.com/"|}; // GovCloud
                }
            }
            """, """
            using Amazon;
            using Amazon.DynamoDBv2;
            using Amazon.Kinesis;
            using Amazon.S3;

            class Configs
            {
                AmazonKinesisConfig Kinesis() => new AmazonKinesisConfig
                {
                    // The stream's region.
                    RegionEndpoint = RegionEndpoint.APNortheast2,
                    MaxErrorRetry = 5,
                };

                AmazonS3Config China() => new AmazonS3Config { RegionEndpoint = RegionEndpoint.CNNorth1 };
                AmazonS3Config Legacy() => new AmazonS3Config { RegionEndpoint = RegionEndpoint.USWest2 };

                void Statement(AmazonDynamoDBConfig dynamo)
                {
                    dynamo.RegionEndpoint = RegionEndpoint.USGovCloudWest1; // GovCloud
                }
            }
            """,
            AWS013EndpointWrittenByHandCodeFix.UseFieldEquivalenceKey,
            Url(0, "kinesis.ap-northeast-2.amazonaws.com"),
            Url(1, "s3.cn-north-1.amazonaws.com.cn"),
            Url(2, "s3-us-west-2.amazonaws.com"),
            Url(3, "dynamodb.us-gov-west-1.amazonaws.com"));
    }

    [Fact]
    public async Task Fix_replaces_GetBySystemName_with_the_field_and_removes_the_name_local()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon;

            class Regions
            {
                RegionEndpoint Seoul() => {|#0:RegionEndpoint.GetBySystemName("ap-northeast-2")|} /* home */;
                RegionEndpoint Qualified() => {|#1:Amazon.RegionEndpoint.GetBySystemName("us-gov-west-1")|};

                RegionEndpoint Local()
                {
                    var name = "cn-northwest-1";
                    return {|#2:RegionEndpoint.GetBySystemName(name)|};
                }
            }
            """, """
            using Amazon;

            class Regions
            {
                RegionEndpoint Seoul() => RegionEndpoint.APNortheast2 /* home */;
                RegionEndpoint Qualified() => RegionEndpoint.USGovCloudWest1;

                RegionEndpoint Local()
                {
                    return RegionEndpoint.CNNorthWest1;
                }
            }
            """,
            AWS013EndpointWrittenByHandCodeFix.UseFieldEquivalenceKey,
            Region(0, "ap-northeast-2", "APNortheast2"),
            Region(1, "us-gov-west-1", "USGovCloudWest1"),
            Region(2, "cn-northwest-1", "CNNorthWest1"));
    }

    [Fact]
    public async Task Fix_works_on_v3_config_shapes()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Kinesis;

                class Configs
                {
                    AmazonKinesisConfig Kinesis() => new AmazonKinesisConfig { ServiceURL = {|#0:"https://kinesis.eu-west-1.amazonaws.com"|} };
                }
                """,
            FixedCode = """
                using Amazon;
                using Amazon.Kinesis;

                class Configs
                {
                    AmazonKinesisConfig Kinesis() => new AmazonKinesisConfig { RegionEndpoint = RegionEndpoint.EUWest1 };
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        test.ExpectedDiagnostics.Add(Url(0, "kinesis.eu-west-1.amazonaws.com"));
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_for_another_service_dual_stack_global_hosts_unknown_regions_or_a_region_already_set()
    {
        const string source = """
            using Amazon;
            using Amazon.S3;

            class Configs
            {
                object[] All() => new object[]
                {
                    new AmazonS3Config { ServiceURL = {|#0:"https://kinesis.us-east-1.amazonaws.com"|} },
                    new AmazonS3Config { ServiceURL = {|#1:"https://s3.dualstack.us-east-1.amazonaws.com"|} },
                    new AmazonS3Config { ServiceURL = {|#2:"https://s3.amazonaws.com"|} },
                    new AmazonS3Config { ServiceURL = {|#3:"https://s3.xx-nowhere-9.amazonaws.com"|} },
                    new AmazonS3Config { RegionEndpoint = RegionEndpoint.USEast1, ServiceURL = {|#4:"https://s3.us-east-1.amazonaws.com"|} },
                    {|#5:RegionEndpoint.GetBySystemName("us-eat-1")|},
                };
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(new[]
        {
            Url(0, "kinesis.us-east-1.amazonaws.com"),
            Url(1, "s3.dualstack.us-east-1.amazonaws.com"),
            Url(2, "s3.amazonaws.com"),
            Url(3, "s3.xx-nowhere-9.amazonaws.com"),
            Url(4, "s3.us-east-1.amazonaws.com"),
            UnknownRegion(5, "us-eat-1"),
        });
        test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
        await test.RunAsync();
    }
}
