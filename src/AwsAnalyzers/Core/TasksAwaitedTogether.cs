using System.Threading;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core;

/// <summary>
/// Tasks started together and awaited together: <c>await Task.WhenAll(items.Select(i => client.CallAsync(i)))</c>,
/// directly or through a local and LINQ's <c>ToList</c>/<c>ToArray</c>. Where their exceptions surface (AWS005) and
/// whether their results are read (AWS006) are decided at that await.
/// </summary>
internal static class TasksAwaitedTogether
{
    /// <summary>
    /// The await of <c>Task.WhenAll</c>/<c>WhenAny</c> over the tasks a lambda makes through LINQ
    /// (<c>items.Select(lambda)</c>, then any <c>ToList</c>/<c>ToArray</c>, directly or through a local), or null.
    /// </summary>
    public static IOperation? AwaitOfTasksMadeBy(IAnonymousFunctionOperation lambda, CancellationToken cancellationToken)
    {
        IOperation current = lambda;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation select } || !IsLinq(select.TargetMethod))
        {
            return null;
        }

        IOperation tasks = LinqChainEnd(select);
        if (tasks.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } })
        {
            foreach (IOperation read in ValueFlow.For(tasks, cancellationToken).Reads(local))
            {
                if (AwaitOfWhenAll(LinqChainEnd(read)) is { } awaited)
                {
                    return awaited;
                }
            }

            return null;
        }

        return AwaitOfWhenAll(tasks);
    }

    /// <summary>The outermost operation of a chain of LINQ calls that starts with <paramref name="operation"/>.</summary>
    public static IOperation LinqChainEnd(IOperation operation)
    {
        IOperation current = operation;
        while (true)
        {
            IOperation? parent = current.Parent;
            while (parent is IConversionOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation next } && IsLinq(next.TargetMethod))
            {
                current = next;
                continue;
            }

            return current;
        }
    }

    /// <summary>
    /// The await of a <c>Task.WhenAll</c>/<c>WhenAny</c> that takes <paramref name="task"/> as one of its arguments
    /// (<c>await Task.WhenAll(a, b)</c>, <c>await Task.WhenAll(new[] { a, b })</c>), or null.
    /// </summary>
    public static IOperation? AwaitOfWhenAllWith(IOperation task)
    {
        IOperation current = task;
        while (current.Parent is IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation)
        {
            current = current.Parent;
        }

        return AwaitOfWhenAll(current);
    }

    public static IOperation? AwaitOfWhenAll(IOperation tasks)
    {
        IOperation current = tasks;
        while (current.Parent is IConversionOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { Name: "WhenAll" or "WhenAny" } whenAll } call }
            || whenAll.ContainingType?.Name != "Task" || whenAll.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks")
        {
            return null;
        }

        IOperation awaited = call;
        while (awaited.Parent is IConversionOperation
            || awaited.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == awaited)
        {
            awaited = awaited.Parent;
        }

        return awaited.Parent as IAwaitOperation;
    }

    public static bool IsLinq(IMethodSymbol method) =>
        method.ContainingType is { Name: "Enumerable" } type && type.ContainingNamespace?.ToDisplayString() == "System.Linq";

    /// <summary>
    /// True when the tasks a lambda makes through LINQ (<c>items.Select(lambda)</c>) are only ever awaited together by
    /// a <c>Task.WhenAll</c> whose result is discarded: nothing reads what they return.
    /// </summary>
    public static bool ResultsOfTasksMadeByAreNeverRead(IAnonymousFunctionOperation lambda, CancellationToken cancellationToken)
    {
        IOperation current = lambda;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IArgumentOperation { Parent: IInvocationOperation select }
            && IsLinq(select.TargetMethod)
            && ResultsAreNeverRead(LinqChainEnd(select), cancellationToken);
    }

    /// <summary>
    /// True when every read of a local holding tasks (a list filled with <c>Add</c>, an array or query of them) adds to
    /// it or hands it to a <c>Task.WhenAll</c> whose awaited result is discarded, and at least one does the latter.
    /// </summary>
    public static bool ResultsAreNeverRead(ILocalSymbol local, IOperation inBody, CancellationToken cancellationToken)
    {
        bool awaitedTogether = false;
        foreach (IOperation read in ValueFlow.For(inBody, cancellationToken).Reads(local))
        {
            if (read.Parent is IInvocationOperation { TargetMethod.Name: "Add" or "AddRange" } add && add.Instance == read)
            {
                continue;
            }

            if (AwaitOfWhenAll(LinqChainEnd(read)) is not { } awaited || !IsDiscarded(awaited))
            {
                return false;
            }

            awaitedTogether = true;
        }

        return awaitedTogether;
    }

    private static bool ResultsAreNeverRead(IOperation tasks, CancellationToken cancellationToken)
    {
        if (tasks.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } })
        {
            return ResultsAreNeverRead(local, tasks, cancellationToken);
        }

        return AwaitOfWhenAll(tasks) is { } awaited && IsDiscarded(awaited);
    }

    /// <summary>An await whose value nobody takes: <c>await Task.WhenAll(…);</c> as a statement.</summary>
    private static bool IsDiscarded(IOperation awaited)
    {
        IOperation current = awaited;
        while (current.Parent is IConversionOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IExpressionStatementOperation
            || current.Parent is ISimpleAssignmentOperation { Target: IDiscardOperation };
    }
}
