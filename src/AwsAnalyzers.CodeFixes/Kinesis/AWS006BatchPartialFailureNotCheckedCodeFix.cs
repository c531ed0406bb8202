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

namespace AwsAnalyzers.Kinesis;

/// <summary>
/// Fixes AWS006 with a bounded loop after the call that resends the failed entries (picked by the index of failed
/// result entries, by the IDs in <c>Failed</c>, or from <c>UnprocessedItems</c>) with exponential backoff and full
/// jitter, and throws after the last attempt with the number of entries that still failed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS006BatchPartialFailureNotCheckedCodeFix)), Shared]
public sealed class AWS006BatchPartialFailureNotCheckedCodeFix : CodeFixProvider
{
    public const string ResendEquivalenceKey = "AWS006.ResendFailedEntries";

    /// <summary>Resends after the first call; the loop throws once these are spent.</summary>
    private const int MaxResends = 3;

    /// <summary>Base of the exponential backoff: attempt n waits a random time below this times 2^n.</summary>
    private const int BaseDelayMilliseconds = 100;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AWS006BatchPartialFailureNotCheckedAnalyzer.DiagnosticId);

    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(FixDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        Diagnostic diagnostic = context.Diagnostics[0];
        if (root is null || model is null || ResendSite.Find(root, model, diagnostic, context.CancellationToken) is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                CodeFixResources.AWS006ResendFailedEntries,
                ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ResendEquivalenceKey, ct),
                ResendEquivalenceKey),
            diagnostic);
    }

    private static async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (equivalenceKey != ResendEquivalenceKey || root is null || model is null)
        {
            return document;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        var namesByScope = new Dictionary<SyntaxNode, HashSet<string>>();
        var namespaces = new SortedSet<string>(System.StringComparer.Ordinal);
        var fixedStatements = new HashSet<StatementSyntax>();
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (ResendSite.Find(root, model, diagnostic, cancellationToken) is not { } site || !fixedStatements.Add(site.Statement))
            {
                continue;
            }

            site.Apply(editor, NamesInScope(model, site.Statement, namesByScope), namespaces);
        }

        if (fixedStatements.Count == 0 || editor.GetChangedRoot() is not CompilationUnitSyntax fixedRoot)
        {
            return document;
        }

        foreach (string namespaceName in namespaces)
        {
            fixedRoot = UsingDirectives.Add(fixedRoot, namespaceName);
        }

        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>
    /// Every name the new locals must not take: identifiers anywhere in the enclosing member (locals declared later in
    /// an enclosing block would clash too), symbols in scope, and names earlier fixes in the same member took.
    /// </summary>
    private static HashSet<string> NamesInScope(SemanticModel model, StatementSyntax statement, Dictionary<SyntaxNode, HashSet<string>> namesByScope)
    {
        SyntaxNode scope = statement.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
            ?? statement.SyntaxTree.GetRoot();
        if (!namesByScope.TryGetValue(scope, out HashSet<string>? names))
        {
            names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (SyntaxToken token in scope.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    names.Add(token.ValueText);
                }
            }

            namesByScope[scope] = names;
        }

        foreach (ISymbol symbol in model.LookupSymbols(statement.SpanStart))
        {
            names.Add(symbol.Name);
        }

        return names;
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

        private ResendSite(
            SemanticModel model, string operation, StatementSyntax statement, InvocationExpressionSyntax invocation, ExpressionSyntax response,
            ArgumentSyntax firstArgument, bool requestForm, bool hoistRequest, INamedTypeSymbol requestType, bool isAsync,
            string? configureAwait, string? cancellationToken, string? declaredName)
        {
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
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when
                    declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax local }
                    && !local.IsConst && local.UsingKeyword.IsKind(SyntaxKind.None) => local,
                _ => null,
            };

            if (statement is LocalDeclarationStatementSyntax declaration)
            {
                declaredName = declaration.Declaration.Variables[0].Identifier.ValueText;
            }

            if (statement?.Parent is not BlockSyntax)
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
                configureAwait, tokenArgument, declaredName);
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

        public void Apply(SyntaxEditor editor, HashSet<string> takenNames, ISet<string> namespaces)
        {
            int position = Statement.SpanStart;
            string eol = SourceLayout.EndOfLine(Statement);
            string indent = SourceLayout.Indentation(Statement);
            string unit = SourceLayout.IndentationUnit(Statement, indent);

            // Every name is reserved, also those scoped to the loop: fixing one call at a time sees the names an
            // earlier fix wrote, and Fix All must give the same result.
            string pendingResponse = Unique("pendingResponse", takenNames);
            string pendingRequest = _requestForm ? Unique("pendingRequest", takenNames) : string.Empty;
            string attempt = Unique("resend", takenNames);
            string maxResends = Unique("maxResends", takenNames);
            string baseDelay = Unique("baseDelayMilliseconds", takenNames);
            string entry = Unique("entry", takenNames);
            string index = Unique("index", takenNames);
            string failure = Unique("failure", takenNames);
            string table = Unique("table", takenNames);

            string exception = TypeName("InvalidOperationException", "System", position, namespaces);
            string random = TypeName("Random", "System", position, namespaces);
            string randomInstance = HasSharedRandom(position) ? random + ".Shared" : "new " + random + "()";
            RequireLinq(position, namespaces);

            // The call as written, with the hoisted request in place of its argument expression.
            var responseMark = new SyntaxAnnotation();
            var argumentMark = new SyntaxAnnotation();
            StatementSyntax original = Statement.ReplaceNodes(
                new SyntaxNode[] { _response, _firstArgument.Expression },
                (node, rewritten) => rewritten.WithAdditionalAnnotations(node == _response ? responseMark : argumentMark));
            var before = new List<StatementSyntax>();
            if (_hoistRequest)
            {
                before.Add(ParseLine(indent + "var " + pendingRequest + " = " + _firstArgument.Expression.WithoutTrivia().ToFullString() + ";" + eol));
                SyntaxNode argument = original.GetAnnotatedNodes(argumentMark).Single();
                original = original.ReplaceNode(argument, SyntaxFactory.IdentifierName(pendingRequest).WithTriviaFrom(argument));
            }

            var response = (ExpressionSyntax)original.GetAnnotatedNodes(responseMark).Single();
            var after = new List<string>();
            StatementSyntax replacement = original;
            if (_declaredName is null)
            {
                replacement = ParseLine("var " + pendingResponse + " = " + response.WithoutTrivia().ToFullString() + ";")
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

            string delayCall;
            string delay = randomInstance + ".Next(" + baseDelay + " << " + attempt + ")";
            if (_isAsync)
            {
                string task = TypeName("Task", "System.Threading.Tasks", position, namespaces);
                delayCall = "await " + task + ".Delay(" + delay + (_cancellationToken is null ? string.Empty : ", " + _cancellationToken) + ")"
                    + (_configureAwait is null ? string.Empty : ".ConfigureAwait(" + _configureAwait + ")") + ";";
            }
            else
            {
                delayCall = TypeName("Thread", "System.Threading", position, namespaces) + ".Sleep(" + delay + ");";
            }

            ExpressionSyntax resendCall = _response.ReplaceNode(_firstArgument.Expression, SyntaxFactory.ParseExpression(resendArgument).WithTriviaFrom(_firstArgument.Expression));
            var body = new List<string>
            {
                "const int " + maxResends + " = " + MaxResends + ";",
                "if (" + attempt + " > " + maxResends + ")",
                "{",
                unit + "throw new " + exception + "($\"{" + count + "} " + noun + " still failed after {" + maxResends + "} resends.\");",
                "}",
                string.Empty,
                "const int " + baseDelay + " = " + BaseDelayMilliseconds + ";",
                delayCall,
            };
            if (nextRequest is not null)
            {
                body.Add(pendingRequest + " = new " + _requestType.ToMinimalDisplayString(_model, position));
                body.Add("{");
                body.AddRange(nextRequest.Value.Where(HasSettableProperty).Select(member => unit + member + ","));
                body.Add("};");
            }

            body.Add(pendingResponse + " = " + resendCall.WithoutTrivia().ToFullString() + ";");

            var loop = new StringBuilder();
            loop.Append(indent).Append("for (int ").Append(attempt).Append(" = 1; ").Append(condition).Append("; ").Append(attempt).Append("++)").Append(eol);
            loop.Append(indent).Append('{').Append(eol);
            foreach (string line in body)
            {
                loop.Append(line.Length == 0 ? string.Empty : indent + unit + line).Append(eol);
            }

            loop.Append(indent).Append('}').Append(eol);

            var inserted = after.Select(line => ParseLine(indent + line + eol)).ToList();
            StatementSyntax loopStatement = ParseLine(loop.ToString());
            if (Statement.Parent is BlockSyntax block && block.Statements.Last() != Statement)
            {
                // A blank line sets the loop apart from the code that follows it.
                loopStatement = loopStatement.WithTrailingTrivia(loopStatement.GetTrailingTrivia().Add(SyntaxFactory.EndOfLine(eol)));
            }

            inserted.Add(loopStatement);

            if (before.Count > 0)
            {
                editor.InsertBefore(Statement, before);
            }

            // Insert around the statement before replacing it: the editor tracks the original node only until it is replaced.
            editor.InsertAfter(Statement, inserted);
            editor.ReplaceNode(Statement, replacement);
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

        private string TypeName(string name, string namespaceName, int position, ISet<string> namespaces) =>
            UsingDirectives.TypeReference(_model, position, namespaceName, name, namespaces);

        private void RequireLinq(int position, ISet<string> namespaces)
        {
            if (!UsingDirectives.Binds(_model, position, "Enumerable", "System.Linq.Enumerable"))
            {
                namespaces.Add("System.Linq");
            }
        }

        /// <summary><c>Random.Shared</c> exists from .NET 6; older targets get a new instance per delay.</summary>
        private bool HasSharedRandom(int position)
        {
            ISymbol? random = _model.GetSpeculativeSymbolInfo(
                position, SyntaxFactory.ParseTypeName("global::System.Random"), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
            return random is INamedTypeSymbol type && type.GetMembers("Shared").Any(m => m.IsStatic);
        }

        private static StatementSyntax ParseLine(string text) => SyntaxFactory.ParseStatement(text);

        private static string Unique(string name, HashSet<string> taken)
        {
            string candidate = name;
            for (int suffix = 2; taken.Contains(candidate); suffix++)
            {
                candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(candidate);
            return candidate;
        }
    }
}
