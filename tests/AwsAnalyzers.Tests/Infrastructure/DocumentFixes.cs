using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Tests.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AwsAnalyzers.Tests.Infrastructure;

/// <summary>Runs analyzers and a rule's Fix All over one document, for tests where several rules' fixes meet.</summary>
internal static class DocumentFixes
{
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, params DiagnosticAnalyzer[] analyzers)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(ImmutableArray.Create(analyzers), document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Offers the fix for the rule's first diagnostic (it must be offered), then fixes all of the document's diagnostics with it.</summary>
    public static async Task<Document> FixAllAsync(Document document, DiagnosticAnalyzer analyzer, CodeFixProvider fix, string equivalenceKey)
    {
        ImmutableArray<Diagnostic> diagnostics = await DiagnosticsAsync(document, analyzer);
        Assert.NotEmpty(diagnostics);
        var offered = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (action, _) => offered.Add(action), CancellationToken.None));
        Assert.Contains(offered, action => action.EquivalenceKey == equivalenceKey);

        var context = new FixAllContext(
            document, fix, FixAllScope.Document, equivalenceKey, fix.FixableDiagnosticIds, new FixedDiagnostics(diagnostics), CancellationToken.None);
        CodeAction fixAll = (await fix.GetFixAllProvider()!.GetFixAsync(context))!;
        ImmutableArray<CodeActionOperation> operations = await fixAll.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
    }
}
