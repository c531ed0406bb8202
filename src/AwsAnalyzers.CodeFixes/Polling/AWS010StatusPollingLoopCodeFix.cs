using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Polling;

/// <summary>
/// Fixes AWS010: the loop condition rewritten to the in-progress values (with a check of the outcome after the loop
/// when the loop used to leave only on success), a one-second delay as the loop body's last statement,
/// <c>Thread.Sleep</c> turned into <c>await Task.Delay</c>, and a pointless wait for a written S3 object removed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS010StatusPollingLoopCodeFix)), Shared]
public sealed class AWS010StatusPollingLoopCodeFix : DocumentCodeFixProvider
{
    public const string ContinueWhileInProgressKey = "AWS010.ContinueWhileInProgress";
    public const string AddDelayKey = "AWS010.AddDelay";
    public const string UseTaskDelayKey = "AWS010.UseTaskDelay";
    public const string RemoveS3WaitKey = "AWS010.RemoveS3Wait";

    public AWS010StatusPollingLoopCodeFix()
        : base(AWS010StatusPollingLoopAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        switch (Kind(diagnostic))
        {
            case AWS010StatusPollingLoopAnalyzer.StuckKind or AWS010StatusPollingLoopAnalyzer.EarlyExitKind:
                if (ConditionRewrite.Find(root, model, diagnostic, context.CancellationToken) is { } rewrite)
                {
                    RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS010ContinueWhileInProgress, rewrite.ValuesText), ContinueWhileInProgressKey);
                }
                else if (ExitGuard.Find(root, model, diagnostic, context.CancellationToken) is { } guard)
                {
                    RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS010ContinueWhileInProgress, guard.ValuesText), ContinueWhileInProgressKey);
                }

                break;
            case AWS010StatusPollingLoopAnalyzer.NoDelayKind:
                if (DelayInsertion.Find(root, model, diagnostic, context.CancellationToken) is not null)
                {
                    RegisterFix(context, diagnostic, CodeFixResources.AWS010AddDelay, AddDelayKey);
                }

                break;
            case AWS010StatusPollingLoopAnalyzer.ThreadSleepKind:
                if (SleepStatement(root, diagnostic) is not null)
                {
                    RegisterFix(context, diagnostic, CodeFixResources.AWS010UseTaskDelay, UseTaskDelayKey);
                }

                break;
            case AWS010StatusPollingLoopAnalyzer.S3WaitKind:
                if (RemovableWait(root, model, diagnostic, context.CancellationToken) is not null)
                {
                    RegisterFix(context, diagnostic, CodeFixResources.AWS010RemoveS3Wait, RemoveS3WaitKey);
                }

                break;
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
        var types = new GeneratedTypeNames(model.Compilation, editor.Generator);
        var done = new HashSet<SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            string? kind = Kind(diagnostic);
            switch (equivalenceKey)
            {
                case ContinueWhileInProgressKey when kind is AWS010StatusPollingLoopAnalyzer.StuckKind or AWS010StatusPollingLoopAnalyzer.EarlyExitKind:
                    if (ConditionRewrite.Find(root, model, diagnostic, cancellationToken) is { } rewrite)
                    {
                        if (done.Add(rewrite.Loop))
                        {
                            rewrite.Apply(editor, types);
                        }
                    }
                    else if (ExitGuard.Find(root, model, diagnostic, cancellationToken) is { } guard && done.Add(guard.Loop))
                    {
                        guard.Apply(editor, types);
                    }

                    break;
                case AddDelayKey when kind == AWS010StatusPollingLoopAnalyzer.NoDelayKind:
                    if (DelayInsertion.Find(root, model, diagnostic, cancellationToken) is { } insertion && done.Add(insertion.Body))
                    {
                        insertion.Apply(editor, types);
                    }

                    break;
                case UseTaskDelayKey when kind == AWS010StatusPollingLoopAnalyzer.ThreadSleepKind:
                    if (SleepStatement(root, diagnostic) is { } sleep && done.Add(sleep))
                    {
                        var delay = (ExpressionSyntax)SyntaxFactory.ParseExpression(
                            "await " + types.Name("System.Threading.Tasks.Task") + ".Delay" + sleep.ArgumentList.ToString());
                        editor.ReplaceNode(sleep, types.Annotate(delay).WithTriviaFrom(sleep));
                    }

                    break;
                case RemoveS3WaitKey when kind == AWS010StatusPollingLoopAnalyzer.S3WaitKind:
                    if (RemovableWait(root, model, diagnostic, cancellationToken) is { } loop && done.Add(loop))
                    {
                        editor.RemoveNode(loop, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    }

                    break;
            }
        }

        return done.Count == 0 ? document : editor.GetChangedDocument();
    }

    private static string? Kind(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AWS010StatusPollingLoopAnalyzer.KindKey, out string? kind) ? kind : null;

    /// <summary>The loop statement whose keyword the diagnostic is on.</summary>
    private static StatementSyntax? LoopAt(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as StatementSyntax is { } statement
            && statement is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
            ? statement
            : null;

    /// <summary><c>Thread.Sleep(x)</c> as a statement of its own: it can become <c>await Task.Delay(x)</c>.</summary>
    private static InvocationExpressionSyntax? SleepStatement(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax { Parent: ExpressionStatementSyntax, ArgumentList.Arguments.Count: 1 } sleep
            ? sleep
            : null;

    private static bool IsAsyncContext(SyntaxNode node)
    {
        foreach (SyntaxNode ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The loop, when it holds nothing but the HEAD, delays and a catch that only delays: <c>while (true)</c>,
    /// <c>for (;;)</c> or a counted <c>for</c>, whose body is a <c>try</c> of the HEAD and <c>break;</c>.
    /// </summary>
    private static StatementSyntax? RemovableWait(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        StatementSyntax? loop = LoopAt(root, diagnostic);
        (ExpressionSyntax? condition, StatementSyntax? body, bool counted) = loop switch
        {
            WhileStatementSyntax whileLoop => (whileLoop.Condition, whileLoop.Statement, false),
            ForStatementSyntax forLoop => (forLoop.Condition, forLoop.Statement, forLoop.Declaration is not null || forLoop.Initializers.Count > 0),
            _ => (null, null, false),
        };
        if (loop?.Parent is not BlockSyntax || body is not BlockSyntax block
            || !(condition is null or LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } || (counted && condition is BinaryExpressionSyntax)))
        {
            return null;
        }

        int heads = 0;
        foreach (StatementSyntax statement in block.Statements)
        {
            switch (statement)
            {
                case TryStatementSyntax { Finally: null } tryStatement:
                    foreach (StatementSyntax inTry in tryStatement.Block.Statements)
                    {
                        if (inTry is BreakStatementSyntax)
                        {
                            continue;
                        }

                        if (!IsHead(inTry, model, cancellationToken))
                        {
                            return null;
                        }

                        heads++;
                    }

                    if (tryStatement.Catches.Any(c => c.Block.Statements.Any(s => !IsDelay(s, model, cancellationToken))))
                    {
                        return null;
                    }

                    break;
                default:
                    if (!IsDelay(statement, model, cancellationToken))
                    {
                        return null;
                    }

                    break;
            }
        }

        return heads == 1 ? loop : null;
    }

    private static bool IsHead(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken) =>
        statement is ExpressionStatementSyntax { Expression: var expression }
        && (expression is AwaitExpressionSyntax awaited ? awaited.Expression : expression) is InvocationExpressionSyntax call
        && model.GetOperation(call, cancellationToken) is IInvocationOperation { TargetMethod.Name: "GetObjectMetadata" or "GetObjectMetadataAsync" };

    private static bool IsDelay(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken) =>
        statement is ExpressionStatementSyntax { Expression: var expression }
        && (expression is AwaitExpressionSyntax awaited ? awaited.Expression : expression) is InvocationExpressionSyntax call
        && model.GetOperation(call, cancellationToken) is IInvocationOperation { TargetMethod: { Name: "Delay" or "Sleep", ContainingType.Name: "Task" or "Thread" } };

    /// <summary>A delay added as the last statement of a loop body that no <c>continue</c> skips.</summary>
    private sealed class DelayInsertion
    {
        private readonly bool _async;
        private readonly string? _cancellationToken;

        private DelayInsertion(BlockSyntax body, bool isAsync, string? cancellationToken)
        {
            Body = body;
            _async = isAsync;
            _cancellationToken = cancellationToken;
        }

        public BlockSyntax Body { get; }

        public static DelayInsertion? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            StatementSyntax? loop = LoopAt(root, diagnostic);
            StatementSyntax? body = loop switch
            {
                WhileStatementSyntax whileLoop => whileLoop.Statement,
                DoStatementSyntax doLoop => doLoop.Statement,
                ForStatementSyntax forLoop => forLoop.Statement,
                CommonForEachStatementSyntax forEach => forEach.Statement,
                _ => null,
            };
            if (loop is null || body is not BlockSyntax { Statements.Count: > 0 } block
                || block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<ContinueStatementSyntax>()
                    .Any(c => c.Ancestors().FirstOrDefault(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax) == loop))
            {
                return null;
            }

            bool isAsync = IsAsyncContext(loop);
            return new DelayInsertion(block, isAsync, isAsync ? CancellationTokenInScope(model, loop) : null);
        }

        public void Apply(DocumentEditor editor, GeneratedTypeNames types)
        {
            string delay = types.Name("System.TimeSpan") + ".FromSeconds(1)";
            string text = _async
                ? "await " + types.Name("System.Threading.Tasks.Task") + ".Delay(" + delay + (_cancellationToken is null ? string.Empty : ", " + _cancellationToken) + ");"
                : types.Name("System.Threading.Thread") + ".Sleep(" + delay + ");";
            StatementSyntax last = Body.Statements.Last();
            StatementSyntax statement = SyntaxFactory.ParseStatement(text)
                .WithLeadingTrivia(last.GetLastToken().IsKind(SyntaxKind.CloseBraceToken)
                    // After a block statement (an if, a try), a blank line, as hand-written code has.
                    ? SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(SourceLayout.EndOfLine(last)), SyntaxFactory.Whitespace(SourceLayout.Indentation(last)))
                    : SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(SourceLayout.Indentation(last))))
                .WithTrailingTrivia(SyntaxFactory.Whitespace(SourceLayout.EndOfLine(last)));
            editor.InsertAfter(last, types.Annotate(statement));
        }

        private static string? CancellationTokenInScope(SemanticModel model, SyntaxNode loop)
        {
            foreach (ISymbol symbol in model.LookupSymbols(loop.SpanStart))
            {
                if (symbol is IParameterSymbol { Type: { Name: "CancellationToken", ContainingNamespace.Name: "Threading" } } parameter)
                {
                    return parameter.Name;
                }
            }

            return null;
        }
    }

    /// <summary>The loop condition rewritten to the in-progress values, and the outcome check after the loop.</summary>
    private sealed class ConditionRewrite
    {
        private readonly ExpressionSyntax _condition;
        private readonly string _subject;
        private readonly string _statusType;
        private readonly bool _isText;
        private readonly string[] _continue;
        private readonly List<string> _kept;
        private readonly string[]? _success;

        private ConditionRewrite(
            StatementSyntax loop, ExpressionSyntax condition, string subject, string statusType, bool isText, string[] continueValues, List<string> kept, string[]? success)
        {
            Loop = loop;
            _condition = condition;
            _subject = subject;
            _statusType = statusType;
            _isText = isText;
            _continue = continueValues;
            _kept = kept;
            _success = success;
        }

        public StatementSyntax Loop { get; }

        /// <summary>The values the loop continues on, as the title shows them: <c>QUEUED, RUNNING</c>.</summary>
        public string ValuesText => string.Join(", ", _continue);

        public static ConditionRewrite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(AWS010StatusPollingLoopAnalyzer.ContinueKey, out string? continueText) || string.IsNullOrEmpty(continueText)
                || !diagnostic.Properties.TryGetValue(AWS010StatusPollingLoopAnalyzer.StatusTypeKey, out string? statusTypeName) || statusTypeName is null
                || LoopAt(root, diagnostic) is not { } loop
                || model.GetOperation(loop, cancellationToken) is not ILoopOperation loopOperation
                || Loops.Condition(loopOperation) is not { } conditionOperation
                || conditionOperation.Syntax is not ExpressionSyntax condition
                || KnownTypes.ForAwsSdk(model.Compilation) is not { } types)
            {
                return null;
            }

            ResolvedStatus? status = ResolvedStatus.Resolve(types).FirstOrDefault(s => s.Table.StatusType == statusTypeName);
            if (status is null)
            {
                return null;
            }

            var conditions = new StatusConditions(status, ValueFlow.For(loopOperation, cancellationToken));
            List<string> values = status.Table.AllValues.ToList();
            ExpressionSyntax? subject = null;
            var kept = new List<string>();
            foreach (ExpressionSyntax conjunct in Conjuncts(condition))
            {
                if (model.GetOperation(conjunct, cancellationToken) is not { } operation)
                {
                    return null;
                }

                bool dependsOnStatus = conditions.DependsOnStatus(operation, values);
                if (!dependsOnStatus)
                {
                    if (operation.DescendantsAndSelf().Any(o => conditions.IsStatus(o)))
                    {
                        return null;
                    }

                    kept.Add(conjunct.ToString());
                    continue;
                }

                if (values.Any(v => conditions.Evaluate(operation, v) == Truth.Unknown)
                    || Subject(operation, conditions) is not { Syntax: ExpressionSyntax found } || !IsPlainReference(found))
                {
                    return null;
                }

                if (subject is not null && !subject.IsEquivalentTo(found))
                {
                    return null;
                }

                subject ??= found;
            }

            if (subject is null)
            {
                return null;
            }

            bool isText = model.GetTypeInfo(subject, cancellationToken).Type?.SpecialType == SpecialType.System_String;
            string[]? success = null;
            if (diagnostic.Properties.TryGetValue(AWS010StatusPollingLoopAnalyzer.SuccessKey, out string? successText) && !string.IsNullOrEmpty(successText))
            {
                if (loop.Parent is not BlockSyntax)
                {
                    return null;
                }

                success = successText!.Split(',');
            }

            return new ConditionRewrite(loop, condition, subject.ToString(), statusTypeName, isText, continueText!.Split(','), kept, success);
        }

        public void Apply(DocumentEditor editor, GeneratedTypeNames types)
        {
            string typeName = types.Name(_statusType);
            string Value(string value) => _isText ? "\"" + value + "\"" : typeName + "." + value;
            string inProgress = string.Join(" || ", _continue.Select(v => _subject + " == " + Value(v)));
            string newCondition = _kept.Count == 0
                ? inProgress
                : string.Join(" && ", new[] { _continue.Length > 1 ? "(" + inProgress + ")" : inProgress }.Concat(_kept));
            ExpressionSyntax rewritten = SyntaxFactory.ParseExpression(newCondition).WithTriviaFrom(_condition);
            editor.ReplaceNode(_condition, types.Annotate(rewritten));
            if (_success is null)
            {
                return;
            }

            // The loop used to end only on success, so the code after it took every exit for one: say when it is not.
            editor.InsertAfter(Loop, ThrowUnlessIn(Loop, _subject, _success.Select(Value), types));
        }

        private static IEnumerable<ExpressionSyntax> Conjuncts(ExpressionSyntax condition)
        {
            ExpressionSyntax current = condition;
            while (current is ParenthesizedExpressionSyntax parenthesized)
            {
                current = parenthesized.Expression;
            }

            if (current is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and)
            {
                foreach (ExpressionSyntax left in Conjuncts(and.Left))
                {
                    yield return left;
                }

                foreach (ExpressionSyntax right in Conjuncts(and.Right))
                {
                    yield return right;
                }
            }
            else
            {
                yield return condition;
            }
        }

        /// <summary>The status operand of the first comparison in the condition.</summary>
        internal static IOperation? Subject(IOperation condition, StatusConditions conditions)
        {
            foreach (IOperation operation in condition.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                        if (conditions.IsStatus(comparison.LeftOperand))
                        {
                            return comparison.LeftOperand.WalkDownConversions();
                        }

                        if (conditions.IsStatus(comparison.RightOperand))
                        {
                            return comparison.RightOperand.WalkDownConversions();
                        }

                        break;
                }
            }

            return null;
        }

        /// <summary>A local, or members of one (no calls, no awaits): it can be read again in each comparison.</summary>
        internal static bool IsPlainReference(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax access => IsPlainReference(access.Expression),
            ThisExpressionSyntax => true,
            _ => false,
        };
    }

    /// <summary>
    /// <c>if (subject != A &amp;&amp; subject != B) { throw new InvalidOperationException(…); }</c>, laid out like
    /// <paramref name="anchor"/> and after a blank line, to insert after it.
    /// </summary>
    private static StatementSyntax ThrowUnlessIn(StatementSyntax anchor, string subject, IEnumerable<string> values, GeneratedTypeNames types)
    {
        string eol = SourceLayout.EndOfLine(anchor);
        string indent = SourceLayout.Indentation(anchor);
        string unit = SourceLayout.IndentationUnit(anchor, indent);
        string text = "if (" + string.Join(" && ", values.Select(v => subject + " != " + v)) + ")" + eol
            + indent + "{" + eol
            + indent + unit + "throw new " + types.Name("System.InvalidOperationException") + "(\"The wait ended in state \" + " + subject + ");" + eol
            + indent + "}" + eol;
        return types.Annotate(SyntaxFactory.ParseStatement(text).WithLeadingTrivia(SyntaxFactory.Whitespace(eol), SyntaxFactory.Whitespace(indent)));
    }

    /// <summary>
    /// (1) on a loop whose condition does not read the status and whose one status exit is an <c>if (…) break;</c>
    /// taken on success (<c>while (true)</c>): after that <c>if</c>, a throw for every value that is not in progress. The values the
    /// <c>if</c> leaves on still leave the same way and the in-progress ones still go round; only the values the loop
    /// spun on now end it, with an exception that names the state.
    /// </summary>
    private sealed class ExitGuard
    {
        private readonly IfStatementSyntax _exit;
        private readonly string _subject;
        private readonly string _statusType;
        private readonly bool _isText;
        private readonly string[] _continue;

        private ExitGuard(StatementSyntax loop, IfStatementSyntax exit, string subject, string statusType, bool isText, string[] continueValues)
        {
            Loop = loop;
            _exit = exit;
            _subject = subject;
            _statusType = statusType;
            _isText = isText;
            _continue = continueValues;
        }

        public StatementSyntax Loop { get; }

        public string ValuesText => string.Join(", ", _continue);

        public static ExitGuard? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (Kind(diagnostic) != AWS010StatusPollingLoopAnalyzer.StuckKind
                || !diagnostic.Properties.TryGetValue(AWS010StatusPollingLoopAnalyzer.ContinueKey, out string? continueText) || string.IsNullOrEmpty(continueText)
                || !diagnostic.Properties.TryGetValue(AWS010StatusPollingLoopAnalyzer.StatusTypeKey, out string? statusTypeName) || statusTypeName is null
                || LoopAt(root, diagnostic) is not { } loop
                || model.GetOperation(loop, cancellationToken) is not ILoopOperation loopOperation
                || KnownTypes.ForAwsSdk(model.Compilation) is not { } types
                || ResolvedStatus.Resolve(types).FirstOrDefault(s => s.Table.StatusType == statusTypeName) is not { } status)
            {
                return null;
            }

            var conditions = new StatusConditions(status, ValueFlow.For(loopOperation, cancellationToken));
            List<string> values = status.Table.AllValues.ToList();
            if (Loops.Condition(loopOperation) is { } condition && condition.DescendantsAndSelf().Any(o => conditions.IsStatus(o)))
            {
                return null;
            }

            IConditionalOperation? exit = null;
            foreach (LoopExit candidate in LoopExit.Of(loopOperation, cancellationToken))
            {
                if (!conditions.DependsOnStatus(candidate.Condition, values))
                {
                    continue;
                }

                if (exit is not null || !candidate.ExitsWhen || candidate.Condition.Parent is not IConditionalOperation { WhenFalse: null } statement)
                {
                    return null;
                }

                exit = statement;
            }

            string[] continueValues = continueText!.Split(',');
            if (exit is not { Syntax: IfStatementSyntax { Parent: BlockSyntax } exitStatement }
                || values.Any(v => conditions.Evaluate(exit.Condition, v) == Truth.Unknown)
                || continueValues.Any(v => conditions.Evaluate(exit.Condition, v) != Truth.False)
                || !status.Table.Success.Any(v => conditions.Evaluate(exit.Condition, v) == Truth.True)
                || ConditionRewrite.Subject(exit.Condition, conditions) is not { Syntax: ExpressionSyntax subject }
                || !ConditionRewrite.IsPlainReference(subject))
            {
                return null;
            }

            bool isText = model.GetTypeInfo(subject, cancellationToken).Type?.SpecialType == SpecialType.System_String;
            return new ExitGuard(loop, exitStatement, subject.ToString(), statusTypeName, isText, continueValues);
        }

        public void Apply(DocumentEditor editor, GeneratedTypeNames types)
        {
            string typeName = types.Name(_statusType);
            StatementSyntax check = ThrowUnlessIn(_exit, _subject, _continue.Select(v => _isText ? "\"" + v + "\"" : typeName + "." + v), types);
            if (_exit.Parent is BlockSyntax block && block.Statements.IndexOf(_exit) is int index && index + 1 < block.Statements.Count
                && !block.Statements[index + 1].GetLeadingTrivia().Any(SyntaxKind.EndOfLineTrivia))
            {
                // Keep a blank line between the new block and the statement after it.
                check = check.WithTrailingTrivia(check.GetTrailingTrivia().Add(SyntaxFactory.EndOfLine(SourceLayout.EndOfLine(_exit))));
            }

            editor.InsertAfter(_exit, check);
        }
    }
}
