using System.Threading.Tasks;
using AwsAnalyzers.Credentials;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Credentials.AWS008AccessKeyInCodeAnalyzer,
    AwsAnalyzers.Credentials.AWS008AccessKeyInCodeCodeFix>;

namespace AwsAnalyzers.Tests.Credentials;

/// <summary>
/// Every key here is invented: it has the format of an access key ID (AKIA, ASIA… and 16 letters or digits) and
/// belongs to nobody.
/// </summary>
public class AWS008AccessKeyInCodeTests
{
    /// <summary>A key reported at markup location <paramref name="location"/>; the creation it reaches is the fix's additional location.</summary>
    private static DiagnosticResult Key(int location, string type) =>
        VerifyCS.Diagnostic().WithLocation(location).WithArguments(type).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>A key held by a constant, field or local away from its use, reported at markup location <paramref name="location"/> and named by its holder.</summary>
    private static DiagnosticResult HeldKey(int location, string holder) =>
        VerifyCS.Diagnostic(AWS008AccessKeyInCodeAnalyzer.SharedKeyRule).WithLocation(location).WithArguments(holder).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>
    /// A fix test for a key written away from the constructor that takes it (a <c>const</c>, a local): the diagnostic
    /// sits on the declaration, which the editor's analysis of that span alone does not reach (a "non-local"
    /// diagnostic), so the testing library's check for local diagnostics does not apply.
    /// </summary>
    private static Task VerifyDeclaredKeyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = AWS008AccessKeyInCodeCodeFix.UseDefaultChainEquivalenceKey,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- What it reports ----

    [Fact]
    public async Task Target_typed_creations_and_the_projects_own_credentials_class_in_another_file_are_reported()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/Credentials.cs", """
            using Amazon.Runtime;

