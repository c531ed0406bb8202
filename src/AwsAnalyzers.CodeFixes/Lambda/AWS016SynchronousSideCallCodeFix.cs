using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.CloudWatch;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// Fixes AWS016: an invoke whose answer the code does not use becomes asynchronous (<c>InvocationType.Event</c>, set
/// where the request sets its invocation type, or added to its initializer), and a <c>PutMetricData</c> statement
/// whose request has constant names becomes one embedded metric format log line.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS016SynchronousSideCallCodeFix)), Shared]
public sealed class AWS016SynchronousSideCallCodeFix : DocumentCodeFixProvider
{
    public const string InvokeAsynchronouslyEquivalenceKey = "AWS016.InvokeAsynchronously";
    public const string WriteEmbeddedMetricEquivalenceKey = "AWS016.WriteEmbeddedMetric";

    private const string InvocationTypeName = "Amazon.Lambda.InvocationType";

    public AWS016SynchronousSideCallCodeFix()
        : base(AWS016SynchronousSideCallAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (diagnostic.Properties.ContainsKey(AWS016SynchronousSideCallAnalyzer.EventInvocationProperty)
            && Edits(root, model, diagnostic, context.CancellationToken) is { Count: > 0 })
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS016InvokeAsynchronously, InvokeAsynchronouslyEquivalenceKey);
        }

        if (MetricStatement(root, model, diagnostic, context.CancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS016WriteEmbeddedMetric, WriteEmbeddedMetricEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (equivalenceKey == WriteEmbeddedMetricEquivalenceKey)
        {
            return await WriteEmbeddedMetricsAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || equivalenceKey != InvokeAsynchronouslyEquivalenceKey)
        {
            return document;
        }

        var types = new GeneratedTypeNames(model.Compilation, SyntaxGenerator.GetGenerator(document));
        ExpressionSyntax eventValue = SyntaxFactory.ParseExpression(types.Name(InvocationTypeName) + ".Event");
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(AWS016SynchronousSideCallAnalyzer.EventInvocationProperty))
            {
                continue;
            }

            foreach (SyntaxNode edit in Edits(root, model, diagnostic, cancellationToken) ?? new List<SyntaxNode>())
            {
                replacements[edit] = edit switch
                {
                    BaseObjectCreationExpressionSyntax creation => types.Annotate(ObjectInitializers.WithAssignment(creation, AWS016SynchronousSideCallAnalyzer.InvocationTypeProperty, eventValue)),
                    _ => types.Annotate(eventValue).WithTriviaFrom(edit),
                };
            }
        }

        return replacements.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    /// <summary>
    /// What the fix rewrites for one invoke: the values assigned to the request's <c>InvocationType</c> (in its
    /// initializer, or to the local that holds it), or, when nothing sets it, the request's creation. Null when the
    /// request is not written in the method.
    /// </summary>
    private static List<SyntaxNode>? Edits(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation)
        {
            return null;
        }

        ExpressionSyntax? request = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        BaseObjectCreationExpressionSyntax? creation = request as BaseObjectCreationExpressionSyntax;
        var edits = new List<SyntaxNode>();
        if (request is IdentifierNameSyntax name && model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local)
        {
            creation = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax
            {
                Initializer.Value: BaseObjectCreationExpressionSyntax created,
            }
                ? created
                : null;
            SyntaxNode? body = invocation.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
            foreach (AssignmentExpressionSyntax assignment in body?.DescendantNodes().OfType<AssignmentExpressionSyntax>() ?? Enumerable.Empty<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: AWS016SynchronousSideCallAnalyzer.InvocationTypeProperty, Expression: IdentifierNameSyntax target }
                    && target.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target, cancellationToken).Symbol, local))
                {
                    edits.Add(assignment.Right);
                }
            }
        }

        if (creation is null)
        {
            return null;
        }

        foreach (ExpressionSyntax member in creation.Initializer?.Expressions ?? default)
        {
            if (member is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: AWS016SynchronousSideCallAnalyzer.InvocationTypeProperty } } assignment)
            {
                edits.Add(assignment.Right);
            }
        }

        if (edits.Count == 0)
        {
            edits.Add(creation);
        }

        return edits;
    }

    // ---- The embedded metric format line ----

    private const string EscapeMethodName = "EmfJsonString";

    /// <summary>The statement that holds the <c>PutMetricData</c> call and the document its request makes, or null.</summary>
    private static (ExpressionStatementSyntax Statement, EmbeddedMetrics Metrics)? MetricStatement(
        SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(AWS016SynchronousSideCallAnalyzer.EmbeddedMetricProperty)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
            || invocation.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call
            || EmbeddedMetrics.Read(call) is not { } metrics)
        {
            return null;
        }

        foreach (EmbeddedMetrics.MetricDimension dimension in metrics.Dimensions)
        {
            if (dimension.Value.ConstantValue is { HasValue: true, Value: not string })
            {
                return null;
            }
        }

        // A value computed at run time is escaped by a method of the type: top-level code and interfaces have none.
        bool needsEscape = NeedsEscape(metrics);
        return needsEscape && statement.FirstAncestorOrSelf<TypeDeclarationSyntax>() is null or InterfaceDeclarationSyntax ? null : (statement, metrics);
    }

    private static bool NeedsEscape(EmbeddedMetrics metrics)
    {
        foreach (EmbeddedMetrics.MetricDimension dimension in metrics.Dimensions)
        {
            if (!dimension.Value.ConstantValue.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Document> WriteEmbeddedMetricsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var found = new List<(ExpressionStatementSyntax Statement, EmbeddedMetrics Metrics)>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (MetricStatement(root, model, diagnostic, cancellationToken) is { } entry && !found.Exists(f => f.Statement == entry.Statement))
            {
                found.Add(entry);
            }
        }

        if (found.Count == 0)
        {
            return document;
        }

        // Last first: when every await of a method is replaced, the last one keeps its await, as fixing one at a time
        // (first to last) leaves it.
        found.Sort((a, b) => b.Statement.SpanStart.CompareTo(a.Statement.SpanStart));
        var types = new GeneratedTypeNames(model.Compilation, SyntaxGenerator.GetGenerator(document));
        var names = new NameAllocator(model);
        var escapeMethods = new Dictionary<TypeDeclarationSyntax, string>();
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        var asyncWritten = new HashSet<SyntaxNode>();
        foreach ((ExpressionStatementSyntax statement, EmbeddedMetrics metrics) in found)
        {
            string? escape = null;
            if (NeedsEscape(metrics) && statement.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
            {
                if (!escapeMethods.TryGetValue(type, out escape))
                {
                    escape = ExistingEscapeMethod(type) ?? names.Member(type, EscapeMethodName);
                    escapeMethods.Add(type, escape);
                }
            }

            // The method's last await stays an await, so that an async method does not lose it (CS1998).
            SyntaxNode? function = Function(statement);
            bool writeAsync = statement.Expression is AwaitExpressionSyntax
                && function is not null
                && !asyncWritten.Contains(function)
                && AwaitsLeft(function, found.Select(f => f.Statement)) == 0;
            if (writeAsync)
            {
                asyncWritten.Add(function!);
            }

            replacements[statement] = types.Annotate(LogLine(statement, metrics, escape, writeAsync, types)).WithTriviaFrom(statement);
        }

        var typesToExtend = escapeMethods.Where(e => ExistingEscapeMethod(e.Key) != e.Value).Select(e => e.Key).ToList();
        SyntaxNode fixedRoot = root.ReplaceNodes(
            replacements.Keys.Concat(typesToExtend),
            (original, rewritten) => original is TypeDeclarationSyntax type && escapeMethods.TryGetValue(type, out string? name)
                ? ((TypeDeclarationSyntax)rewritten).AddMembers(EscapeMethod(name, types, NewLine(root)))
                : replacements[original]);
        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>The file's line break, for the blank line before an added member.</summary>
    private static SyntaxTrivia NewLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } existing && existing.IsKind(SyntaxKind.EndOfLineTrivia)
            ? existing
            : SyntaxFactory.CarriageReturnLineFeed;

    /// <summary>A method of the type that a previous fix added to escape JSON strings, so one-by-one fixing reuses it.</summary>
    private static string? ExistingEscapeMethod(TypeDeclarationSyntax type)
    {
        foreach (MemberDeclarationSyntax member in type.Members)
        {
            if (member is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } method
                && method.Identifier.ValueText.StartsWith(EscapeMethodName, System.StringComparison.Ordinal)
                && method.Modifiers.Any(SyntaxKind.StaticKeyword)
                && method.ReturnType is PredefinedTypeSyntax { Keyword.ValueText: "string" })
            {
                return method.Identifier.ValueText;
            }
        }

        return null;
    }

    private static SyntaxNode? Function(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);

    /// <summary>The awaits of the function (its own, not those of nested functions) outside the statements being replaced.</summary>
    private static int AwaitsLeft(SyntaxNode function, IEnumerable<ExpressionStatementSyntax> replaced)
    {
        var replacedSet = new HashSet<SyntaxNode>(replaced);
        int left = 0;
        foreach (SyntaxNode node in function.DescendantNodes(n => n == function || n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)))
        {
            bool isAwait = node switch
            {
                AwaitExpressionSyntax => true,
                CommonForEachStatementSyntax loop => !loop.AwaitKeyword.IsKind(SyntaxKind.None),
                UsingStatementSyntax usingStatement => !usingStatement.AwaitKeyword.IsKind(SyntaxKind.None),
                LocalDeclarationStatementSyntax declaration => !declaration.AwaitKeyword.IsKind(SyntaxKind.None),
                _ => false,
            };

            if (isAwait && !node.AncestorsAndSelf().Any(replacedSet.Contains))
            {
                left++;
            }
        }

        return left;
    }

    /// <summary><c>Console.WriteLine(&lt;document&gt;);</c>, or <c>await Console.Out.WriteLineAsync(&lt;document&gt;);</c>.</summary>
    private static StatementSyntax LogLine(ExpressionStatementSyntax statement, EmbeddedMetrics metrics, string? escape, bool writeAsync, GeneratedTypeNames types)
    {
        string console = types.Name("System.Console");
        string document = Document(metrics, escape, types);
        if (!writeAsync)
        {
            return SyntaxFactory.ParseStatement(console + ".WriteLine(" + document + ");");
        }

        string configureAwait = statement.Expression is AwaitExpressionSyntax
        {
            Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" }, ArgumentList: var arguments },
        }
            ? ".ConfigureAwait" + arguments.WithoutTrivia().ToString()
            : string.Empty;
        return SyntaxFactory.ParseStatement("await " + console + ".Out.WriteLineAsync(" + document + ")" + configureAwait + ";");
    }

    /// <summary>
    /// The C# expression that makes the EMF document: JSON text as string literals, joined with the timestamp, the
    /// metric values (invariant culture, round-trip format) and the dimension values (escaped).
    /// </summary>
    private static string Document(EmbeddedMetrics metrics, string? escape, GeneratedTypeNames types)
    {
        string culture = types.Name("System.Globalization.CultureInfo") + ".InvariantCulture";
        var parts = new List<(bool IsCode, string Text)>();
        var json = new StringBuilder("{\"_aws\":{\"Timestamp\":");
        void Code(string code)
        {
            parts.Add((false, json.ToString()));
            json.Clear();
            parts.Add((true, code));
        }

        Code(types.Name("System.DateTimeOffset") + ".UtcNow.ToUnixTimeMilliseconds().ToString(" + culture + ")");
        json.Append(",\"CloudWatchMetrics\":[{\"Namespace\":").Append(JsonString(metrics.Namespace)).Append(",\"Dimensions\":[[");
        json.Append(string.Join(",", metrics.Dimensions.Select(d => JsonString(d.Name)))).Append("]],\"Metrics\":[");
        json.Append(string.Join(",", metrics.Metrics.Select(m => "{\"Name\":" + JsonString(m.Name) + (m.Unit is null ? string.Empty : ",\"Unit\":" + JsonString(m.Unit)) + "}")));
        json.Append("]}]}");
        foreach (EmbeddedMetrics.MetricDimension dimension in metrics.Dimensions)
        {
            json.Append(',').Append(JsonString(dimension.Name)).Append(':');
            if (dimension.Value.ConstantValue is { HasValue: true, Value: string constant })
            {
                json.Append(JsonString(constant));
            }
            else
            {
                Code(escape + "(" + Expression(dimension.Value) + ")");
            }
        }

        foreach (EmbeddedMetrics.Metric metric in metrics.Metrics)
        {
            json.Append(',').Append(JsonString(metric.Name)).Append(':');
            Code("((double)(" + Expression(metric.Value) + ")).ToString(\"R\", " + culture + ")");
        }

        json.Append('}');
        parts.Add((false, json.ToString()));
        return string.Join(" + ", parts.Where(p => p.IsCode || p.Text.Length > 0).Select(p => p.IsCode ? p.Text : SyntaxFactory.Literal(p.Text).Text));
    }

    private static string Expression(IOperation value) => value.Syntax.WithoutTrivia().ToString();

    /// <summary>A JSON string literal for <paramref name="text"/>: quotes, backslashes and control characters escaped.</summary>
    private static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (char c in text)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < ' ')
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    /// <summary>The method the document calls for dimension values computed at run time: the same escaping as <see cref="JsonString"/>.</summary>
    private static MemberDeclarationSyntax EscapeMethod(string name, GeneratedTypeNames types, SyntaxTrivia newLine)
    {
        string builder = types.Name("System.Text.StringBuilder");
        string culture = types.Name("System.Globalization.CultureInfo") + ".InvariantCulture";
        MemberDeclarationSyntax method = SyntaxFactory.ParseMemberDeclaration($$"""
            /// <summary>A JSON string for an embedded metric format document: quotes, backslashes and control characters escaped.</summary>
            private static string {{name}}(string value)
            {
                var json = new {{builder}}("\"");
                foreach (char c in value ?? string.Empty)
                {
                    if (c == '"' || c == '\\')
                    {
                        json.Append('\\').Append(c);
                    }
                    else if (c < ' ')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", {{culture}}));
                    }
                    else
                    {
                        json.Append(c);
                    }
                }

                return json.Append('"').ToString();
            }
            """)!;
        method = types.Annotate(method);

        // A blank line before it, as between the type's other members.
        return method.WithLeadingTrivia(method.GetLeadingTrivia().Insert(0, newLine)).WithAdditionalAnnotations(Formatter.Annotation);
    }
}
