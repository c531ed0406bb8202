using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AwsAnalyzers.Athena;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS004MissingPartitionPredicateCodeFix)), Shared]
public sealed class AWS004MissingPartitionPredicateCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "AWS004.AddPartitionPredicates";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AWS004MissingPartitionPredicateAnalyzer.DiagnosticId);

    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(FixDocumentAsync);

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;

    private static Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken) =>
        Task.FromResult(document);
}
