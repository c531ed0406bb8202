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
            if (!diagnostic.Properties.TryGetValue(AWS007PageReadOnceAnalyzer.OperationKey, out string? operation)
                || operation is null
                || operation == AWS007PageReadOnceAnalyzer.SearchOperation
                || ReportedCall(root, diagnostic) is not { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } invocation
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
            IPropertySymbol? results = Property(paginator, property);
            bool hasResultsProperty = results is not null;
            if ((results ?? Property(paginator, "Responses")) is not { Type: INamedTypeSymbol enumerable })
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

        private static IPropertySymbol? Property(ITypeSymbol type, string name)
        {
            foreach (ITypeSymbol candidate in new[] { type }.Concat(type.AllInterfaces))
            {
                if (candidate.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
                {
                    return property;
                }
            }

            return null;
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

    /// <summary>A token-paged call on a local request, wrapped in a <c>do … while</c> that carries the token.</summary>
    private sealed class TokenLoopSite
    {
        public static TokenLoopSite? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) => null;

        public void Apply(DocumentEditor editor)
        {
        }
    }
}
