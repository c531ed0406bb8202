using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>The call-hop service on its own: bodies, summaries, overrides, callers, and recursion that terminates.</summary>
public class CallHopsTests
{
    private static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Hops",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp12))),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static INamedTypeSymbol Type(Compilation compilation, string name) =>
        (INamedTypeSymbol)compilation.GetSymbolsWithName(name, SymbolFilter.Type).Single();

    private static IMethodSymbol Method(Compilation compilation, string type, string name) =>
        Type(compilation, type).GetMembers(name).OfType<IMethodSymbol>().Single();

    private static IMethodSymbol Getter(Compilation compilation, string type, string name) =>
        Type(compilation, type).GetMembers(name).OfType<IPropertySymbol>().Single().GetMethod!;

    /// <summary>Creates an AWS service client in its own body, or through one of the project methods it calls (transitively).</summary>
    private sealed class CreatesClient : CallFact<bool>
    {
        public int Summarized { get; private set; }

        public override bool Unknown => false;

        public override bool Summarize(IMethodSymbol method, IOperation body, CallHops hops, CancellationToken cancellationToken)
        {
            Summarized++;
            foreach (IOperation operation in body.Descendants())
            {
                switch (operation)
                {
                    case IObjectCreationOperation { Type.Name: "AmazonS3Client" }:
                        return true;
                    case IInvocationOperation call when hops.Implementations(call.TargetMethod, cancellationToken)
                        .Any(m => hops.Summary(m, this, cancellationToken)):
                        return true;
                }
            }

            return false;
        }
    }

    private const string Clients = """
        using Amazon.S3;

        public class Clients
        {
            public IAmazonS3 Create() => new AmazonS3Client();
            public IAmazonS3 Expression => new AmazonS3Client();
            public IAmazonS3 Block { get { var client = new AmazonS3Client(); return client; } }
            public IAmazonS3 Auto { get; set; }
            public int Nothing() => 1;
            public IAmazonS3 Through() => Create();
        }
        """;

    [Fact]
    public void Methods_and_expression_and_block_bodied_getters_are_summarized_from_their_bodies()
    {
        Compilation compilation = Compile(Clients);
        CallHops hops = CallHops.For(compilation);
        var fact = new CreatesClient();

        Assert.True(hops.Summary(Method(compilation, "Clients", "Create"), fact, CancellationToken.None));
        Assert.True(hops.Summary(Getter(compilation, "Clients", "Expression"), fact, CancellationToken.None));
        Assert.True(hops.Summary(Getter(compilation, "Clients", "Block"), fact, CancellationToken.None));
        Assert.True(hops.Summary(Method(compilation, "Clients", "Through"), fact, CancellationToken.None));
        Assert.False(hops.Summary(Method(compilation, "Clients", "Nothing"), fact, CancellationToken.None));
        Assert.False(hops.Summary(Getter(compilation, "Clients", "Auto"), fact, CancellationToken.None));
        Assert.Null(hops.Body(Getter(compilation, "Clients", "Auto"), CancellationToken.None));
    }

    [Fact]
    public void A_summary_is_computed_once_per_method_and_fact()
    {
        Compilation compilation = Compile(Clients);
        CallHops hops = CallHops.For(compilation);
        var fact = new CreatesClient();
        IMethodSymbol create = Method(compilation, "Clients", "Create");

        hops.Summary(create, fact, CancellationToken.None);
        hops.Summary(create, fact, CancellationToken.None);

        Assert.Equal(1, fact.Summarized);
        Assert.Same(hops, CallHops.For(compilation));
    }

