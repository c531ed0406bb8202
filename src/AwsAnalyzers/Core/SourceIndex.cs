using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    /// <summary>The compilation's trees in order, and each one's position: the searches read the words by position, without a look-up per tree.</summary>
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly Dictionary<SyntaxTree, int> _treeIndex;
    private readonly TreeWords?[] _words;
    private TreesByWordTable? _treesByWord;
    private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<SyntaxNode>> _implicitCreations = new();

    /// <summary>
    /// The positions of the trees each type's parts are declared in, by type: every rule's type start asks for them, and
    /// reading the parts (<see cref="ISymbol.DeclaringSyntaxReferences"/> makes a new array on each call) and looking each
    /// tree up once per rule was most of what a type start cost, for 23 rules and every type of the project.
    /// </summary>
    private readonly ConcurrentDictionary<INamedTypeSymbol, int[]> _typeTrees = new(ReferenceComparer<INamedTypeSymbol>.Instance);

    /// <summary>
    /// Per rule's word set, what each tree (by position) answered <see cref="MayContainAny"/>. Every type asks once for
    /// each rule, thousands of questions a pass, and a dictionary keyed by tree and set took a lock and grew its table on
    /// every first answer; the answers are kept by position, written without one.
    /// </summary>
    private readonly ConcurrentDictionary<WordSet, TreeAnswers> _writtenByWords = new();

    private SourceIndex(Compilation compilation)
    {
        _compilation = compilation;
        _trees = ImmutableArray.CreateRange(compilation.SyntaxTrees);
        _treeIndex = new Dictionary<SyntaxTree, int>(_trees.Length);
        for (int i = 0; i < _trees.Length; i++)
        {
            _treeIndex[_trees[i]] = i;
        }

        _words = new TreeWords?[_trees.Length];
    }

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

    /// <summary>
    /// Every identifier token whose value is <paramref name="name"/> in the trees <paramref name="trees"/> holds, in the
    /// compilation's tree and position order: the answer of <see cref="Occurrences(string, CancellationToken)"/>
    /// restricted to those trees, for a name that can only be used inside one type (a private member).
    /// </summary>
    public ImmutableArray<SyntaxToken> Occurrences(string name, IReadOnlyCollection<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        if (_occurrences.TryGetValue(name, out ImmutableArray<SyntaxToken> everywhere))
        {
            ImmutableArray<SyntaxToken>.Builder inTrees = ImmutableArray.CreateBuilder<SyntaxToken>();
            foreach (SyntaxToken token in everywhere)
            {
                if (Contains(trees, token.SyntaxTree!))
                {
                    inTrees.Add(token);
                }
            }

            return inTrees.ToImmutable();
        }

        return Find(name, SyntaxKind.IdentifierToken, trees, cancellationToken);
    }

    /// <summary>
    /// The target-typed creations (<c>new()</c>, <c>new(args)</c>) of <paramref name="tree"/>, in position order: found
    /// once per tree, and only in a tree whose text can hold one.
    /// </summary>
    public ImmutableArray<SyntaxNode> ImplicitObjectCreations(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_implicitCreations.TryGetValue(tree, out ImmutableArray<SyntaxNode> found))
        {
            return found;
        }

        ImmutableArray<SyntaxNode> creations = ImmutableArray<SyntaxNode>.Empty;
        if (MayHoldImplicitCreation(Words(tree, cancellationToken).Source))
        {
            ImmutableArray<SyntaxNode>.Builder nodes = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is ImplicitObjectCreationExpressionSyntax)
                {
                    nodes.Add(node);
                }
            }

            creations = nodes.ToImmutable();
        }

        return _implicitCreations.GetOrAdd(tree, creations);
    }

    /// <summary>
    /// False when no <c>new</c> in the text is followed (past white space) by <c>(</c>, or by a comment or directive
    /// that could stand before one: the text then holds no target-typed creation.
    /// </summary>
    private static bool MayHoldImplicitCreation(string source)
    {
        for (int index = source.IndexOf("new", StringComparison.Ordinal); index >= 0; index = source.IndexOf("new", index + 3, StringComparison.Ordinal))
        {
            int next = index + 3;
            while (next < source.Length && char.IsWhiteSpace(source[next]))
            {
                next++;
            }

            if (next < source.Length && source[next] is '(' or '/' or '#')
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<SyntaxToken> Find(string name, SyntaxKind kind, CancellationToken cancellationToken) =>
        Find(name, kind, trees: null, cancellationToken);

    private ImmutableArray<SyntaxToken> Find(string name, SyntaxKind kind, IReadOnlyCollection<SyntaxTree>? trees, CancellationToken cancellationToken)
    {
        // Most names are found in one tree or none: the builder is made for the first token found.
        ImmutableArray<SyntaxToken>.Builder? tokens = null;
        int? wordHash = TreeWords.HashOfWord(name);
        if (trees is not null)
        {
            // A private member's search: only its type's trees, in the compilation's order.
            var indexes = new List<int>(trees.Count);
            foreach (SyntaxTree tree in trees)
            {
                if (_treeIndex.TryGetValue(tree, out int index) && !indexes.Contains(index))
                {
                    indexes.Add(index);
                }
            }

            indexes.Sort();
            foreach (int treeIndex in indexes)
            {
                FindInTree(treeIndex, name, wordHash, kind, ref tokens, cancellationToken);
            }
        }
        else if (wordHash is { } hash)
        {
            // Two rows of the compilation's word table name the trees that may hold the word: the other trees' words
            // are not read at all, which is what a search over a large project costs most (one look in memory each).
            List<int> candidates = TreesByWord(cancellationToken).TreesThatMayContain(hash);
            foreach (int treeIndex in candidates)
            {
                FindInTree(treeIndex, name, wordHash, kind, ref tokens, cancellationToken);
            }
        }
        else
        {
            for (int treeIndex = 0; treeIndex < _trees.Length; treeIndex++)
            {
                FindInTree(treeIndex, name, wordHash, kind, ref tokens, cancellationToken);
            }
        }

        return tokens?.ToImmutable() ?? ImmutableArray<SyntaxToken>.Empty;
    }

    private void FindInTree(int treeIndex, string name, int? wordHash, SyntaxKind kind, ref ImmutableArray<SyntaxToken>.Builder? tokens, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TreeWords words = Words(treeIndex, cancellationToken);
        if (wordHash is { } hash && !words.MayContain(hash))
        {
            return;
        }

        string source = words.Source;
        int index = source.IndexOf(name, StringComparison.Ordinal);
        if (index < 0)
        {
            return;
        }

        SyntaxNode root = _trees[treeIndex].GetRoot(cancellationToken);
        for (; index >= 0; index = source.IndexOf(name, index + name.Length, StringComparison.Ordinal))
        {
            // Comments and strings are trivia or literals; a longer identifier starts elsewhere or has another value.
            // A literal's text starts one (`"`) or two (`@"`) characters before its value.
            SyntaxToken token = root.FindToken(index);
            if (token.IsKind(kind)
                && index - token.SpanStart is >= 0 and <= 2
                && token.ValueText == name)
            {
                (tokens ??= ImmutableArray.CreateBuilder<SyntaxToken>()).Add(token);
            }
        }
    }

    /// <summary>The word table of the whole compilation, built at the first search that needs it, after every tree's words are read.</summary>
    private TreesByWordTable TreesByWord(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _treesByWord) is { } table)
        {
            return table;
        }

        var words = new TreeWords[_trees.Length];
        for (int treeIndex = 0; treeIndex < words.Length; treeIndex++)
        {
            words[treeIndex] = Words(treeIndex, cancellationToken);
        }

        // Two threads racing build equal tables; the first stored is kept.
        TreesByWordTable built = TreesByWordTable.Build(words);
        return Interlocked.CompareExchange(ref _treesByWord, built, null) ?? built;
    }

    /// <summary>The key the word index files <paramref name="name"/> under, or null when it is not a single word.</summary>
    public static int? KeyOfWord(string name) => TreeWords.HashOfWord(name);

    /// <summary>
    /// False when none of <paramref name="words"/> is written in <paramref name="tree"/>: the tree's word index (read
    /// once per tree, shared with the name searches) rules out most words, and the tree's text decides for the few
    /// whose bits are set, so that a rule whose callbacks are frequent (every invocation) and whose subject is rare (a
    /// paged call) skips the tree's other code. The text is searched for the name anywhere, comments included: never
    /// false where the word is written.
    /// </summary>
    public bool MayContainAny(SyntaxTree tree, WordSet words, CancellationToken cancellationToken)
    {
        if (words.MatchesEveryTree)
        {
            return true;
        }

        if (!_treeIndex.TryGetValue(tree, out int treeIndex))
        {
            // A tree outside the compilation has no place to keep its answer.
            return WritesAny(Words(tree, cancellationToken), words);
        }

        return Question(words).MayBeWrittenIn(treeIndex, cancellationToken);
    }

    /// <summary>
    /// The positions, in the compilation's tree order, of the trees that declare <paramref name="type"/>'s parts; -1 for a
    /// part in a tree outside the compilation. Read once per type for every rule that asks.
    /// </summary>
    public int[] TreesOf(INamedTypeSymbol type)
    {
        if (_typeTrees.TryGetValue(type, out int[]? trees))
        {
            return trees;
        }

        ImmutableArray<SyntaxReference> parts = type.DeclaringSyntaxReferences;
        trees = new int[parts.Length];
        for (int i = 0; i < trees.Length; i++)
        {
            trees[i] = _treeIndex.TryGetValue(parts[i].SyntaxTree, out int index) ? index : -1;
        }

        // Two threads racing on one type compute equal arrays; the first stored is kept.
        return _typeTrees.GetOrAdd(type, trees);
    }

    /// <summary>The tree at <paramref name="treeIndex"/>, a position <see cref="TreesOf"/> gave.</summary>
    public SyntaxTree Tree(int treeIndex) => _trees[treeIndex];

    /// <summary>The number of trees of the compilation: the positions <see cref="TreesOf"/> gives are below it.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>
    /// <see cref="MayContainAny(SyntaxTree, WordSet, CancellationToken)"/> for one word set asked of many trees by position:
    /// the answers of the set are looked up once, not once per question.
    /// </summary>
    public WordQuestion Question(WordSet words) =>
        new(this, words, words.MatchesEveryTree ? null : _writtenByWords.GetOrAdd(words, _ => new TreeAnswers(_trees.Length)));

    /// <summary>Whether one word set is written in a tree of the compilation, by the tree's position; answers are kept per set and shared.</summary>
    internal sealed class WordQuestion
    {
        private readonly SourceIndex _source;
        private readonly WordSet _words;
        private readonly TreeAnswers? _answers;

        public WordQuestion(SourceIndex source, WordSet words, TreeAnswers? answers)
        {
            _source = source;
            _words = words;
            _answers = answers;
        }

        /// <summary>False when none of the words is written in the tree at <paramref name="treeIndex"/> (a position of <see cref="TreesOf"/>).</summary>
        public bool MayBeWrittenIn(int treeIndex, CancellationToken cancellationToken)
        {
            if (_answers is null)
            {
                return true;
            }

            // Every type of the tree asks, for each rule: the text of a large file is searched once per rule.
            return _answers.Known(treeIndex) ?? _answers.Keep(treeIndex, WritesAny(_source.Words(treeIndex, cancellationToken), _words));
        }
    }

    /// <summary>
    /// One yes-or-no question's answer for each tree of the compilation, by position, kept for as long as the compilation:
    /// written without a lock, since two threads racing on one tree compute the same answer.
    /// </summary>
    internal sealed class TreeAnswers
    {
        private const byte No = 1;
        private const byte Yes = 2;

        private readonly byte[] _answers;

        public TreeAnswers(int treeCount) => _answers = new byte[treeCount];

        /// <summary>The answer kept for the tree, or null when it has not been asked.</summary>
        public bool? Known(int treeIndex) => Volatile.Read(ref _answers[treeIndex]) switch
        {
            Yes => true,
            No => false,
            _ => null,
        };

        /// <summary>Keeps <paramref name="answer"/> for the tree and returns it.</summary>
        public bool Keep(int treeIndex, bool answer)
        {
            Volatile.Write(ref _answers[treeIndex], answer ? Yes : No);
            return answer;
        }
    }

    private static bool WritesAny(TreeWords treeWords, WordSet words)
    {
        ImmutableArray<int> keys = words.Keys;
        for (int i = 0; i < keys.Length; i++)
        {
            if (treeWords.MayContain(keys[i]) && treeWords.Source.IndexOf(words.Names[i], StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The names of <paramref name="names"/> that hold none of the others (<c>GetJobRun</c> for <c>GetJobRun</c> and
    /// <c>GetJobRunAsync</c>): the texts <see cref="SpanMayContainAny"/> searches for, computed once per rule.
    /// </summary>
    public static ImmutableArray<string> SpanTexts(IEnumerable<string> names)
    {
        var distinct = new List<string>();
        foreach (string name in names)
        {
            if (!distinct.Contains(name))
            {
                distinct.Add(name);
            }
        }

        ImmutableArray<string>.Builder texts = ImmutableArray.CreateBuilder<string>();
        foreach (string name in distinct)
        {
            bool holdsAnother = false;
            foreach (string other in distinct)
            {
                holdsAnother |= other != name && name.IndexOf(other, StringComparison.Ordinal) >= 0;
            }

            if (!holdsAnother)
            {
                texts.Add(name);
            }
        }

        return texts.ToImmutable();
    }

    /// <summary>
    /// False when none of <paramref name="texts"/> (<see cref="SpanTexts"/>) is written anywhere in
    /// <paramref name="span"/> of <paramref name="tree"/>, in code, comment or string: a text search of the span, for a
    /// rule whose callback is on a frequent kind (every loop) and whose subject is a call the span must write.
    /// </summary>
    public bool SpanMayContainAny(SyntaxTree tree, TextSpan span, ImmutableArray<string> texts, CancellationToken cancellationToken)
    {
        string source = Words(tree, cancellationToken).Source;
        if (span.End > source.Length)
        {
            return true;
        }

        foreach (string text in texts)
        {
            if (source.IndexOf(text, span.Start, span.Length, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How many times <paramref name="text"/> is written in <paramref name="span"/> of <paramref name="tree"/>, in code,
    /// comment or string, counted up to <paramref name="limit"/>: a text search of the span, for a question whose
    /// answer needs the name written again (a later write of the same property) and which is otherwise not cheap.
    /// A span the text does not hold counts as <paramref name="limit"/>.
    /// </summary>
    public int CountInSpan(SyntaxTree tree, TextSpan span, string text, int limit, CancellationToken cancellationToken)
    {
        string source = Words(tree, cancellationToken).Source;
        if (span.End > source.Length || text.Length == 0)
        {
            return limit;
        }

        // A match lies wholly inside the span, so the search after it never starts past the span's end.
        int count = 0;
        for (int index = span.Start; count < limit; index += text.Length, count++)
        {
            index = source.IndexOf(text, index, span.End - index, StringComparison.Ordinal);
            if (index < 0)
            {
                break;
            }
        }

        return count;
    }

    private static bool Contains(IReadOnlyCollection<SyntaxTree> trees, SyntaxTree tree)
    {
        foreach (SyntaxTree candidate in trees)
        {
            if (candidate == tree)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of a tree of the compilation, read on first use (a tree from elsewhere is read each time and not kept).</summary>
    private TreeWords Words(SyntaxTree tree, CancellationToken cancellationToken) =>
        _treeIndex.TryGetValue(tree, out int index) ? Words(index, cancellationToken) : TreeWords.Read(tree.GetText(cancellationToken).ToString());

    private TreeWords Words(int treeIndex, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _words[treeIndex]) is { } words)
        {
            return words;
        }

        // Two threads racing on one tree read equal words; the first stored is kept.
        TreeWords read = TreeWords.Read(_trees[treeIndex].GetText(cancellationToken).ToString());
        return Interlocked.CompareExchange(ref _words[treeIndex], read, null) ?? read;
    }

    /// <summary>
    /// Which trees may hold each word, for the whole compilation: every tree's bit set folded to one size and turned on
    /// its side, one row of tree bits per bit position. A name's two positions give two rows, and their AND the trees to
    /// read; a search that asked each tree's own bit set touched one place in memory per tree, which on a large project
    /// was most of what a search cost. The table holds a kilobyte a tree.
    /// </summary>
    private sealed class TreesByWordTable
    {
        /// <summary>Bit positions per tree: a tree of a few hundred lines sets about one in ten.</summary>
        public const int Bits = 1 << 13;

        private const int WordsPerTree = Bits / 64;

        /// <summary><c>Bits</c> rows of <see cref="_groups"/> words each: bit <c>t % 64</c> of word <c>t / 64</c> of row <c>p</c> is set when tree <c>t</c>'s bit <c>p</c> is.</summary>
        private readonly ulong[] _rows;
        private readonly int _groups;

        private TreesByWordTable(ulong[] rows, int groups)
        {
            _rows = rows;
            _groups = groups;
        }

        public static TreesByWordTable Build(TreeWords[] words)
        {
            int groups = (words.Length + 63) / 64;
            var rows = new ulong[Bits * groups];
            var folded = new ulong[64 * WordsPerTree];
            var block = new ulong[64];
            for (int group = 0; group < groups; group++)
            {
                // The bit sets of 64 trees, one after the other, each folded to the table's size.
                Array.Clear(folded, 0, folded.Length);
                int first = group * 64;
                int count = Math.Min(64, words.Length - first);
                for (int i = 0; i < count; i++)
                {
                    words[first + i].FoldInto(folded, i * WordsPerTree, WordsPerTree);
                }

                // Each 64-tree by 64-position block turned over: word j then holds position (64 × word + j) of each tree.
                for (int word = 0; word < WordsPerTree; word++)
                {
                    for (int i = 0; i < 64; i++)
                    {
                        block[i] = folded[(i * WordsPerTree) + word];
                    }

                    BitMatrix.Transpose(block);
                    for (int j = 0; j < 64; j++)
                    {
                        rows[((word * 64) + j) * groups + group] = block[j];
                    }
                }
            }

            return new TreesByWordTable(rows, groups);
        }

        /// <summary>The indexes, in order, of the trees whose bits for <paramref name="hash"/> are both set.</summary>
        public List<int> TreesThatMayContain(int hash)
        {
            int firstRow = (TreeWords.First(hash) & (Bits - 1)) * _groups;
            int secondRow = (TreeWords.Second(hash) & (Bits - 1)) * _groups;
            var trees = new List<int>();
            for (int group = 0; group < _groups; group++)
            {
                for (ulong both = _rows[firstRow + group] & _rows[secondRow + group]; both != 0; both &= both - 1)
                {
                    trees.Add((group * 64) + BitMatrix.LowestSetBit(both));
                }
            }

            return trees;
        }
    }

    /// <summary>
    /// The text of one tree and a bit set of the hashes of the words written in it, read once: a name whose bits are not
    /// all set is not in the text, so the search skips the tree without looking at its text.
    /// </summary>
    /// <remarks>
    /// A word is a run of ASCII letters, digits and underscores; anything else (<c>@</c>, quotes, a Unicode escape, a
    /// non-ASCII letter) ends it. A name the search can find as a token starts and ends at word boundaries: an
    /// identifier or keyword token takes every letter and digit next to it, and a literal's value is between quotes.
    /// The one exception is an identifier written right after a number (<c>1Find</c>, which does not compile), so every
    /// run starting with a digit also adds the hash of each tail that starts with a letter or underscore.
    /// <para>
    /// A bit set (two bits a word; 8,192 bits, the word table's size, or about one bit per character of a longer text)
    /// rather than a set of hashes, with a key that costs two cheap steps a character: reading every tree is the first
    /// question's cost. A name that is not in the text finds both its bits set in about one tree in a hundred; the text
    /// search then finds nothing there.
    /// </para>
    /// </remarks>
    private sealed class TreeWords
    {
        /// <summary>A run starting with a digit longer than this makes the tree match every name, instead of adding its tails.</summary>
        private const int MaxNumberRun = 64;

        /// <summary>At least the word table's size, so that every tree's bit positions fold onto the table's (<see cref="FoldInto"/>).</summary>
        private const int MinBits = TreesByWordTable.Bits;
        private const int MaxBits = 1 << 22;

        private readonly ulong[]? _bits;
        private readonly int _mask;

        private TreeWords(string source, ulong[]? bits)
        {
            Source = source;
            _bits = bits;
            _mask = bits is null ? 0 : (bits.Length * 64) - 1;
        }

        public string Source { get; }

        /// <summary>
        /// ORs this tree's bits, folded to <paramref name="count"/> words (a power of two, at most the tree's own), into
        /// <paramref name="destination"/> from <paramref name="offset"/>: a bit position taken modulo the smaller size is
        /// the position the smaller set gives the same hash, since both take the hash's low bits.
        /// </summary>
        public void FoldInto(ulong[] destination, int offset, int count)
        {
            if (_bits is null)
            {
                for (int i = 0; i < count; i++)
                {
                    destination[offset + i] = ulong.MaxValue;
                }

                return;
            }

            for (int i = 0; i < _bits.Length; i++)
            {
                destination[offset + (i & (count - 1))] |= _bits[i];
            }
        }

        /// <summary>False only when the name with this hash is written nowhere in the text as a whole word.</summary>
        public bool MayContain(int hash) => _bits is null || (IsSet(_bits, First(hash) & _mask) && IsSet(_bits, Second(hash) & _mask));

        public static TreeWords Read(string source)
        {
            int bitCount = MinBits;
            while (bitCount < source.Length && bitCount < MaxBits)
            {
                bitCount <<= 1;
            }

            var bits = new ulong[bitCount / 64];
            int mask = bitCount - 1;
            int index = 0;
            while (index < source.Length)
            {
                char c = source[index];
                if (!IsWordChar(c))
                {
                    index++;
                    continue;
                }

                // The word is folded in as it is scanned: one pass over its characters, as Hash folds them.
                int start = index;
                uint folded = 0;
                do
                {
                    folded = Fold(folded, c);
                    index++;
                }
                while (index < source.Length && IsWordChar(c = source[index]));

                Add(bits, mask, Finish(folded, index - start));
                if (source[start] is >= '0' and <= '9')
                {
                    if (index - start > MaxNumberRun)
                    {
                        return new TreeWords(source, bits: null);
                    }

                    for (int tail = start + 1; tail < index; tail++)
                    {
                        if (source[tail] is not (>= '0' and <= '9'))
                        {
                            Add(bits, mask, Hash(source, tail, index));
                        }
                    }
                }
            }

            return new TreeWords(source, bits);
        }

        /// <summary>The hash of <paramref name="name"/> when it is one word, or null when it is not (the search then reads every tree).</summary>
        public static int? HashOfWord(string name)
        {
            if (name.Length == 0)
            {
                return null;
            }

            foreach (char c in name)
            {
                if (!IsWordChar(c))
                {
                    return null;
                }
            }

            return Hash(name, 0, name.Length);
        }

        private static void Add(ulong[] bits, int mask, int hash)
        {
            Set(bits, First(hash) & mask);
            Set(bits, Second(hash) & mask);
        }

        public static int First(int hash) => hash;

        /// <summary>A second bit position from the same hash, mixed so that it does not follow the first.</summary>
        public static int Second(int hash) => unchecked((int)((uint)hash * 0x9E3779B1u >> 7));

        private static void Set(ulong[] bits, int bit) => bits[bit >> 6] |= 1UL << (bit & 63);

        private static bool IsSet(ulong[] bits, int bit) => (bits[bit >> 6] & (1UL << (bit & 63))) != 0;

        /// <summary>
        /// The key of the word <c>text[start..end)</c>: every character folded in by a rotation and an exclusive or
        /// (two cheap steps a character, where a multiplying hash waits on each multiplication), then mixed with the
        /// length. Names that differ in any one character get different keys, which matters for names that differ only
        /// in a digit (<c>Store12Async</c>, <c>Store13Async</c>); the rare words that share a key only send the search
        /// to read that tree's text, where it finds the right one.
        /// </summary>
        private static int Hash(string text, int start, int end)
        {
            uint folded = 0;
            for (int i = start; i < end; i++)
            {
                folded = Fold(folded, text[i]);
            }

            return Finish(folded, end - start);
        }

        private static uint Fold(uint folded, char c) => ((folded << 5) | (folded >> 27)) ^ c;

        private static int Finish(uint folded, int length)
        {
            uint key = (folded ^ ((uint)length * 0x9E3779B1u)) * 0x85EBCA6Bu;
            key = (key ^ (key >> 13)) * 0xC2B2AE35u;
            return unchecked((int)(key ^ (key >> 16)));
        }

        private static bool IsWordChar(char c) => c < 128 && s_wordChars[c];

        private static readonly bool[] s_wordChars = WordChars();

        private static bool[] WordChars()
        {
            var table = new bool[128];
            for (int c = 0; c < table.Length; c++)
            {
                table[c] = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
            }

            return table;
        }
    }
}
