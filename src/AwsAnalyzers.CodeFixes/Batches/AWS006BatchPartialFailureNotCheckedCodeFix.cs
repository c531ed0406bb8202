using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using AwsAnalyzers.Throttling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AwsAnalyzers.Batches;

/// <summary>
/// Fixes AWS006 with a bounded loop after the call that resends the failed entries (picked by the index of failed
/// result entries, by the IDs in <c>Failed</c>, or from <c>UnprocessedItems</c>) with exponential backoff and full
/// jitter, and throws after the last attempt with the number of entries that still failed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS006BatchPartialFailureNotCheckedCodeFix)), Shared]
public sealed class AWS006BatchPartialFailureNotCheckedCodeFix : DocumentCodeFixProvider
{
    public const string ResendEquivalenceKey = "AWS006.ResendFailedEntries";

    /// <summary>Resends after the first call; the loop throws once these are spent.</summary>
    private const int MaxResends = 3;

    public AWS006BatchPartialFailureNotCheckedCodeFix()
        : base(AWS006BatchPartialFailureNotCheckedAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (ResendSite.Find(root, model, diagnostic, context.CancellationToken) is null)
        {
            return;
        }

        RegisterFix(context, diagnostic, CodeFixResources.AWS006ResendFailedEntries, ResendEquivalenceKey);
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (equivalenceKey != ResendEquivalenceKey || root is null || model is null)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var writer = new BackoffWriter(editor, model);
        var fixedStatements = new HashSet<StatementSyntax>();
        // In source order, so that names follow it (see NameAllocator).
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (ResendSite.Find(root, model, diagnostic, cancellationToken) is { } site && fixedStatements.Add(site.Statement))
            {
                site.Apply(editor, writer);
            }
        }

