using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Throttling;

/// <summary>
/// Fixes AWS005 by retrying the statement in a bounded loop with exponential backoff and full jitter, or, when the
/// client is created in the same type, by switching its config to adaptive retries.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS005ThrottlingNotHandledCodeFix)), Shared]
public sealed class AWS005ThrottlingNotHandledCodeFix : DocumentCodeFixProvider
{
    public const string RetryLoopEquivalenceKey = "AWS005.RetryWithBackoff";
    public const string AdaptiveRetryEquivalenceKey = "AWS005.UseAdaptiveRetry";

    /// <summary>Retries the SDK makes in adaptive mode: DynamoDB's own default, above the general default of 2 (v4) or 4 (v3).</summary>
    internal const int AdaptiveMaxErrorRetry = 10;

    private const string MaxErrorRetryProperty = "MaxErrorRetry";

    public AWS005ThrottlingNotHandledCodeFix()
        : base(AWS005ThrottlingNotHandledAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (FindInvocation(root, model, diagnostic, context.CancellationToken) is not { } invocation)
        {
            return;
        }

        if (RetryPlan.Create(invocation, ExceptionType(diagnostic), model, context.CancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS005RetryWithBackoff, RetryLoopEquivalenceKey);
        }

        if (FindConfig(invocation, model, context.CancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS005UseAdaptiveRetry, AdaptiveRetryEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax compilationUnit || model is null)
        {
            return document;
        }

        var invocations = new List<(IInvocationOperation Invocation, string ExceptionType)>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (FindInvocation(root, model, diagnostic, cancellationToken) is { } invocation)
            {
                invocations.Add((invocation, ExceptionType(diagnostic)));
            }
        }

        return equivalenceKey switch
        {
            RetryLoopEquivalenceKey => await AddRetryLoopsAsync(document, model, invocations, cancellationToken).ConfigureAwait(false),
            AdaptiveRetryEquivalenceKey => document.WithSyntaxRoot(UseAdaptiveRetry(document, compilationUnit, model, invocations, cancellationToken)),
            _ => document,
        };
    }

    private static string ExceptionType(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AWS005ThrottlingNotHandledAnalyzer.ExceptionTypeKey, out string? name) && name is not null
            ? name
            : AWS005ThrottlingNotHandledAnalyzer.KinesisThrottlingName;

    private static IInvocationOperation? FindInvocation(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        InvocationExpressionSyntax? syntax = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        while (syntax is not null && syntax.Span != diagnostic.Location.SourceSpan)
        {
            syntax = syntax.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        }

        return syntax is null ? null : model.GetOperation(syntax, cancellationToken) as IInvocationOperation;
    }

    // ---- Retry loop ----

    private static async Task<Document> AddRetryLoopsAsync(
        Document document, SemanticModel model, List<(IInvocationOperation Invocation, string ExceptionType)> invocations, CancellationToken cancellationToken)
    {
        // One loop per statement, even when the statement holds several writes; inner statements first, so that an
        // outer loop wraps the already-fixed inner one.
        var plans = new Dictionary<StatementSyntax, RetryPlan>();
        foreach ((IInvocationOperation invocation, string exceptionType) in invocations)
        {
            if (RetryPlan.Create(invocation, exceptionType, model, cancellationToken) is { } plan && !plans.ContainsKey(plan.Statement))
            {
                plans.Add(plan.Statement, plan);
            }
        }

        if (plans.Count == 0)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var writer = new BackoffWriter(editor, model);
        // Names follow the source order, so fixing one diagnostic at a time and all at once give the same code.
        foreach (RetryPlan plan in plans.Values.OrderBy(p => p.Statement.SpanStart))
        {
            plan.ReserveNames(writer);
        }

        foreach (RetryPlan plan in plans.Values.OrderByDescending(p => p.Statement.Ancestors().Count()))
        {
            plan.Apply(editor, writer);
        }

        return editor.GetChangedDocument();
    }

    private sealed class RetryPlan
    {
        private readonly string _exceptionType;
        private readonly WaitStyle _wait;
        private readonly ILocalSymbol? _result;
        private readonly string? _resultType;
        private BackoffNames? _names;