    [Fact]
    public void Recursion_and_mutual_recursion_terminate_and_are_not_cached_half_known()
    {
        Compilation compilation = Compile("""
            using Amazon.S3;

            public class Cycles
            {
                public int Self(int n) => n <= 0 ? 0 : Self(n - 1);
                public void Ping(int n) { if (n > 0) Pong(n - 1); }
                public void Pong(int n) { if (n > 0) Ping(n - 1); else new AmazonS3Client(); }
                public int Deep0() => Deep1();
                public int Deep1() => Deep2();
                public int Deep2() => Deep3();
                public int Deep3() => Deep4();
                public int Deep4() => Deep5();
                public int Deep5() => Deep6();
                public int Deep6() => Deep7();
                public int Deep7() => Deep8();
                public int Deep8() => Deep9();
                public int Deep9() => Deep0();
            }
            """);
        CallHops hops = CallHops.For(compilation);
        var fact = new CreatesClient();

        Assert.False(hops.Summary(Method(compilation, "Cycles", "Self"), fact, CancellationToken.None));
        Assert.True(hops.Summary(Method(compilation, "Cycles", "Ping"), fact, CancellationToken.None));
        Assert.True(hops.Summary(Method(compilation, "Cycles", "Pong"), fact, CancellationToken.None));
        Assert.False(hops.Summary(Method(compilation, "Cycles", "Deep0"), fact, CancellationToken.None));
    }

    private const string Shapes = """
        using Amazon.S3;

        public abstract class Processor
        {
            public abstract IAmazonS3 Client();
            public virtual IAmazonS3 Fallback() => null;
            public virtual IAmazonS3 Current => null;
        }

        public class S3Processor : Processor
        {
            public override IAmazonS3 Client() => new AmazonS3Client();
            public override IAmazonS3 Fallback() => new AmazonS3Client();
            public override IAmazonS3 Current => new AmazonS3Client();
            public IAmazonS3 Base() => base.Fallback();
        }

        public sealed class Idle : Processor
        {
            public override IAmazonS3 Client() => null;
        }

        public interface IStore { IAmazonS3 Open(); }

        public class Store : IStore { public IAmazonS3 Open() => new AmazonS3Client(); }

        public class Explicit : IStore { IAmazonS3 IStore.Open() => null; }
        """;

    [Fact]
    public void A_virtual_abstract_or_interface_call_on_a_project_type_reaches_every_project_override()
    {
        Compilation compilation = Compile(Shapes);
        CallHops hops = CallHops.For(compilation);

        string Names(IMethodSymbol target) =>
            string.Join(", ", hops.Implementations(target, CancellationToken.None).Select(m => m.ContainingType.Name + "." + m.Name).OrderBy(n => n));

        Assert.Equal("Idle.Client, S3Processor.Client", Names(Method(compilation, "Processor", "Client")));
        Assert.Equal("Processor.Fallback, S3Processor.Fallback", Names(Method(compilation, "Processor", "Fallback")));
        Assert.Equal("Processor.get_Current, S3Processor.get_Current", Names(Getter(compilation, "Processor", "Current")));
        Assert.Equal("Explicit.IStore.Open, Store.Open", Names(Method(compilation, "IStore", "Open")));
        Assert.Equal("S3Processor.Client", Names(Method(compilation, "S3Processor", "Client")));
    }

    [Fact]
    public void Callers_are_invocations_creations_getter_reads_and_method_groups_across_files()
    {
        Compilation compilation = Compile(
            """
            using System;
            using Amazon.S3;

            public class Repository
            {
                public Repository() { }
                public IAmazonS3 Client => null;
                public IAmazonS3 Open() => null;
            }
            """,
            """
            using System;

            public class Function
            {
                private Repository _field = new();

                public void Handle()
                {
                    var repository = new Repository();
                    var client = repository.Client;
                    repository.Open();
                    repository?.Open();
                    Func<Amazon.S3.IAmazonS3> group = repository.Open;
                    // Open() in a comment, "Open()" in a string and Opener are not uses.
                    string text = "Open()";
                    Opener();
                }

                private void Opener() { }
            }
            """);
        CallHops hops = CallHops.For(compilation);

        string Kinds(IMethodSymbol method) =>
            string.Join(", ", hops.Callers(method, CancellationToken.None).Select(c => c.Kind.ToString()).OrderBy(k => k));

        Assert.Equal("ObjectCreation, ObjectCreation", Kinds(Type(compilation, "Repository").InstanceConstructors.Single()));
        Assert.Equal("PropertyReference", Kinds(Getter(compilation, "Repository", "Client")));
        Assert.Equal("Invocation, Invocation, MethodReference", Kinds(Method(compilation, "Repository", "Open")));
    }

