using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AwsAnalyzers.Tests.Infrastructure;

/// <summary>
/// Compiles the hand-written stubs of AWS packages that the feed does not serve (Kinesis, Firehose, Athena, the Lambda
/// libraries) into in-memory assemblies named after their folders, once per test run and per SDK shape.
/// </summary>
internal static class StubAssemblies
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_v4 = new(() => Compile(v3Shapes: false));
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_v3 = new(() => Compile(v3Shapes: true));
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_v4Sync = new(() => Compile(v3Shapes: false, syncMethods: true));

    /// <summary>Stubs with the v4 model shapes (nullable value-type properties).</summary>
    public static ImmutableArray<MetadataReference> V4 => s_v4.Value;

    /// <summary>Stubs with the v3 model shapes (plain value-type properties).</summary>
    public static ImmutableArray<MetadataReference> V3 => s_v3.Value;

    /// <summary>Stubs with the v4 model shapes and the sync client methods of the .NET Framework builds.</summary>
    public static ImmutableArray<MetadataReference> V4WithSyncMethods => s_v4Sync.Value;

    private static ImmutableArray<MetadataReference> Compile(bool v3Shapes, bool syncMethods = false)
    {
        string stubRoot = Path.Combine(AppContext.BaseDirectory, "Stubs");
        var symbols = new List<string> { "NET8_0_OR_GREATER", "NET10_0_OR_GREATER", "NET10_0", "NET" };
        if (v3Shapes)
        {
            symbols.Add("AWS_SDK_V3");
        }

        if (syncMethods)
        {
            symbols.Add("AWS_SDK_SYNC");
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: symbols);
        var built = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);

        // Stubs/Shared holds what several stub assemblies need inside them (their v3/v4 collection defaults): compiled
        // into each, not an assembly of its own.
        SyntaxTree[] shared = Trees(Path.Combine(stubRoot, SharedFolder), parseOptions);
        List<string> pending = Directory.GetDirectories(stubRoot).Select(Path.GetFileName).OfType<string>()
            .Where(n => n != SharedFolder).OrderBy(n => n, StringComparer.Ordinal).ToList();

        // Folders may depend on one another (RuntimeSupport on Lambda.Core): compile until nothing new succeeds.
        while (pending.Count > 0)
        {
            var failures = new List<string>();
            foreach (string name in pending.ToList())
            {
                SyntaxTree[] trees = Trees(Path.Combine(stubRoot, name), parseOptions).Concat(shared).ToArray();
                CSharpCompilation compilation = CSharpCompilation.Create(
                    name,
                    trees,
                    TestReferences.FrameworkAndSdk.AddRange(built.Values),
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
                using var stream = new MemoryStream();
                var result = compilation.Emit(stream);
                if (result.Success)
                {
                    built[name] = MetadataReference.CreateFromImage(stream.ToArray());
                    pending.Remove(name);
                }
                else
                {
                    failures.Add(name + ": " + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
                }
            }

            if (failures.Count == pending.Count && pending.Count > 0)
            {
                throw new InvalidOperationException("Stub assemblies do not compile:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
            }
        }

        return built.Values.ToImmutableArray();
    }

    private const string SharedFolder = "Shared";

    private static SyntaxTree[] Trees(string folder, CSharpParseOptions parseOptions) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, f))
            .ToArray();
}
