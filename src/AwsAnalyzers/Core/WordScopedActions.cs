using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwsAnalyzers.Core;

/// <summary>
/// Operation actions registered only in the types whose source writes one of a rule's words: the name of the SDK
/// method it reports a call of, of the property it reports a write to. The driver makes a timed callback for every
/// operation of a registered kind (a project has about as many invocations as lines), and a rule whose subject is in a
/// few files pays that on every file. Here the driver asks once per type, from the word index of the type's files
/// (<see cref="SourceIndex.Question"/>, read once per tree and shared with the caller searches; the type's files come from
/// <see cref="SourceIndex.TreesOf"/>, read once per type for every rule), and only the types that may hold the subject
/// get the callbacks.
/// </summary>
/// <remarks>
/// The words are what the reported code cannot be written without: a call names its method, a property write names
/// its property, in the file that holds it. A creation names its class, or a target-typed <c>new()</c> takes it from a
/// declaration that is nearly always in the same method or type; a rule scoped on class names says in its page what
/// that leaves out (a <c>new()</c> passed to a method declared elsewhere). A rule whose trigger can be written without
/// any fixed word (any SDK method's name) keeps its plain registration. A type is asked with all its parts' files; a nested type answers for itself, since the
/// driver scopes the actions registered at a type's start to that type's own members.
/// <para>
/// An action that an option turns on, off by default, is scoped the same way (<see cref="AddWhere"/>): only the types
/// with a file whose options turn it on get its callbacks, so a project that leaves the option alone pays one read of
/// the options per type instead of a callback per operation.
/// </para>
/// <para>
/// A rule with several such actions adds them all and registers once: the type's start is one more timed callback per
/// type and per registration, with the driver's own work for each, so one start asks every word set of the rule.
/// </para>
/// </remarks>
internal sealed class WordScopedActions
{
    private readonly List<ScopedAction> _actions = new();

    /// <summary>
    /// Adds <paramref name="action"/> on <paramref name="kinds"/>, for every type whose files write one of
    /// <paramref name="words"/> (a <see cref="WordSet"/>, made once per rule).
    /// </summary>
    public WordScopedActions Add(WordSet words, Action<OperationAnalysisContext> action, params OperationKind[] kinds)
    {
        _actions.Add(new ScopedAction(words, fileCondition: null, action, kinds.ToImmutableArray()));
        return this;
    }

    /// <summary>
    /// Adds <paramref name="action"/> on <paramref name="kinds"/>, for every type whose files write one of the words
    /// <paramref name="wordsOfCompilation"/> gives: asked once per compilation, at the first type's start, for a set
    /// that depends on the project's own code (the names of its methods that reach the rule's subject).
    /// </summary>
    public WordScopedActions Add(Func<CancellationToken, WordSet> wordsOfCompilation, Action<OperationAnalysisContext> action, params OperationKind[] kinds)
    {
        _actions.Add(new ScopedAction(wordsOfCompilation, action, kinds.ToImmutableArray()));
        return this;
    }

    /// <summary>
    /// Adds <paramref name="action"/> on <paramref name="kinds"/>, for every type with a file for which
    /// <paramref name="fileCondition"/> holds (an option read for that file). The action still checks its own
    /// operation's file: a partial type can have parts where the option is off.
    /// </summary>
    public WordScopedActions AddWhere(Func<AnalyzerOptions, SyntaxTree, bool> fileCondition, Action<OperationAnalysisContext> action, params OperationKind[] kinds)
    {
        _actions.Add(new ScopedAction(words: null, fileCondition, action, kinds.ToImmutableArray()));
        return this;
    }

