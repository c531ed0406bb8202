using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwsAnalyzers.Lambda;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AwsAnalyzers.Tests.Lambda;

/// <summary>The handler discovery service on its own: every kind of handler, through a local included, and the no-marker gate.</summary>
public class LambdaHandlersTests
{
    private static CSharpCompilation Compile(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary, ImmutableArray<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            "Handlers",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            references ?? TestReferences.All,
            new CSharpCompilationOptions(kind));

    private static LambdaHandlers Handlers(Compilation compilation, params (string Path, string Text)[] files)
    {
        var options = new AnalyzerOptions(files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray());
        LambdaHandlers? handlers = LambdaHandlers.For(compilation, options, CancellationToken.None);
        Assert.NotNull(handlers);
        return handlers!;
    }

    /// <summary>The ordinary method or local function named <paramref name="name"/>.</summary>
    private static IMethodSymbol Method(Compilation compilation, string name)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SemanticModel model = compilation.GetSemanticModel(tree);
        SyntaxNode declaration = tree.GetRoot().DescendantNodes().First(n =>
            (n is MethodDeclarationSyntax method && method.Identifier.ValueText == name)
            || (n is LocalFunctionStatementSyntax local && local.Identifier.ValueText == name));
        return (IMethodSymbol)model.GetDeclaredSymbol(declaration)!;
    }

    /// <summary>The lambdas of the source, in order.</summary>
    private static IAnonymousFunctionOperation[] Lambdas(Compilation compilation)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SemanticModel model = compilation.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes().OfType<LambdaExpressionSyntax>()
            .Select(lambda => (IAnonymousFunctionOperation)model.GetOperation(lambda)!)
            .ToArray();
    }

    private const string Usings = """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;

        """;

    [Fact]
    public void A_method_with_a_context_parameter_and_an_annotated_method_are_handlers_with_their_display_names()
    {
        Compilation compilation = Compile("""
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Annotations;

            public class Function
            {
                public string Handle(string input, ILambdaContext context) => input;

                [LambdaFunction]
                public string Annotated(string input) => input;

                public string Plain(string input) => input;
            }
            """);
        LambdaHandlers handlers = Handlers(compilation);

        Assert.Equal("Function.Handle", handlers.HandlerName(Method(compilation, "Handle"), CancellationToken.None));
        Assert.Equal("Function.Annotated", handlers.HandlerName(Method(compilation, "Annotated"), CancellationToken.None));
        Assert.Null(handlers.HandlerName(Method(compilation, "Plain"), CancellationToken.None));
    }

    [Fact]
    public void A_partial_method_annotated_on_one_part_is_a_handler_through_either_part()
    {
        Compilation compilation = Compile("""
            using Amazon.Lambda.Annotations;

            public partial class Function
            {
                [LambdaFunction]
                public partial string Annotated(string input);

                public partial string Annotated(string input) => input;

                public partial string Later(string input);

                [LambdaFunction]
                public partial string Later(string input) => input;
            }
            """);
        LambdaHandlers handlers = Handlers(compilation);

        foreach (string name in new[] { "Annotated", "Later" })
        {
            IMethodSymbol definition = Method(compilation, name);
            Assert.NotNull(definition.PartialImplementationPart);
            Assert.Equal("Function." + name, handlers.HandlerName(definition, CancellationToken.None));
            Assert.Equal("Function." + name, handlers.HandlerName(definition.PartialImplementationPart!, CancellationToken.None));
        }
    }

    [Fact]
    public void A_method_named_by_a_deployment_file_is_a_handler_even_in_a_project_without_lambda_types()
    {
        Compilation compilation = Compile("""
            namespace Sensors
            {
                public class Ingest
                {
                    public System.IO.Stream Handle(System.IO.Stream input) => input;
                    public System.IO.Stream Other(System.IO.Stream input) => input;
                }

                public class Replay
                {
                    public System.IO.Stream Handle(System.IO.Stream input) => input;
                }
            }
            """, references: TestReferences.FrameworkAndSdk);
        LambdaHandlers handlers = Handlers(compilation, ("src/aws-lambda-tools-defaults.json", "{ \"function-handler\": \"Sensors::Sensors.Ingest::Handle\" }"));

        Assert.Equal("Ingest.Handle", handlers.HandlerName(Method(compilation, "Handle"), CancellationToken.None));
        Assert.Null(handlers.HandlerName(Method(compilation, "Other"), CancellationToken.None));

        // The same method name in a type the file does not name.
        INamedTypeSymbol replay = compilation.GetTypeByMetadataName("Sensors.Replay")!;
        Assert.Null(handlers.HandlerName((IMethodSymbol)replay.GetMembers("Handle").Single(), CancellationToken.None));
    }

    [Fact]
    public void Without_a_lambda_marker_there_is_no_discovery()
    {
        Compilation compilation = Compile("class Function { string Handle(string input) => input; }", references: TestReferences.FrameworkAndSdk);

        Assert.Null(LambdaHandlers.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None));
        Assert.Null(LambdaHandlers.For(
            compilation,
            new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryText("template.yaml", "Resources: {}"))),
            CancellationToken.None));
    }

    [Fact]
    public void Lambdas_and_method_groups_handed_to_the_bootstrap_directly_are_handlers()
    {
        Compilation compilation = Compile(Usings + """
            public static class Program
            {
                public static async Task Main()
                {
                    await LambdaBootstrapBuilder.Create((Stream input) => input).Build().RunAsync();
                    using var wrapper = HandlerWrapper.GetHandlerWrapper(Copy);
                    Func<Stream, Stream> notHandedOver = input => input;
                    await LambdaBootstrapBuilder.Create(Echo).Build().RunAsync();

                    Stream Echo(Stream input) => input;
                }

                public static Stream Copy(Stream input) => input;

                public static Stream NotHandedOver(Stream input) => input;
            }
            """);
        LambdaHandlers handlers = Handlers(compilation);
        IAnonymousFunctionOperation[] lambdas = Lambdas(compilation);

        Assert.True(handlers.IsHandler(lambdas[0], CancellationToken.None));
        Assert.False(handlers.IsHandler(lambdas[1], CancellationToken.None));
        Assert.Equal("Program.Copy", handlers.HandlerName(Method(compilation, "Copy"), CancellationToken.None));
        Assert.Equal("Echo", handlers.HandlerName(Method(compilation, "Echo"), CancellationToken.None));
        Assert.Null(handlers.HandlerName(Method(compilation, "NotHandedOver"), CancellationToken.None));
        Assert.Null(handlers.HandlerName(Method(compilation, "Main"), CancellationToken.None));
    }

    [Fact]
    public void Method_groups_and_lambdas_that_reach_the_bootstrap_through_a_local_are_handlers()
    {
        Compilation compilation = Compile(Usings + """
            public static class Program
            {
                public static async Task Main()
                {
                    Func<Stream, Stream> handler = FunctionHandler;
                    await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();

                    var typed = async (string input) => { await Task.Yield(); return input.Length; };
                    await LambdaBootstrapBuilder.Create(typed, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                    Func<Stream, Stream> later;
                    later = Later;
                    using var wrapper = HandlerWrapper.GetHandlerWrapper(later);

                    Func<Stream, Stream> kept = input => input;
                    kept(null);
                }

                public static Stream FunctionHandler(Stream input) => input;

                public static Stream Later(Stream input) => input;
            }
            """);
        LambdaHandlers handlers = Handlers(compilation);
        IAnonymousFunctionOperation[] lambdas = Lambdas(compilation);

        Assert.Equal("Program.FunctionHandler", handlers.HandlerName(Method(compilation, "FunctionHandler"), CancellationToken.None));
        Assert.Equal("Program.Later", handlers.HandlerName(Method(compilation, "Later"), CancellationToken.None));
        Assert.True(handlers.IsHandler(lambdas[0], CancellationToken.None));
        Assert.False(handlers.IsHandler(lambdas[1], CancellationToken.None));
    }

    [Fact]
    public void A_handler_of_another_type_reaches_the_bootstrap_through_a_local_of_another_top_level_statement()
    {
        // Top-level statements are one body: the local is written in one statement and handed over in another.
        Compilation compilation = Compile(Usings + """
            Func<Stream, Stream> handler = new Function().Handle;
            var stored = (Stream input) => input;
            await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
            using var wrapper = HandlerWrapper.GetHandlerWrapper(stored);

            public class Function
            {
                public Stream Handle(Stream input) => input;

                public Stream Other(Stream input) => input;

                // Named by the bootstrap's body, but only as a call's method (`.Build()`): not handed over.
                public Stream Build(Stream input) => input;

                public void Keep() { Func<Stream, Stream> kept = input => input; kept(null); }
            }
            """, OutputKind.ConsoleApplication);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        LambdaHandlers handlers = Handlers(compilation);
        IAnonymousFunctionOperation[] lambdas = Lambdas(compilation);

        Assert.Equal("Function.Handle", handlers.HandlerName(Method(compilation, "Handle"), CancellationToken.None));
        Assert.Null(handlers.HandlerName(Method(compilation, "Other"), CancellationToken.None));
        Assert.Null(handlers.HandlerName(Method(compilation, "Build"), CancellationToken.None));
        Assert.True(handlers.IsHandler(lambdas[0], CancellationToken.None));
        Assert.False(handlers.IsHandler(lambdas[1], CancellationToken.None));
    }

    [Fact]
    public void Bootstrap_calls_through_using_static_and_an_alias_are_found()
    {
        Compilation compilation = Compile("""
            using System.IO;
            using System.Threading.Tasks;
            using Wrapper = Amazon.Lambda.RuntimeSupport.HandlerWrapper;
            using static Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder;

            public static class Program
            {
                public static async Task Main()
                {
                    await Create(ViaStatic).Build().RunAsync();
                    using var wrapper = Wrapper.GetHandlerWrapper(ViaAlias);
                }

                public static Stream ViaStatic(Stream input) => input;

                public static Stream ViaAlias(Stream input) => input;
            }
            """);
        LambdaHandlers handlers = Handlers(compilation);

        Assert.Equal("Program.ViaStatic", handlers.HandlerName(Method(compilation, "ViaStatic"), CancellationToken.None));
        Assert.Equal("Program.ViaAlias", handlers.HandlerName(Method(compilation, "ViaAlias"), CancellationToken.None));
    }

    [Fact]
    public void A_site_is_named_by_the_innermost_handler_around_it_and_knows_whether_it_runs_directly_in_its_member()
    {
        Compilation compilation = Compile(Usings + """
            public class Function
            {
                public void Handle(string input, ILambdaContext context)
                {
                    Console.WriteLine("direct");
                    Action later = () => Console.WriteLine("in a lambda");
                    Local(context);

                    void Local(ILambdaContext inner) => Console.WriteLine("in a local handler");
                }

                public void Helper() => Console.WriteLine("helper");
            }
            """);
        LambdaHandlers handlers = Handlers(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SemanticModel model = compilation.GetSemanticModel(tree);
        HandlerSite SiteOfLiteral(string text)
        {
            LiteralExpressionSyntax literal = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single(l => l.Token.ValueText == text);
            return handlers.SiteOf(model.GetOperation(literal)!, member: null, CancellationToken.None);
        }

        HandlerSite direct = SiteOfLiteral("direct");
        Assert.Equal("Function.Handle", direct.HandlerName);
        Assert.True(direct.DirectlyInMember);
        Assert.Equal("Handle", direct.Member?.Name);

        HandlerSite inLambda = SiteOfLiteral("in a lambda");
        Assert.Equal("Function.Handle", inLambda.HandlerName);
        Assert.False(inLambda.DirectlyInMember);

        Assert.Equal("Local", SiteOfLiteral("in a local handler").HandlerName);

        HandlerSite helper = SiteOfLiteral("helper");
        Assert.Null(helper.HandlerName);
        Assert.Equal("Helper", helper.Member?.Name);
    }

    [Fact]
    public void The_handler_calling_a_method_is_found_one_hop_away_the_first_by_name_and_never_through_a_method_group()
    {
        Compilation compilation = Compile("""
            using System;
            using Amazon.Lambda.Core;

            public class Function
            {
                public void Second(string input, ILambdaContext context) => Shared();

                public void First(string input, ILambdaContext context) { Shared(); Action later = Grouped; }

                public void Plain() { Unreached(); }

                private void Shared() { }

                private void Grouped() { }

                private void Unreached() { }
            }
            """);
        LambdaHandlers handlers = Handlers(compilation);
        var hops = AwsAnalyzers.Core.CallHops.For(compilation);

        Assert.Equal("Function.First", handlers.CallingHandler(Method(compilation, "Shared"), hops, counts: null, CancellationToken.None));
        Assert.Null(handlers.CallingHandler(Method(compilation, "Grouped"), hops, counts: null, CancellationToken.None));
        Assert.Null(handlers.CallingHandler(Method(compilation, "Unreached"), hops, counts: null, CancellationToken.None));
        Assert.Null(handlers.CallingHandler(Method(compilation, "First"), hops, counts: null, CancellationToken.None));

        // The calls every handler rule filters: bound once, with the handler and the member each runs in.
        var calls = handlers.HandlerCalls(Method(compilation, "Shared"), hops, CancellationToken.None);
        Assert.Equal(new[] { "Function.Second", "Function.First" }, calls.Select(c => c.HandlerName));
        Assert.Equal(new[] { "Second", "First" }, calls.Select(c => c.CallerMember.Name));
        Assert.All(calls, c => Assert.IsAssignableFrom<IInvocationOperation>(c.Call));
        Assert.True(calls == handlers.HandlerCalls(Method(compilation, "Shared"), hops, CancellationToken.None), "asked again, the same array");
        Assert.Empty(handlers.HandlerCalls(Method(compilation, "Grouped"), hops, CancellationToken.None));
        Assert.Empty(handlers.HandlerCalls(Method(compilation, "Unreached"), hops, CancellationToken.None));
        Assert.Equal("Function.Second", handlers.CallingHandler(Method(compilation, "Shared"), hops, (call, member) => member.Name == "Second", CancellationToken.None));
    }

    [Fact]
    public void The_input_of_a_handler_is_its_first_parameter_that_is_not_the_context()
    {
        Compilation compilation = Compile("""
            using Amazon.Lambda.Core;
            using Amazon.Lambda.SQSEvents;

            public class Function
            {
                public void Handle(SQSEvent input, ILambdaContext context) { }

                public void ContextFirst(ILambdaContext context, string input) { }

                public void ContextOnly(ILambdaContext context) { }
            }
            """);
        LambdaHandlers handlers = Handlers(compilation);

        Assert.Equal("input", handlers.InputParameter(Method(compilation, "Handle"))?.Name);
        Assert.Equal("SQSEvent", handlers.InputParameter(Method(compilation, "Handle"))?.Type.Name);
        Assert.Equal("input", handlers.InputParameter(Method(compilation, "ContextFirst"))?.Name);
        Assert.Null(handlers.InputParameter(Method(compilation, "ContextOnly")));
    }

    [Fact]
    public void The_discovery_is_shared_per_compilation_and_options()
    {
        Compilation compilation = Compile("class Function { void Handle(string input, Amazon.Lambda.Core.ILambdaContext context) { } }");
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        Assert.Same(LambdaHandlers.For(compilation, options, CancellationToken.None), LambdaHandlers.For(compilation, options, CancellationToken.None));
    }

    private sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
