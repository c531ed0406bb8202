using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AwsAnalyzers.Kinesis;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS006BatchPartialFailureNotCheckedCodeFix)), Shared]
public sealed class AWS006BatchPartialFailureNotCheckedCodeFix : CodeFixProvider
{
    public const string ResendEquivalenceKey = "AWS006.ResendFailedEntries";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AWS006BatchPartialFailureNotCheckedAnalyzer.DiagnosticId);

    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(FixDocumentAsync);

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;

    private static Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken) =>
        Task.FromResult(document);
}
