using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AwsAnalyzers.Lambda;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Lambda.AWS021ReservedEnvironmentVariableAnalyzer,
    AwsAnalyzers.Lambda.AWS021ReservedEnvironmentVariableCodeFix>;

namespace AwsAnalyzers.Tests.Lambda;

public class AWS021ReservedEnvironmentVariableTests
{
    private static DiagnosticResult InProcess(int location, string key) =>
        VerifyCS.Diagnostic(AWS021ReservedEnvironmentVariableAnalyzer.Rule).WithLocation(location).WithArguments(key);

    private static DiagnosticResult InConfiguration(int location, string key) =>
        VerifyCS.Diagnostic(AWS021ReservedEnvironmentVariableAnalyzer.ConfigurationRule).WithLocation(location).WithArguments(key);

    /// <summary>An assembly named like a test framework's, so the compilation that references it is a test project.</summary>
    private static MetadataReference FrameworkAssembly(string name)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText("namespace TestFramework { public class FactAttribute : System.Attribute { } }")],
            TestReferences.FrameworkAndSdk,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(compilation.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    // ---- (a) set in the running process ----

    [Fact]
    public async Task Setting_a_reserved_variable_in_a_Lambda_project_is_reported_with_its_name()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;

            public class Function
            {
                private const string RegionVariable = "AWS_REGION";

                public Task<string> Handler(string input, ILambdaContext context)
                {
                    {|#0:Environment.SetEnvironmentVariable(RegionVariable, "eu-west-1")|};
                    {|#1:System.Environment.SetEnvironmentVariable("TZ", "Asia/Seoul", EnvironmentVariableTarget.Process)|};
                    return Task.FromResult(input);
                }

                // Not a handler: the rule covers the whole project, since the runtime's variables are the process's.
                public static void Configure() => {|#2:Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIA")|};
            }
            """,
            InProcess(0, "AWS_REGION"), InProcess(1, "TZ"), InProcess(2, "AWS_ACCESS_KEY_ID"));
    }

    [Theory]
    [InlineData("_HANDLER")]
    [InlineData("_X_AMZN_TRACE_ID")]
    [InlineData("AWS_DEFAULT_REGION")]
    [InlineData("AWS_EXECUTION_ENV")]
    [InlineData("AWS_LAMBDA_FUNCTION_NAME")]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")]
    [InlineData("AWS_LAMBDA_FUNCTION_VERSION")]
    [InlineData("AWS_LAMBDA_INITIALIZATION_TYPE")]
    [InlineData("AWS_LAMBDA_LOG_GROUP_NAME")]
    [InlineData("AWS_LAMBDA_LOG_STREAM_NAME")]
    [InlineData("AWS_ACCESS_KEY")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_SESSION_TOKEN")]
    [InlineData("AWS_LAMBDA_RUNTIME_API")]
    [InlineData("LAMBDA_TASK_ROOT")]
    [InlineData("LAMBDA_RUNTIME_DIR")]
    public async Task Every_reserved_key_is_reported(string key)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handler(ILambdaContext context) => {|#0:Environment.SetEnvironmentVariable("{{key}}", "x")|};
            }
            """,
            InProcess(0, key));
    }

    [Fact]
    public async Task Setting_a_variable_in_the_process_has_no_fix()
    {
        const string source = """
            using System;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handler(ILambdaContext context)
                {
                    {|#0:Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1")|};
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(InProcess(0, "AWS_REGION"));
        test.FixedState.ExpectedDiagnostics.Add(InProcess(0, "AWS_REGION"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Configurable_keys_reads_and_names_that_are_not_constant_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handler(ILambdaContext context, string name)
                {
                    Environment.SetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL", "DEBUG");
                    Environment.SetEnvironmentVariable("AWS_LAMBDA_LOG_FORMAT", "JSON");
                    Environment.SetEnvironmentVariable("AWS_LAMBDA_EXEC_WRAPPER", "/opt/wrapper");
                    Environment.SetEnvironmentVariable("aws_region", "lower case is another variable on Linux");
                    Environment.SetEnvironmentVariable("STAGE", "prod");
                    Environment.SetEnvironmentVariable(name, "x");
                    string region = Environment.GetEnvironmentVariable("AWS_REGION");
                }
            }
            """);
    }

    [Fact]
    public async Task A_write_that_extends_the_current_value_is_not_reported()
    {
        // The shape of a library that tags the SDK's user agent from inside a function: it reads what the runtime set
        // and appends to it, before any client is built. A plain write in the same project still is reported.
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using Amazon.Lambda.Core;

            public class Function
            {
                static Function()
                {
                    const string envName = "AWS_EXECUTION_ENV";
                    var envValue = Environment.GetEnvironmentVariable(envName);
                    if (!string.IsNullOrEmpty(envValue) && !envValue.Contains("powershell"))
                    {
                        Environment.SetEnvironmentVariable(envName, $"{envValue}_powershell_1.0");
                    }

                    Environment.SetEnvironmentVariable("AWS_REGION", Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1");
                }

                public void Handler(ILambdaContext context)
                {
                    string region = Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
                    {|#0:Environment.SetEnvironmentVariable("AWS_REGION", region)|};
                }
            }
            """,
            InProcess(0, "AWS_REGION"));
    }

    [Fact]
    public async Task A_project_that_implements_the_Lambda_context_is_a_host_and_is_not_reported()
    {
        // A local runner or emulator (the Lambda test tool's shape): it builds the context it hands to the function and
        // sets the runtime's variables for it, since no runtime has set them.
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using Amazon.Lambda.Core;

            public class LocalLambdaContext : ILambdaContext
            {
                public string AwsRequestId { get; set; }
                public IClientContext ClientContext { get; set; }
                public string FunctionName { get; set; }
                public string FunctionVersion { get; set; }
                public ICognitoIdentity Identity { get; set; }
                public string InvokedFunctionArn { get; set; }
                public ILambdaLogger Logger { get; set; }
                public string LogGroupName { get; set; }
                public string LogStreamName { get; set; }
                public int MemoryLimitInMB { get; set; }
                public TimeSpan RemainingTime { get; set; }
            }

            public class LambdaExecutor
            {
                public void Execute(string region, string functionName)
                {
                    Environment.SetEnvironmentVariable("AWS_REGION", region);
                    Environment.SetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME", functionName);
                    var context = new LocalLambdaContext { FunctionName = functionName };
                }
            }
            """);
    }

    [Fact]
    public async Task Code_compiled_only_in_debug_builds_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            #define DEBUG
            using System;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handler(ILambdaContext context)
                {
            #if DEBUG
                    Environment.SetEnvironmentVariable("AWS_REGION", "local");
            #endif
            #if !DEBUG
                    Environment.SetEnvironmentVariable("STAGE", "prod");
            #else
                    Environment.SetEnvironmentVariable("TZ", "UTC");
            #endif
            #if DEBUG && LOCAL
            #elif DEBUG
                    Environment.SetEnvironmentVariable("_HANDLER", "x");
            #endif
            #if RELEASE
            #else
                    {|#0:Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "x")|};
            #endif
                    {|#1:Environment.SetEnvironmentVariable("AWS_REGION", "after the branches")|};
                }
            }
            """,
            InProcess(0, "AWS_DEFAULT_REGION"), InProcess(1, "AWS_REGION"));
    }

    [Theory]
    [InlineData("xunit.core")]
    [InlineData("xunit.v3.core")]
    [InlineData("nunit.framework")]
    [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework")]
    public async Task Test_projects_are_not_reported(string framework)
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using Amazon.Lambda.Core;

                public class FunctionTests
                {
                    public void Runs_in_another_region(ILambdaContext context)
                    {
                        Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1");
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(FrameworkAssembly(framework));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_project_without_the_Lambda_runtime_is_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;

                public static class Tool
                {
                    public static void Main() => Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1");
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.FrameworkAndSdk);
        await test.RunAsync();
    }

    [Fact]
    public async Task Code_in_an_expression_tree_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Linq.Expressions;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handler(ILambdaContext context)
                {
                    Expression<Action> setup = () => Environment.SetEnvironmentVariable("AWS_REGION", "x");
                }
            }
            """);
    }

    // ---- (b) in a function configuration ----

    [Fact]
    public async Task A_reserved_key_in_a_collection_initializer_is_removed()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Model;

            class Deployer
            {
                Task DeployAsync(IAmazonLambda lambda) =>
                    lambda.CreateFunctionAsync(new CreateFunctionRequest
                    {
                        FunctionName = "ingest",
                        Environment = new Environment
                        {
                            Variables = new Dictionary<string, string>
                            {
                                { "STAGE", "prod" },
                                // the region the function runs in
                                {|#0:{ "AWS_REGION", "eu-west-1" }|},
                                {|#1:{ "TZ", "Asia/Seoul" }|}
                            },
                        },
                    });
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Model;

            class Deployer
            {
                Task DeployAsync(IAmazonLambda lambda) =>
                    lambda.CreateFunctionAsync(new CreateFunctionRequest
                    {
                        FunctionName = "ingest",
                        Environment = new Environment
                        {
                            Variables = new Dictionary<string, string>
                            {
                                { "STAGE", "prod" }
                                // the region the function runs in
                            },
                        },
                    });
            }
            """, AWS021ReservedEnvironmentVariableCodeFix.RemoveEntryEquivalenceKey,
            InConfiguration(0, "AWS_REGION"), InConfiguration(1, "TZ"));
    }

    [Fact]
    public async Task Index_initializers_member_collection_initializers_and_statements_are_removed()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Model;

            class Deployer
            {
                async Task UpdateAsync(AmazonLambdaClient lambda, string stage)
                {
                    var request = new UpdateFunctionConfigurationRequest
                    {
                        FunctionName = "ingest",
                        Environment = new Amazon.Lambda.Model.Environment
                        {
                            Variables = new Dictionary<string, string> { ["STAGE"] = stage, {|#0:["_HANDLER"] = "Ingest::Ingest.Function::Handler"|} },
                        },
                    };
                    {|#1:request.Environment.Variables["AWS_LAMBDA_FUNCTION_NAME"] = "ingest"|};
                    {|#2:request.Environment.Variables.Add("LAMBDA_TASK_ROOT", "/var/task")|};
                    request.Environment.Variables["LOG_LEVEL"] = "info";
                    await lambda.UpdateFunctionConfigurationAsync(request);

                    var other = new UpdateFunctionConfigurationRequest
                    {
                        Environment = new Amazon.Lambda.Model.Environment { Variables = { {|#3:{ "AWS_SESSION_TOKEN", "token" }|}, { "A", "b" } } },
                    };
                    await lambda.UpdateFunctionConfigurationAsync(other);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Model;

            class Deployer
            {
                async Task UpdateAsync(AmazonLambdaClient lambda, string stage)
                {
                    var request = new UpdateFunctionConfigurationRequest
                    {
                        FunctionName = "ingest",
                        Environment = new Amazon.Lambda.Model.Environment
                        {
                            Variables = new Dictionary<string, string> { ["STAGE"] = stage },
                        },
                    };
                    request.Environment.Variables["LOG_LEVEL"] = "info";
                    await lambda.UpdateFunctionConfigurationAsync(request);

                    var other = new UpdateFunctionConfigurationRequest
                    {
                        Environment = new Amazon.Lambda.Model.Environment { Variables = { { "A", "b" } } },
                    };
                    await lambda.UpdateFunctionConfigurationAsync(other);
                }
            }
            """, AWS021ReservedEnvironmentVariableCodeFix.RemoveEntryEquivalenceKey,
            InConfiguration(0, "_HANDLER"), InConfiguration(1, "AWS_LAMBDA_FUNCTION_NAME"), InConfiguration(2, "LAMBDA_TASK_ROOT"),
            InConfiguration(3, "AWS_SESSION_TOKEN"));
    }

    [Fact]
    public async Task A_dictionary_built_in_a_local_and_assigned_to_the_variables_is_reported_in_v3_shapes()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using Amazon.Lambda.Model;

                class Deployer
                {
                    CreateFunctionRequest Build()
                    {
                        var variables = new Dictionary<string, string> { {|#0:{ "AWS_DEFAULT_REGION", "eu-west-1" }|} };
                        {|#1:variables.Add("TZ", "UTC")|};
                        variables.Add("STAGE", "prod");
                        var unrelated = new Dictionary<string, string> { { "TZ", "UTC" } };
                        unrelated["AWS_REGION"] = "x";
                        return new CreateFunctionRequest { Environment = new Environment { Variables = variables } };
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using Amazon.Lambda.Model;

                class Deployer
                {
                    CreateFunctionRequest Build()
                    {
                        var variables = new Dictionary<string, string> { };
                        variables.Add("STAGE", "prod");
                        var unrelated = new Dictionary<string, string> { { "TZ", "UTC" } };
                        unrelated["AWS_REGION"] = "x";
                        return new CreateFunctionRequest { Environment = new Environment { Variables = variables } };
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.AllV3Shapes);
        test.ExpectedDiagnostics.Add(InConfiguration(0, "AWS_DEFAULT_REGION"));
        test.ExpectedDiagnostics.Add(InConfiguration(1, "TZ"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_configuration_entry_is_reported_in_test_projects_and_an_embedded_statement_gets_no_fix()
    {
        const string source = """
            using Amazon.Lambda.Model;

            class Deployer
            {
                void Build(CreateFunctionRequest request, bool pin)
                {
                    if (pin)
                        {|#0:request.Environment.Variables.Add("TZ", "UTC")|};
                    if ({|#1:request.Environment.Variables.TryAdd("AWS_REGION", "eu-west-1")|})
                    {
                    }
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        test.TestState.AdditionalReferences.Add(FrameworkAssembly("xunit.core"));
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.Add(FrameworkAssembly("xunit.core"));
        test.ExpectedDiagnostics.Add(InConfiguration(0, "TZ"));
        test.ExpectedDiagnostics.Add(InConfiguration(1, "AWS_REGION"));
        test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
        await test.RunAsync();
    }

    [Fact]
    public async Task Half_typed_code_does_not_throw()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Handler(ILambdaContext context)
                {
                    Environment.{|CS0117:SetEnvironmentVariabl|}("AWS_REGION", "x");
                    System.Environment.{|CS1501:SetEnvironmentVariable|}("AWS_REGION");
                    var request = new Amazon.Lambda.Model.CreateFunctionRequest { Environment = new Amazon.Lambda.Model.Environment { Variables = {|CS0029:"x"|} } };
                    request.Environment.Variables[{|CS1503:1|}] = "x";
                    {|CS0103:unknown|}.Variables.Add("TZ", "UTC");
                }
            }
            """);
    }
}