    /// <summary>Registers one type start that registers, in each type, the added actions whose words it writes.</summary>
    public void Register(CompilationStartAnalysisContext start)
    {
        if (_actions.Count == 0)
        {
            return;
        }

        SourceIndex source = SourceIndex.For(start.Compilation);
        ScopedAction[] actions = _actions.ToArray();

        // Per action, its question of the word index (the sets that depend on the compilation are made at the first type
        // that asks), or for an option's action what each tree's options answered: the options of a tree are the same
        // for the whole compilation, and every type of the tree asks.
        var questions = new SourceIndex.WordQuestion?[actions.Length];
        var fileAnswers = new SourceIndex.TreeAnswers?[actions.Length];
        for (int i = 0; i < actions.Length; i++)
        {
            if (actions[i].Words is { } words)
            {
                questions[i] = source.Question(words);
            }
            else if (actions[i].FileCondition is not null)
            {
                fileAnswers[i] = new SourceIndex.TreeAnswers(source.TreeCount);
            }
        }

        start.RegisterSymbolStartAction(
            symbolStart =>
            {
                int[] trees = source.TreesOf((INamedTypeSymbol)symbolStart.Symbol);
                for (int i = 0; i < actions.Length; i++)
                {
                    ScopedAction scoped = actions[i];
                    bool applies;
                    if (scoped.FileCondition is { } condition)
                    {
                        applies = HoldsInSomeFile(source, trees, condition, fileAnswers[i]!, symbolStart.Options);
                    }
                    else
                    {
                        SourceIndex.WordQuestion? question = Volatile.Read(ref questions[i]);
                        if (question is null)
                        {
                            // Two threads racing compute equal sets; the first stored is kept, so every type asks the same one.
                            SourceIndex.WordQuestion asked = source.Question(scoped.WordsOfCompilation!(symbolStart.CancellationToken));
                            question = Interlocked.CompareExchange(ref questions[i], asked, null) ?? asked;
                        }

                        applies = MayWrite(trees, question, symbolStart.CancellationToken);
                    }

                    if (applies)
                    {
                        symbolStart.RegisterOperationAction(scoped.Action, scoped.Kinds);
                    }
                }
            },
            SymbolKind.NamedType);
    }

    private static bool MayWrite(int[] trees, SourceIndex.WordQuestion question, CancellationToken cancellationToken)
    {
        foreach (int tree in trees)
        {
            // A part in a tree the compilation does not hold (none is expected) has no answer kept: the type is analyzed.
            if (tree < 0 || question.MayBeWrittenIn(tree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsInSomeFile(SourceIndex source, int[] trees, Func<AnalyzerOptions, SyntaxTree, bool> fileCondition, SourceIndex.TreeAnswers answers, AnalyzerOptions options)
    {
        foreach (int tree in trees)
        {
            if (tree < 0)
            {
                // Outside the compilation (none is expected): nowhere to keep the answer, and the action checks its own file.
                return true;
            }

            if (answers.Known(tree) ?? answers.Keep(tree, fileCondition(options, source.Tree(tree))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An action with the words its types must write (fixed, or found once per compilation), or else the condition one of their files must meet.</summary>
    private sealed class ScopedAction
    {
        public ScopedAction(WordSet? words, Func<AnalyzerOptions, SyntaxTree, bool>? fileCondition, Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds)
        {
            Words = words;
            FileCondition = fileCondition;
            Action = action;
            Kinds = kinds;
        }

        public ScopedAction(Func<CancellationToken, WordSet> wordsOfCompilation, Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds)
        {
            WordsOfCompilation = wordsOfCompilation;
            Action = action;
            Kinds = kinds;
        }

        public WordSet? Words { get; }

        public Func<CancellationToken, WordSet>? WordsOfCompilation { get; }

        public Func<AnalyzerOptions, SyntaxTree, bool>? FileCondition { get; }

        public Action<OperationAnalysisContext> Action { get; }

        public ImmutableArray<OperationKind> Kinds { get; }
    }
}

/// <summary>The one-action form of <see cref="WordScopedActions"/>.</summary>
internal static class WordScopedActionsExtensions
{
    /// <summary>
    /// Registers <paramref name="action"/> on <paramref name="kinds"/> in every type whose files write one of
    /// <paramref name="words"/>. A rule with several word-scoped actions adds them to one <see cref="WordScopedActions"/>.
    /// </summary>
    public static void RegisterOperationActionWhereWritten(
        this CompilationStartAnalysisContext start, WordSet words, Action<OperationAnalysisContext> action, params OperationKind[] kinds) =>
        new WordScopedActions().Add(words, action, kinds).Register(start);
}
