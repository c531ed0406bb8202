using System.Collections.Generic;
using System.Collections.Immutable;

namespace AwsAnalyzers.Core;

/// <summary>
/// The words a rule looks for in the source (the name of the method it reports a call of, of the property it reports
/// a write to), with the keys the word index files them under: made once per rule, asked of each tree with
/// <see cref="SourceIndex.MayContainAny"/>.
/// </summary>
/// <remarks>
/// The names are kept beside the keys because a tree's bits only say that a word may be there: with a rule's many
/// words (AWS007 looks for every paged operation of the SDK) some bit pair of nearly every tree matches one of them,
/// and the tree's text then says whether the name is written.
/// </remarks>
internal sealed class WordSet
{
    private WordSet(ImmutableArray<int> keys, ImmutableArray<string> names)
    {
        Keys = keys;
        Names = names;
    }

    /// <summary>The word index's key of each name, in the order of <see cref="Names"/>; default when the set matches every tree.</summary>
    public ImmutableArray<int> Keys { get; }

    /// <summary>The names themselves.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>True when one of the names is not a single word, which the index does not file: every tree may then hold it.</summary>
    public bool MatchesEveryTree => Keys.IsDefault;

    /// <summary>The set every tree matches: for a rule whose words cannot narrow anything in this compilation.</summary>
    public static WordSet EveryTree { get; } = new(default, ImmutableArray<string>.Empty);

    /// <summary>The set of <paramref name="names"/>, or <see cref="EveryTree"/> for a default array (a search that gave up).</summary>
    public static WordSet Of(ImmutableArray<string> names) => names.IsDefault ? EveryTree : Of((IEnumerable<string>)names);

    /// <summary>The set of <paramref name="names"/>.</summary>
    public static WordSet Of(IEnumerable<string> names)
    {
        ImmutableArray<int>.Builder keys = ImmutableArray.CreateBuilder<int>();
        ImmutableArray<string>.Builder written = ImmutableArray.CreateBuilder<string>();
        foreach (string name in names)
        {
            if (SourceIndex.KeyOfWord(name) is not { } key)
            {
                return EveryTree;
            }

            keys.Add(key);
            written.Add(name);
        }

        return new WordSet(keys.ToImmutable(), written.ToImmutable());
    }

    /// <summary>
    /// Each client method name with its <c>Async</c> twin (<c>PutItem</c>, <c>PutItemAsync</c>): the words a call of
    /// either shape writes.
    /// </summary>
    public static WordSet OfMethods(params string[] methodNames)
    {
        var names = new List<string>(methodNames.Length * 2);
        foreach (string name in methodNames)
        {
            names.Add(name);
            names.Add(name + "Async");
        }

        return Of(names);
    }
}
