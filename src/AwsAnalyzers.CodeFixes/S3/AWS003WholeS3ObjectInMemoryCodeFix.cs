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
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.S3;

/// <summary>
/// Fixes AWS003 by streaming the body instead of buffering it: a whole text split into lines becomes a
/// <c>ReadLine</c>/<c>ReadLineAsync</c> loop, a whole text deserialized as JSON is deserialized from the stream, and a
/// <c>MemoryStream</c> copy that is only read as a stream is replaced by the body stream itself.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS003WholeS3ObjectInMemoryCodeFix)), Shared]
public sealed class AWS003WholeS3ObjectInMemoryCodeFix : DocumentCodeFixProvider
{
    public const string ReadLinesEquivalenceKey = "AWS003.ReadLineByLine";
    public const string DeserializeFromStreamEquivalenceKey = "AWS003.DeserializeFromStream";
    public const string UseBodyStreamEquivalenceKey = "AWS003.UseBodyStream";

    public AWS003WholeS3ObjectInMemoryCodeFix()
        : base(AWS003WholeS3ObjectInMemoryAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        foreach ((string key, string titleResource) in s_fixes)
        {
            if (Plan(root, model, diagnostic, key, context.CancellationToken) is not null)
            {
                RegisterFix(context, diagnostic, FixTitles.Get(titleResource), key);
            }
        }
    }

    private static readonly (string Key, string TitleResource)[] s_fixes =
    {
        (ReadLinesEquivalenceKey, nameof(CodeFixResources.AWS003ReadLines)),
        (DeserializeFromStreamEquivalenceKey, nameof(CodeFixResources.AWS003DeserializeFromStream)),
        (UseBodyStreamEquivalenceKey, nameof(CodeFixResources.AWS003UseBodyStream)),
    };

    /// <summary>The statements a fix removes and the nodes it rewrites; rewrites see the node as earlier edits left it.</summary>
    private sealed class Edit
    {
        public List<SyntaxNode> Removals { get; } = new();

        public List<(SyntaxNode Target, Func<SyntaxNode, SyntaxNode> Rewrite)> Rewrites { get; } = new();
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

        var removals = new HashSet<SyntaxNode>();
        var rewrites = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (Plan(root, model, diagnostic, equivalenceKey, cancellationToken) is not { } edit
                || edit.Removals.Any(rewrites.ContainsKey)
                || edit.Rewrites.Any(r => removals.Contains(r.Target) || rewrites.ContainsKey(r.Target)))
            {
                continue;
            }

            removals.UnionWith(edit.Removals);
            foreach ((SyntaxNode target, Func<SyntaxNode, SyntaxNode> rewrite) in edit.Rewrites)
            {
                rewrites[target] = rewrite;
            }
        }

        if (removals.Count == 0 && rewrites.Count == 0)
        {
            return document;
        }

        SyntaxNode current = root.TrackNodes(removals.Concat(rewrites.Keys));

        // Innermost first, so an outer rewrite builds on the already rewritten inner nodes.
        foreach (KeyValuePair<SyntaxNode, Func<SyntaxNode, SyntaxNode>> rewrite in rewrites.OrderBy(r => r.Key.Span.Length))
        {
            if (current.GetCurrentNode(rewrite.Key) is { } node)
            {
                current = current.ReplaceNode(node, rewrite.Value(node));
            }
        }

        List<SyntaxNode> removed = removals.Select(n => current.GetCurrentNode(n)).OfType<SyntaxNode>().ToList();
        if (removed.Count > 0)
        {
            current = SyntaxRemoval.RemoveKeepingComments(current, removed);
        }

