using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AwsAnalyzers.Tasks;

/// <summary>
/// Fixes AWS009: awaits a blocked or discarded SDK task in code that is or can become <c>async</c>; in synchronous
/// code turns <c>.Result</c>/<c>.Wait()</c> into <c>.GetAwaiter().GetResult()</c>, which rethrows the service's own
/// exception, and waits for a discarded task the same way; makes an <c>async void</c> handler return <c>Task</c>; and
/// turns <c>list.ForEach(async x => …)</c> into a <c>foreach</c> loop that awaits each call.
/// </summary>
/// <remarks>
/// A <c>Task</c>-returning method that is not <c>async</c> becomes <c>async</c> only when every <c>return</c> is
/// <c>Task.FromResult(e)</c> or <c>Task.CompletedTask</c>, which become <c>return e;</c> and <c>return;</c>. Everything
/// written is C# 5 and compiles on .NET Framework and current .NET alike.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS009SdkTaskBlockedOrDiscardedCodeFix)), Shared]
public sealed class AWS009SdkTaskBlockedOrDiscardedCodeFix : DocumentCodeFixProvider
{
    public const string AwaitKey = "AWS009.Await";
    public const string GetResultKey = "AWS009.GetResult";
    public const string ReturnTaskKey = "AWS009.ReturnTask";
    public const string ForeachKey = "AWS009.UseForeachLoop";

    public AWS009SdkTaskBlockedOrDiscardedCodeFix()
        : base(AWS009SdkTaskBlockedOrDiscardedAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        string? key = Plan(root, model, diagnostic, context.CancellationToken)?.Key;
        string? title = key switch
        {
            AwaitKey => CodeFixResources.AWS009Await,
            GetResultKey => CodeFixResources.AWS009GetResult,
            ReturnTaskKey => CodeFixResources.AWS009ReturnTask,
            ForeachKey => CodeFixResources.AWS009UseForeachLoop,
            _ => null,
        };

        if (key is not null && title is not null)
        {
            RegisterFix(context, diagnostic, title, key);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var madeAsync = new HashSet<SyntaxNode>();
        bool needsTasksNamespace = false;
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Plan(root, model, diagnostic, cancellationToken) is not { } plan || plan.Key != equivalenceKey)
            {
                continue;
            }

            editor.ReplaceNode(plan.Target, plan.Replacement);
            if (plan.MakeAsync is { } member)
            {
                madeAsync.Add(member);
            }

            needsTasksNamespace |= plan.NeedsTasksNamespace;
        }

        foreach (SyntaxNode member in madeAsync)
        {
            editor.ReplaceNode(member, (current, _) => MakeAsync(current));
        }

        Document changed = editor.GetChangedDocument();
        if (needsTasksNamespace && await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
        {
            changed = changed.WithSyntaxRoot(UsingDirectives.Add(unit, "System.Threading.Tasks"));
        }

        return changed;
    }

    /// <summary>One diagnostic's edit: the node replaced, its replacement, and the member to make <c>async</c> too.</summary>
    private sealed class FixPlan
    {
        public FixPlan(string key, SyntaxNode target, SyntaxNode replacement, SyntaxNode? makeAsync = null, bool needsTasksNamespace = false)
        {
            Key = key;
            Target = target;
            Replacement = replacement;
            MakeAsync = makeAsync;
            NeedsTasksNamespace = needsTasksNamespace;
        }

        public string Key { get; }

        public SyntaxNode Target { get; }

        public SyntaxNode Replacement { get; }

        public SyntaxNode? MakeAsync { get; }

