using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Core;

/// <summary>
/// The compilation's own source as the services that look past the code being analyzed read it: where a name is
/// written as an identifier (found by a text search, once per name, on first use) and the semantic model of any tree.
/// </summary>
/// <remarks>
/// A text search finds every tree that can mention a name in a few milliseconds for the whole compilation, without
/// walking one syntax node; only the tokens it finds are bound. That is what lets a rule ask "who calls this method"
/// or "where is the bootstrap called" from the action that reports, without a compilation-end pass.
/// </remarks>
internal sealed class SourceIndex
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxToken>> _occurrences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxToken>> _literals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    private SourceIndex(Compilation compilation) => _compilation = compilation;

    private static readonly ConditionalWeakTable<Compilation, SourceIndex> s_perCompilation = new();

    public static SourceIndex For(Compilation compilation) =>
        s_perCompilation.GetValue(compilation, static c => new SourceIndex(c));

    public Compilation Compilation => _compilation;

    /// <summary>
    /// The semantic model of <paramref name="tree"/>. Inside the analyzer driver the compilation carries the driver's
    /// caching model provider, so this is the model every analyzer of the tree shares, not a new one.
    /// </summary>
    public SemanticModel Model(SyntaxTree tree) =>
#pragma warning disable RS1030 // The driver's compilation hands out its cached model; a rule needs other trees' models for one call hop.
        _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    /// <summary>Every identifier token of the compilation's source whose value is <paramref name="name"/>, in tree and position order.</summary>
    public ImmutableArray<SyntaxToken> Occurrences(string name, CancellationToken cancellationToken)
    {
        if (_occurrences.TryGetValue(name, out ImmutableArray<SyntaxToken> found))
        {
            return found;
        }

        return _occurrences.GetOrAdd(name, Find(name, SyntaxKind.IdentifierToken, cancellationToken));
    }

    /// <summary>
    /// Every string literal token of the compilation's source whose value is exactly <paramref name="value"/> (an
    /// attribute name written as <c>"ReceiveMessageWaitTimeSeconds"</c>), in tree and position order.
    /// </summary>
    public ImmutableArray<SyntaxToken> StringLiterals(string value, CancellationToken cancellationToken)
    {
        if (_literals.TryGetValue(value, out ImmutableArray<SyntaxToken> found))
        {
            return found;
        }

        return _literals.GetOrAdd(value, Find(value, SyntaxKind.StringLiteralToken, cancellationToken));
    }

    private ImmutableArray<SyntaxToken> Find(string name, SyntaxKind kind, CancellationToken cancellationToken)
    {
        ImmutableArray<SyntaxToken>.Builder tokens = ImmutableArray.CreateBuilder<SyntaxToken>();
        foreach (SyntaxTree tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SourceText text = tree.GetText(cancellationToken);
            string source = text.ToString();
            int index = source.IndexOf(name, StringComparison.Ordinal);
            if (index < 0)
            {
                continue;
            }

            SyntaxNode root = tree.GetRoot(cancellationToken);
            for (; index >= 0; index = source.IndexOf(name, index + name.Length, StringComparison.Ordinal))
            {
                // Comments and strings are trivia or literals; a longer identifier starts elsewhere or has another value.
                // A literal's text starts one (`"`) or two (`@"`) characters before its value.
                SyntaxToken token = root.FindToken(index);
                if (token.IsKind(kind)
                    && index - token.SpanStart is >= 0 and <= 2
                    && token.ValueText == name)
                {
                    tokens.Add(token);
                }
            }
        }

        return tokens.ToImmutable();
    }
}
