using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Kinesis;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>
/// Fix All as `dotnet format analyzers` drives it: one Fix All per rule over the whole solution, with the equivalence
/// key of the first fix offered for the first diagnostic, or no key when that diagnostic's shape has no fix.
/// </summary>
public class DocumentFixAllProviderTests
{
    private const string Source = """
        using Amazon.Kinesis.Model;

        class Producer
        {
            string Replay(PutRecordRequest request)
            {
                string pinned = request.ExplicitHashKey = "0";
                return pinned;
            }

            PutRecordRequest Build() => new PutRecordRequest { StreamName = "s", PartitionKey = "sensor" };
        }
        """;

    [Fact]
    public async Task Without_an_equivalence_key_the_first_fix_offered_in_the_document_is_applied()
    {
        string fixedSource = await FixAllAsync(equivalenceKey: null);

        Assert.Contains("PartitionKey = Guid.NewGuid().ToString()", fixedSource);
        Assert.Contains("using System;", fixedSource);
        Assert.Contains("string pinned = request.ExplicitHashKey = \"0\";", fixedSource);
    }

    [Fact]
    public async Task With_an_equivalence_key_only_that_fix_is_applied()
    {
        string fixedSource = await FixAllAsync(AWS001ConstantPartitionKeyCodeFix.RemoveExplicitHashKeyEquivalenceKey);

        Assert.Equal(Source, fixedSource);
    }

    private static async Task<string> FixAllAsync(string? equivalenceKey)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.CurrentSolution
            .AddProject("Producer", "Producer", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(TestReferences.All);
        Document document = project.AddDocument("Producer.cs", SourceText.From(Source));
        project = document.Project;

        Compilation compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AWS001ConstantPartitionKeyAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Assert.Equal(2, diagnostics.Length);

        var fix = new AWS001ConstantPartitionKeyCodeFix();
        var context = new FixAllContext(
            document,
            fix,
            FixAllScope.Solution,
            equivalenceKey!,
            fix.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        CodeAction? action = await fix.GetFixAllProvider().GetFixAsync(context);
        Assert.NotNull(action);
        ImmutableArray<CodeActionOperation> operations = await action!.GetOperationsAsync(CancellationToken.None);
        Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }
}