    [Fact]
    public void Callers_of_an_override_include_virtual_and_interface_calls_but_not_calls_to_other_overrides_or_base_calls()
    {
        Compilation compilation = Compile(Shapes, """
            public class Use
            {
                public void Run(Processor processor, S3Processor s3, Idle idle, IStore store)
                {
                    processor.Client();
                    s3.Client();
                    idle.Client();
                    store.Open();
                    var current = processor.Current;
                }
            }
            """);
        CallHops hops = CallHops.For(compilation);

        int Count(IMethodSymbol method) => hops.Callers(method, CancellationToken.None).Length;

        Assert.Equal(2, Count(Method(compilation, "S3Processor", "Client")));
        Assert.Equal(2, Count(Method(compilation, "Idle", "Client")));
        Assert.Equal(1, Count(Method(compilation, "Store", "Open")));
        Assert.Equal(1, Count(Getter(compilation, "S3Processor", "Current")));

        // `base.Fallback()` runs the base method only.
        Assert.Empty(hops.Callers(Method(compilation, "S3Processor", "Fallback"), CancellationToken.None));
        Assert.Single(hops.Callers(Method(compilation, "Processor", "Fallback"), CancellationToken.None));
    }

    [Fact]
    public void Names_are_found_as_identifiers_only()
    {
        Compilation compilation = Compile("""
            class C
            {
                // Find in a comment
                string s = "Find in a string";
                void Find() { Finder(); @Find(); }
                void Finder() { }
            }
            """);
        ImmutableArray<SyntaxToken> tokens = SourceIndex.For(compilation).Occurrences("Find", CancellationToken.None);

        Assert.Equal(2, tokens.Length);
        Assert.All(tokens, t => Assert.Equal("Find", t.ValueText));
    }

    /// <summary>Every token the plain text search finds: each occurrence of the name in the text, kept when it is the token's value.</summary>
    private static string[] FoundByPlainSearch(Compilation compilation, string name, SyntaxKind kind)
    {
        var found = new System.Collections.Generic.List<string>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            string text = tree.GetText().ToString();
            for (int index = text.IndexOf(name, System.StringComparison.Ordinal); index >= 0; index = text.IndexOf(name, index + 1, System.StringComparison.Ordinal))
            {
                SyntaxToken token = tree.GetRoot().FindToken(index);
                if (token.IsKind(kind) && index - token.SpanStart is >= 0 and <= 2 && token.ValueText == name)
                {
                    found.Add(tree.FilePath + "@" + token.SpanStart);
                }
            }
        }