        private RetryPlan(string exceptionType, StatementSyntax statement, WaitStyle wait, ILocalSymbol? result, string? resultType)
        {
            _exceptionType = exceptionType;
            Statement = statement;
            _wait = wait;
            _result = result;
            _resultType = resultType;
        }

        public StatementSyntax Statement { get; }

        /// <summary>
        /// A plan when the write completes inside one statement of a block (a sync call, or an awaited task) that can be
        /// repeated as a whole: an expression statement, a return, or a declaration of one local whose declaration can
        /// move above the loop. Null for every other shape.
        /// </summary>
        public static RetryPlan? Create(IInvocationOperation invocation, string exceptionType, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!CompletesInPlace(invocation, out string? configureAwait))
            {
                return null;
            }

            StatementSyntax? statement = invocation.Syntax.FirstAncestorOrSelf<StatementSyntax>();
            if (statement?.Parent is not (BlockSyntax or SwitchSectionSyntax)
                || invocation.Syntax.Ancestors().TakeWhile(a => a != statement).Any(a => a is AnonymousFunctionExpressionSyntax)
                || statement.DescendantNodes().Any(n => n is DeclarationExpressionSyntax or DeclarationPatternSyntax or VarPatternSyntax or RecursivePatternSyntax or SingleVariableDesignationSyntax))
            {
                return null;
            }

            SyntaxNode? function = statement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
            if (function is null || model.GetEnclosingSymbol(statement.SpanStart, cancellationToken)?.ContainingType is null || !BackoffWriter.CanWrite(statement, model))
            {
                return null;
            }

            WaitStyle wait = WaitStyle.For(statement, model, WaitStyle.TokenArgument(invocation), configureAwait, cancellationToken: cancellationToken);
            switch (statement)
            {
                case ExpressionStatementSyntax:
                case ReturnStatementSyntax { Expression: not null }:
                    return new RetryPlan(exceptionType, statement, wait, result: null, resultType: null);
                case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, Declaration.Variables: { Count: 1 } variables } declaration
                    when declaration.Modifiers.Count == 0 && variables[0].Initializer is not null:
                    if (model.GetDeclaredSymbol(variables[0], cancellationToken) is not ILocalSymbol { IsRef: false } local
                        || local.Type is null or IErrorTypeSymbol || local.Type.IsAnonymousType)
                    {
                        return null;
                    }

