using System;
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
/// (<see cref="SourceIndex.MayContainAny"/>, read once per tree and shared with the caller searches), and only the
/// types that may hold the subject get the callbacks.
/// </summary>
/// <remarks>
/// The words are what the reported code cannot be written without: a call names its method, a property write names
/// its property, in the file that holds it. A word a trigger can leave out (the type of a target-typed <c>new()</c>
/// passed to a method of the project) is no filter, and a rule whose trigger can be written without any fixed word
/// keeps its plain registration. A type is asked with all its parts' files; a nested type answers for itself, since the
/// driver scopes the actions registered at a type's start to that type's own members.
/// </remarks>
internal static class WordScopedActions
{
    /// <summary>
    /// Registers <paramref name="action"/> on <paramref name="kinds"/> in every type whose files write one of
    /// <paramref name="words"/> (a <see cref="WordSet"/>, made once per rule).
    /// </summary>
    public static void RegisterOperationActionWhereWritten(
        this CompilationStartAnalysisContext start, WordSet words, Action<OperationAnalysisContext> action, params OperationKind[] kinds)
    {
        SourceIndex source = SourceIndex.For(start.Compilation);
        ImmutableArray<OperationKind> registered = kinds.ToImmutableArray();
        start.RegisterSymbolStartAction(
            symbolStart =>
            {
                if (MayWrite(source, symbolStart.Symbol, words, symbolStart.CancellationToken))
                {
                    symbolStart.RegisterOperationAction(action, registered);
                }
            },
            SymbolKind.NamedType);
    }

    private static bool MayWrite(SourceIndex source, ISymbol type, WordSet words, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference part in type.DeclaringSyntaxReferences)
        {
            if (source.MayContainAny(part.SyntaxTree, words, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
