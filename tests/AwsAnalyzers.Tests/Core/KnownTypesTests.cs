using System.Collections.Immutable;
using System.IO;
using System.Linq;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>
/// The metadata-name lookup: which definition wins when several assemblies define a name (the compilation's own, then
/// one it can see, then the first), and that asking only the assemblies that declare the name's outermost namespace
/// answers exactly what asking every reference answers.
/// </summary>
public class KnownTypesTests
{
    private static MetadataReference Library(string assemblyName, string source)
    {
        var library = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.FrameworkAndSdk,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static CSharpCompilation Compile(string source, params MetadataReference[] extra) =>
        CSharpCompilation.Create(
            "UserCode",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            TestReferences.All.AddRange(extra),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>The answer the lookup gave when it asked every reference through <see cref="Compilation.GetTypesByMetadataName"/>.</summary>
    private static INamedTypeSymbol? AskingEveryReference(Compilation compilation, string metadataName)
    {
        ImmutableArray<INamedTypeSymbol> candidates = compilation.GetTypesByMetadataName(metadataName);
        if (candidates.IsEmpty)
        {
            return null;
        }

        INamedTypeSymbol? own = candidates.FirstOrDefault(c => SymbolEqualityComparer.Default.Equals(c.ContainingAssembly, compilation.Assembly));
        return own
            ?? candidates.FirstOrDefault(c => compilation.IsSymbolAccessibleWithin(c, compilation.Assembly))
            ?? candidates[0];
    }

    private const string StubBesideTheRealCore = """
        namespace Amazon.Runtime
        {
            public class AmazonServiceClient { }
            internal class ClientConfig { }
        }

        namespace Amazon.S3 { internal class AmazonS3Client { } }

        public class GlobalHelper { public class Nested { } }

        namespace Outer.Inner { internal class OnlyInternal { } }
        """;

    /// <summary>A second stub that lets the user code see its internals, with nested types of every accessibility.</summary>
    private const string FriendStub = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("UserCode")]

        namespace Outer.Inner { internal class OnlyInternal { } }

        namespace Friends
        {
            public class Holder
            {
                protected internal class Shared { }
                private protected class Hidden { }
                protected class Derived { }
                internal class Inner { public class Deeper { } }
            }
        }
        """;

    private const string UserSource = """
        namespace System.Runtime.CompilerServices
        {
            internal static class IsExternalInit { }
        }

        namespace Amazon.S3 { public class MyExtension { } }

        namespace Moq { public class Mock { } }

        public class GlobalUser { }
        """;

    private static readonly string[] Names =
    {
        "Amazon.Runtime.AmazonServiceClient",
        "Amazon.Runtime.ClientConfig",
        "Amazon.S3.AmazonS3Client",
        "Amazon.S3.IAmazonS3",
        "Amazon.S3.MyExtension",
        "Amazon.S3.Model.GetObjectRequest",
        "Amazon.Lambda.Core.ILambdaContext",
        "Amazon.DoesNotExist",
        "System.Runtime.CompilerServices.IsExternalInit",
        "System.String",
        "System.Threading.Tasks.Task`1",
        "System.Collections.Generic.List`1+Enumerator",
        "Moq.Mock",
        "NSubstitute.Substitute",
        "GlobalHelper",
        "GlobalHelper+Nested",
        "GlobalUser",
        "Outer.Inner.OnlyInternal",
        "Friends.Holder+Shared",
        "Friends.Holder+Hidden",
        "Friends.Holder+Derived",
        "Friends.Holder+Inner+Deeper",
        "NoSuchType",
        "NoSuchNamespace.NoSuchType",
    };

    [Fact]
    public void Every_name_resolves_as_asking_every_reference_does()
    {
        MetadataReference stub = Library("StubCore", StubBesideTheRealCore);
        CSharpCompilation compilation = Compile(UserSource, stub, Library("FriendCore", FriendStub));
        KnownTypes types = KnownTypes.For(compilation);

        // The friend's internal copy, after the stub's, is the one the user code can see.
        Assert.Equal("FriendCore", types.Get("Outer.Inner.OnlyInternal")!.ContainingAssembly.Name);
        foreach (string name in Names)
        {
            INamedTypeSymbol? expected = AskingEveryReference(compilation, name);
            INamedTypeSymbol? actual = types.Get(name);
            Assert.True(SymbolEqualityComparer.Default.Equals(expected, actual), $"{name}: expected {expected?.ContainingAssembly.Name ?? "null"}, got {actual?.ContainingAssembly.Name ?? "null"}");
        }
    }

    [Fact]
    public void A_stub_beside_the_real_type_resolves_to_the_first_visible_definition()
    {
        MetadataReference stub = Library("StubCore", StubBesideTheRealCore);
        CSharpCompilation compilation = Compile("class C { }", stub);
        KnownTypes types = KnownTypes.For(compilation);

        // Both are public: the first reference's, in reference order.
        Assert.Equal("AWSSDK.Core", types.Get("Amazon.Runtime.AmazonServiceClient")!.ContainingAssembly.Name);

        // The stub's copy is internal, so the visible one wins though the stub also defines it.
        Assert.Equal(2, compilation.GetTypesByMetadataName("Amazon.S3.AmazonS3Client").Length);
        Assert.Equal("AWSSDK.S3", types.Get("Amazon.S3.AmazonS3Client")!.ContainingAssembly.Name);

        // Only an internal definition: it is still the answer.
        Assert.Equal("StubCore", types.Get("Outer.Inner.OnlyInternal")!.ContainingAssembly.Name);
        Assert.Equal("StubCore", types.Get("GlobalHelper+Nested")!.ContainingAssembly.Name);
        Assert.NotNull(KnownTypes.ForAwsSdk(compilation));
    }

    [Fact]
    public void The_compilations_own_definition_wins_over_every_reference()
    {
        CSharpCompilation compilation = Compile("""
            namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }
            namespace Amazon.Runtime { internal class AmazonServiceClient { } }
            """);
        KnownTypes types = KnownTypes.For(compilation);

        Assert.Equal("UserCode", types.Get("System.Runtime.CompilerServices.IsExternalInit")!.ContainingAssembly.Name);
        Assert.Equal("UserCode", types.Get("Amazon.Runtime.AmazonServiceClient")!.ContainingAssembly.Name);
    }

    [Fact]
    public void The_compilations_own_nested_generic_and_global_types_are_found_by_their_declared_names()
    {
        CSharpCompilation compilation = Compile("""
            namespace Amazon.Lambda.Core { public class Outer { public class Handler<TInput> { } } }
            public class Queue<T> { }
            """);
        KnownTypes types = KnownTypes.For(compilation);

        Assert.Equal("UserCode", types.Get("Amazon.Lambda.Core.Outer+Handler`1")!.ContainingAssembly.Name);
        Assert.Equal("UserCode", types.Get("Queue`1")!.ContainingAssembly.Name);
        Assert.Null(types.Get("Amazon.Lambda.Core.Outer+Handler"));
    }

    [Fact]
    public void A_compilation_without_the_sdk_has_no_sdk_lookup_and_finds_no_sdk_type()
    {
        var compilation = CSharpCompilation.Create(
            "UserCode",
            new[] { CSharpSyntaxTree.ParseText("namespace Amazon.Local { public class Thing { } }") },
            TestReferences.FrameworkAndSdk.Where(r => r.Display is null || !Path.GetFileName(r.Display).StartsWith("AWSSDK", System.StringComparison.Ordinal)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Null(KnownTypes.ForAwsSdk(compilation));
        Assert.Null(KnownTypes.For(compilation).Get("Amazon.S3.IAmazonS3"));
        Assert.NotNull(KnownTypes.For(compilation).Get("Amazon.Local.Thing"));
        Assert.NotNull(KnownTypes.For(compilation).Get("System.String"));
    }
}
