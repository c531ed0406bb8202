using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AwsAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs one analyzer and one code fix: the fix of each diagnostic, then Fix All in document, project and solution,
/// checking the result compiles and no fixable diagnostic is left.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// A diagnostic of the rule; for a rule with several descriptors of one ID (messages that differ by shape), of its
    /// first, main one.
    /// </summary>
    public static DiagnosticResult Diagnostic()
    {
        var descriptors = new TAnalyzer().SupportedDiagnostics;
        return descriptors.Length > 1 && descriptors.All(d => d.Id == descriptors[0].Id)
            ? new DiagnosticResult(descriptors[0])
            : CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();
    }

    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

    /// <summary>A diagnostic of one of the rule's descriptors, for a rule whose messages differ by shape.</summary>
    public static DiagnosticResult Diagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor) =>
        CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The analyzer test over several files, each a path and its source with markup.</summary>
    public static Task VerifyAnalyzerAsync((string Path, string Source)[] files, params DiagnosticResult[] expected)
    {
        var test = new Test();
        foreach ((string path, string source) in files)
        {
            test.TestState.Sources.Add((path, source));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The analyzer test with <paramref name="editorconfig"/> lines (<c>aws_analyzers.AWS0NN.option = value</c>) for every file.</summary>
    public static Task VerifyAnalyzerWithOptionsAsync([StringSyntax("C#-test")] string source, string editorconfig, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorconfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyCodeFixAsync(
        [StringSyntax("C#-test")] string source,
        [StringSyntax("C#-test")] string fixedSource,
        string? equivalenceKey = null,
        params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The code-fix test with our references and settings; set more state on it for special cases.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test() => TestSetup.Apply(this);
    }
}
