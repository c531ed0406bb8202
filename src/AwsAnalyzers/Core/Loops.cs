using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core;

/// <summary>How a call sits in a loop, and how a loop ends: for rules about code that runs again and again.</summary>
internal static class Loops
{
    /// <summary>
    /// The innermost loop of the same function around <paramref name="operation"/>, or null. A lambda handed straight to
    /// a call (a retry policy's <c>ExecuteAsync(() => …)</c>, <c>Task.Run</c>) runs as the loop goes and is looked
    /// through; a lambda or local function kept for later is not.
    /// </summary>
    public static ILoopOperation? Enclosing(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop:
                    return loop;
                case IAnonymousFunctionOperation { Parent: IDelegateCreationOperation { Parent: IArgumentOperation } }:
                    continue;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="branch"/> leaves <paramref name="loop"/>: a <c>break</c> of that loop (not of a nested
    /// loop or switch), a <c>return</c>, a <c>throw</c>. Lambdas and local functions in the branch do not run it.
    /// </summary>
    public static bool Leaves(IOperation branch, ILoopOperation loop)
    {
        switch (branch)
        {
            case IBranchOperation { BranchKind: BranchKind.Break } exit:
                return SymbolEqualityComparer.Default.Equals(exit.Target, loop.ExitLabel);
            case IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }:
                return true;
            case IAnonymousFunctionOperation or ILocalFunctionOperation:
                return false;
        }

        foreach (IOperation child in branch.ChildOperations)
        {
            if (Leaves(child, loop))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="operation"/> is <paramref name="ancestor"/> or inside it.</summary>
    public static bool IsInside(IOperation operation, IOperation ancestor)
    {
        for (IOperation? current = operation; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The loop's condition (<c>while</c>, <c>do … while</c>, <c>for</c>), or null (<c>for (;;)</c>, <c>foreach</c>).</summary>
    public static IOperation? Condition(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation whileLoop => whileLoop.Condition,
        IForLoopOperation forLoop => forLoop.Condition,
        _ => null,
    };
}