        return found.Distinct().ToArray();
    }

    [Fact]
    public void The_word_filter_skips_no_tree_the_plain_text_search_finds_a_name_in()
    {
        Compilation compilation = CSharpCompilation.Create(
            "Words",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    class C
                    {
                        void Find() { @Find(); Find\u0041(); F\u0069nd(); }
                        int Numbers() => 1Find + 0x1Abc + 12_34Value;
                        string Text = "ReceiveMessageWaitTimeSeconds" + @"Find" + "Find Finder";
                        void éFind() { Findé(); Find(); }
                    }
                    """, path: "a.cs"),
                CSharpSyntaxTree.ParseText("class D { void Finder() { } string s = \"Find\"; }", path: "b.cs"),
                CSharpSyntaxTree.ParseText("class E { void M() => new C().Find(); }", path: "c.cs"),
            },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        SourceIndex index = SourceIndex.For(compilation);

        string[] Found(ImmutableArray<SyntaxToken> tokens) => tokens.Select(t => t.SyntaxTree!.FilePath + "@" + t.SpanStart).ToArray();

        foreach (string name in new[] { "Find", "Finder", "Abc", "Value", "FindA", "é", "C", "ReceiveMessageWaitTimeSeconds" })
        {
            Assert.Equal(FoundByPlainSearch(compilation, name, SyntaxKind.IdentifierToken), Found(index.Occurrences(name, CancellationToken.None)));
        }

        foreach (string value in new[] { "Find", "ReceiveMessageWaitTimeSeconds", "Find Finder" })
        {
            Assert.Equal(FoundByPlainSearch(compilation, value, SyntaxKind.StringLiteralToken), Found(index.StringLiterals(value, CancellationToken.None)));
        }

        // The identifier after a number (an error) is a token too, and the filter keeps its tree.
        Assert.Contains("a.cs", FoundByPlainSearch(compilation, "Value", SyntaxKind.IdentifierToken).Single());
        Assert.Equal(3, index.Occurrences("Find", CancellationToken.None).Count(t => t.SyntaxTree!.FilePath == "a.cs"));
        Assert.Single(index.Occurrences("Find", CancellationToken.None), t => t.SyntaxTree!.FilePath == "c.cs");
    }

    [Fact]
    public void Callers_of_a_private_member_are_searched_in_its_types_files_only_and_target_typed_creations_are_found_past_comments()
    {
        Compilation compilation = Compile(
            """
            public partial class Store
            {
                private Store() { }
                private void Save() { }
                public static Store Create() { Store made = new /* target-typed */ (); made.Save(); return made; }
            }
            """,
            """
            public partial class Store
            {
                public void Flush() { Save(); Store other = new
                    (); }
            }
            """,
            """
            public class Other
            {
                private void Save() { }
                public void Run() { Save(); Save(); Other copy = new(); }
            }
            """);
        CallHops hops = CallHops.For(compilation);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(2, hops.Callers(Method(compilation, "Store", "Save"), CancellationToken.None).Length);
        Assert.Equal(2, hops.Callers(Method(compilation, "Other", "Save"), CancellationToken.None).Length);
        Assert.Equal(2, hops.Callers(Type(compilation, "Store").InstanceConstructors.Single(), CancellationToken.None).Length);

        // Asked after the whole-compilation search for the name, the answer is the same.
        Compilation again = Compile(compilation.SyntaxTrees.Select(t => t.ToString()).ToArray());
        CallHops hopsAgain = CallHops.For(again);
        Assert.Equal(6, SourceIndex.For(again).Occurrences("Save", CancellationToken.None).Length);
        Assert.Equal(2, hopsAgain.Callers(Method(again, "Store", "Save"), CancellationToken.None).Length);
        Assert.Equal(2, hopsAgain.Callers(Method(again, "Other", "Save"), CancellationToken.None).Length);
    }

    [Fact]
    public void Names_reaching_a_word_follow_methods_and_local_functions_to_a_fixed_point_and_skip_what_the_return_type_rules_out()
    {
        Compilation compilation = Compile(
            """
            using System.IO;
            using System.Threading.Tasks;

            class Sources
            {
                Stream Open() => Source.Body;
                async Task<Stream> OpenLaterAsync() => Open();
                Stream Outer() { return Inner(); Stream Inner() => OpenLaterAsync().Result; }
                void Log() => System.Console.WriteLine(Open());
                Task<string> DescribeAsync() => Task.FromResult(Open().ToString());
            }

            static class Source { public static Stream Body => Stream.Null; }

            class Unrelated { Stream Other() => Stream.Null; }
            """);
        CallHops hops = CallHops.For(compilation);
        bool NotVoidOrString(Microsoft.CodeAnalysis.CSharp.Syntax.TypeSyntax type) => !type.ToString().Contains("void") && !type.ToString().Contains("string");

        ImmutableArray<string> names = hops.NamesReaching(new[] { "Body" }, NotVoidOrString, maxNames: 100, CancellationToken.None);

        Assert.Equal(new[] { "Body", "Open", "OpenLaterAsync", "Inner", "Outer" }, names.ToArray());

        // Past the limit, no set: the caller then analyzes every type.
        Assert.True(hops.NamesReaching(new[] { "Body" }, NotVoidOrString, maxNames: 3, CancellationToken.None).IsDefault);
    }
}
