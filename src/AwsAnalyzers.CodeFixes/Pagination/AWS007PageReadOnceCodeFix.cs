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

namespace AwsAnalyzers.Pagination;

/// <summary>
/// Fixes AWS007 three ways: a DynamoDB search's single <c>GetNextSetAsync</c> becomes <c>GetRemainingAsync</c>; a
/// <c>foreach</c> over one page's results becomes a loop over the client's paginator where the target can enumerate
/// it; a token-paged call on a local request is wrapped in a <c>do … while</c> that carries the token.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS007PageReadOnceCodeFix)), Shared]
public sealed class AWS007PageReadOnceCodeFix : DocumentCodeFixProvider
{
    public const string RemainingEquivalenceKey = "AWS007.GetRemaining";
    public const string PaginatorEquivalenceKey = "AWS007.UsePaginator";
    public const string TokenLoopEquivalenceKey = "AWS007.LoopOverPages";

    public AWS007PageReadOnceCodeFix()
        : base(AWS007PageReadOnceAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        if (RemainingSite.Find(root, model, diagnostic, cancellationToken) is { } remaining)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS007GetRemaining, remaining.NewName), RemainingEquivalenceKey);
        }
        else if (PaginatorSite.Find(root, model, diagnostic, cancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS007UsePaginator, PaginatorEquivalenceKey);
        }
        else if (TokenLoopSite.Find(root, model, diagnostic, cancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS007LoopOverPages, TokenLoopEquivalenceKey);
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
        var names = new NameAllocator(model);
        bool changed = false;
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            switch (equivalenceKey)
            {
                case RemainingEquivalenceKey when RemainingSite.Find(root, model, diagnostic, cancellationToken) is { } remaining:
                    remaining.Apply(editor);
                    changed = true;
                    break;
                case PaginatorEquivalenceKey when PaginatorSite.Find(root, model, diagnostic, cancellationToken) is { } paginator:
                    paginator.Apply(editor, names);
                    changed = true;
                    break;
                case TokenLoopEquivalenceKey when TokenLoopSite.Find(root, model, diagnostic, cancellationToken) is { } loop:
                    loop.Apply(editor);
                    changed = true;
                    break;
            }
        }

        return changed ? editor.GetChangedDocument() : document;
    }

    private static InvocationExpressionSyntax? ReportedCall(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as InvocationExpressionSyntax;

    /// <summary>The reported call of a client's paged operation (not a search's), and the operation's name.</summary>
    private static InvocationExpressionSyntax? PagedCall(SyntaxNode root, Diagnostic diagnostic, out string operation)
    {
        operation = string.Empty;
        if (!diagnostic.Properties.TryGetValue(AWS007PageReadOnceAnalyzer.OperationKey, out string? name)
            || name is null
            || name == AWS007PageReadOnceAnalyzer.SearchOperation)
        {
            return null;
        }

        operation = name;
        return ReportedCall(root, diagnostic);
    }

    /// <summary>The property named <paramref name="name"/> of the type, its base types or its interfaces.</summary>
    private static IPropertySymbol? FindProperty(ITypeSymbol type, string name)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                return property;
            }
        }

        return type.AllInterfaces.SelectMany(i => i.GetMembers(name)).OfType<IPropertySymbol>().FirstOrDefault();
    }

    /// <summary><c>search.GetNextSetAsync()</c> → <c>search.GetRemainingAsync()</c>: the same return type, every page.</summary>
    private sealed class RemainingSite
    {
        private readonly SimpleNameSyntax _name;

        private RemainingSite(SimpleNameSyntax name, string newName)
        {
            _name = name;
            NewName = newName;
        }

        public string NewName { get; }

        public static RemainingSite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(AWS007PageReadOnceAnalyzer.OperationKey, out string? operation)
                || operation != AWS007PageReadOnceAnalyzer.SearchOperation
                || ReportedCall(root, diagnostic) is not { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } } invocation
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            string newName = method.Name == "GetNextSet" ? "GetRemaining" : "GetRemainingAsync";

            // The same parameters and return type on the same type, so the call keeps its arguments and its use.
            foreach (ISymbol member in method.ContainingType.GetMembers(newName))
            {
                if (member is IMethodSymbol remaining
                    && SymbolEqualityComparer.Default.Equals(remaining.ReturnType, method.ReturnType)
                    && remaining.Parameters.Select(p => p.Type).SequenceEqual(method.Parameters.Select(p => p.Type), SymbolEqualityComparer.Default))
                {
                    return new RemainingSite(name, newName);
                }
            }

            return null;
        }

        public void Apply(DocumentEditor editor) =>
            editor.ReplaceNode(_name, SyntaxFactory.IdentifierName(NewName).WithTriviaFrom(_name));
    }

    /// <summary>
    /// A <c>foreach</c> over one page's results, rewritten to enumerate the client's paginator: the results property
    /// of the paginator where it has one of that name, else a loop over its <c>Responses</c> around the original loop.
    /// <c>await foreach</c> where <c>IPaginatedEnumerable&lt;T&gt;</c> is an <c>IAsyncEnumerable&lt;T&gt;</c> (and the
    /// language has it), a plain <c>foreach</c> where it is an <c>IEnumerable&lt;T&gt;</c> (.NET Framework builds).
    /// </summary>
    private sealed class PaginatorSite
    {
        private readonly ForEachStatementSyntax _loop;
        private readonly LocalDeclarationStatementSyntax? _declaration;
        private readonly string _paginator;
        private readonly string _property;
        private readonly bool _hasResultsProperty;
        private readonly bool _await;
        private readonly string? _cancellationToken;
        private readonly string? _configureAwait;
        private readonly bool _needsTasksNamespace;

        private PaginatorSite(
            ForEachStatementSyntax loop, LocalDeclarationStatementSyntax? declaration, string paginator, string property, bool hasResultsProperty,
            bool useAwait, string? cancellationToken, string? configureAwait, bool needsTasksNamespace)
        {
            _loop = loop;
            _declaration = declaration;
            _paginator = paginator;
            _property = property;
            _hasResultsProperty = hasResultsProperty;
            _await = useAwait;
            _cancellationToken = cancellationToken;
            _configureAwait = configureAwait;
            _needsTasksNamespace = needsTasksNamespace;
        }

        public static PaginatorSite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (PagedCall(root, diagnostic, out string operation) is not { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } invocation
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { Parameters.Length: > 0 } method
                || FactoryMethod(method.ContainingType, operation) is not { } factoryMethod
                || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, factoryMethod.Parameters[0].Type)
                || RequestArguments(invocation, model, cancellationToken) is not var (request, token))
            {
                return null;
            }

            // The value of the page: `await call`, `await call.ConfigureAwait(x)`, or a sync call.
            ExpressionSyntax response = invocation;
            string? configureAwait = null;
            if (response.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configureAccess
                && configureAccess.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } configureCall)
            {
                configureAwait = configureCall.ArgumentList.Arguments[0].ToString();
                response = configureCall;
            }

            bool awaited = false;
            if (response.Parent is AwaitExpressionSyntax await)
            {
                response = await;
                awaited = true;
            }
            else if (configureAwait is not null || method.ReturnType.Name == "Task")
            {
                return null;
            }

            if (PageLoop(response, model, cancellationToken) is not var (loop, declaration, property))
            {
                return null;
            }

            ITypeSymbol paginator = factoryMethod.ReturnType;
            IPropertySymbol? results = FindProperty(paginator, property);
            bool hasResultsProperty = results is not null;
            if ((results ?? FindProperty(paginator, "Responses")) is not { Type: INamedTypeSymbol enumerable })
            {
                return null;
            }

            bool canAwait = awaited
                && Implements(enumerable, "System.Collections.Generic.IAsyncEnumerable`1")
                && ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp8;
            bool needsTasksNamespace = false;
            if (canAwait && (token is not null || configureAwait is not null))
            {
                // WithCancellation and ConfigureAwait on an async enumerable are extension methods of System.Threading.Tasks.
                if (KnownTypes.For(model.Compilation).Get("System.Threading.Tasks.TaskAsyncEnumerableExtensions") is null)
                {
                    canAwait = false;
                }
                else
                {
                    needsTasksNamespace = model.LookupSymbols(loop.SpanStart, enumerable, "ConfigureAwait", includeReducedExtensionMethods: true).IsEmpty;
                }
            }

            if (!canAwait && !(token is null && Implements(enumerable, "System.Collections.Generic.IEnumerable`1")))
            {
                return null;
            }

            string paginatorText = receiver.WithoutTrivia().ToString() + ".Paginators." + operation + "(" + request + ")";
            return new PaginatorSite(loop, declaration, paginatorText, property, hasResultsProperty, canAwait, token, canAwait ? configureAwait : null, needsTasksNamespace);
        }

        /// <summary>
        /// True when the client's paginator for the operation can be enumerated on this target: then it is the fix, and
        /// a hand-written token loop is not offered.
        /// </summary>
        public static bool IsUsable(IMethodSymbol method, string operation, SyntaxNode root) =>
            FactoryMethod(method.ContainingType, operation) is { } factoryMethod
            && FindProperty(factoryMethod.ReturnType, "Responses") is { Type: INamedTypeSymbol enumerable }
            && (Implements(enumerable, "System.Collections.Generic.IEnumerable`1")
                || (Implements(enumerable, "System.Collections.Generic.IAsyncEnumerable`1")
                    && ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp8));

        /// <summary>The paginator factory's method for the operation, on the client's <c>Paginators</c> property.</summary>
        private static IMethodSymbol? FactoryMethod(INamedTypeSymbol client, string operation)
        {
            foreach (INamedTypeSymbol type in new[] { client }.Concat(client.AllInterfaces))
            {
                foreach (ISymbol member in type.GetMembers("Paginators"))
                {
                    if (member is IPropertySymbol { Type: INamedTypeSymbol factory, GetMethod: not null })
                    {
                        return factory.GetMembers(operation).OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 1);
                    }
                }
            }

            return null;
        }

        /// <summary>The request argument's text and the cancellation token's, when the call passes nothing else.</summary>
        private static (string Request, string? Token)? RequestArguments(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
            if (arguments.Count is 0 or > 2 || arguments[0].NameColon is not null || !arguments[0].RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }

            string? token = null;
            if (arguments.Count == 2)
            {
                if (arguments[1].NameColon is not null
                    || model.GetTypeInfo(arguments[1].Expression, cancellationToken).Type?.ToDisplayString() != "System.Threading.CancellationToken")
                {
                    return null;
                }

                token = arguments[1].Expression.WithoutTrivia().ToString();
            }

            return (arguments[0].Expression.WithoutTrivia().ToString(), token);
        }

        /// <summary>
        /// The loop that enumerates one results property of the page: <c>foreach (var o in (await call).S3Objects)</c>,
        /// or <c>var r = await call;</c> followed at once by <c>foreach (var o in r.S3Objects)</c>, its only use.
        /// </summary>
        private static (ForEachStatementSyntax Loop, LocalDeclarationStatementSyntax? Declaration, string Property)? PageLoop(
            ExpressionSyntax response, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode outer = response;
            while (outer.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                outer = parenthesized;
            }

            if (outer.Parent is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access && access.Expression == outer
                && access.Parent is ForEachStatementSyntax direct && direct.Expression == access && direct.AwaitKeyword.IsKind(SyntaxKind.None))
            {
                return (direct, null, name.Identifier.ValueText);
            }

            if (response.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration }
                && !declaration.IsConst && declaration.UsingKeyword.IsKind(SyntaxKind.None)
                && declaration.Parent is BlockSyntax block
                && block.Statements.IndexOf(declaration) is var index && index + 1 < block.Statements.Count
                && block.Statements[index + 1] is ForEachStatementSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax local, Name: IdentifierNameSyntax property } } loop
                && loop.AwaitKeyword.IsKind(SyntaxKind.None)
                && local.Identifier.ValueText == declarator.Identifier.ValueText
                && model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol symbol
                && IsOnlyReference(block, symbol, local, model, cancellationToken))
            {
                return (loop, declaration, property.Identifier.ValueText);
            }

            return null;
        }

        private static bool IsOnlyReference(BlockSyntax block, ILocalSymbol local, IdentifierNameSyntax reference, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (IdentifierNameSyntax identifier in block.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier != reference && identifier.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Implements(INamedTypeSymbol type, string metadataName) =>
            new[] { type }.Concat(type.AllInterfaces).Any(i => i.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::" + GenericName(metadataName));

        /// <summary><c>System.Collections.Generic.IEnumerable`1</c> as the display format writes it: <c>…IEnumerable&lt;T&gt;</c>.</summary>
        private static string GenericName(string metadataName) =>
            metadataName.Substring(0, metadataName.IndexOf('`')) + "<T>";

        public void Apply(DocumentEditor editor, NameAllocator names)
        {
            string enumerable = _paginator + "." + (_hasResultsProperty ? _property : "Responses");
            if (_await && _cancellationToken is not null)
            {
                enumerable += ".WithCancellation(" + _cancellationToken + ")";
            }

            if (_await && _configureAwait is not null)
            {
                enumerable += ".ConfigureAwait(" + _configureAwait + ")";
            }

            SyntaxTriviaList leading = _declaration is null ? _loop.GetLeadingTrivia() : MergedLeadingTrivia(_declaration, _loop);
            StatementSyntax replacement;
            if (_hasResultsProperty)
            {
                replacement = WithAwait(_loop.WithExpression(SyntaxFactory.ParseExpression(enumerable).WithTriviaFrom(_loop.Expression)))
                    .WithLeadingTrivia(leading);
            }
            else
            {
                string page = names.Local(_loop, "page");
                ForEachStatementSyntax inner = _loop.WithExpression(SyntaxFactory.ParseExpression(page + "." + _property).WithTriviaFrom(_loop.Expression))
                    .WithoutLeadingTrivia().WithoutTrailingTrivia();
                string indent = SourceLayout.Indentation(_loop);
                string unit = SourceLayout.IndentationUnit(_loop, indent);
                string endOfLine = SourceLayout.EndOfLine(_loop);
                string innerText = inner.ToFullString().Replace(endOfLine, endOfLine + unit);
                string text = (_await ? "await " : string.Empty) + "foreach (var " + page + " in " + enumerable + ")" + endOfLine
                    + indent + "{" + endOfLine
                    + indent + unit + innerText + endOfLine
                    + indent + "}";
                replacement = SyntaxFactory.ParseStatement(text).WithLeadingTrivia(leading).WithTrailingTrivia(_loop.GetTrailingTrivia());
            }

            editor.ReplaceNode(_loop, replacement);
            if (_declaration is not null)
            {
                editor.RemoveNode(_declaration, SyntaxRemoveOptions.KeepNoTrivia);
            }

            if (_needsTasksNamespace)
            {
                editor.ReplaceNode(editor.OriginalRoot, (node, _) => node is CompilationUnitSyntax unit ? UsingDirectives.Add(unit, "System.Threading.Tasks") : node);
            }
        }

        private ForEachStatementSyntax WithAwait(ForEachStatementSyntax loop) =>
            _await
                ? loop.WithAwaitKeyword(SyntaxFactory.Token(loop.ForEachKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)))
                    .WithForEachKeyword(loop.ForEachKeyword.WithLeadingTrivia())
                : loop;

        /// <summary>The removed declaration's comments above the loop's own.</summary>
        private static SyntaxTriviaList MergedLeadingTrivia(StatementSyntax removed, StatementSyntax kept)
        {
            SyntaxTriviaList removedTrivia = removed.GetLeadingTrivia();
            SyntaxTriviaList keptTrivia = kept.GetLeadingTrivia();
            bool keptHasComments = keptTrivia.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia) || t.IsDirective);
            if (!keptHasComments)
            {
                return removedTrivia;
            }

            int end = removedTrivia.Count;
            while (end > 0 && removedTrivia[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                end--;
            }

            return SyntaxFactory.TriviaList(removedTrivia.Take(end).Concat(keptTrivia.SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia))));
        }
    }

    /// <summary>
    /// A token-paged call on a request the method creates, with the statements that use the response, wrapped in a
    /// <c>do … while</c> that sends the response's token with the request until there is none. Kinesis
    /// <c>ListShards</c> rejects a request that names the stream and carries a token, so the stream name is cleared
    /// after the first page.
    /// </summary>
    private sealed class TokenLoopSite
    {
        /// <summary>ListShards members that may not be sent with <c>NextToken</c> and that the fix does not clear.</summary>
        private static readonly string[] s_listShardsStartMembers = ["ExclusiveStartShardId", "StreamCreationTimestamp", "ShardFilter"];

        private readonly BlockSyntax _block;
        private readonly int _first;
        private readonly int _last;
        private readonly string _request;
        private readonly string _response;
        private readonly string _inputToken;
        private readonly string _outputToken;
        private readonly bool _stringToken;
        private readonly bool _clearsStreamName;

        private TokenLoopSite(
            BlockSyntax block, int first, int last, string request, string response, string inputToken, string outputToken, bool stringToken, bool clearsStreamName)
        {
            _block = block;
            _first = first;
            _last = last;
            _request = request;
            _response = response;
            _inputToken = inputToken;
            _outputToken = outputToken;
            _stringToken = stringToken;
            _clearsStreamName = clearsStreamName;
        }

        public static TokenLoopSite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (PagedCall(root, diagnostic, out _) is not { ArgumentList.Arguments: { Count: > 0 } arguments } invocation
                || arguments[0].Expression is not IdentifierNameSyntax requestName
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || PagedOperations.For(KnownTypes.For(model.Compilation)) is not { } operations
                || operations.Find(method) is not { InputTokens.Length: 1, OutputTokens.Length: 1 } operation
                || (operation.Kind == PagingKind.Paginator && PaginatorSite.IsUsable(method, operation.Name, root))
                || model.GetSymbolInfo(requestName, cancellationToken).Symbol is not ILocalSymbol requestLocal
                || !IsCreatedAndKept(requestLocal, model, cancellationToken))
            {
                return null;
            }

            // `var response = [await] call…;`, a statement of a block.
            SyntaxNode value = invocation;
            while (value.Parent is AwaitExpressionSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" })
            {
                value = value.Parent;
            }

            if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration }
                || declaration.UsingKeyword.IsKind(SyntaxKind.None) is false
                || declaration.Parent is not BlockSyntax block
                || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol responseLocal)
            {
                return null;
            }

            string inputToken = operation.InputTokens[0];
            string outputToken = operation.OutputTokens[0];
            if (FindProperty(operation.Request, inputToken) is not { SetMethod: not null } input
                || FindProperty(operation.Response, outputToken) is not { } output
                || !SymbolEqualityComparer.Default.Equals(input.Type, output.Type))
            {
                return null;
            }

            bool stringToken = input.Type.SpecialType == SpecialType.System_String;
            if (!stringToken && FindProperty(input.Type, "Count") is null)
            {
                return null;
            }

            bool clearsStreamName = operation.Name == "ListShards";
            if (clearsStreamName && (FindProperty(operation.Request, "StreamName") is not { SetMethod: not null } || SetsAny(block, operation.Request, s_listShardsStartMembers, model, cancellationToken)))
            {
                return null;
            }

            // The statements that use the response: from the call to the last one that reads it.
            int first = block.Statements.IndexOf(declaration);
            int last = first;
            for (int index = first + 1; index < block.Statements.Count; index++)
            {
                if (References(block.Statements[index], responseLocal, model, cancellationToken))
                {
                    last = index;
                }
            }

            for (int index = first; index <= last; index++)
            {
                if (!CanRepeat(block.Statements[index], model, block, last, cancellationToken))
                {
                    return null;
                }
            }

            return new TokenLoopSite(
                block, first, last, requestName.Identifier.ValueText, declarator.Identifier.ValueText, inputToken, outputToken, stringToken, clearsStreamName);
        }

        /// <summary>The request is a local made here (<c>new …Request { … }</c>) that is never given another value.</summary>
        private static bool IsCreatedAndKept(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            if (local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax } declarator
                || declarator.FirstAncestorOrSelf<BlockSyntax>() is not { } scope)
            {
                return false;
            }

            foreach (AssignmentExpressionSyntax assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is IdentifierNameSyntax target && target.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target, cancellationToken).Symbol, local))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SetsAny(SyntaxNode scope, INamedTypeSymbol request, string[] names, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (AssignmentExpressionSyntax assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IPropertySymbol property
                    && names.Contains(property.Name)
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType, request))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool References(SyntaxNode node, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken) =>
            node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(identifier =>
                identifier.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local));

        /// <summary>
        /// A statement that can run once per page: it leaves the loop only by its end (no <c>return</c>, <c>yield</c>,
        /// <c>goto</c>, nor a <c>break</c>/<c>continue</c> that would now bind to the new loop), keeps no local that code
        /// after the loop reads, and holds no string literal that spans lines (whose text re-indenting would change).
        /// </summary>
        private static bool CanRepeat(StatementSyntax statement, SemanticModel model, BlockSyntax block, int last, CancellationToken cancellationToken)
        {
            foreach (SyntaxNode node in statement.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                switch (node)
                {
                    case ReturnStatementSyntax or YieldStatementSyntax or GotoStatementSyntax:
                        return false;
                    case BreakStatementSyntax or ContinueStatementSyntax
                        when !node.Ancestors().TakeWhile(a => a != statement.Parent).Any(a => a is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchStatementSyntax):
                        return false;
                    case VariableDeclaratorSyntax declarator when node.Parent?.Parent is LocalDeclarationStatementSyntax local && local.Parent == block
                        && model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol declared
                        && block.Statements.Skip(last + 1).Any(after => References(after, declared, model, cancellationToken)):
                        return false;
                }
            }

            return !statement.DescendantTokens().Any(t =>
                (t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken))
                && t.ToString().Contains("\n"));
        }

        public void Apply(DocumentEditor editor)
        {
            StatementSyntax first = _block.Statements[_first];
            StatementSyntax last = _block.Statements[_last];
            string indent = SourceLayout.Indentation(first);
            string unit = SourceLayout.IndentationUnit(first, indent);
            string endOfLine = SourceLayout.EndOfLine(first);
            string body = first.SyntaxTree.GetText().ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(first.SpanStart, last.Span.End));

            var text = new System.Text.StringBuilder();
            text.Append("do").Append(endOfLine).Append(indent).Append('{').Append(endOfLine);
            string[] lines = body.Split(new[] { endOfLine }, System.StringSplitOptions.None);
            for (int index = 0; index < lines.Length; index++)
            {
                if (lines[index].Length > 0)
                {
                    text.Append(index == 0 ? indent + unit : unit).Append(lines[index]);
                }

                text.Append(endOfLine);
            }

            string next = _request + "." + _inputToken;
            text.Append(indent).Append(unit).Append(next).Append(" = ").Append(_response).Append('.').Append(_outputToken).Append(';').Append(endOfLine);
            if (_clearsStreamName)
            {
                text.Append(indent).Append(unit).Append(_request).Append(".StreamName = null;").Append(endOfLine);
            }

            text.Append(indent).Append('}').Append(endOfLine)
                .Append(indent).Append("while (").Append(_stringToken ? "!string.IsNullOrEmpty(" + next + ")" : next + "?.Count > 0").Append(");");

            StatementSyntax loop = SyntaxFactory.ParseStatement(text.ToString())
                .WithLeadingTrivia(first.GetLeadingTrivia())
                .WithTrailingTrivia(last.GetTrailingTrivia());
            editor.ReplaceNode(first, loop);
            for (int index = _first + 1; index <= _last; index++)
            {
                editor.RemoveNode(_block.Statements[index], SyntaxRemoveOptions.KeepNoTrivia);
            }
        }
    }
}
