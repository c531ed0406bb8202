using System.Threading.Tasks;
using System.Linq;
using AwsAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Lambda.AWS002ClientCreatedInLambdaHandlerAnalyzer,
    AwsAnalyzers.Lambda.AWS002ClientCreatedInLambdaHandlerCodeFix>;

namespace AwsAnalyzers.Tests.Lambda;

public class AWS002ClientCreatedInLambdaHandlerTests
{
    // Every diagnostic, one call hop away included, is reported live through the one descriptor.
    private static DiagnosticResult Diagnostic() => new(AWS002ClientCreatedInLambdaHandlerAnalyzer.Rule);

    private static VerifyCS.Test NewTest() => new();

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        VerifyCS.Test test = NewTest();
        test.TestCode = source;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyWithFilesAsync(string source, (string Name, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = NewTest();
        test.TestCode = source;
        foreach ((string name, string text) in files)
        {
            test.TestState.AdditionalFiles.Add((name, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- What it reports: handler kinds ----

    [Fact]
    public async Task Client_created_in_a_method_with_a_lambda_context_is_reported_with_client_and_handler()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;
            using Amazon.S3;

            public class Function
            {
                public async Task FunctionHandler(SQSEvent input, ILambdaContext context)
                {
                    var s3 = {|#0:new AmazonS3Client()|};
                    await s3.ListBucketsAsync();
                }
            }
            """,
            Diagnostic().WithLocation(0).WithArguments("AmazonS3Client", "Function.FunctionHandler"));
    }

    [Fact]
    public async Task Interface_typed_locals_using_forms_and_every_service_are_reported()
    {
        await VerifyAsync("""
            using Amazon;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;
            using Amazon.S3;
            using Amazon.SQS;

            public class Function
            {
                public string Handle(string input, ILambdaContext context)
                {
                    IAmazonDynamoDB dynamo = {|AWS002:new AmazonDynamoDBClient(RegionEndpoint.EUWest1)|};
                    using var sqs = {|AWS002:new AmazonSQSClient()|};
                    using (IAmazonS3 s3 = {|AWS002:new AmazonS3Client(new AmazonS3Config { ForcePathStyle = true })|})
                    {
                        return input;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Target_typed_creations_and_the_projects_own_client_classes_in_another_file_are_reported()
    {
        var test = NewTest();
        test.TestState.Sources.Add(("/0/Function.cs", """
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                public string Handle(string input, ILambdaContext context)
                {
                    AmazonS3Client s3 = {|#0:new()|};
                    var traced = {|#1:new TracedS3Client()|};
                    return input;
                }
            }
            """));
        test.TestState.Sources.Add(("/0/TracedS3Client.cs", """
            using Amazon.S3;

            public class TracedS3Client : AmazonS3Client
            {
            }
            """));
        test.TestState.Sources.Add(("/0/Worker.cs", """
            using Amazon.Lambda.Core;

            public class Worker
            {
                public string Handle(string input, ILambdaContext context)
                {
                    using var client = {|#2:new TracedS3Client()|};
                    return input;
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithArguments("AmazonS3Client", "Function.Handle"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(1).WithArguments("TracedS3Client", "Function.Handle"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(2).WithArguments("TracedS3Client", "Worker.Handle"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Creations_in_lambdas_and_local_functions_inside_a_handler_are_reported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;
            using Amazon.SQS;

            public class Function
            {
                public async Task Handle(SQSEvent input, ILambdaContext context)
                {
                    IEnumerable<Task> sends = input.Records.Select(async record =>
                    {
                        var sqs = {|#0:new AmazonSQSClient()|};
                        await sqs.SendMessageAsync("queue", record.Body);
                    });
                    await Task.WhenAll(sends);
                    await Send("done");

                    async Task Send(string body)
                    {
                        var sqs = {|#1:new AmazonSQSClient()|};
                        await sqs.SendMessageAsync("queue", body);
                    }
                }
            }
            """,
            Diagnostic().WithLocation(0).WithArguments("AmazonSQSClient", "Function.Handle"),
            Diagnostic().WithLocation(1).WithArguments("AmazonSQSClient", "Function.Handle"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stubbed_service_clients_are_reported_in_v3_and_v4_shapes(bool v3Shapes)
    {
        VerifyCS.Test test = NewTest();
        test.TestCode = """
            using Amazon.Athena;
            using Amazon.Kinesis;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.KinesisEvents;

            public class Function
            {
                public void Handle(KinesisEvent input, ILambdaContext context)
                {
                    IAmazonKinesis kinesis = {|#0:new AmazonKinesisClient()|};
                    var athena = {|#1:new AmazonAthenaClient(new AmazonAthenaConfig())|};
                }
            }
            """;
        if (v3Shapes)
        {
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        }

        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithArguments("AmazonKinesisClient", "Function.Handle"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(1).WithArguments("AmazonAthenaClient", "Function.Handle"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Lambda_annotations_function_is_a_handler_without_a_context_parameter()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Annotations;

            public class Functions
            {
                [LambdaFunction(MemorySize = 512)]
                public async Task<string> GetItem(string id)
                {
                    IAmazonDynamoDB dynamo = {|#0:new AmazonDynamoDBClient()|};
                    await Task.Yield();
                    return id;
                }
            }
            """,
            Diagnostic().WithLocation(0).WithArguments("AmazonDynamoDBClient", "Functions.GetItem"));
    }

    [Fact]
    public async Task Top_level_bootstrap_lambdas_and_method_groups_are_handlers()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System.IO;
                    using System.Threading.Tasks;
                    using Amazon.Lambda.Core;
                    using Amazon.Lambda.RuntimeSupport;
                    using Amazon.Lambda.Serialization.SystemTextJson;
                    using Amazon.S3;

                    var shared = new AmazonS3Client();

                    var upper = (string input, ILambdaContext context) =>
                    {
                        var s3 = {|#0:new AmazonS3Client()|};
                        return input.ToUpperInvariant();
                    };

                    await LambdaBootstrapBuilder.Create(upper, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                    await LambdaBootstrapBuilder.Create((Stream input) =>
                    {
                        var s3 = {|#1:new AmazonS3Client()|};
                        return input;
                    }).Build().RunAsync();
                    await LambdaBootstrapBuilder.Create(Echo).Build().RunAsync();
                    using var wrapper = HandlerWrapper.GetHandlerWrapper(Handlers.Copy);

                    Stream Echo(Stream input)
                    {
                        var s3 = {|#2:new AmazonS3Client()|};
                        return input;
                    }

                    static class Handlers
                    {
                        public static Stream Copy(Stream input)
                        {
                            var s3 = {|#3:new AmazonS3Client()|};
                            return input;
                        }
                    }
                    """,
                },
            },
            ExpectedDiagnostics =
            {
                Diagnostic().WithLocation(0).WithArguments("AmazonS3Client", "(lambda)"),
                Diagnostic().WithLocation(1).WithArguments("AmazonS3Client", "(lambda)"),
                Diagnostic().WithLocation(2).WithArguments("AmazonS3Client", "Echo"),
                Diagnostic().WithLocation(3).WithArguments("AmazonS3Client", "Handlers.Copy"),
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Handlers_handed_to_the_bootstrap_through_a_local_are_handlers()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System;
                    using System.IO;
                    using System.Threading.Tasks;
                    using Amazon.Lambda.RuntimeSupport;
                    using Amazon.Lambda.Serialization.SystemTextJson;
                    using Amazon.S3;

                    Func<Stream, Stream> handler = Handlers.FunctionHandler;
                    await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();

                    var typed = async (string input) =>
                    {
                        var s3 = {|#0:new AmazonS3Client()|};
                        await Task.Yield();
                        return input.Length;
                    };
                    await LambdaBootstrapBuilder.Create(typed, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                    Func<Stream, Stream> kept = input =>
                    {
                        var s3 = new AmazonS3Client();
                        return input;
                    };
                    kept(Stream.Null);

                    static class Handlers
                    {
                        public static Stream FunctionHandler(Stream input)
                        {
                            var s3 = {|#1:new AmazonS3Client()|};
                            return input;
                        }

                        public static Stream NotHandedOver(Stream input)
                        {
                            var s3 = new AmazonS3Client();
                            return input;
                        }
                    }
                    """,
                },
            },
            ExpectedDiagnostics =
            {
                Diagnostic().WithLocation(0).WithArguments("AmazonS3Client", "(lambda)"),
                Diagnostic().WithLocation(1).WithArguments("AmazonS3Client", "Handlers.FunctionHandler"),
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Handler_wrapper_lambda_in_main_is_a_handler_and_other_lambdas_there_are_not()
    {
        await VerifyAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.S3;

            public static class Program
            {
                public static async Task Main()
                {
                    var shared = new AmazonS3Client();
                    Func<Stream, Stream> notHandedOver = input =>
                    {
                        var s3 = new AmazonS3Client();
                        return input;
                    };

                    using var wrapper = HandlerWrapper.GetHandlerWrapper((Stream input) =>
                    {
                        var s3 = {|#0:new AmazonS3Client()|};
                        return input;
                    });
                    using var bootstrap = new LambdaBootstrap(wrapper);
                    await bootstrap.RunAsync();
                }
            }
            """,
            Diagnostic().WithLocation(0).WithArguments("AmazonS3Client", "(lambda)"));
    }

    [Fact]
    public async Task Handler_named_in_aws_lambda_tools_defaults_is_reported()
    {
        await VerifyWithFilesAsync("""
            using System.IO;
            using Amazon.S3;

            namespace Sensors.Functions
            {
                public class Ingest
                {
                    public Stream Handle(Stream input)
                    {
                        var s3 = {|#0:new AmazonS3Client()|};
                        return input;
                    }

                    public Stream NotTheHandler(Stream input)
                    {
                        var s3 = new AmazonS3Client();
                        return input;
                    }
                }
            }
            """,
            [("aws-lambda-tools-defaults.json", """
                {
                  "Information": [ "defaults" ],
                  "profile": "",
                  "function-runtime": "dotnet8",
                  "function-handler": "Sensors.Functions::Sensors.Functions.Ingest::Handle"
                }
                """)],
            Diagnostic().WithLocation(0).WithArguments("AmazonS3Client", "Ingest.Handle"));
    }

    [Fact]
    public async Task Handlers_named_in_serverless_and_sam_templates_are_reported_including_nested_types()
    {
        await VerifyWithFilesAsync("""
            using System.IO;
            using Amazon.S3;

            namespace Sensors
            {
                public class Api
                {
                    public Stream Get(Stream input) { var s3 = {|AWS002:new AmazonS3Client()|}; return input; }

                    public class Nested
                    {
                        public Stream Put(Stream input) { var s3 = {|AWS002:new AmazonS3Client()|}; return input; }
                    }
                }
            }
            """,
            [
                ("serverless.template", """
                    {
                      "Resources": {
                        "Get": { "Type": "AWS::Serverless::Function", "Properties": { "Handler" : "Sensors::Sensors.Api::Get" } }
                      }
                    }
                    """),
                ("template.yaml", """
                    Resources:
                      Put:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: Sensors::Sensors.Api+Nested::Put   # nested type
                          Runtime: dotnet8
                    """),
            ]);
    }

    [Fact]
    public async Task Broken_or_unrelated_handler_files_never_fail_and_report_nothing()
    {
        await VerifyWithFilesAsync("""
            using System.IO;
            using Amazon.S3;

            namespace Sensors
            {
                public class Api
                {
                    public Stream Get(Stream input) { var s3 = new AmazonS3Client(); return input; }
                }
            }
            """,
            [
                ("aws-lambda-tools-defaults.json", "{ \"function-handler\": \"Sensors::Sensors.Api::"),
                ("template.json", "{ \"Handler\": \"Sensors::Sensors.Api::Get::Extra\", \"Handler\" : , \"Handler\""),
                ("serverless.template", "{ \"function-handler\": \"Sensors\" }"),
                ("other.json", "{ \"function-handler\": \"Sensors::Sensors.Api::Get\" }"),
            ]);
    }

    [Theory]
    [InlineData("Handler", 0)]
    [InlineData("Handler:", 0)]
    [InlineData("\"Handler\": \"A::B.C::D", 0)]
    [InlineData("Handler: 'A::B.C::D'", 1)]
    [InlineData("  Handler:A::B.C::D\n  Runtime: dotnet8", 1)]
    [InlineData("{\"function-handler\":\"A::B.C::D\",\"Handler\":\"A::B.C::E\"}", 2)]
    [InlineData("{\"FunctionHandler\": \"A::B.C::D\", \"handler\": \"A::B.C::E\"}", 0)]
    [InlineData("Handler: { \"Fn::Join\": [\"::\", [\"A\", \"B\"]] }", 0)]
    public void Handler_file_scanner_is_lenient_and_exact(string text, int expected)
    {
        var handlers = new System.Collections.Generic.HashSet<(string, string)>();
        LambdaHandlerFiles.Scan(text, handlers);
        Assert.Equal(expected, handlers.Count);
    }

    // ---- What it reports: templates outside the project folder (the solution's) ----

    /// <summary>The build property the package exposes (AwsAnalyzers.props), as a global analyzer config.</summary>
    private static string ProjectDirectoryConfig(string key, string folder) => $"is_global = true\n{key} = {folder}\n";

    private static Task VerifyWithProjectAsync(string source, string projectFolder, (string Path, string Text)[] files, string key = "build_property.MSBuildProjectDirectory")
    {
        var test = NewTest();
        test.TestCode = source;
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", ProjectDirectoryConfig(key, projectFolder)));
        foreach ((string path, string text) in files)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        return test.RunAsync();
    }

    /// <summary>Two functions whose handler methods this compilation both has: only the template says which project each one's code is.</summary>
    private const string IngestAndExportSource = """
        using System.IO;
        using Amazon.S3;

        namespace Sensors
        {
            public class Ingest
            {
                public Stream Handle(Stream input) { var s3 = [|new AmazonS3Client()|]; return input; }
            }

            public class Export
            {
                public Stream Handle(Stream input) { var s3 = [|new AmazonS3Client()|]; return input; }
            }
        }
        """;

    /// <summary>The source with a marker on the creations of the functions listed in <paramref name="reported"/> ("Ingest", "Export").</summary>
    private static string Marked(string source, params string[] reported)
    {
        foreach (string function in new[] { "Ingest", "Export" })
        {
            string line = "public class " + function + "\n";
            int start = source.IndexOf(line, System.StringComparison.Ordinal);
            int marker = source.IndexOf("[|new AmazonS3Client()|]", start, System.StringComparison.Ordinal);
            string creation = reported.Contains(function) ? "{|AWS002:new AmazonS3Client()|}" : "new AmazonS3Client()";
            source = source.Substring(0, marker) + creation + source.Substring(marker + "[|new AmazonS3Client()|]".Length);
        }

        return source;
    }

    [Theory]
    [InlineData("src/Ingest/", true)]
    [InlineData("src/Ingest", true)]
    [InlineData("./src/Ingest", true)]
    [InlineData("'src/Ingest/'", true)]
    [InlineData(@"src\Ingest\", true)]
    [InlineData("src/Export/../Ingest/", true)]
    [InlineData("src/Ingest/bin/Release/net8.0/publish/", true)]
    [InlineData("/repo/src/Ingest", true)]
    [InlineData("src/IngestTools/", false)]
    [InlineData("src/ingest/", false)]
    [InlineData("src/", false)]
    [InlineData(".", false)]
    [InlineData("", false)]
    [InlineData("s3://artifacts/src/Ingest/ingest.zip", false)]
    [InlineData("!Sub '${Root}/src/Ingest'", false)]
    [InlineData("{ Bucket: artifacts, Key: src/Ingest/ingest.zip }", false)]
    public async Task A_solution_template_names_the_handler_of_the_function_whose_CodeUri_is_this_project(string codeUri, bool reported)
    {
        string codeUriLine = codeUri.Length == 0 ? string.Empty : "      CodeUri: " + codeUri + "\n";
        await VerifyWithProjectAsync(
            Marked(IngestAndExportSource, reported ? ["Ingest"] : []),
            "/repo/src/Ingest",
            [
                ("/repo/template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n"
                    + "  IngestFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n" + codeUriLine
                    + "      Handler: Ingest::Sensors.Ingest::Handle\n      Runtime: dotnet8\n"
                    + "  ExportFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/Export/\n"
                    + "      Handler: Export::Sensors.Export::Handle\n"),
            ]);
    }

    [Fact]
    public async Task A_solution_template_takes_the_CodeUri_and_Handler_of_its_Globals_unless_the_function_sets_its_own()
    {
        await VerifyWithProjectAsync(
            Marked(IngestAndExportSource, "Ingest"),
            "/repo/src/Ingest",
            [
                ("/repo/template.yml", """
                    Globals:
                      Function:
                        CodeUri: src/Ingest/
                        Handler: Ingest::Sensors.Ingest::Handle
                        Runtime: dotnet8
                    Resources:
                      IngestFunction:
                        Type: AWS::Serverless::Function
                      ExportFunction:
                        Type: AWS::Serverless::Function
                        Properties:
                          CodeUri: src/Export/
                          Handler: Export::Sensors.Export::Handle
                    """),
            ]);
    }

    [Theory]
    [InlineData("/repo/serverless.template")]
    [InlineData("/repo/template.json")]
    public async Task A_solution_template_in_JSON_is_read_the_same_way(string path)
    {
        await VerifyWithProjectAsync(
            Marked(IngestAndExportSource, "Export"),
            "/repo/src/Export",
            [
                (path, """
                    {
                      "AWSTemplateFormatVersion": "2010-09-09",
                      "Transform": "AWS::Serverless-2016-10-31",
                      "Resources": {
                        "IngestFunction": { "Type": "AWS::Serverless::Function", "Properties": { "CodeUri": "src/Ingest", "Handler": "Ingest::Sensors.Ingest::Handle" } },
                        "ExportFunction": { "Type": "AWS::Serverless::Function", "Properties": { "CodeUri": "src/Export/", "Handler": "Export::Sensors.Export::Handle" } },
                        "SubFunction": { "Type": "AWS::Serverless::Function", "Properties": { "CodeUri": { "Fn::Sub": "src/Ingest" }, "Handler": "Ingest::Sensors.Ingest::Handle" } }
                      }
                    }
                    """),
            ]);
    }

    [Fact]
    public async Task A_Lambda_function_resource_of_a_solution_template_names_no_project_and_is_left_alone()
    {
        await VerifyWithProjectAsync(
            Marked(IngestAndExportSource),
            "/repo/src/Ingest",
            [
                ("/repo/template.yaml", """
                    Resources:
                      IngestFunction:
                        Type: AWS::Lambda::Function
                        Properties:
                          Code:
                            S3Bucket: artifacts
                            S3Key: src/Ingest/ingest.zip
                          Handler: Ingest::Sensors.Ingest::Handle
                          Runtime: dotnet8
                    """),
            ]);
    }

    [Fact]
    public async Task A_template_in_the_project_folder_names_its_handlers_whatever_its_CodeUri_says()
    {
        // The template beside the project file is the project's own (as the Lambda project templates make it, with
        // "CodeUri": ""): it is scanned as before, also where its CodeUri or resource type is not a local path.
        await VerifyWithProjectAsync(
            Marked(IngestAndExportSource, "Ingest", "Export"),
            "/repo/src/Ingest/",
            [
                ("/repo/src/Ingest/serverless.template", """
                    { "Resources": { "Ingest": { "Type": "AWS::Serverless::Function", "Properties": { "CodeUri": "", "Handler": "Ingest::Sensors.Ingest::Handle" } } } }
                    """),
                ("/repo/src/Ingest/template.yaml", """
                    Resources:
                      Export:
                        Type: AWS::Lambda::Function
                        Properties:
                          Handler: Ingest::Sensors.Export::Handle
                    """),
            ]);
    }

    [Fact]
    public async Task The_project_folder_is_also_read_from_the_SDK_ProjectDir_property()
    {
        await VerifyWithProjectAsync(
            Marked(IngestAndExportSource, "Ingest"),
            "/repo/src/Ingest/",
            [
                ("/repo/template.yaml", """
                    Resources:
                      Ingest: { Type: AWS::Serverless::Function, Properties: { CodeUri: src/Ingest/, Handler: Ingest::Sensors.Ingest::Handle } }
                      Export: { Type: AWS::Serverless::Function, Properties: { CodeUri: src/Export/, Handler: Export::Sensors.Export::Handle } }
                    """),
            ],
            key: "build_property.ProjectDir");
    }

    [Theory]
    [InlineData(@"C:\repo\src\Ingest", @"C:\repo\template.yaml", @"SRC\ingest", true)]
    [InlineData(@"C:\repo\src\Ingest\", @"c:\Repo\template.yaml", "src/Ingest/", true)]
    [InlineData(@"C:\repo\src\Ingest", @"C:\repo\template.yaml", @"src\IngestTools", false)]
    [InlineData(@"\\server\share\repo\src\Ingest", @"\\server\share\repo\template.yaml", "src/ingest", true)]
    public async Task Windows_paths_are_compared_ignoring_case(string projectFolder, string templatePath, string codeUri, bool reported)
    {
        await VerifyWithProjectAsync(
            Marked(IngestAndExportSource, reported ? ["Ingest"] : []),
            projectFolder,
            [(templatePath, "Resources:\n  Ingest:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: " + codeUri + "\n      Handler: Ingest::Sensors.Ingest::Handle\n")]);
    }

    // ---- What it reports: one call hop away ----

    [Fact]
    public async Task Helper_method_called_by_a_handler_is_reported_naming_the_handler()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async Task Handle(string input, ILambdaContext context)
                {
                    var dynamo = Storage.CreateClient();
                    await Task.Yield();
                }

                public void NotAHandler()
                {
                    var dynamo = Storage.CreateOther();
                }
            }

            static class Storage
            {
                public static IAmazonDynamoDB CreateClient() => {|#0:new AmazonDynamoDBClient()|};

                public static IAmazonDynamoDB CreateOther() => new AmazonDynamoDBClient();
            }
            """,
            Diagnostic().WithLocation(0).WithArguments("AmazonDynamoDBClient", "Function.Handle"));
    }

    [Fact]
    public async Task Helper_in_another_file_is_reported_in_its_own_file()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Function.cs", """
                    using Amazon.Lambda.Core;

                    public class Function
                    {
                        public void Handle(string input, ILambdaContext context)
                        {
                            var repository = new Storage.Repository();
                            var s3 = Storage.Clients.Create();
                        }
                    }
                    """),
                    ("Storage.cs", """
                    using Amazon.DynamoDBv2;
                    using Amazon.S3;

                    namespace Storage
                    {
                        public class Repository
                        {
                            private readonly IAmazonDynamoDB _dynamo;

                            public Repository() => _dynamo = {|#0:new AmazonDynamoDBClient()|};
                        }

                        public static class Clients
                        {
                            public static IAmazonS3 Create() => {|#1:new AmazonS3Client()|};

                            public static IAmazonS3 Unused() => new AmazonS3Client();
                        }
                    }
                    """),
                },
            },
            ExpectedDiagnostics =
            {
                Diagnostic().WithLocation(0).WithArguments("AmazonDynamoDBClient", "Function.Handle"),
                Diagnostic().WithLocation(1).WithArguments("AmazonS3Client", "Function.Handle"),
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Constructor_of_a_wrapper_the_handler_instantiates_is_reported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;

            public class Function
            {
                public async Task Handle(string input, ILambdaContext context)
                {
                    var repository = new ReadingRepository();
                    await repository.SaveAsync(input);
                }
            }

            public class ReadingRepository
            {
                private readonly IAmazonDynamoDB _dynamo;

                public ReadingRepository()
                {
                    _dynamo = {|#0:new AmazonDynamoDBClient()|};
                }

                public Task SaveAsync(string reading) => Task.CompletedTask;
            }
            """,
            Diagnostic().WithLocation(0).WithArguments("AmazonDynamoDBClient", "Function.Handle"));
    }

    [Fact]
    public async Task Getters_instance_initializers_overrides_and_unconditional_field_writes_the_handler_runs_are_reported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;
            using Amazon.S3;
            using Amazon.SQS;

            public class Function
            {
                private IAmazonS3 _s3;
                private readonly Processor _processor = new S3Processor();

                public IAmazonDynamoDB Dynamo => {|#0:new AmazonDynamoDBClient()|};

                public IAmazonSQS Sqs
                {
                    get { return {|#1:new AmazonSQSClient()|}; }
                }

                public async Task Handle(string input, ILambdaContext context)
                {
                    _s3 = {|#2:new AmazonS3Client()|};
                    var dynamo = Dynamo;
                    var sqs = Sqs;
                    var repository = new Repository();
                    _processor.Process();
                    await Task.Yield();
                }
            }

            public class Repository
            {
                private readonly IAmazonS3 _s3 = {|#3:new AmazonS3Client()|};

                public IAmazonDynamoDB Table { get; } = {|#4:new AmazonDynamoDBClient()|};
            }

            public abstract class Processor
            {
                public abstract IAmazonS3 Process();
            }

            public class S3Processor : Processor
            {
                public override IAmazonS3 Process() => {|#5:new AmazonS3Client()|};
            }
            """,
            Diagnostic().WithLocation(0).WithArguments("AmazonDynamoDBClient", "Function.Handle"),
            Diagnostic().WithLocation(1).WithArguments("AmazonSQSClient", "Function.Handle"),
            Diagnostic().WithLocation(2).WithArguments("AmazonS3Client", "Function.Handle"),
            Diagnostic().WithLocation(3).WithArguments("AmazonS3Client", "Function.Handle"),
            Diagnostic().WithLocation(4).WithArguments("AmazonDynamoDBClient", "Function.Handle"),
            Diagnostic().WithLocation(5).WithArguments("AmazonS3Client", "Function.Handle"));
    }

    [Fact]
    public async Task Cached_getters_guarded_field_writes_cached_instances_and_overrides_the_handler_does_not_reach_are_not_reported()
    {
        await VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;
            using Amazon.S3;
            using Amazon.SQS;

            public class Function
            {
                private static Repository s_repository;
                private IAmazonS3 _s3;
                private IAmazonS3 _afterReturn;
                private IAmazonDynamoDB _dynamo;
                private readonly Idle _idle = new Idle();

                public IAmazonDynamoDB Cached => _dynamo ??= new AmazonDynamoDBClient();

                public IAmazonSQS NeverRead => new AmazonSQSClient();

                public IAmazonS3 Written { get; set; }

                public async Task Handle(string input, ILambdaContext context)
                {
                    if (_s3 == null)
                    {
                        _s3 = new AmazonS3Client();
                    }

                    var dynamo = Cached;
                    Written = null;
                    s_repository ??= new Repository();
                    _idle.Process();
                    if (input == null)
                    {
                        return;
                    }

                    _afterReturn = new AmazonS3Client();
                    await Task.Yield();
                }
            }

            public class Repository
            {
                private static readonly IAmazonS3 s_shared = new AmazonS3Client();
                private readonly Lazy<IAmazonS3> _lazy = new(() => new AmazonS3Client());
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
            }

            public abstract class Processor
            {
                public abstract IAmazonS3 Process();
            }

            public class S3Processor : Processor
            {
                public override IAmazonS3 Process() => new AmazonS3Client();
            }

            public sealed class Idle : Processor
            {
                public override IAmazonS3 Process() => null;
            }
            """);
    }

    [Fact]
    public async Task Two_hops_away_and_helpers_inside_lambdas_of_helpers_are_not_reported()
    {
        await VerifyAsync("""
            using System;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handle(string input, ILambdaContext context) => Outer();

                static void Outer() { Inner(); Func<IAmazonDynamoDB> later = () => new AmazonDynamoDBClient(); }

                static void Inner() { var dynamo = new AmazonDynamoDBClient(); }
            }
            """);
    }

    // ---- Fixes ----

    private static Task VerifyFixAsync(string source, string fixedSource, string equivalenceKey, params DiagnosticResult[] expected)
    {
        VerifyCS.Test test = NewTest();
        test.TestCode = source;
        test.FixedCode = fixedSource;
        test.CodeActionEquivalenceKey = equivalenceKey;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task Fix_hoists_to_a_static_readonly_field_keeping_the_declared_type_and_comments()
    {
        await VerifyFixAsync("""
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                private const string Bucket = "readings";

                public async Task Handle(string input, ILambdaContext context)
                {
                    context.Logger.LogLine("start");
                    // One client per environment.
                    IAmazonS3 s3 = {|AWS002:new AmazonS3Client(RegionEndpoint.EUWest1)|}; // the region is fixed
                    await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Bucket, Key = input });
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                private const string Bucket = "readings";
                private static readonly IAmazonS3 s_s3 = new AmazonS3Client(RegionEndpoint.EUWest1);

                public async Task Handle(string input, ILambdaContext context)
                {
                    context.Logger.LogLine("start");
                    // One client per environment.
                    await s_s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Bucket, Key = input });
                }
            }
            """, AWS002ClientCreatedInLambdaHandlerCodeFix.CreateOnceEquivalenceKey);
    }

    [Fact]
    public async Task Fix_removes_using_declarations_and_unwraps_using_statements()
    {
        await VerifyFixAsync("""
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;
            using Amazon.SQS;

            public class Function
            {
                public string Handle(string input, ILambdaContext context)
                {
                    using var sqs = {|AWS002:new AmazonSQSClient()|};
                    // Scoped client.
                    using (var dynamo = {|AWS002:new AmazonDynamoDBClient(new AmazonDynamoDBConfig { MaxErrorRetry = 3 })|})
                    {
                        sqs.SendMessageAsync("queue", input).Wait();
                        dynamo.ListTablesAsync().Wait();
                    }

                    return input;
                }
            }
            """, """
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;
            using Amazon.SQS;

            public class Function
            {
                private static readonly AmazonSQSClient s_sqs = new AmazonSQSClient();
                private static readonly AmazonDynamoDBClient s_dynamo = new AmazonDynamoDBClient(new AmazonDynamoDBConfig { MaxErrorRetry = 3 });

                public string Handle(string input, ILambdaContext context)
                {
                    // Scoped client.
                    s_sqs.SendMessageAsync("queue", input).Wait();
                    s_dynamo.ListTablesAsync().Wait();

                    return input;
                }
            }
            """, AWS002ClientCreatedInLambdaHandlerCodeFix.CreateOnceEquivalenceKey);
    }

    [Fact]
    public async Task Fix_all_hoists_every_creation_of_a_type_without_name_clashes_and_shares_identical_ones()
    {
        await VerifyFixAsync("""
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Functions
            {
                private static readonly string s_s3 = "taken";

                [LambdaFunction]
                public Task Get(string key)
                {
                    var s3 = {|AWS002:new AmazonS3Client()|};
                    return s3.GetObjectAsync("bucket", key);
                }

                [LambdaFunction]
                public Task Delete(string key)
                {
                    var s3 = {|AWS002:new AmazonS3Client()|};
                    return s3.DeleteObjectAsync("bucket", key);
                }

                public Task Copy(string key, ILambdaContext context)
                {
                    var s3 = {|AWS002:new AmazonS3Client(RegionEndpoint.USEast1)|};
                    return s3.CopyObjectAsync("bucket", key, "bucket", key + ".bak");
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Functions
            {
                private static readonly string s_s3 = "taken";
                private static readonly AmazonS3Client s_s32 = new AmazonS3Client();
                private static readonly AmazonS3Client s_s33 = new AmazonS3Client(RegionEndpoint.USEast1);

                [LambdaFunction]
                public Task Get(string key)
                {
                    return s_s32.GetObjectAsync("bucket", key);
                }

                [LambdaFunction]
                public Task Delete(string key)
                {
                    return s_s32.DeleteObjectAsync("bucket", key);
                }

                public Task Copy(string key, ILambdaContext context)
                {
                    return s_s33.CopyObjectAsync("bucket", key, "bucket", key + ".bak");
                }
            }
            """, AWS002ClientCreatedInLambdaHandlerCodeFix.CreateOnceEquivalenceKey);
    }

    [Fact]
    public async Task Fix_caches_one_client_per_invocation_value()
    {
        await VerifyFixAsync("""
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Request
            {
                public string Region { get; set; }
                public string Key { get; set; }
            }

            public class Function
            {
                public async Task Handle(Request input, ILambdaContext context)
                {
                    using IAmazonS3 s3 = {|AWS002:new AmazonS3Client(RegionEndpoint.GetBySystemName(input.Region))|};
                    await s3.GetObjectAsync("bucket", input.Key);
                }
            }
            """, """
            using System.Collections.Concurrent;
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Request
            {
                public string Region { get; set; }
                public string Key { get; set; }
            }

            public class Function
            {
                private static readonly ConcurrentDictionary<string, IAmazonS3> s_s3ByRegion = new ConcurrentDictionary<string, IAmazonS3>();

                public async Task Handle(Request input, ILambdaContext context)
                {
                    IAmazonS3 s3 = s_s3ByRegion.GetOrAdd(input.Region, region => new AmazonS3Client(RegionEndpoint.GetBySystemName(region)));
                    await s3.GetObjectAsync("bucket", input.Key);
                }
            }
            """, AWS002ClientCreatedInLambdaHandlerCodeFix.CachePerArgumentEquivalenceKey);
    }

    [Fact]
    public async Task Fix_in_a_top_level_program_hoists_to_a_local_before_the_bootstrap()
    {
        var test = new VerifyCS.Test
        {
            CodeActionEquivalenceKey = AWS002ClientCreatedInLambdaHandlerCodeFix.CreateOnceEquivalenceKey,
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using Amazon.Lambda.Core;
                    using Amazon.Lambda.RuntimeSupport;
                    using Amazon.Lambda.Serialization.SystemTextJson;
                    using Amazon.S3;

                    // The function's entry point.
                    var handler = (string input, ILambdaContext context) =>
                    {
                        var s3 = {|AWS002:new AmazonS3Client()|};
                        return s3.ListBucketsAsync().Result.Buckets.Count;
                    };

                    await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using Amazon.Lambda.Core;
                    using Amazon.Lambda.RuntimeSupport;
                    using Amazon.Lambda.Serialization.SystemTextJson;
                    using Amazon.S3;

                    // The function's entry point.
                    var s3 = new AmazonS3Client();

                    var handler = (string input, ILambdaContext context) =>
                    {
                        return s3.ListBucketsAsync().Result.Buckets.Count;
                    };

                    await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                    """,
                },
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Cache_fix_unwraps_a_using_statement_and_keeps_the_parameter_name_free()
    {
        await VerifyFixAsync("""
            using System.Collections.Concurrent;
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.SQS;

            public class Function
            {
                public void Handle(string region, ILambdaContext context)
                {
                    using (var sqs = {|AWS002:new AmazonSQSClient(RegionEndpoint.GetBySystemName(region))|})
                    {
                        sqs.SendMessageAsync("queue", region).Wait();
                    }
                }
            }
            """, """
            using System.Collections.Concurrent;
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.SQS;

            public class Function
            {
                private static readonly ConcurrentDictionary<string, AmazonSQSClient> s_sqsByRegion = new ConcurrentDictionary<string, AmazonSQSClient>();

                public void Handle(string region, ILambdaContext context)
                {
                    var sqs = s_sqsByRegion.GetOrAdd(region, regionKey => new AmazonSQSClient(RegionEndpoint.GetBySystemName(regionKey)));
                    sqs.SendMessageAsync("queue", region).Wait();
                }
            }
            """, AWS002ClientCreatedInLambdaHandlerCodeFix.CachePerArgumentEquivalenceKey);
    }

    [Fact]
    public async Task Fix_hoists_from_a_local_function_of_the_handler_and_avoids_names_used_as_locals_elsewhere()
    {
        await VerifyFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                public Task Handle(string input, ILambdaContext context)
                {
                    return Upload();

                    Task Upload()
                    {
                        var s3 = {|AWS002:new AmazonS3Client()|};
                        return s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = "b", Key = input });
                    }
                }

                private static void Other()
                {
                    string s_s3 = "a local of that name";
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                private static readonly AmazonS3Client s_s32 = new AmazonS3Client();

                public Task Handle(string input, ILambdaContext context)
                {
                    return Upload();

                    Task Upload()
                    {
                        return s_s32.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = "b", Key = input });
                    }
                }

                private static void Other()
                {
                    string s_s3 = "a local of that name";
                }
            }
            """, AWS002ClientCreatedInLambdaHandlerCodeFix.CreateOnceEquivalenceKey);
    }

    [Fact]
    public async Task No_fix_in_a_static_top_level_handler_or_for_a_cache_in_a_top_level_program()
    {
        string source = """
            using System.IO;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.S3;

            await LambdaBootstrapBuilder.Create(static (Stream input, ILambdaContext context) =>
            {
                var s3 = {|AWS002:new AmazonS3Client()|};
                return input;
            }).Build().RunAsync();
            await LambdaBootstrapBuilder.Create((Stream input, ILambdaContext context) =>
            {
                var s3 = {|AWS002:new AmazonS3Client(Amazon.RegionEndpoint.GetBySystemName(context.FunctionName))|};
                return input;
            }).Build().RunAsync();
            """;
        foreach (string key in new[] { AWS002ClientCreatedInLambdaHandlerCodeFix.CreateOnceEquivalenceKey, AWS002ClientCreatedInLambdaHandlerCodeFix.CachePerArgumentEquivalenceKey })
        {
            VerifyCS.Test test = NewTest();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.TestCode = source;
            test.FixedCode = source;
            test.CodeActionEquivalenceKey = key;
            await test.RunAsync();
        }
    }

    [Fact]
    public async Task No_fix_when_the_shape_cannot_be_moved_safely()
    {
        string source = """
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                private readonly RegionEndpoint _region = RegionEndpoint.EUWest1;

                public async Task Handle(string input, ILambdaContext context)
                {
                    var fromInstance = {|AWS002:new AmazonS3Client(_region)|};
                    var twoValues = {|AWS002:new AmazonS3Client(input, context.AwsRequestId)|};
                    var reassigned = {|AWS002:new AmazonS3Client()|};
                    reassigned = null;
                    await Use({|AWS002:new AmazonS3Client()|});
                }

                private static Task Use(IAmazonS3 s3) => Task.CompletedTask;
            }
            """;
        await VerifyFixAsync(source, source, AWS002ClientCreatedInLambdaHandlerCodeFix.CreateOnceEquivalenceKey);
        await VerifyFixAsync(source, source, AWS002ClientCreatedInLambdaHandlerCodeFix.CachePerArgumentEquivalenceKey);
    }

    // ---- What it does not report ----

    [Fact]
    public async Task Clients_created_once_are_not_reported()
    {
        await VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;
            using Amazon.S3;
            using Amazon.SQS;

            public class Function
            {
                private static readonly IAmazonS3 s_s3 = new AmazonS3Client();
                private static readonly Lazy<IAmazonSQS> s_sqs = new(() => new AmazonSQSClient());
                private static IAmazonDynamoDB s_cached;
                private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IAmazonS3> s_byRegion = new();
                private IAmazonDynamoDB _instance;
                private readonly IAmazonDynamoDB _fromConstructor;
                private static readonly IAmazonDynamoDB s_fromStaticConstructor;
                private IAmazonS3 Property { get; } = new AmazonS3Client();

                static Function()
                {
                    s_fromStaticConstructor = new AmazonDynamoDBClient();
                }

                public Function()
                {
                    _fromConstructor = new AmazonDynamoDBClient();
                }

                public Function(IAmazonDynamoDB injected)
                {
                    _fromConstructor = injected ?? new AmazonDynamoDBClient();
                }

                public async Task Handle(string input, ILambdaContext context)
                {
                    s_cached ??= new AmazonDynamoDBClient();
                    var dynamo = _instance ?? (_instance = new AmazonDynamoDBClient());
                    if (_instance == null)
                    {
                        _instance = new AmazonDynamoDBClient();
                    }

                    var perRegion = s_byRegion.GetOrAdd(input, region => new AmazonS3Client(Amazon.RegionEndpoint.GetBySystemName(region)));
                    var config = new AmazonS3Config { ForcePathStyle = true };
                    var request = new Amazon.S3.Model.ListBucketsRequest();
                    await s_s3.ListBucketsAsync(request);
                }
            }
            """);
    }

    [Fact]
    public async Task Methods_that_are_not_handlers_are_not_reported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;

            public class ReportsController
            {
                public async Task<int> Get()
                {
                    using var s3 = new AmazonS3Client();
                    var response = await s3.ListBucketsAsync();
                    return response.Buckets.Count;
                }
            }

            public class Worker
            {
                public IAmazonS3 Create() => new AmazonS3Client();

                public void Run(System.IO.Stream input) { var s3 = Create(); }
            }
            """);
    }

    [Fact]
    public async Task Types_named_like_clients_that_are_not_service_clients_are_not_reported()
    {
        await VerifyAsync("""
            using System;
            using Amazon.Lambda.Core;

            public sealed class AmazonDynamoDBLockClient : IDisposable
            {
                public void Dispose() { }
            }

            public class Function
            {
                public void Handle(string input, ILambdaContext context)
                {
                    using var locks = new AmazonDynamoDBLockClient();
                    var config = new Amazon.DynamoDBv2.AmazonDynamoDBConfig();
                }
            }
            """);
    }

    [Fact]
    public async Task Constructors_of_the_handler_type_and_helpers_called_only_from_them_are_not_reported()
    {
        await VerifyAsync("""
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                private readonly IAmazonS3 _s3;

                public Function() : this(CreateClient()) { }

                public Function(IAmazonS3 s3) => _s3 = s3;

                private static IAmazonS3 CreateClient() => new AmazonS3Client();

                public string Handle(string input, ILambdaContext context) => input;
            }
            """);
    }

    [Fact]
    public async Task Helpers_and_wrappers_whose_result_the_handler_caches_are_not_reported()
    {
        await VerifyAsync("""
            using System.Collections.Concurrent;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;

            public class Function
            {
                private static IAmazonDynamoDB s_dynamo;
                private static Repository s_repository;
                private static readonly ConcurrentDictionary<string, IAmazonDynamoDB> s_byRegion = new();

                public void Handle(string region, ILambdaContext context)
                {
                    s_dynamo ??= Create();
                    s_repository ??= new Repository();
                    var regional = s_byRegion.GetOrAdd(region, r => CreateFor(r));
                }

                private static IAmazonDynamoDB Create() => new AmazonDynamoDBClient();

                private static IAmazonDynamoDB CreateFor(string region) =>
                    new AmazonDynamoDBClient(Amazon.RegionEndpoint.GetBySystemName(region));
            }

            public class Repository
            {
                private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
                private readonly IAmazonDynamoDB _other;

                public Repository() => _other = new AmazonDynamoDBClient();
            }
            """);
    }

    [Fact]
    public async Task Generated_code_is_not_reported()
    {
        await VerifyAsync("""
            // <auto-generated/>
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                public void Handle(string input, ILambdaContext context) { var s3 = new AmazonS3Client(); }
            }
            """);
    }

    [Fact]
    public async Task Incomplete_code_gives_no_diagnostic_and_no_crash()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Lambda.Core;
                using Amazon.S3;

                public abstract class Function
                {
                    public void Unresolved(string input, ILambdaContext context) { var c = new {|CS0246:AmazonS4Client|}(); }
                    public void MissingArgs(string input, ILambdaContext context) { var c = new {|CS1729:AmazonS3Client|}(1, 2, 3, 4, 5); }
                    public abstract void NoBody(string input, ILambdaContext context);
                    public void Broken({|CS0246:Missing|} input, ILambdaContext context) { var c = {|#0:new AmazonS3Client()|}; c.{|CS1061:Nope|}(); }
                }
                """,
            ExpectedDiagnostics =
            {
                Diagnostic().WithLocation(0).WithArguments("AmazonS3Client", "Function.Broken"),
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_the_sdk_nothing_is_registered()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                namespace Amazon.Lambda.Core { public interface ILambdaContext { } }
                class AmazonS3Client { }
                class Function { void Handle(string input, Amazon.Lambda.Core.ILambdaContext context) { var s3 = new AmazonS3Client(); } }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>());
        await test.RunAsync();
    }
}