        return document.WithSyntaxRoot(current);
    }

    private static Edit? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(AWS003WholeS3ObjectInMemoryAnalyzer.SinkKey, out string? sink)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
            || invocation.Expression is not MemberAccessExpressionSyntax access)
        {
            return null;
        }

        return (equivalenceKey, sink) switch
        {
            (ReadLinesEquivalenceKey, AWS003WholeS3ObjectInMemoryAnalyzer.ReadToEndSink) => ReadLinesPlan(model, invocation, access, cancellationToken),
            (DeserializeFromStreamEquivalenceKey, AWS003WholeS3ObjectInMemoryAnalyzer.ReadToEndSink) => DeserializePlan(model, invocation, access, cancellationToken),
            (UseBodyStreamEquivalenceKey, AWS003WholeS3ObjectInMemoryAnalyzer.CopyToMemorySink) => UseBodyStreamPlan(model, invocation, access, cancellationToken),
            _ => null,
        };
    }

    // ---- Shared shape helpers ----

    /// <summary>The read with its <c>.ConfigureAwait(..)</c> and <c>await</c>, when it has them.</summary>
    private static ExpressionSyntax ReadValue(InvocationExpressionSyntax invocation)
    {
        ExpressionSyntax value = invocation;
        if (value.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure
            && configure.Expression == value
            && configure.Parent is InvocationExpressionSyntax configured)
        {
            value = configured;
        }

        if (value.Parent is AwaitExpressionSyntax awaited)
        {
            value = awaited;
        }

        return value;
    }

    /// <summary>The local declaration statement whose only variable is initialized with <paramref name="value"/>.</summary>
    private static LocalDeclarationStatementSyntax? DeclarationInitializedWith(ExpressionSyntax value, out VariableDeclaratorSyntax? declarator)
    {
        declarator = null;
        if (value.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable }
            && variable.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }
            && statement.UsingKeyword.IsKind(SyntaxKind.None)
            && !statement.IsConst
            && statement.Parent is BlockSyntax)
        {
            declarator = variable;
            return statement;
        }

        return null;
    }

    /// <summary>Every identifier in the enclosing member that names <paramref name="symbol"/>, declaration excluded.</summary>
    private static List<IdentifierNameSyntax> References(SemanticModel model, SyntaxNode scope, ISymbol symbol, CancellationToken cancellationToken) =>
        scope.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(name => name.Identifier.ValueText == symbol.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol))
            .ToList();

    private static SyntaxNode? EnclosingFunction(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax
            or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax);

    /// <summary>
    /// True when no statement of <paramref name="block"/> strictly between <paramref name="from"/> and
    /// <paramref name="to"/> mentions <paramref name="symbol"/>: moving the read later does not reorder it with other uses.
    /// </summary>
    private static bool UntouchedBetween(SemanticModel model, BlockSyntax block, StatementSyntax from, StatementSyntax to, ISymbol? symbol, CancellationToken cancellationToken)
    {
        if (symbol is null)
        {
            return true;
        }

        int start = block.Statements.IndexOf(from);
        int end = block.Statements.IndexOf(to);
        for (int i = start + 1; i < end; i++)
        {
            if (References(model, block.Statements[i], symbol, cancellationToken).Count > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The statement of <paramref name="block"/> that holds <paramref name="node"/>.</summary>
    private static StatementSyntax? StatementIn(BlockSyntax block, SyntaxNode node) =>
        node.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent == block);

    private static bool BindsToMethod(SemanticModel model, int position, ExpressionSyntax expression, out IMethodSymbol? method)
    {
        method = model.GetSpeculativeSymbolInfo(position, expression, SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;
        return method is not null;
    }

    /// <summary>The invocation with its method name replaced, keeping arguments and trivia.</summary>
    private static InvocationExpressionSyntax Renamed(InvocationExpressionSyntax invocation, string name)
    {
        var access = (MemberAccessExpressionSyntax)invocation.Expression;
        return invocation.WithExpression(access.WithName(SyntaxFactory.IdentifierName(name).WithTriviaFrom(access.Name)));
    }

    // ---- Fix 1: split into lines and looped over -> ReadLine loop ----

    private static Edit? ReadLinesPlan(SemanticModel model, InvocationExpressionSyntax read, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
    {
        if (((CSharpParseOptions)read.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
        {
            // `is { } line` needs C# 8.
            return null;
        }

        ExpressionSyntax value = ReadValue(read);
        if (DeclarationInitializedWith(value, out VariableDeclaratorSyntax? textDeclarator) is not { } textStatement
            || model.GetDeclaredSymbol(textDeclarator!, cancellationToken) is not ILocalSymbol text
            || textStatement.Parent is not BlockSyntax block)
        {
            return null;
        }

        List<IdentifierNameSyntax> textUses = References(model, block, text, cancellationToken);
        if (textUses.Count != 1
            || textUses[0].Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Split" } splitAccess
            || splitAccess.Expression != textUses[0]
            || splitAccess.Parent is not InvocationExpressionSyntax split
            || !IsSplitIntoLines(model, split, cancellationToken))
        {
            return null;
        }

        var edit = new Edit();
        edit.Removals.Add(textStatement);
        ForEachStatementSyntax? loop = split.Parent as ForEachStatementSyntax;
        if (loop is null
            && DeclarationInitializedWith(split, out VariableDeclaratorSyntax? linesDeclarator) is { } linesStatement
            && linesStatement.Parent == block
            && model.GetDeclaredSymbol(linesDeclarator!, cancellationToken) is ILocalSymbol lines
            && References(model, block, lines, cancellationToken) is { Count: 1 } linesUses)
        {
            loop = linesUses[0].Parent as ForEachStatementSyntax;
            edit.Removals.Add(linesStatement);
        }

        if (loop is null
            || loop.Parent != block
            || !loop.AwaitKeyword.IsKind(SyntaxKind.None)
            || block.Statements.IndexOf(loop) < block.Statements.IndexOf(textStatement)
            || !UntouchedBetween(model, block, textStatement, loop, model.GetSymbolInfo(access.Expression, cancellationToken).Symbol, cancellationToken)
            || access.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }))
        {
            return null;
        }

        string lineMethod = read.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ReadToEndAsync" } ? "ReadLineAsync" : "ReadLine";
        InvocationExpressionSyntax readLine = Renamed(read, lineMethod);
        if (!BindsToMethod(model, read.SpanStart, readLine.WithoutTrivia(), out IMethodSymbol? bound) || bound!.Name != lineMethod)
        {
            // ReadLineAsync(CancellationToken) only exists from .NET 7 on.
            return null;
        }

        ExpressionSyntax nextLine = value == read ? readLine : value.ReplaceNode(read, readLine);
        ExpressionSyntax condition = SyntaxFactory.ParseExpression($"{nextLine.WithoutTrivia()} is {{ }} {loop.Identifier.ValueText}");
        edit.Rewrites.Add((loop, current =>
        {
            var foreachLoop = (ForEachStatementSyntax)current;
            return SyntaxFactory.WhileStatement(
                    foreachLoop.AttributeLists,
                    SyntaxFactory.Token(SyntaxKind.WhileKeyword).WithTriviaFrom(foreachLoop.ForEachKeyword),
                    foreachLoop.OpenParenToken,
                    condition,
                    foreachLoop.CloseParenToken,
                    foreachLoop.Statement)
                .WithTriviaFrom(foreachLoop);
        }));
        return edit;
    }

    /// <summary><c>text.Split(...)</c> on newline separators only, without options that drop or trim entries.</summary>
    private static bool IsSplitIntoLines(SemanticModel model, InvocationExpressionSyntax split, CancellationToken cancellationToken)
    {
        if (model.GetOperation(split, cancellationToken) is not IInvocationOperation { TargetMethod: { Name: "Split", ContainingType.SpecialType: SpecialType.System_String } } operation)
        {
            return false;
        }

        bool hasSeparator = false;
        foreach (IArgumentOperation argument in operation.Arguments)
        {
            if (argument.Parameter?.Type.TypeKind == TypeKind.Enum)
            {
                // StringSplitOptions.None only: RemoveEmptyEntries and TrimEntries change which lines the loop sees.
                if (argument.Value.ConstantValue is not { HasValue: true, Value: 0 })
                {
                    return false;
                }

                continue;
            }

            if (!AreNewlines(argument.Value))
            {
                return false;
            }

            hasSeparator = true;
        }

        return hasSeparator;
    }

    private static bool AreNewlines(IOperation separator)
    {
        separator = separator.WalkDownConversions();
        switch (separator)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.Length > 0 && initializer.ElementValues.All(AreNewlines);
            case IPropertyReferenceOperation { Property: { Name: "NewLine", ContainingType.Name: "Environment" } }:
                return true;
            default:
                return separator.ConstantValue is { HasValue: true, Value: '\n' or '\r' or "\n" or "\r\n" or "\r" };
        }
    }

    // ---- Fix 2: whole text deserialized as JSON -> deserialize from the stream ----

    private static Edit? DeserializePlan(SemanticModel model, InvocationExpressionSyntax read, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
    {
        ExpressionSyntax value = ReadValue(read);
        var edit = new Edit();
        InvocationExpressionSyntax? deserialize = DeserializeCallTaking(value);
        if (deserialize is null
            && DeclarationInitializedWith(value, out VariableDeclaratorSyntax? jsonDeclarator) is { Parent: BlockSyntax block } jsonStatement
            && model.GetDeclaredSymbol(jsonDeclarator!, cancellationToken) is ILocalSymbol json
            && References(model, block, json, cancellationToken) is { Count: 1 } jsonUses
            && DeserializeCallTaking(jsonUses[0]) is { } later
            && StatementIn(block, later) is { } laterStatement
            && EnclosingFunction(later) == EnclosingFunction(read)
            && !later.Ancestors().TakeWhile(a => a != block).Any(a => a is LockStatementSyntax or QueryExpressionSyntax)
            && UntouchedBetween(model, block, jsonStatement, laterStatement, model.GetSymbolInfo(access.Expression, cancellationToken).Symbol, cancellationToken))
        {
            deserialize = later;
            edit.Removals.Add(jsonStatement);
        }

        if (deserialize is null
            || model.GetSymbolInfo(deserialize, cancellationToken).Symbol is not IMethodSymbol method
            || method.Parameters.IsEmpty
            || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        ExpressionSyntax? replacement = method.ContainingType.ToDisplayString() switch
        {
            "System.Text.Json.JsonSerializer" when method.Name == "Deserialize" => SystemTextJsonCall(model, read, access, value, deserialize, cancellationToken),
            "Newtonsoft.Json.JsonConvert" when method.Name == "DeserializeObject" && value is not AwaitExpressionSyntax => NewtonsoftCall(model, access, deserialize, method),
            _ => null,
        };

        if (replacement is null)
        {
            return null;
        }

        if (replacement is AwaitExpressionSyntax && NeedsParentheses(deserialize))
        {
            replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }

        edit.Rewrites.Add((deserialize, current => replacement.WithTriviaFrom(current)));
        return edit;
    }

    /// <summary>The deserialize call whose first argument is <paramref name="json"/>.</summary>
    private static InvocationExpressionSyntax? DeserializeCallTaking(ExpressionSyntax json) =>
        json.Parent is ArgumentSyntax { NameColon: null, RefKindKeyword.RawKind: 0 } argument
        && argument.Parent is ArgumentListSyntax list
        && list.Arguments.IndexOf(argument) == 0
        && list.Parent is InvocationExpressionSyntax call
            ? call
            : null;

    private static ExpressionSyntax? SystemTextJsonCall(
        SemanticModel model, InvocationExpressionSyntax read, MemberAccessExpressionSyntax access, ExpressionSyntax value,
        InvocationExpressionSyntax deserialize, CancellationToken cancellationToken)
    {
        if (ReaderStream(model, access.Expression, cancellationToken) is not { } stream)
        {
            return null;
        }

        ArgumentSyntax streamArgument = SyntaxFactory.Argument(stream.WithoutTrivia());
        SeparatedSyntaxList<ArgumentSyntax> arguments = deserialize.ArgumentList.Arguments.Replace(
            deserialize.ArgumentList.Arguments[0], streamArgument.WithTriviaFrom(deserialize.ArgumentList.Arguments[0]));
        bool isAsync = value is AwaitExpressionSyntax;
        if (!isAsync)
        {
            InvocationExpressionSyntax fromStream = deserialize.WithArgumentList(deserialize.ArgumentList.WithArguments(arguments));
            return BindsToMethod(model, deserialize.SpanStart, fromStream, out _) ? fromStream.WithoutTrivia() : null;
        }

        if (read.ArgumentList.Arguments.Count == 1)
        {
            // Keep the read's cancellation token.
            arguments = arguments.Add(SyntaxFactory.Argument(
                SyntaxFactory.NameColon("cancellationToken"), default, read.ArgumentList.Arguments[0].Expression.WithoutTrivia()));
        }

        ExpressionSyntax? callee = deserialize.Expression switch
        {
            MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } member => member.WithName(generic.WithIdentifier(SyntaxFactory.Identifier("DeserializeAsync"))),
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } member => member.WithName(SyntaxFactory.IdentifierName("DeserializeAsync")),
            _ => null,
        };
        if (callee is null)
        {
            return null;
        }

        InvocationExpressionSyntax asyncCall = SyntaxFactory.InvocationExpression(callee, SyntaxFactory.ArgumentList(arguments)).WithoutTrivia();
        if (!BindsToMethod(model, deserialize.SpanStart, asyncCall, out IMethodSymbol? bound) || bound!.Name != "DeserializeAsync")
        {
            return null;
        }

        ExpressionSyntax awaited = asyncCall;
        if (((AwaitExpressionSyntax)value).Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } } configure
            && configure != read)
        {
            awaited = configure.WithExpression(((MemberAccessExpressionSyntax)configure.Expression).WithExpression(asyncCall)).WithoutTrivia();
        }

        return SyntaxFactory.AwaitExpression(awaited).NormalizeWhitespace();
    }

    /// <summary>
    /// The stream under a <c>StreamReader</c> that decodes UTF-8 (the only encoding System.Text.Json reads), written
    /// as a simple name or member access so it can be repeated without side effects.
    /// </summary>
    private static ExpressionSyntax? ReaderStream(SemanticModel model, ExpressionSyntax reader, CancellationToken cancellationToken)
    {
        ExpressionSyntax? creation = reader;
        if (reader is IdentifierNameSyntax
            && model.GetSymbolInfo(reader, cancellationToken).Symbol is ILocalSymbol { DeclaringSyntaxReferences.Length: 1 } local
            && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initial })
        {
            creation = initial;
        }

        if (model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation { Type.Name: "StreamReader" } operation)
        {
            return null;
        }

        ExpressionSyntax? stream = null;
        foreach (IArgumentOperation argument in operation.Arguments)
        {
            ITypeSymbol? type = argument.Parameter?.Type;
            if (type?.Name == "Stream")
            {
                stream = argument.Value.WalkDownConversions().Syntax as ExpressionSyntax;
            }
            else if (type?.Name == "Encoding" && argument.Value.WalkDownConversions() is not IPropertyReferenceOperation { Property.Name: "UTF8" })
            {
                return null;
            }
        }

        return stream is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax } ? stream : null;
    }

    private static ExpressionSyntax? NewtonsoftCall(SemanticModel model, MemberAccessExpressionSyntax access, InvocationExpressionSyntax deserialize, IMethodSymbol method)
    {
        int position = deserialize.SpanStart;
        string serializerType = UsingDirectives.Binds(model, position, "JsonSerializer", "Newtonsoft.Json.JsonSerializer") ? "JsonSerializer" : "global::Newtonsoft.Json.JsonSerializer";
        string readerType = UsingDirectives.Binds(model, position, "JsonTextReader", "Newtonsoft.Json.JsonTextReader") ? "JsonTextReader" : "global::Newtonsoft.Json.JsonTextReader";
        SeparatedSyntaxList<ArgumentSyntax> arguments = deserialize.ArgumentList.Arguments;
        string? settings = null;
        string? type = null;
        for (int i = 1; i < method.Parameters.Length; i++)
        {
            string argument = arguments[i].Expression.WithoutTrivia().ToString();
            switch (method.Parameters[i].Type.ToDisplayString())
            {
                case "Newtonsoft.Json.JsonSerializerSettings" or "Newtonsoft.Json.JsonSerializerSettings?":
                    settings = argument;
                    break;
                case "System.Type":
                    type = argument;
                    break;
                default:
                    // Converter arrays and other overloads have no one-to-one serializer call.
                    return null;
            }
        }

        if (arguments.Count != method.Parameters.Length || arguments.Any(a => a.NameColon is not null))
        {
            return null;
        }

        string typeArguments = method.IsGenericMethod && deserialize.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic }
            ? generic.TypeArgumentList.ToString()
            : string.Empty;
        if (method.IsGenericMethod && typeArguments.Length == 0)
        {
            return null;
        }

        string jsonReader = $"new {readerType}({access.Expression.WithoutTrivia()})";
        string call = $"{serializerType}.CreateDefault({settings}).Deserialize{typeArguments}({jsonReader}{(type is null ? string.Empty : ", " + type)})";
        ExpressionSyntax expression = SyntaxFactory.ParseExpression(call);
        return BindsToMethod(model, position, expression, out _) ? expression : null;
    }

    private static bool NeedsParentheses(ExpressionSyntax replaced) =>
        replaced.Parent is MemberAccessExpressionSyntax or ConditionalAccessExpressionSyntax or ElementAccessExpressionSyntax
            or PostfixUnaryExpressionSyntax or InvocationExpressionSyntax;

    // ---- Fix 3: MemoryStream copy only read as a stream -> the body stream ----

    private static Edit? UseBodyStreamPlan(SemanticModel model, InvocationExpressionSyntax copy, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
    {
        ExpressionSyntax source = access.Expression;
        if (source is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax })
            || ReadValue(copy).Parent is not ExpressionStatementSyntax { Parent: BlockSyntax block } copyStatement
            || copy.ArgumentList.Arguments.FirstOrDefault()?.Expression is not IdentifierNameSyntax destination
            || model.GetSymbolInfo(destination, cancellationToken).Symbol is not ILocalSymbol memory
            || memory.DeclaringSyntaxReferences.Length != 1
            || memory.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax memoryStatement }
            || memoryStatement.Parent != block
            || model.GetOperation(initial, cancellationToken) is not IObjectCreationOperation { Type.Name: "MemoryStream", Arguments.Length: 0 or 1 } creation
            || creation.Arguments.Any(a => a.Parameter?.Type.SpecialType != SpecialType.System_Int32)
            || EnclosingFunction(copy) is not { } function)
        {
            return null;
        }

        var edit = new Edit();
        edit.Removals.Add(memoryStatement);
        edit.Removals.Add(copyStatement);
        int readers = 0;
        foreach (IdentifierNameSyntax use in References(model, function, memory, cancellationToken))
        {
            if (use == destination)
            {
                continue;
            }

            if (use.SpanStart < copyStatement.Span.End || EnclosingFunction(use) != function || StatementIn(block, use) is null)
            {
                return null;
            }

            if (RewindStatement(model, use, cancellationToken) is { } rewind)
            {
                edit.Removals.Add(rewind);
            }
            else if (use.Parent is ArgumentSyntax argument
                && model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter.Type: { Name: "Stream", ContainingNamespace.Name: "IO" } }
                && !Escapes(use, block))
            {
                edit.Rewrites.Add((use, current => source.WithoutTrivia().WithTriviaFrom(current)));
                readers++;
            }
            else
            {
                // ToArray, Length, GetBuffer, writes: the copy is used as memory, not only as a stream.
                return null;
            }
        }

        return readers > 0 ? edit : null;
    }

    /// <summary>
    /// True when what the stream is given to may leave the block (returned, yielded, thrown or stored outside a local):
    /// the copy outlived the body, which the response's <c>using</c> disposes at the end of the block. An awaited call
    /// (<c>return await JsonSerializer.DeserializeAsync&lt;T&gt;(memory)</c>) has finished reading when it returns.
    /// </summary>
    private static bool Escapes(SyntaxNode use, BlockSyntax block) =>
        !(use.Parent?.Parent?.Parent is InvocationExpressionSyntax consumer && ReadValue(consumer) is AwaitExpressionSyntax)
        && use.Ancestors().TakeWhile(a => a != block).Any(a =>
            a is ReturnStatementSyntax or YieldStatementSyntax or ThrowStatementSyntax or ThrowExpressionSyntax or ArrowExpressionClauseSyntax
            || (a is AssignmentExpressionSyntax assignment && assignment.Left is not IdentifierNameSyntax));

    /// <summary><c>memory.Position = 0;</c> or <c>memory.Seek(0, SeekOrigin.Begin);</c> as a statement of its own.</summary>
    private static StatementSyntax? RewindStatement(SemanticModel model, IdentifierNameSyntax use, CancellationToken cancellationToken)
    {
        if (use.Parent is not MemberAccessExpressionSyntax member || member.Expression != use)
        {
            return null;
        }

        if (member.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax positionStatement } assignment
            && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && assignment.Left == member
            && member.Name.Identifier.ValueText == "Position"
            && model.GetConstantValue(assignment.Right, cancellationToken) is { HasValue: true, Value: 0 or 0L })
        {
            return positionStatement;
        }

        if (member.Parent is InvocationExpressionSyntax { Parent: ExpressionStatementSyntax seekStatement, ArgumentList.Arguments.Count: 2 } seek
            && member.Name.Identifier.ValueText == "Seek"
            && model.GetConstantValue(seek.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: 0 or 0L }
            && model.GetConstantValue(seek.ArgumentList.Arguments[1].Expression, cancellationToken) is { HasValue: true, Value: 0 })
        {
            return seekStatement;
        }

        return null;
    }
}
