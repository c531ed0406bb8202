using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
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

namespace AwsAnalyzers.Kinesis;

/// <summary>
/// Fixes AWS005 by retrying the statement in a bounded loop with exponential backoff and full jitter, or, when the
/// client is created in the same type, by switching its config to adaptive retries.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS005ThrottlingNotHandledCodeFix)), Shared]
public sealed class AWS005ThrottlingNotHandledCodeFix : CodeFixProvider
{
    public const string RetryLoopEquivalenceKey = "AWS005.RetryWithBackoff";
    public const string AdaptiveRetryEquivalenceKey = "AWS005.UseAdaptiveRetry";

    /// <summary>Attempts in the generated loop, the first one included.</summary>
    internal const int MaxAttempts = 5;

    /// <summary>Base of the exponential backoff; the n-th retry waits a random time below this × 2^n.</summary>
    internal const int BaseDelayMilliseconds = 100;

    /// <summary>Retries the SDK makes in adaptive mode: DynamoDB's own default, above the general default of 2 (v4) or 4 (v3).</summary>
    internal const int AdaptiveMaxErrorRetry = 10;

    private const string MaxErrorRetryProperty = "MaxErrorRetry";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AWS005ThrottlingNotHandledAnalyzer.DiagnosticId);

    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(FixDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        Diagnostic diagnostic = context.Diagnostics[0];
        if (root is null || model is null || FindInvocation(root, model, diagnostic, context.CancellationToken) is not { } invocation)
        {
            return;
        }

        if (RetryPlan.Create(invocation, ExceptionType(diagnostic), model, context.CancellationToken) is not null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    CodeFixResources.AWS005RetryWithBackoff,
                    ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), RetryLoopEquivalenceKey, ct),
                    RetryLoopEquivalenceKey),
                diagnostic);
        }

        if (FindConfig(invocation, model, context.CancellationToken) is not null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    CodeFixResources.AWS005UseAdaptiveRetry,
                    ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), AdaptiveRetryEquivalenceKey, ct),
                    AdaptiveRetryEquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixDocumentAsync(
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
            AdaptiveRetryEquivalenceKey => document.WithSyntaxRoot(UseAdaptiveRetry(compilationUnit, model, invocations, cancellationToken)),
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
        var names = new NameAllocator();
        var jitterFields = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        // Names follow the source order, so fixing one diagnostic at a time and all at once give the same code.
        foreach (RetryPlan plan in plans.Values.OrderBy(p => p.Statement.SpanStart))
        {
            plan.AllocateNames(model, names);
        }

        foreach (RetryPlan plan in plans.Values.OrderByDescending(p => p.Statement.Ancestors().Count()))
        {
            plan.Apply(editor, model, names, jitterFields, cancellationToken);
        }

        return editor.GetChangedDocument();
    }

    /// <summary>Hands out local and field names that no identifier of the member or type uses yet.</summary>
    private sealed class NameAllocator
    {
        private readonly Dictionary<SyntaxNode, HashSet<string>> _taken = new();

        public string Allocate(SyntaxNode scope, string name)
        {
            if (!_taken.TryGetValue(scope, out HashSet<string>? taken))
            {
                taken = new HashSet<string>(
                    scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText),
                    StringComparer.Ordinal);
                _taken.Add(scope, taken);
            }

            string candidate = name;
            for (int suffix = 2; taken.Contains(candidate); suffix++)
            {
                candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(candidate);
            return candidate;
        }
    }

    private sealed class RetryPlan
    {
        private readonly IInvocationOperation _invocation;
        private readonly string _exceptionType;
        private readonly SyntaxNode _function;
        private readonly bool _async;
        private readonly ILocalSymbol? _result;
        private readonly string? _resultType;

        private RetryPlan(
            IInvocationOperation invocation, string exceptionType, StatementSyntax statement, SyntaxNode function, bool isAsync, ILocalSymbol? result, string? resultType)
        {
            _invocation = invocation;
            _exceptionType = exceptionType;
            Statement = statement;
            _function = function;
            _async = isAsync;
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
            if (!CompletesInPlace(invocation))
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
            if (function is null || model.GetEnclosingSymbol(statement.SpanStart, cancellationToken)?.ContainingType is null)
            {
                return null;
            }

            bool isAsync = IsAsync(function) && !statement.Ancestors().TakeWhile(a => a != function).Any(a => a is LockStatementSyntax);
            switch (statement)
            {
                case ExpressionStatementSyntax:
                case ReturnStatementSyntax { Expression: not null }:
                    return new RetryPlan(invocation, exceptionType, statement, function, isAsync, result: null, resultType: null);
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
                    return new RetryPlan(invocation, exceptionType, statement, function, isAsync, local, type);
                default:
                    return null;
            }
        }

        /// <summary>A sync write, or an async one awaited right there (possibly through <c>ConfigureAwait</c>), so its exception surfaces in the statement.</summary>
        private static bool CompletesInPlace(IInvocationOperation invocation)
        {
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

            if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configureAwait && configureAwait.Instance == current)
            {
                parent = configureAwait.Parent;
            }

            return parent is IAwaitOperation;
        }

        private static bool IsAwaitable(ITypeSymbol type) =>
            type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" && type.Name is "Task" or "ValueTask";

        private static bool IsAsync(SyntaxNode function) => function switch
        {
            BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
            AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            _ => false,
        };

        private string _maxAttempts = string.Empty;
        private string _baseDelay = string.Empty;
        private string _attempt = string.Empty;

        /// <summary>The local holding the drawn delay, when the shared Random must be locked (no <c>Random.Shared</c>).</summary>
        private string? _lockedDelay;

        public void AllocateNames(SemanticModel model, NameAllocator names)
        {
            SyntaxNode scope = _function.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? _function;
            _maxAttempts = names.Allocate(scope, "maxAttempts");
            _baseDelay = names.Allocate(scope, "baseDelayMilliseconds");
            _attempt = names.Allocate(scope, "attempt");
            bool hasSharedRandom = model.GetSpeculativeSymbolInfo(
                Statement.SpanStart, SyntaxFactory.ParseExpression("global::System.Random.Shared"), SpeculativeBindingOption.BindAsExpression).Symbol is IPropertySymbol;
            _lockedDelay = hasSharedRandom ? null : names.Allocate(scope, "delayMilliseconds");
        }

        public void Apply(
            DocumentEditor editor, SemanticModel model, NameAllocator names, Dictionary<INamedTypeSymbol, string> jitterFields, CancellationToken cancellationToken)
        {
            int position = Statement.SpanStart;
            string maxAttempts = _maxAttempts;
            string baseDelay = _baseDelay;
            string attempt = _attempt;

            string exceptionName = ExceptionTypeName(model, position);
            string jitterBound = baseDelay + " * (1 << " + attempt + ")";
            string? jitterLock = null;
            string random;
            if (_lockedDelay is null)
            {
                random = TypeName(model, position, "System", "Random") + ".Shared";
            }
            else
            {
                random = JitterField(editor, model, names, jitterFields, cancellationToken);
                jitterLock = random;
            }

            string eol = SourceLayout.EndOfLine(Statement);
            string indent = SourceLayout.Indentation(Statement);
            string unit = SourceLayout.IndentationUnit(Statement, indent);
            string inner = indent + unit + unit;

            var before = new List<string>();
            if (_result is not null)
            {
                before.Add(_resultType + " " + _result.Name + ";");
            }

            before.Add("const int " + maxAttempts + " = " + MaxAttempts + ";");
            before.Add("const int " + baseDelay + " = " + BaseDelayMilliseconds + ";");

            var wait = new StringBuilder();
            wait.Append(inner).Append("// Full jitter: a random wait below the exponential backoff, so throttled writers spread out.").Append(eol);
            string delayArgument;
            if (jitterLock is null)
            {
                delayArgument = random + ".Next(" + jitterBound + ")";
            }
            else
            {
                // System.Random is not thread-safe before .NET 6; one lock keeps the shared instance's state intact.
                string delay = _lockedDelay!;
                wait.Append(inner).Append("int ").Append(delay).Append(';').Append(eol);
                wait.Append(inner).Append("lock (").Append(jitterLock).Append(')').Append(eol);
                wait.Append(inner).Append('{').Append(eol);
                wait.Append(inner).Append(unit).Append(delay).Append(" = ").Append(jitterLock).Append(".Next(").Append(jitterBound).Append(");").Append(eol);
                wait.Append(inner).Append('}').Append(eol);
                wait.Append(eol);
                delayArgument = delay;
            }

            if (_async)
            {
                string token = CancellationTokenArgument(_invocation) is { } ct ? ", " + ct : string.Empty;
                wait.Append(inner).Append("await ").Append(TypeName(model, position, "System.Threading.Tasks", "Task"))
                    .Append(".Delay(").Append(delayArgument).Append(token).Append(");").Append(eol);
            }
            else
            {
                wait.Append(inner).Append(TypeName(model, position, "System.Threading", "Thread"))
                    .Append(".Sleep(").Append(delayArgument).Append(");").Append(eol);
            }

            string loopText =
                indent + "for (var " + attempt + " = 1; ; " + attempt + "++)" + eol +
                indent + "{" + eol +
                indent + unit + "try" + eol +
                indent + unit + "{" + eol +
                inner + "__statement__;" + eol +
                (Statement is ReturnStatementSyntax ? string.Empty : inner + "break;" + eol) +
                indent + unit + "}" + eol +
                indent + unit + "catch (" + exceptionName + ")" + eol +
                indent + unit + "{" + eol +
                inner + "if (" + attempt + " == " + maxAttempts + ")" + eol +
                inner + "{" + eol +
                inner + unit + "throw;" + eol +
                inner + "}" + eol +
                eol +
                wait +
                indent + unit + "}" + eol +
                indent + "}" + eol;

            SyntaxTriviaList leading = Statement.GetLeadingTrivia();
            var inserted = new List<SyntaxNode>();
            foreach (string text in before)
            {
                StatementSyntax declaration = SyntaxFactory.ParseStatement(indent + text + eol);
                inserted.Add(inserted.Count == 0 ? declaration.WithLeadingTrivia(leading) : declaration);
            }

            var loop = (ForStatementSyntax)SyntaxFactory.ParseStatement(loopText);
            StatementSyntax placeholder = loop.DescendantNodes().OfType<ExpressionStatementSyntax>().First();
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

        private string ExceptionTypeName(SemanticModel model, int position)
        {
            string simple = _exceptionType.Substring(_exceptionType.LastIndexOf('.') + 1);
            if (UsingDirectives.Binds(model, position, simple, _exceptionType))
            {
                return simple;
            }

            return UsingDirectives.Binds(model, position, _exceptionType, _exceptionType) ? _exceptionType : "global::" + _exceptionType;
        }

        /// <summary>A static <c>Random</c> field on the containing type, added once per type, for frameworks without <c>Random.Shared</c>.</summary>
        private string JitterField(
            DocumentEditor editor, SemanticModel model, NameAllocator names, Dictionary<INamedTypeSymbol, string> jitterFields, CancellationToken cancellationToken)
        {
            INamedTypeSymbol type = model.GetEnclosingSymbol(Statement.SpanStart, cancellationToken)!.ContainingType;
            if (jitterFields.TryGetValue(type, out string? existing))
            {
                return existing;
            }

            // A static Random the type already has, such as one an earlier fix added.
            ISymbol? randomType = model.GetSpeculativeSymbolInfo(
                Statement.SpanStart, SyntaxFactory.ParseTypeName("global::System.Random"), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
            IFieldSymbol? present = type.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(f => f.IsStatic && f.IsReadOnly && SymbolEqualityComparer.Default.Equals(f.Type, randomType));
            if (present is not null)
            {
                jitterFields.Add(type, present.Name);
                return present.Name;
            }

            TypeDeclarationSyntax declaration = Statement.FirstAncestorOrSelf<TypeDeclarationSyntax>()!;
            string name = names.Allocate(declaration, "RetryJitter");
            string randomName = TypeName(model, Statement.SpanStart, "System", "Random");
            MemberDeclarationSyntax first = declaration.Members.First();
            SyntaxTrivia eol = SyntaxFactory.EndOfLine(SourceLayout.EndOfLine(Statement));
            MemberDeclarationSyntax field = SyntaxFactory.ParseMemberDeclaration(
                "private static readonly " + randomName + " " + name + " = new " + randomName + "();")!
                .WithLeadingTrivia(SyntaxFactory.Whitespace(SourceLayout.Indentation(first.GetFirstToken())))
                .WithTrailingTrivia(eol, eol);
            editor.InsertBefore(first, field);
            jitterFields.Add(type, name);
            return name;
        }
    }

    /// <summary>The token the write was given, when it is a plain name or member, so the wait is cancelled with it.</summary>
    private static string? CancellationTokenArgument(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit
                && argument.Parameter?.Type is { Name: "CancellationToken", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Threading"
                && argument.Value.Syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax }
                && argument.Value is not IPropertyReferenceOperation { Property: { IsStatic: true } })
            {
                return argument.Value.Syntax.ToString();
            }
        }

        return null;
    }

    /// <summary>The simple name when it binds to the type here, else the namespace-qualified one.</summary>
    private static string TypeName(SemanticModel model, int position, string ns, string simple)
    {
        string fullName = ns + "." + simple;
        if (UsingDirectives.Binds(model, position, simple, fullName))
        {
            return simple;
        }

        return UsingDirectives.Binds(model, position, fullName, fullName) ? fullName : "global::" + fullName;
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
        AWS005ThrottlingNotHandledAnalyzer.FindEditableConfig(
            invocation, model, KnownTypes.For(model.Compilation).Get(AWS005ThrottlingNotHandledAnalyzer.ClientConfigName), cancellationToken);

    private static CompilationUnitSyntax UseAdaptiveRetry(
        CompilationUnitSyntax root, SemanticModel model, List<(IInvocationOperation Invocation, string ExceptionType)> invocations, CancellationToken cancellationToken)
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

        const string retryModeType = "Amazon.Runtime.RequestRetryMode";
        bool needsUsing = !configs.All(c => UsingDirectives.Binds(model, c.SpanStart, "RequestRetryMode", retryModeType));
        CompilationUnitSyntax fixedRoot = root.ReplaceNodes(configs, (original, _) => WithAdaptiveRetry(original));
        return needsUsing ? UsingDirectives.Add(fixedRoot, "Amazon.Runtime") : fixedRoot;
    }

    /// <summary>Sets <c>RetryMode</c> to adaptive and raises <c>MaxErrorRetry</c>, replacing values already there and keeping the initializer's layout.</summary>
    private static ObjectCreationExpressionSyntax WithAdaptiveRetry(ObjectCreationExpressionSyntax creation)
    {
        var wanted = new List<(string Property, ExpressionSyntax Value)>
        {
            (AWS005ThrottlingNotHandledAnalyzer.RetryModeProperty, SyntaxFactory.ParseExpression("RequestRetryMode." + AWS005ThrottlingNotHandledAnalyzer.AdaptiveRetryMode)),
            (MaxErrorRetryProperty, SyntaxFactory.ParseExpression(AdaptiveMaxErrorRetry.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };

        InitializerExpressionSyntax? initializer = creation.Initializer;
        if (initializer is null)
        {
            string entries = string.Join(", ", wanted.Select(w => w.Property + " = " + w.Value));
            var added = (InitializerExpressionSyntax)((ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("new C { " + entries + " }")).Initializer!;
            ObjectCreationExpressionSyntax withArguments = creation.ArgumentList is null
                ? creation.WithType(creation.Type.WithTrailingTrivia(SyntaxFactory.Space))
                : creation.WithArgumentList(creation.ArgumentList.WithTrailingTrivia(SyntaxFactory.Space));
            return withArguments.WithInitializer(added.WithTrailingTrivia(creation.GetTrailingTrivia()));
        }

        SeparatedSyntaxList<ExpressionSyntax> expressions = initializer.Expressions;
        var missing = new List<(string Property, ExpressionSyntax Value)>();
        foreach ((string property, ExpressionSyntax value) in wanted)
        {
            int index = IndexOfAssignment(expressions, property);
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

        if (missing.Count == 0)
        {
            return creation.WithInitializer(initializer.WithExpressions(expressions));
        }

        bool multiLine = initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (multiLine)
        {
            string entryIndent = expressions.Count > 0 ? SourceLayout.Indentation(expressions[0]) : SourceLayout.Indentation(initializer.CloseBraceToken) + "    ";
            SyntaxTrivia eol = initializer.OpenBraceToken.TrailingTrivia.First(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            bool trailingComma = expressions.Count > 0 && expressions.SeparatorCount == expressions.Count;
            var items = new List<SyntaxNodeOrToken>();
            for (int i = 0; i < expressions.Count; i++)
            {
                if (i < expressions.SeparatorCount)
                {
                    items.Add(expressions[i]);
                    items.Add(expressions.GetSeparator(i));
                }
                else
                {
                    // The last entry's comments and end of line move behind its new comma.
                    items.Add(expressions[i].WithoutTrailingTrivia());
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(expressions[i].GetTrailingTrivia()));
                }
            }

            for (int i = 0; i < missing.Count; i++)
            {
                ExpressionSyntax entry = SyntaxFactory.ParseExpression(missing[i].Property + " = " + missing[i].Value)
                    .WithLeadingTrivia(SyntaxFactory.Whitespace(entryIndent));
                if (i < missing.Count - 1 || trailingComma)
                {
                    items.Add(entry);
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(eol));
                }
                else
                {
                    items.Add(entry.WithTrailingTrivia(eol));
                }
            }

            return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items)));
        }

        var single = new List<SyntaxNodeOrToken>();
        for (int i = 0; i < expressions.Count; i++)
        {
            single.Add(expressions[i].WithoutTrailingTrivia());
            single.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        }

        for (int i = 0; i < missing.Count; i++)
        {
            single.Add(SyntaxFactory.ParseExpression(missing[i].Property + " = " + missing[i].Value));
            if (i < missing.Count - 1)
            {
                single.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            }
        }

        InitializerExpressionSyntax rebuilt = initializer
            .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space))
            .WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(single))
            .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Space));
        return creation.WithInitializer(rebuilt);
    }

    private static int IndexOfAssignment(SeparatedSyntaxList<ExpressionSyntax> expressions, string property)
    {
        for (int i = 0; i < expressions.Count; i++)
        {
            if (expressions[i] is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } && name.Identifier.ValueText == property)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsLowerConstant(ExpressionSyntax value) =>
        value is LiteralExpressionSyntax { Token.Value: int number } && number < AdaptiveMaxErrorRetry;

}