            class Credentials
            {
                AWSCredentials Make()
                {
                    BasicAWSCredentials credentials = new({|#0:"AKIAZ7Q2M4N6P8R0T2V5"|}, "secret");
                    return credentials;
                }
            }
            """));
        test.TestState.Sources.Add(("/0/FixedCredentials.cs", """
            using Amazon.Runtime;

            public class FixedCredentials : BasicAWSCredentials
            {
                public FixedCredentials(string accessKey, string secretKey) : base(accessKey, secretKey) { }
            }
            """));
        test.TestState.Sources.Add(("/0/Worker.cs", """
            class Worker
            {
                object Make() => new FixedCredentials({|#1:"AKIAZ7Q2M4N6P8R0T2V6"|}, "secret");
            }
            """));
        test.ExpectedDiagnostics.Add(Key(0, "BasicAWSCredentials"));
        test.ExpectedDiagnostics.Add(Key(1, "FixedCredentials"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Literal_key_of_BasicAWSCredentials_is_reported_on_the_literal_without_echoing_it()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Runtime;

            class Credentials
            {
                AWSCredentials Make() => new BasicAWSCredentials({|#0:"AKIAZ7Q2M4N6P8R0T2V4"|}, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9q8w7e5d");
            }
            """,
            Key(0, "BasicAWSCredentials"));
    }

    [Fact]
    public async Task Every_key_prefix_and_every_credentials_type_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Runtime;

            class Credentials
            {
                object[] Make() => new object[]
                {
                    new SessionAWSCredentials({|#0:"ASIAZ7Q2M4N6P8R0T2V4"|}, "secret", "token"),
                    new ImmutableCredentials({|#1:"ABIAZ7Q2M4N6P8R0T2V4"|}, "secret", "token"),
                    new BasicAWSCredentials({|#2:"ACCAZ7Q2M4N6P8R0T2V4"|}, "secret", "123456789012"),
                };
            }
            """,
            Key(0, "SessionAWSCredentials"),
            Key(1, "ImmutableCredentials"),
            Key(2, "BasicAWSCredentials"));
    }

    [Fact]
    public async Task Key_constructors_of_service_clients_and_TransferUtility_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon;
            using Amazon.KeyManagementService;
            using Amazon.S3;
            using Amazon.S3.Transfer;

            class Clients
            {
                IAmazonS3 S3() => new AmazonS3Client({|#0:"AKIAZ7Q2M4N6P8R0T2V4"|}, "secret", RegionEndpoint.EUWest1);
                IAmazonKeyManagementService Kms() => new AmazonKeyManagementServiceClient({|#1:"AKIAB3C5D7E9F1G3H5J7"|}, "secret", "token");
                TransferUtility Transfer() => new TransferUtility({|#2:"AKIAK2L4M6N8P0Q2R4S6"|}, "secret");
            }
            """,
            Key(0, "AmazonS3Client"),
            Key(1, "AmazonKeyManagementServiceClient"),
            Key(2, "TransferUtility"));
    }

    [Fact]
    public async Task A_const_key_used_twice_is_reported_once_at_its_declaration()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Runtime;
            using Amazon.S3;

            class Clients
            {
                private const string AccessKey = {|#0:"AKIAZ7Q2M4N6P8R0T2V4"|};
                private const string SecretKey = "secret";

                IAmazonS3 First() => new AmazonS3Client(AccessKey, SecretKey);
                IAmazonS3 Second() => new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey));
            }
            """,
            HeldKey(0, "AccessKey"));
    }

    [Fact]
    public async Task Static_readonly_fields_concatenations_const_locals_and_locals_written_once_are_followed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Runtime;

            class Keys
            {
                private static readonly string FieldKey = {|#0:"AKIAZ7Q2M4N6P8R0T2V4"|};
                private const string Prefix = "AKIA";

                AWSCredentials FromField() => new BasicAWSCredentials(FieldKey, "secret");
                AWSCredentials FromConcatenation() => new BasicAWSCredentials({|#1:Prefix + "B3C5D7E9F1G3H5J7"|}, "secret");

                AWSCredentials FromConstLocal()
                {
                    const string key = {|#2:"AKIAK2L4M6N8P0Q2R4S6"|};
                    return new BasicAWSCredentials(key, "secret");
                }

                AWSCredentials FromLocal()
                {
                    var key = {|#3:"AKIAW1X3Y5Z7A9B1C3D5"|};
                    var copy = key;
                    return new BasicAWSCredentials(copy, "secret");
                }
            }
            """,
            HeldKey(0, "FieldKey"),
            Key(1, "BasicAWSCredentials"),
            HeldKey(2, "key"),
            HeldKey(3, "key"));
    }

    [Fact]
    public async Task Test_code_and_mocks_are_not_exempt()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Runtime;
                using Amazon.S3;
                using Moq;

                class ClientTests
                {
                    void Arrange()
                    {
                        var client = new Mock<IAmazonS3>();
                        var real = new AmazonS3Client(new BasicAWSCredentials({|#0:"AKIAZ7Q2M4N6P8R0T2V4"|}, "secret"));
                    }
                }
                """,
        };
        test.TestState.Sources.Add(Infrastructure.MockingLibrarySources.EntryPoints);
        test.ExpectedDiagnostics.Add(Key(0, "BasicAWSCredentials"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Option_report_non_literal_reports_every_BasicAWSCredentials_built_in_code()
    {
        const string source = """
            using System;
            using Amazon.Runtime;

            class Credentials
            {
                AWSCredentials FromEnvironment() => {|#0:new BasicAWSCredentials(Environment.GetEnvironmentVariable("KEY"), Environment.GetEnvironmentVariable("SECRET"))|};
                AWSCredentials Session(string key, string secret, string token) => new SessionAWSCredentials(key, secret, token);
            }
            """;
        await VerifyCS.VerifyAnalyzerWithOptionsAsync(
            source,
            "aws_analyzers.AWS008.report_non_literal = true",
            VerifyCS.Diagnostic(AWS008AccessKeyInCodeAnalyzer.BuiltInCodeRule).WithLocation(0).WithArguments("BasicAWSCredentials").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        await VerifyCS.VerifyAnalyzerWithOptionsAsync(source.Replace("{|#0:", string.Empty, System.StringComparison.Ordinal).Replace(")|};", ");", System.StringComparison.Ordinal), "aws_analyzers.AWS008.report_non_literal = false");
    }

    // ---- What it leaves alone ----

    [Fact]
    public async Task Documented_example_keys_and_emulator_placeholders_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon;
            using Amazon.Runtime;
            using Amazon.S3;

            class Local
            {
                AWSCredentials Docs() => new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
                AWSCredentials Docs2() => new SessionAWSCredentials("ASIAIOSFODNN7EXAMPLE", "secret", "token");
                IAmazonS3 LocalStack() => new AmazonS3Client("test", "test", new AmazonS3Config { ServiceURL = "http://localhost:4566" });
                AWSCredentials Fake() => new BasicAWSCredentials("FAKE", "FAKE");
                AWSCredentials Minio() => new BasicAWSCredentials("local", "local");
                AWSCredentials TooShort() => new BasicAWSCredentials("AKIAZ7Q2M4N6P8R0T2V", "secret");
                AWSCredentials LowerCase() => new BasicAWSCredentials("akiaz7q2m4n6p8r0t2v4", "secret");
                AWSCredentials OtherPrefix() => new BasicAWSCredentials("AIDAZ7Q2M4N6P8R0T2V4", "secret");
                AWSCredentials SecretOnly() => new BasicAWSCredentials("local", "AKIAZ7Q2M4N6P8R0T2V4");
            }
            """);
    }

    [Fact]
    public async Task Values_from_configuration_environment_parameters_and_variable_locals_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using Amazon.Runtime;
            using Amazon.S3;

            class Settings
            {
                private static readonly string FromEnvironment = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
                private static readonly string SetInConstructor = "AKIAZ7Q2M4N6P8R0T2V4";
                static Settings() => SetInConstructor = Environment.GetEnvironmentVariable("KEY");

                AWSCredentials Configured(IDictionary<string, string> configuration) =>
                    new BasicAWSCredentials(configuration["Aws:AccessKey"], configuration["Aws:SecretKey"]);
                AWSCredentials Environmental() => new BasicAWSCredentials(FromEnvironment, "secret");
                AWSCredentials Constructed() => new BasicAWSCredentials(SetInConstructor, "secret");
                IAmazonS3 Parameter(string key, string secret) => new AmazonS3Client(key, secret);

                AWSCredentials WrittenTwice(bool rotate)
                {
                    string key = "AKIAZ7Q2M4N6P8R0T2V4";
                    if (rotate)
                    {
                        key = Environment.GetEnvironmentVariable("KEY");
                    }

                    return new BasicAWSCredentials(key, "secret");
                }
            }
            """);
    }

    [Fact]
    public async Task A_key_in_a_string_that_no_credentials_take_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.S3;

            class Logging
            {
                private const string Key = "AKIAZ7Q2M4N6P8R0T2V4";
                string Describe() => "key " + Key;
                IAmazonS3 Default() => new AmazonS3Client();
            }
            """);
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using Amazon.Runtime;

            class Credentials
            {
                AWSCredentials Make() => new BasicAWSCredentials("AKIAZ7Q2M4N6P8R0T2V4", "secret");
            }
            """);
    }

    [Fact]
    public async Task Without_aws_types_nothing_is_registered()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                class BasicAWSCredentials { public BasicAWSCredentials(string accessKey, string secretKey) { } }
                class User { object Make() => new BasicAWSCredentials("AKIAZ7Q2M4N6P8R0T2V4", "secret"); }
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
            using Amazon.Runtime;
            using Amazon.S3;

            class Credentials
            {
                AWSCredentials Missing() => new {|CS1729:BasicAWSCredentials|}("AKIAZ7Q2M4N6P8R0T2V4");
                AWSCredentials Unknown() => new BasicAWSCredentials({|CS0103:key|}, "secret");
                IAmazonS3 Unresolved() => new {|CS0246:AmazonS3ClientX|}("AKIAZ7Q2M4N6P8R0T2V4", "secret");
            }
            """);
    }

    // ---- Fixes ----

    [Fact]
    public async Task Fix_drops_the_key_arguments_of_a_client_constructor()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon;
            using Amazon.KeyManagementService;
            using Amazon.S3;

            class Clients
            {
                IAmazonS3 Plain() => new AmazonS3Client({|#0:"AKIAZ7Q2M4N6P8R0T2V4"|}, "secret");
                IAmazonS3 Region() => new AmazonS3Client({|#1:"AKIAB3C5D7E9F1G3H5J7"|}, "secret", RegionEndpoint.EUWest1);
                IAmazonS3 Config() => new AmazonS3Client({|#2:"AKIAK2L4M6N8P0Q2R4S6"|}, "secret", new AmazonS3Config { ForcePathStyle = true });
                IAmazonKeyManagementService Session() => new AmazonKeyManagementServiceClient({|#3:"ASIAW1X3Y5Z7A9B1C3D5"|}, "secret", "token", RegionEndpoint.USEast2);
            }
            """, """
            using Amazon;
            using Amazon.KeyManagementService;
            using Amazon.S3;

            class Clients
            {
                IAmazonS3 Plain() => new AmazonS3Client();
                IAmazonS3 Region() => new AmazonS3Client(RegionEndpoint.EUWest1);
                IAmazonS3 Config() => new AmazonS3Client(new AmazonS3Config { ForcePathStyle = true });
                IAmazonKeyManagementService Session() => new AmazonKeyManagementServiceClient(RegionEndpoint.USEast2);
            }
            """,
            AWS008AccessKeyInCodeCodeFix.UseDefaultChainEquivalenceKey,
            Key(0, "AmazonS3Client"),
            Key(1, "AmazonS3Client"),
            Key(2, "AmazonS3Client"),
            Key(3, "AmazonKeyManagementServiceClient"));
    }

    [Fact]
    public async Task Fix_drops_a_credentials_argument_and_TransferUtility_keys()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon;
            using Amazon.Runtime;
            using Amazon.S3;
            using Amazon.S3.Transfer;

            class Clients
            {
                IAmazonS3 WithCredentials() => new AmazonS3Client(new BasicAWSCredentials({|#0:"AKIAZ7Q2M4N6P8R0T2V4"|}, "secret"), RegionEndpoint.APNortheast2);
                TransferUtility Transfer() => new TransferUtility({|#1:"AKIAB3C5D7E9F1G3H5J7"|}, "secret", RegionEndpoint.APNortheast2);
            }
            """, """
            using Amazon;
            using Amazon.Runtime;
            using Amazon.S3;
            using Amazon.S3.Transfer;

            class Clients
            {
                IAmazonS3 WithCredentials() => new AmazonS3Client(RegionEndpoint.APNortheast2);
                TransferUtility Transfer() => new TransferUtility(RegionEndpoint.APNortheast2);
            }
            """,
            AWS008AccessKeyInCodeCodeFix.UseDefaultChainEquivalenceKey,
            Key(0, "BasicAWSCredentials"),
            Key(1, "TransferUtility"));
    }

    [Fact]
    public async Task Fix_removes_the_credentials_local_and_the_key_locals_only_it_used_keeping_comments()
    {
        await VerifyDeclaredKeyFixAsync("""
            using Amazon.Runtime;
            using Amazon.S3;

            class Clients
            {
                IAmazonS3 Make(AmazonS3Config config)
                {
                    var accessKey = {|#0:"AKIAZ7Q2M4N6P8R0T2V4"|};
                    var secretKey = "secret";
                    // Credentials of the uploader.
                    AWSCredentials credentials = new BasicAWSCredentials(accessKey, secretKey);
                    // The client.
                    return new AmazonS3Client(credentials, config);
                }
            }
            """, """
            using Amazon.Runtime;
            using Amazon.S3;

            class Clients
            {
                IAmazonS3 Make(AmazonS3Config config)
                {
                    // Credentials of the uploader.
                    // The client.
                    return new AmazonS3Client(config);
                }
            }
            """,
            HeldKey(0, "accessKey"));
    }

    [Fact]
    public async Task Fix_removes_credentials_assigned_to_AWSOptions()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon;
            using Amazon.Extensions.NETCore.Setup;
            using Amazon.Runtime;

            class Startup
            {
                AWSOptions Initializer() => new AWSOptions
                {
                    Region = RegionEndpoint.EUCentral1,
                    Credentials = new BasicAWSCredentials({|#0:"AKIAZ7Q2M4N6P8R0T2V4"|}, "secret"),
                };

                AWSOptions OneLine() => new AWSOptions { Region = RegionEndpoint.EUCentral1, Credentials = new BasicAWSCredentials({|#2:"AKIAK2L4M6N8P0Q2R4S6"|}, "secret") };

                AWSOptions Statement()
                {
                    var options = new AWSOptions { Region = RegionEndpoint.EUCentral1 };
                    var credentials = new BasicAWSCredentials({|#1:"AKIAB3C5D7E9F1G3H5J7"|}, "secret");
                    options.Credentials = credentials;
                    return options;
                }
            }
            """, """
            using Amazon;
            using Amazon.Extensions.NETCore.Setup;
            using Amazon.Runtime;

            class Startup
            {
                AWSOptions Initializer() => new AWSOptions
                {
                    Region = RegionEndpoint.EUCentral1,
                };

                AWSOptions OneLine() => new AWSOptions { Region = RegionEndpoint.EUCentral1 };

                AWSOptions Statement()
                {
                    var options = new AWSOptions { Region = RegionEndpoint.EUCentral1 };
                    return options;
                }
            }
            """,
            AWS008AccessKeyInCodeCodeFix.UseDefaultChainEquivalenceKey,
            Key(0, "BasicAWSCredentials"),
            Key(1, "BasicAWSCredentials"),
            Key(2, "BasicAWSCredentials"));
    }

    [Fact]
    public async Task Fix_of_a_const_key_rewrites_the_client_and_keeps_the_constant()
    {
        await VerifyDeclaredKeyFixAsync("""
            using Amazon.S3;

            class Clients
            {
                private const string AccessKey = {|#0:"AKIAZ7Q2M4N6P8R0T2V4"|};

                IAmazonS3 Make() => new AmazonS3Client(
                    AccessKey,
                    "secret",
                    new AmazonS3Config());
            }
            """, """
            using Amazon.S3;

            class Clients
            {
                private const string AccessKey = "AKIAZ7Q2M4N6P8R0T2V4";

                IAmazonS3 Make() => new AmazonS3Client(
                    new AmazonS3Config());
            }
            """,
            HeldKey(0, "AccessKey"));
    }

    [Fact]
    public async Task Fix_works_on_v3_client_shapes_and_top_level_statements()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Kinesis;
                using Amazon.Runtime;

                // The stream's client.
                var credentials = new BasicAWSCredentials({|#0:"AKIAZ7Q2M4N6P8R0T2V4"|}, "secret");
                using var kinesis = new AmazonKinesisClient(credentials);
                """,
            FixedCode = """
                using Amazon.Kinesis;
                using Amazon.Runtime;

                // The stream's client.
                using var kinesis = new AmazonKinesisClient();
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        test.ExpectedDiagnostics.Add(Key(0, "BasicAWSCredentials"));
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_where_the_credentials_are_used_elsewhere_or_cannot_be_dropped()
    {
        const string source = """
            using System;
            using Amazon.Runtime;
            using Amazon.S3;

            class Clients
            {
                private static readonly AWSCredentials Shared = new BasicAWSCredentials({|#0:"AKIAZ7Q2M4N6P8R0T2V4"|}, "secret");

                IAmazonS3 UsedTwice()
                {
                    var credentials = new BasicAWSCredentials({|#1:"AKIAB3C5D7E9F1G3H5J7"|}, "secret");
                    Console.WriteLine(credentials.GetCredentials().AccessKey.Length);
                    return new AmazonS3Client(credentials);
                }

                ImmutableCredentials Immutable() => new ImmutableCredentials({|#2:"AKIAK2L4M6N8P0Q2R4S6"|}, "secret", "token");

                IAmazonS3 Named() => new AmazonS3Client(awsSecretAccessKey: "secret", awsAccessKeyId: {|#3:"AKIAW1X3Y5Z7A9B1C3D5"|});

                Amazon.S3.Transfer.TransferUtility NoOverload() =>
                    new Amazon.S3.Transfer.TransferUtility({|#4:"AKIAQ3W5E7R9T1Y3U5I7"|}, "secret", Amazon.RegionEndpoint.EUWest1, new Amazon.S3.Transfer.TransferUtilityConfig());
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(Key(0, "BasicAWSCredentials"));
        test.ExpectedDiagnostics.Add(Key(1, "BasicAWSCredentials"));
        test.ExpectedDiagnostics.Add(Key(2, "ImmutableCredentials"));
        test.ExpectedDiagnostics.Add(Key(3, "AmazonS3Client"));
        test.ExpectedDiagnostics.Add(Key(4, "TransferUtility"));
        test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
        await test.RunAsync();
    }

    [Fact]
    public void The_key_format_is_the_documented_one()
    {
        Assert.True(AWS008AccessKeyInCodeAnalyzer.IsAccessKeyId("AKIAZ7Q2M4N6P8R0T2V4"));
        Assert.True(AWS008AccessKeyInCodeAnalyzer.IsAccessKeyId("ASIA0000000000000000"));
        Assert.False(AWS008AccessKeyInCodeAnalyzer.IsAccessKeyId("AKIAIOSFODNN7EXAMPLE"));
        Assert.False(AWS008AccessKeyInCodeAnalyzer.IsAccessKeyId("AKIAZ7Q2M4N6P8R0T2V4X"));
        Assert.False(AWS008AccessKeyInCodeAnalyzer.IsAccessKeyId("AKIAZ7Q2M4N6P8R0T2v4"));
        Assert.False(AWS008AccessKeyInCodeAnalyzer.IsAccessKeyId("AROAZ7Q2M4N6P8R0T2V4"));
        Assert.False(AWS008AccessKeyInCodeAnalyzer.IsAccessKeyId("AKIAZ7Q2M4N6P8R0T2-4"));
    }
}
