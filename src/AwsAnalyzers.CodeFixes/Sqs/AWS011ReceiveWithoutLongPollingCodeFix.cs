using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using AwsAnalyzers.Throttling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Sqs;

/// <summary>
/// Fixes AWS011 with long polling: <c>WaitTimeSeconds = 20</c> on the request the method builds (a constant 0 becomes
/// 20), or a request that sets it in place of the queue URL overload. Anything else in the loop (a delay) stays.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS011ReceiveWithoutLongPollingCodeFix)), Shared]
public sealed class AWS011ReceiveWithoutLongPollingCodeFix : DocumentCodeFixProvider
{
    public const string UseLongPollingEquivalenceKey = "AWS011.UseLongPolling";

    private static readonly string s_waitValue = AWS011ReceiveWithoutLongPollingAnalyzer.MaxWaitTimeSeconds.ToString(CultureInfo.InvariantCulture);

    public AWS011ReceiveWithoutLongPollingCodeFix()
        : base(AWS011ReceiveWithoutLongPollingAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (Edits(root, model, diagnostic, context.CancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS011UseLongPolling, UseLongPollingEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (equivalenceKey != UseLongPollingEquivalenceKey || root is null || model is null)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = new GeneratedTypeNames(model.Compilation, editor.Generator);
        var edited = new HashSet<SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (Edits(root, model, diagnostic, cancellationToken) is not { } nodes)
            {
                continue;
            }

            foreach (SyntaxNode node in nodes)
            {
                if (!edited.Add(node))
                {
                    continue;
                }

                switch (node)
                {
                    case ArgumentSyntax queueUrl:
                        editor.ReplaceNode(queueUrl, RequestFor(queueUrl, types));
                        break;
                    case BaseObjectCreationExpressionSyntax creation:
                        editor.ReplaceNode(creation, WithWait(creation));
                        break;
                    case ExpressionSyntax zero:
                        editor.ReplaceNode(zero, SyntaxFactory.ParseExpression(s_waitValue).WithTriviaFrom(zero));
                        break;
                }
            }
        }

        return edited.Count == 0 ? document : editor.GetChangedDocument();
    }

    /// <summary>
    /// The nodes one diagnostic's fix rewrites: the queue URL argument, the constant 0 values written to the wait, or
    /// the request creation that never sets it. Null when the diagnostic has no fix: among others, when the client's own
    /// config times out a 20-second wait.
    /// </summary>
    private static IReadOnlyList<SyntaxNode>? Edits(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(AWS011ReceiveWithoutLongPollingAnalyzer.ShapeKey, out string? shape)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax receive
            || ClientTimesOutLongWait(receive, model, cancellationToken))
        {
            return null;
        }

        if (shape == AWS011ReceiveWithoutLongPollingAnalyzer.QueueUrlShape)
        {
            return receive.ArgumentList.Arguments is { Count: > 0 } arguments ? new SyntaxNode[] { arguments[0] } : null;
        }

        IReadOnlyList<Location> locations = diagnostic.AdditionalLocations;
        if (locations.Count == 0 || locations.Any(l => l.SourceTree != root.SyntaxTree))
        {
            return null;
        }

        if (locations.Count == 1)
        {
            return root.FindNode(locations[0].SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax creation
                ? new SyntaxNode[] { creation }
                : null;
        }

        var zeros = new List<SyntaxNode>();
        foreach (Location zero in locations.Skip(1))
        {
            if (root.FindNode(zero.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                return null;
            }

            zeros.Add(value);
        }

        return zeros;
    }

    /// <summary><c>queueUrl</c> becomes <c>new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 20 }</c>.</summary>
    private static ArgumentSyntax RequestFor(ArgumentSyntax queueUrl, GeneratedTypeNames types)
    {
        string typeName = types.Name(AWS011ReceiveWithoutLongPollingAnalyzer.ReceiveMessageRequestName);
        var request = (ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression(
            "new " + typeName + " { QueueUrl = url, " + AWS011ReceiveWithoutLongPollingAnalyzer.WaitTimeSecondsProperty + " = " + s_waitValue + " }");
        IdentifierNameSyntax placeholder = request.DescendantNodes().OfType<IdentifierNameSyntax>().Single(n => n.Identifier.ValueText == "url");
        request = request.ReplaceNode(placeholder, queueUrl.Expression.WithoutTrivia());
        ArgumentSyntax argument = queueUrl.WithExpression(types.Annotate(request).WithTriviaFrom(queueUrl.Expression));
        return queueUrl.NameColon is { } name
            ? argument.WithNameColon(name.WithName(SyntaxFactory.IdentifierName("request").WithTriviaFrom(name.Name)))
            : argument;
    }

    /// <summary>The creation with <c>WaitTimeSeconds = 20</c> added to its initializer, laid out like its other elements.</summary>
    private static BaseObjectCreationExpressionSyntax WithWait(BaseObjectCreationExpressionSyntax creation)
    {
        var wait = (ExpressionSyntax)SyntaxFactory.ParseExpression(
            AWS011ReceiveWithoutLongPollingAnalyzer.WaitTimeSecondsProperty + " = " + s_waitValue);
        if (creation.Initializer is not { } initializer)
        {
            InitializerExpressionSyntax added = SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.SingletonSeparatedList(wait),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));
            BaseObjectCreationExpressionSyntax bare = creation.WithoutTrailingTrivia();
            if (bare is ObjectCreationExpressionSyntax { ArgumentList: null } named)
            {
                // `new T` with neither parentheses nor initializer is not C#; the analyzer never sees it, but keep the type.
                bare = named.WithType(named.Type.WithoutTrailingTrivia());
            }

            return bare.WithInitializer(added).WithTrailingTrivia(creation.GetTrailingTrivia());
        }

        SeparatedSyntaxList<ExpressionSyntax> elements = initializer.Expressions;
        if (elements.Count == 0)
        {
            return creation.WithInitializer(initializer
                .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space))
                .WithExpressions(SyntaxFactory.SingletonSeparatedList(wait))
                .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Space)));
        }

        ExpressionSyntax last = elements[elements.Count - 1];
        var nodes = new List<SyntaxNodeOrToken>();
        for (int i = 0; i < elements.Count; i++)
        {
            nodes.Add(i == elements.Count - 1 && elements.SeparatorCount < elements.Count ? last.WithoutTrailingTrivia() : elements[i]);
            if (i < elements.SeparatorCount)
            {
                nodes.Add(elements.GetSeparator(i));
            }
        }

        if (elements.SeparatorCount < elements.Count)
        {
            // `{ A = a }` or a last element without a comma: the comma takes the element's line end or space.
            nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(last.GetTrailingTrivia()));
            nodes.Add(wait.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia()));
        }
        else
        {
            // A trailing comma: the new element gets one too, with the same line end.
            SyntaxToken lastComma = elements.GetSeparator(elements.SeparatorCount - 1);
            nodes.Add(wait.WithLeadingTrivia(last.GetLeadingTrivia()));
            nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastComma.TrailingTrivia));
        }

        return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(nodes)));
    }

    /// <summary>
    /// The client's own config, created where the code shows it, sets a <c>Timeout</c> of 20 seconds or less (or one
    /// we cannot read): a 20-second wait would then end in a timeout instead of an empty answer.
    /// </summary>
    private static bool ClientTimesOutLongWait(InvocationExpressionSyntax receive, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(receive, cancellationToken) is not IInvocationOperation invocation
            || ClientConfigWrites.EditableConfigOf(
                invocation, model, KnownTypes.For(model.Compilation).Get(AWS005ThrottlingNotHandledAnalyzer.ClientConfigName), cancellationToken) is not { } config)
        {
            return false;
        }

        foreach (ExpressionSyntax timeout in ClientConfigWrites.Values(config, "Timeout"))
        {
            if (!(ClientConfigWrites.Milliseconds(timeout, model, cancellationToken) is { } milliseconds
                && milliseconds > AWS011ReceiveWithoutLongPollingAnalyzer.MaxWaitTimeSeconds * 1000))
            {
                return true;
            }
        }

        return false;
    }
}