        public bool NeedsTasksNamespace { get; }
    }

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(AWS009SdkTaskBlockedOrDiscardedAnalyzer.ShapeKey, out string? shape))
        {
            return null;
        }

        switch (shape)
        {
            case AWS009SdkTaskBlockedOrDiscardedAnalyzer.BlockingShape:
                return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax blocking
                    && BlockedTask(blocking) is { } blockedTask
                    ? AwaitPlan(model, blocking, blockedTask, cancellationToken)
                    : null;
            case AWS009SdkTaskBlockedOrDiscardedAnalyzer.HandlerBlockingShape or AWS009SdkTaskBlockedOrDiscardedAnalyzer.DeadCatchShape:
                return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax waiting
                    && BlockedTask(waiting) is { } task && !IsGetResult(waiting)
                    ? new FixPlan(GetResultKey, waiting, GetResult(task).WithTriviaFrom(waiting))
                    : null;
            case AWS009SdkTaskBlockedOrDiscardedAnalyzer.DiscardedShape:
                return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax discarded
                    ? DiscardedPlan(model, discarded, cancellationToken)
                    : null;
            case AWS009SdkTaskBlockedOrDiscardedAnalyzer.AsyncVoidShape:
                return diagnostic.Properties.ContainsKey(AWS009SdkTaskBlockedOrDiscardedAnalyzer.ReturnTypeFixableKey)
                    && root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is MethodDeclarationSyntax { ReturnType: PredefinedTypeSyntax voidType }
                    ? new FixPlan(
                        ReturnTaskKey,
                        voidType,
                        SyntaxFactory.IdentifierName("Task").WithTriviaFrom(voidType),
                        needsTasksNamespace: !UsingDirectives.Binds(model, voidType.SpanStart, "Task", "System.Threading.Tasks.Task"))
                    : null;
            case AWS009SdkTaskBlockedOrDiscardedAnalyzer.VoidLambdaShape:
                return root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is AnonymousFunctionExpressionSyntax lambda
                    ? ForeachPlan(model, lambda, cancellationToken)
                    : null;
            default:
                return null;
        }
    }

    // ---- Blocking and discarding ----

    /// <summary>The task expression a blocking form waits for: <c>t</c> in <c>t.Result</c>, <c>t.Wait()</c>, <c>t.GetAwaiter().GetResult()</c>.</summary>
    private static ExpressionSyntax? BlockedTask(ExpressionSyntax blocking) => blocking switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => result.Expression,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } wait, ArgumentList.Arguments.Count: 0 } => wait.Expression,
        InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax
            {
                Name.Identifier.ValueText: "GetResult",
                Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } awaiter, ArgumentList.Arguments.Count: 0 },
            },
        } => awaiter.Expression,
        _ => null,
    };

    private static bool IsGetResult(ExpressionSyntax blocking) =>
        blocking is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult" } };

    private static FixPlan? AwaitPlan(SemanticModel model, ExpressionSyntax target, ExpressionSyntax task, CancellationToken cancellationToken)
    {
        if (!CanAwaitHere(target) || AsyncFunction(model, target, cancellationToken) is not { } function)
        {
            return null;
        }

        ExpressionSyntax awaited = SyntaxFactory.AwaitExpression(task.WithoutTrivia());
        if (NeedsParentheses(target))
        {
            awaited = SyntaxFactory.ParenthesizedExpression(awaited);
        }

        return new FixPlan(AwaitKey, target, awaited.WithTriviaFrom(target), function.MakeAsync);
    }

    private static FixPlan? DiscardedPlan(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        if (AwaitPlan(model, call, call, cancellationToken) is { } awaitPlan)
        {
            return awaitPlan;
        }

        // Code that cannot become async waits for the call; a Task-returning function that cannot is left alone,
        // where waiting would block an asynchronous caller.
        return EnclosingFunction(call) is { } function && !ReturnsTaskLike(model, function, cancellationToken)
            ? new FixPlan(GetResultKey, call, GetResult(call.WithoutTrivia()).WithTriviaFrom(call))
            : null;
    }

    private static InvocationExpressionSyntax GetResult(ExpressionSyntax task) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, task.WithoutTrivia(), SyntaxFactory.IdentifierName("GetAwaiter"))),
                SyntaxFactory.IdentifierName("GetResult")));

    /// <summary>An expression whose parent takes an <c>await</c> as it is; anywhere else the await is parenthesized.</summary>
    private static bool NeedsParentheses(ExpressionSyntax expression) =>
        expression.Parent is not (ExpressionStatementSyntax or EqualsValueClauseSyntax or ArgumentSyntax or ReturnStatementSyntax
            or ArrowExpressionClauseSyntax or ParenthesizedExpressionSyntax or InitializerExpressionSyntax)
        && !(expression.Parent is AssignmentExpressionSyntax assignment && assignment.Right == expression);

    /// <summary>Not in a <c>lock</c> (CS1996) or a query clause, where <c>await</c> is not allowed.</summary>
    private static bool CanAwaitHere(SyntaxNode node)
    {
        foreach (SyntaxNode ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case LockStatementSyntax or QueryExpressionSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
    }

    // ---- Async functions ----

    /// <summary>The function an await can go in: already async, or a member that can become async (then <see cref="MakeAsync"/> is set).</summary>
    private sealed class AwaitableFunction
    {
        public AwaitableFunction(SyntaxNode? makeAsync) => MakeAsync = makeAsync;

        public SyntaxNode? MakeAsync { get; }
    }

    private static AwaitableFunction? AsyncFunction(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        SyntaxNode? function = EnclosingFunction(node);
        if (function is null)
        {
            return null;
        }

        if (IsAsync(function))
        {
            return new AwaitableFunction(makeAsync: null);
        }

        return CanBecomeAsync(model, function, cancellationToken) ? new AwaitableFunction(function) : null;
    }

    private static SyntaxNode? EnclosingFunction(SyntaxNode node)
    {
        foreach (SyntaxNode ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return ancestor;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool IsAsync(SyntaxNode function) => function switch
    {
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
        MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        _ => false,
    };

    private static bool ReturnsTaskLike(SemanticModel model, SyntaxNode function, CancellationToken cancellationToken)
    {
        ITypeSymbol? returnType = function switch
        {
            AnonymousFunctionExpressionSyntax lambda => (model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol)?.ReturnType,
            _ => (model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol)?.ReturnType,
        };

        return returnType is null || returnType.Name is "Task" or "ValueTask" && returnType.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
    }

    /// <summary>
    /// A method or local function returning <c>Task</c> or <c>Task&lt;T&gt;</c>, not async, without <c>ref</c>/<c>out</c>
    /// parameters, whose every <c>return</c> is <c>Task.FromResult(e)</c> or <c>Task.CompletedTask</c>.
    /// </summary>
    private static bool CanBecomeAsync(SemanticModel model, SyntaxNode function, CancellationToken cancellationToken)
    {
        if (function is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax)
            || model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol symbol
            || symbol.ReturnType is not INamedTypeSymbol { Name: "Task" } returnType
            || returnType.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks"
            || symbol.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return false;
        }

        bool generic = returnType.IsGenericType;
        (BlockSyntax? body, ArrowExpressionClauseSyntax? arrow) = Bodies(function);
        if (arrow is not null)
        {
            return generic && IsTaskMember(model, arrow.Expression, "FromResult", cancellationToken);
        }

        if (body is null)
        {
            return false;
        }

        foreach (SyntaxNode node in OwnNodes(body))
        {
            if (node is YieldStatementSyntax)
            {
                return false;
            }

            if (node is ReturnStatementSyntax { Expression: var returned }
                && (returned is null || !IsTaskMember(model, returned, generic ? "FromResult" : "CompletedTask", cancellationToken)))
            {
                return false;
            }
        }

        return true;
    }

    private static (BlockSyntax? Body, ArrowExpressionClauseSyntax? Arrow) Bodies(SyntaxNode function) => function switch
    {
        MethodDeclarationSyntax method => (method.Body, method.ExpressionBody),
        LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody),
        _ => (null, null),
    };

    /// <summary><c>Task.FromResult(e)</c> or <c>Task.CompletedTask</c>, bound to System.Threading.Tasks.Task.</summary>
    private static bool IsTaskMember(SemanticModel model, ExpressionSyntax expression, string member, CancellationToken cancellationToken)
    {
        ISymbol? symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        bool shape = member == "FromResult"
            ? expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } && symbol is IMethodSymbol { Name: "FromResult" }
            : symbol is IPropertySymbol { Name: "CompletedTask" };
        return shape && symbol!.ContainingType is { Name: "Task", IsGenericType: false } type && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
    }

    /// <summary>The nodes of a body outside its lambdas and local functions, whose returns are their own.</summary>
    private static IEnumerable<SyntaxNode> OwnNodes(SyntaxNode body) =>
        body.DescendantNodes(node => node == body || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));

    /// <summary>
    /// Adds <c>async</c> to a member checked by <see cref="CanBecomeAsync"/>, on its current syntax (awaits already
    /// written in): <c>return Task.FromResult(e);</c> becomes <c>return e;</c> and <c>return Task.CompletedTask;</c>
    /// becomes <c>return;</c>, dropped when it is the last statement.
    /// </summary>
    private static SyntaxNode MakeAsync(SyntaxNode member)
    {
        (BlockSyntax? body, ArrowExpressionClauseSyntax? arrow) = Bodies(member);
        SyntaxNode rewritten = member;
        if (arrow is not null && arrow.Expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } fromResult)
        {
            rewritten = member.ReplaceNode(arrow.Expression, fromResult.ArgumentList.Arguments[0].Expression.WithTriviaFrom(arrow.Expression));
        }
        else if (body is not null)
        {
            var returns = OwnNodes(body).OfType<ReturnStatementSyntax>().ToList();
            StatementSyntax? last = body.Statements.LastOrDefault();
            rewritten = member.ReplaceNodes(returns, (original, _) => original.Expression switch
            {
                InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } result =>
                    original.WithExpression(result.ArgumentList.Arguments[0].Expression.WithTriviaFrom(original.Expression!)),
                _ => original.WithExpression(null).WithReturnKeyword(original.ReturnKeyword.WithTrailingTrivia()),
            });
            if (last is ReturnStatementSyntax { Expression: not InvocationExpressionSyntax } finalReturn
                && !finalReturn.GetLeadingTrivia().Concat(finalReturn.GetTrailingTrivia()).Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
                && body.Statements.Count > 1)
            {
                (BlockSyntax? newBody, _) = Bodies(rewritten);
                rewritten = rewritten.RemoveNode(newBody!.Statements.Last(), SyntaxRemoveOptions.KeepNoTrivia)!;
            }
        }

        return rewritten switch
        {
            MethodDeclarationSyntax method => method.Modifiers.Count == 0
                ? method.WithReturnType(method.ReturnType.WithoutLeadingTrivia())
                    .WithModifiers(SyntaxFactory.TokenList(AsyncKeyword(method.ReturnType.GetLeadingTrivia())))
                : method.WithModifiers(method.Modifiers.Add(AsyncKeyword(default))),
            LocalFunctionStatementSyntax local => local.Modifiers.Count == 0
                ? local.WithReturnType(local.ReturnType.WithoutLeadingTrivia())
                    .WithModifiers(SyntaxFactory.TokenList(AsyncKeyword(local.ReturnType.GetLeadingTrivia())))
                : local.WithModifiers(local.Modifiers.Add(AsyncKeyword(default))),
            _ => rewritten,
        };
    }

    private static SyntaxToken AsyncKeyword(SyntaxTriviaList leading) =>
        SyntaxFactory.Token(leading, SyntaxKind.AsyncKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));

    // ---- list.ForEach(async x => …) ----

    private static FixPlan? ForeachPlan(SemanticModel model, AnonymousFunctionExpressionSyntax lambda, CancellationToken cancellationToken)
    {
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax call } }
            || call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ForEach" } access
            || call.Parent is not ExpressionStatementSyntax statement
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { ContainingType: { Name: "List", IsGenericType: true } list }
            || list.ContainingNamespace?.ToDisplayString() != "System.Collections.Generic"
            || LoopVariable(lambda) is not { } variable
            || (lambda.Block is { } block && OwnNodes(block).OfType<ReturnStatementSyntax>().Any())
            || (lambda.Block is null && lambda.ExpressionBody is null)
            || !CanAwaitHere(statement)
            || AsyncFunction(model, statement, cancellationToken) is not { } function
            || NamesClash(model, statement, lambda, variable.Name))
        {
            return null;
        }

        string eol = SourceLayout.EndOfLine(statement);
        string indent = SourceLayout.Indentation(statement);
        string header = "foreach (" + variable.Type + " " + variable.Name + " in " + access.Expression.WithoutTrivia().ToFullString() + ")";
        string loop;
        if (lambda.Block is { } body)
        {
            bool braceOnOwnLine = body.OpenBraceToken.GetPreviousToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            loop = header + (braceOnOwnLine ? eol + indent : " ") + body.WithoutTrivia().ToFullString();
        }
        else
        {
            string unit = SourceLayout.IndentationUnit(statement, indent);
            loop = header + eol + indent + "{" + eol + indent + unit + lambda.ExpressionBody!.WithoutTrivia().ToFullString() + ";" + eol + indent + "}";
        }

        StatementSyntax replacement = SyntaxFactory.ParseStatement(loop).WithTriviaFrom(statement);
        return new FixPlan(ForeachKey, statement, replacement, function.MakeAsync);
    }

    private sealed class LoopVariableText
    {
        public LoopVariableText(string type, string name)
        {
            Type = type;
            Name = name;
        }

        public string Type { get; }

        public string Name { get; }
    }

    private static LoopVariableText? LoopVariable(AnonymousFunctionExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => new LoopVariableText("var", simple.Parameter.Identifier.ValueText),
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized when parenthesized.ParameterList.Parameters[0].Modifiers.Count == 0 =>
            new LoopVariableText(
                parenthesized.ParameterList.Parameters[0].Type?.WithoutTrivia().ToFullString() ?? "var", parenthesized.ParameterList.Parameters[0].Identifier.ValueText),
        _ => null,
    };

    /// <summary>True when the loop variable or a local of the lambda would take a name already used around the statement.</summary>
    private static bool NamesClash(SemanticModel model, StatementSyntax statement, AnonymousFunctionExpressionSyntax lambda, string variable)
    {
        var names = new List<string> { variable };
        foreach (SyntaxNode node in lambda.Body.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    names.Add(declarator.Identifier.ValueText);
                    break;
                case SingleVariableDesignationSyntax designation:
                    names.Add(designation.Identifier.ValueText);
                    break;
                case ForEachStatementSyntax loop:
                    names.Add(loop.Identifier.ValueText);
                    break;
                case CatchDeclarationSyntax { Identifier.ValueText: { Length: > 0 } caught }:
                    names.Add(caught);
                    break;
            }
        }

        foreach (string name in names)
        {
            foreach (ISymbol symbol in model.LookupSymbols(statement.SpanStart, name: name))
            {
                if (symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