                    string type = declaration.Declaration.Type.IsVar
                        ? local.Type.ToMinimalDisplayString(model, statement.SpanStart)
                        : declaration.Declaration.Type.ToString();
                    return new RetryPlan(exceptionType, statement, wait, local, type);
                default:
                    return null;
            }
        }

        /// <summary>
        /// A sync write, an async one awaited right there (possibly through <c>ConfigureAwait</c>, whose argument the
        /// wait passes on), or one blocked on with <c>GetAwaiter().GetResult()</c>, so its exception surfaces in the statement.
        /// </summary>
        private static bool CompletesInPlace(IInvocationOperation invocation, out string? configureAwait)
        {
            configureAwait = null;
            if (!IsAwaitable(invocation.TargetMethod.ReturnType))
            {
                return true;
            }

            IOperation current = invocation;
            IOperation? parent = current.Parent;
            while (parent is IConversionOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Arguments: { Length: 1 } arguments } configureAwaitCall && configureAwaitCall.Instance == current)
            {
                configureAwait = arguments[0].Value.ConstantValue is { HasValue: true, Value: bool constant } ? (constant ? "true" : "false") : null;
                parent = configureAwaitCall.Parent;
            }

            // Blocking on the task (client.PutItemAsync(…).GetAwaiter().GetResult()) rethrows its exception right there,
            // unwrapped: the sync form of the retry loop applies.
            if (parent is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Arguments.Length: 0 } awaiter && awaiter.Instance == current
                && awaiter.Parent is IInvocationOperation { TargetMethod.Name: "GetResult", Arguments.Length: 0 } getResult && getResult.Instance == awaiter)
            {
                configureAwait = null;
                return true;
            }

            return parent is IAwaitOperation;
        }

        private static bool IsAwaitable(ITypeSymbol type) =>
            type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" && type.Name is "Task" or "ValueTask";

        public void ReserveNames(BackoffWriter writer) => _names = writer.Reserve(Statement, "attempt", "maxAttempts");

        public void Apply(DocumentEditor editor, BackoffWriter writer)
        {
            string eol = SourceLayout.EndOfLine(Statement);
            string indent = SourceLayout.Indentation(Statement);
            string unit = SourceLayout.IndentationUnit(Statement, indent);

            List<CodeLine> lines = writer.RetryOnException(
                Statement, _names!, BackoffWriter.ThrottlingAttempts, writer.Types.Name(_exceptionType), body: null, bodyExits: Statement is ReturnStatementSyntax, _wait);
            if (_result is not null)
            {
                lines.Insert(0, new CodeLine(0, _resultType + " " + _result.Name + ";"));
            }

            // The declarations before the loop go in as statements of their own, the first taking the comments above
            // the original statement.
            int loopStart = lines.FindIndex(line => line.Text.StartsWith("for ", StringComparison.Ordinal));
            SyntaxTriviaList leading = Statement.GetLeadingTrivia();
            var inserted = new List<SyntaxNode>();
            foreach (CodeLine line in lines.Take(loopStart))
            {
                StatementSyntax declaration = writer.Parse(CodeLine.Render(new[] { line }, indent, unit, eol));
                inserted.Add(inserted.Count == 0 ? declaration.WithLeadingTrivia(leading) : declaration);
            }

            StatementSyntax loop = writer.Parse(CodeLine.Render(lines.Skip(loopStart), indent, unit, eol));
            StatementSyntax placeholder = loop.DescendantNodes().OfType<ExpressionStatementSyntax>()
                .First(s => s.ToString() == BackoffWriter.BodyPlaceholder);
            editor.InsertBefore(Statement, inserted);

            string extra = unit + unit;
            ILocalSymbol? result = _result;
            editor.ReplaceNode(Statement, (current, _) =>
            {
                StatementSyntax body = result is not null && current is LocalDeclarationStatementSyntax declaration
                    ? AsAssignment(declaration)
                    : (StatementSyntax)current;
                body = Reindent(body.WithLeadingTrivia(SyntaxFactory.Whitespace(indent)), extra);
                return loop.ReplaceNode(placeholder, body);
            });
        }

        /// <summary><c>var response = await ...;</c> becomes <c>response = await ...;</c>, keeping the comments around it.</summary>
        private static StatementSyntax AsAssignment(LocalDeclarationStatementSyntax declaration)
        {
            VariableDeclaratorSyntax variable = declaration.Declaration.Variables[0];
            EqualsValueClauseSyntax initializer = variable.Initializer!;
            AssignmentExpressionSyntax assignment = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(variable.Identifier),
                initializer.EqualsToken,
                initializer.Value);
            return SyntaxFactory.ExpressionStatement(assignment, declaration.SemicolonToken).WithTriviaFrom(declaration);
        }
    }

    /// <summary>Indents every line of the node by <paramref name="extra"/>, leaving the text inside tokens (string literals) alone.</summary>
    private static StatementSyntax Reindent(StatementSyntax node, string extra)
    {
        var replacements = new Dictionary<SyntaxToken, SyntaxToken>();
        bool atLineStart = true;
        foreach (SyntaxToken token in node.DescendantTokens())
        {
            var leading = new List<SyntaxTrivia>();
            foreach (SyntaxTrivia trivia in token.LeadingTrivia)
            {
                if (atLineStart && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    leading.Add(SyntaxFactory.Whitespace(extra));
                }

                leading.Add(trivia);
                atLineStart = trivia.IsKind(SyntaxKind.EndOfLineTrivia) || trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia);
            }

            if (atLineStart)
            {
                leading.Add(SyntaxFactory.Whitespace(extra));
            }

            atLineStart = token.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            replacements[token] = token.WithLeadingTrivia(MergeWhitespace(leading));
        }

        return node.ReplaceTokens(replacements.Keys, (original, _) => replacements[original]);
    }

    private static SyntaxTriviaList MergeWhitespace(List<SyntaxTrivia> trivia)
    {
        var merged = new List<SyntaxTrivia>();
        foreach (SyntaxTrivia item in trivia)
        {
            if (merged.Count > 0 && item.IsKind(SyntaxKind.WhitespaceTrivia) && merged[merged.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                merged[merged.Count - 1] = SyntaxFactory.Whitespace(merged[merged.Count - 1].ToFullString() + item.ToFullString());
            }
            else
            {
                merged.Add(item);
            }
        }

        return SyntaxFactory.TriviaList(merged);
    }

    // ---- Adaptive retry ----

    private static ObjectCreationExpressionSyntax? FindConfig(IInvocationOperation invocation, SemanticModel model, CancellationToken cancellationToken) =>
        ClientConfigWrites.EditableConfigOf(
            invocation, model, KnownTypes.For(model.Compilation).Get(AWS005ThrottlingNotHandledAnalyzer.ClientConfigName), cancellationToken);

    private static CompilationUnitSyntax UseAdaptiveRetry(
        Document document, CompilationUnitSyntax root, SemanticModel model, List<(IInvocationOperation Invocation, string ExceptionType)> invocations, CancellationToken cancellationToken)
    {
        var configs = new HashSet<ObjectCreationExpressionSyntax>();
        foreach ((IInvocationOperation invocation, _) in invocations)
        {
            if (FindConfig(invocation, model, cancellationToken) is { } config)
            {
                configs.Add(config);
            }
        }

        if (configs.Count == 0)
        {
            return root;
        }

        var types = new GeneratedTypeNames(model.Compilation, SyntaxGenerator.GetGenerator(document));
        string adaptive = types.Name("Amazon.Runtime.RequestRetryMode") + "." + AWS005ThrottlingNotHandledAnalyzer.AdaptiveRetryMode;
        return root.ReplaceNodes(configs, (original, _) => types.Annotate(WithAdaptiveRetry(original, adaptive)));
    }

    /// <summary>Sets <c>RetryMode</c> to adaptive and raises <c>MaxErrorRetry</c>, replacing values already there and keeping the initializer's layout.</summary>
    private static ObjectCreationExpressionSyntax WithAdaptiveRetry(ObjectCreationExpressionSyntax creation, string adaptive)
    {
        var wanted = new List<(string Property, ExpressionSyntax Value)>
        {
            (AWS005ThrottlingNotHandledAnalyzer.RetryModeProperty, SyntaxFactory.ParseExpression(adaptive)),
            (MaxErrorRetryProperty, SyntaxFactory.ParseExpression(AdaptiveMaxErrorRetry.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };

        InitializerExpressionSyntax? initializer = creation.Initializer;
        if (initializer is null)
        {
            return InitializerWriter.AddAssignments(creation, wanted);
        }

        SeparatedSyntaxList<ExpressionSyntax> expressions = initializer.Expressions;
        var missing = new List<(string Property, ExpressionSyntax Value)>();
        foreach ((string property, ExpressionSyntax value) in wanted)
        {
            int index = InitializerWriter.IndexOfAssignment(expressions, property);
            if (index < 0)
            {
                missing.Add((property, value));
            }
            else if (property != MaxErrorRetryProperty || IsLowerConstant(((AssignmentExpressionSyntax)expressions[index]).Right))
            {
                var assignment = (AssignmentExpressionSyntax)expressions[index];
                expressions = expressions.Replace(assignment, assignment.WithRight(value.WithTriviaFrom(assignment.Right)));
            }
        }

        ObjectCreationExpressionSyntax replaced = creation.WithInitializer(initializer.WithExpressions(expressions));
        return missing.Count == 0 ? replaced : InitializerWriter.AddAssignments(replaced, missing);
    }

    private static bool IsLowerConstant(ExpressionSyntax value) =>
        value is LiteralExpressionSyntax { Token.Value: int number } && number < AdaptiveMaxErrorRetry;

}