        return fixedStatements.Count == 0 ? document : editor.GetChangedDocument();
    }

    /// <summary>A reported call the fix can rewrite, and everything needed to write the resend loop for it.</summary>
    private sealed class ResendSite
    {
        private readonly SemanticModel _model;
        private readonly string _operation;
        private readonly InvocationExpressionSyntax _invocation;
        private readonly ExpressionSyntax _response;
        private readonly ArgumentSyntax _firstArgument;
        private readonly bool _requestForm;
        private readonly bool _hoistRequest;
        private readonly INamedTypeSymbol _requestType;
        private readonly bool _isAsync;
        private readonly string? _configureAwait;
        private readonly string? _cancellationToken;
        private readonly string? _declaredName;
        private readonly StatementSyntax _anchor;
        private readonly string? _retriedException;

        private ResendSite(
            SemanticModel model, string operation, StatementSyntax statement, InvocationExpressionSyntax invocation, ExpressionSyntax response,
            ArgumentSyntax firstArgument, bool requestForm, bool hoistRequest, INamedTypeSymbol requestType, bool isAsync,
            string? configureAwait, string? cancellationToken, string? declaredName, StatementSyntax anchor, string? retriedException)
        {
            _anchor = anchor;
            _retriedException = retriedException;
            _model = model;
            _operation = operation;
            Statement = statement;
            _invocation = invocation;
            _response = response;
            _firstArgument = firstArgument;
            _requestForm = requestForm;
            _hoistRequest = hoistRequest;
            _requestType = requestType;
            _isAsync = isAsync;
            _configureAwait = configureAwait;
            _cancellationToken = cancellationToken;
            _declaredName = declaredName;
        }

        /// <summary>The statement that makes the call.</summary>
        public StatementSyntax Statement { get; }

        public static ResendSite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(AWS006BatchPartialFailureNotCheckedAnalyzer.OperationKey, out string? operation)
                || operation is null
                || operation == BatchOperation.DynamoDBBatchGetItem
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || invocation.Expression is not MemberAccessExpressionSyntax { Expression: var receiver }
                || !IsStable(receiver)
                || invocation.ArgumentList.Arguments.Count == 0
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            // The value that holds the response: `await call`, `await call.ConfigureAwait(x)`, `call.Result`,
            // `call[.ConfigureAwait(x)].GetAwaiter().GetResult()`, or a sync call.
            ExpressionSyntax response = invocation;
            string? configureAwait = null;
            bool isAsync = false;
            if (response.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configureAccess
                && configureAccess.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } configureCall
                && IsStable(configureCall.ArgumentList.Arguments[0].Expression))
            {
                configureAwait = configureCall.ArgumentList.Arguments[0].Expression.ToString();
                response = configureCall;
            }

            if (response.Parent is AwaitExpressionSyntax await)
            {
                response = await;
                isAsync = true;
            }
            else if (response.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result && configureAwait is null)
            {
                response = result;
            }
            else if (response.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter
                && getAwaiter.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Parent: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult" } getResult }
                && getResult.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } getResultCall)
            {
                response = getResultCall;
            }
            else if (configureAwait is not null || method.ReturnType.Name == "Task")
            {
                return null;
            }

            string? declaredName = null;
            StatementSyntax? statement = response.Parent switch
            {
                ExpressionStatementSyntax expressionStatement => expressionStatement,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax discard } assignment
                    when assignment.Right == response && model.GetOperation(assignment.Left, cancellationToken) is Microsoft.CodeAnalysis.Operations.IDiscardOperation => discard,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax target, Parent: ExpressionStatementSyntax assigned } assignment
                    when assignment.Right == response && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && model.GetSymbolInfo(target, cancellationToken).Symbol is ILocalSymbol { IsRef: false, IsConst: false } => assigned,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when
                    declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax local }
                    && !local.IsConst && local.UsingKeyword.IsKind(SyntaxKind.None) => local,
                _ => null,
            };

            if (statement is LocalDeclarationStatementSyntax declaration)
            {
                declaredName = declaration.Declaration.Variables[0].Identifier.ValueText;
            }
            else if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax assignedLocal, Right: var right } }
                && right == response && model.GetSymbolInfo(assignedLocal, cancellationToken).Symbol is ILocalSymbol)
            {
                declaredName = assignedLocal.Identifier.ValueText;
            }

            if (statement?.Parent is not BlockSyntax)
            {
                return null;
            }

            // A call that a throttling retry loop repeats (AWS005's fix): the resends go after that loop, and are
            // retried the same way.
            StatementSyntax anchor = statement;
            string? retriedException = null;
            if (BackoffWriter.EnclosingRetry(statement) is { } retry && declaredName is not null && retry.Loop.Parent is BlockSyntax)
            {
                anchor = retry.Loop;
                retriedException = retry.Caught.WithoutTrivia().ToString();
            }

            if (!BackoffWriter.CanWrite(anchor, model))
            {
                return null;
            }

            // The request object, or for BatchWriteItem the dictionary overload; other convenience overloads
            // (a stream or queue name plus a list) are left alone.
            ArgumentSyntax firstArgument = invocation.ArgumentList.Arguments[0];
            if (method.Parameters.IsEmpty || method.Parameters[0].Type is not INamedTypeSymbol firstType)
            {
                return null;
            }

            bool requestForm = firstType.Name.EndsWith("Request", System.StringComparison.Ordinal);
            bool dictionaryForm = operation == BatchOperation.DynamoDBBatchWriteItem && firstType.Name == "Dictionary";
            if (!requestForm && !dictionaryForm)
            {
                return null;
            }

            string? tokenArgument = null;
            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments.Skip(1))
            {
                if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None) || !IsStable(argument.Expression))
                {
                    return null;
                }

                if (model.GetTypeInfo(argument.Expression, cancellationToken).Type?.ToDisplayString() == "System.Threading.CancellationToken")
                {
                    tokenArgument = argument.Expression.ToString();
                }
            }

            if (firstArgument.NameColon is not null || !firstArgument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }

            bool hoist = requestForm && !IsLocalOrParameter(model, firstArgument.Expression, cancellationToken);
            return new ResendSite(
                model, operation, statement, invocation, response, firstArgument, requestForm, hoist, firstType, isAsync,
                configureAwait, tokenArgument, declaredName, anchor, retriedException);
        }

        /// <summary>An expression that is safe to evaluate again on every resend: names, member accesses of names, literals.</summary>
        private static bool IsStable(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax or ThisExpressionSyntax or BaseExpressionSyntax or LiteralExpressionSyntax or DefaultExpressionSyntax => true,
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } access => IsStable(access.Expression),
            PredefinedTypeSyntax => true,
            _ => false,
        };

        private static bool IsLocalOrParameter(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken) =>
            expression is IdentifierNameSyntax
            && model.GetSymbolInfo(expression, cancellationToken).Symbol is ILocalSymbol { IsRef: false } or IParameterSymbol { RefKind: RefKind.None };

        public void Apply(SyntaxEditor editor, BackoffWriter writer)
        {
            int position = Statement.SpanStart;
            string eol = SourceLayout.EndOfLine(_anchor);
            string indent = SourceLayout.Indentation(_anchor);
            string unit = SourceLayout.IndentationUnit(_anchor, indent);

            // Every name is reserved, also those scoped to the loop: fixing one call at a time sees the names an
            // earlier fix wrote, and Fix All must give the same result.
            NameAllocator names = writer.Names;
            string pendingResponse = names.Local(_anchor, "pendingResponse");
            string pendingRequest = _requestForm ? names.Local(_anchor, "pendingRequest") : string.Empty;
            BackoffNames resends = writer.Reserve(_anchor, "resend", "maxResends");
            string entry = names.Local(_anchor, "entry");
            string index = names.Local(_anchor, "index");
            string failure = names.Local(_anchor, "failure");
            string table = names.Local(_anchor, "table");
            BackoffNames? retries = _retriedException is null ? null : writer.Reserve(_anchor, "attempt", "maxAttempts");
            writer.Types.ImportExtensionsOf("System.Linq.Enumerable");
            WaitStyle wait = WaitStyle.For(_anchor, _model, _cancellationToken, _configureAwait, _isAsync);

            // The call as written, with the hoisted request in place of its argument expression.
            var responseMark = new SyntaxAnnotation();
            var argumentMark = new SyntaxAnnotation();
            StatementSyntax original = Statement.ReplaceNodes(
                new SyntaxNode[] { _response, _firstArgument.Expression },
                (node, rewritten) => rewritten.WithAdditionalAnnotations(node == _response ? responseMark : argumentMark));
            var before = new List<StatementSyntax>();
            if (_hoistRequest)
            {
                before.Add(SyntaxFactory.ParseStatement(indent + "var " + pendingRequest + " = " + _firstArgument.Expression.WithoutTrivia().ToFullString() + ";" + eol));
                SyntaxNode argument = original.GetAnnotatedNodes(argumentMark).Single();
                original = original.ReplaceNode(argument, SyntaxFactory.IdentifierName(pendingRequest).WithTriviaFrom(argument));
            }

            var response = (ExpressionSyntax)original.GetAnnotatedNodes(responseMark).Single();
            var after = new List<string>();
            StatementSyntax replacement = original;
            if (_declaredName is null)
            {
                replacement = SyntaxFactory.ParseStatement("var " + pendingResponse + " = " + response.WithoutTrivia().ToFullString() + ";")
                    .WithLeadingTrivia(original.GetLeadingTrivia())
                    .WithTrailingTrivia(original.GetTrailingTrivia());
            }
            else
            {
                after.Add("var " + pendingResponse + " = " + _declaredName + ";");
            }

            if (_requestForm && !_hoistRequest)
            {
                after.Add("var " + pendingRequest + " = " + _firstArgument.Expression.WithoutTrivia().ToFullString() + ";");
            }

            (string condition, string count, string noun, ImmutableArray<string>? nextRequest, string resendArgument) = Shape(
                pendingResponse, pendingRequest, entry, index, failure, table);

            var body = new List<CodeLine>();
            if (nextRequest is not null)
            {
                body.Add(new CodeLine(0, pendingRequest + " = new " + _requestType.ToMinimalDisplayString(_model, position)));
                body.Add(new CodeLine(0, "{"));
                body.AddRange(nextRequest.Value.Where(HasSettableProperty).Select(member => new CodeLine(1, member + ",")));
                body.Add(new CodeLine(0, "};"));
            }

            ExpressionSyntax resendCall = _response.ReplaceNode(_firstArgument.Expression, SyntaxFactory.ParseExpression(resendArgument).WithTriviaFrom(_firstArgument.Expression));
            var resend = new CodeLine(0, pendingResponse + " = " + resendCall.WithoutTrivia().ToFullString() + ";");
            body.AddRange(retries is null
                ? new[] { resend }
                : writer.RetryOnException(_anchor, retries, BackoffWriter.ThrottlingAttempts, _retriedException!, new[] { resend }, bodyExits: false, wait));

            List<CodeLine> loop = writer.RetryWhile(_anchor, resends, MaxResends, condition, count, noun, "resends", body, wait);
            var inserted = after.Select(line => SyntaxFactory.ParseStatement(indent + line + eol)).ToList();
            StatementSyntax loopStatement = writer.Parse(CodeLine.Render(loop, indent, unit, eol));
            if (_anchor.Parent is BlockSyntax block && block.Statements.Last() != _anchor)
            {
                // A blank line sets the loop apart from the code that follows it.
                loopStatement = loopStatement.WithTrailingTrivia(loopStatement.GetTrailingTrivia().Add(SyntaxFactory.EndOfLine(eol)));
            }

            inserted.Add(loopStatement);

            if (before.Count > 0)
            {
                editor.InsertBefore(_anchor, before);
            }

            // Insert around the anchor before replacing the statement: the editor tracks the original node only until it is replaced.
            editor.InsertAfter(_anchor, inserted);
            if (replacement != Statement)
            {
                editor.ReplaceNode(Statement, replacement);
            }
        }

        /// <summary>The loop condition, the failed count, what the entries are called, the next request and the resend argument.</summary>
        private (string Condition, string Count, string Noun, ImmutableArray<string>? NextRequest, string ResendArgument) Shape(
            string response, string request, string entry, string index, string failure, string table)
        {
            switch (_operation)
            {
                case BatchOperation.KinesisPutRecords:
                    return (
                        response + ".FailedRecordCount > 0",
                        response + ".FailedRecordCount",
                        "Kinesis records",
                        ImmutableArray.Create(
                            "StreamName = " + request + ".StreamName",
                            "StreamARN = " + request + ".StreamARN",
                            "Records = " + request + ".Records.Where((" + entry + ", " + index + ") => " + response + ".Records[" + index + "].ErrorCode != null).ToList()"),
                        request);
                case BatchOperation.FirehosePutRecordBatch:
                    return (
                        response + ".FailedPutCount > 0",
                        response + ".FailedPutCount",
                        "Firehose records",
                        ImmutableArray.Create(
                            "DeliveryStreamName = " + request + ".DeliveryStreamName",
                            "Records = " + request + ".Records.Where((" + entry + ", " + index + ") => " + response + ".RequestResponses[" + index + "].ErrorCode != null).ToList()"),
                        request);
                case BatchOperation.DynamoDBBatchWriteItem:
                    return (
                        response + ".UnprocessedItems?.Count > 0",
                        response + ".UnprocessedItems.Sum(" + table + " => " + table + ".Value.Count)",
                        "DynamoDB write requests",
                        _requestForm
                            ? ImmutableArray.Create(
                                "RequestItems = " + response + ".UnprocessedItems",
                                "ReturnConsumedCapacity = " + request + ".ReturnConsumedCapacity",
                                "ReturnItemCollectionMetrics = " + request + ".ReturnItemCollectionMetrics")
                            : null,
                        _requestForm ? request : response + ".UnprocessedItems");
                default:
                    // SQS SendMessageBatch and DeleteMessageBatch: failed entries are named by their Id.
                    string noun = _operation == BatchOperation.SqsSendMessageBatch ? "SQS messages" : "SQS message deletions";
                    return (
                        response + ".Failed?.Count > 0",
                        response + ".Failed.Count",
                        noun,
                        ImmutableArray.Create(
                            "QueueUrl = " + request + ".QueueUrl",
                            "Entries = " + request + ".Entries.Where(" + entry + " => " + response + ".Failed.Any(" + failure + " => " + failure + ".Id == " + entry + ".Id)).ToList()"),
                        request);
            }
        }

        /// <summary>
        /// Whether the request type has the property an initializer entry sets: older SDK builds lack some (such as
        /// <c>StreamARN</c>, added to Kinesis in 2022), and the fix must compile against the SDK the project uses.
        /// </summary>
        private bool HasSettableProperty(string initializerEntry)
        {
            string name = initializerEntry.Substring(0, initializerEntry.IndexOf(' '));
            for (ITypeSymbol? type = _requestType; type is not null; type = type.BaseType)
            {
                if (type.GetMembers(name).OfType<IPropertySymbol>().Any(p => p.SetMethod is not null))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
