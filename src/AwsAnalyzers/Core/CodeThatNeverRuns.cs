using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core;

/// <summary>
/// Code that describes a call instead of making it, which no rule reports: a lambda converted to an expression tree
/// (Moq's <c>Setup</c> and <c>Verify</c>, FakeItEasy's <c>A.CallTo</c>, LINQ providers), and a mocking library's setup or
/// verification of a call on a test double (NSubstitute's <c>client.Received().PutRecordAsync(…)</c>,
/// <c>client.PutRecordAsync(…).Returns(…)</c>, <c>client.When(c => c.PutRecordAsync(…))</c>).
/// </summary>
internal static class CodeThatNeverRuns
{
    /// <summary>True when <paramref name="operation"/> sits in such code (or is such a call).</summary>
    public static bool Contains(IOperation operation)
    {
        for (IOperation? current = operation; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda when IsExpressionTree(lambda) || IsArgumentOfMockingMethod(lambda.Parent):
                    return true;
                case IInvocationOperation invocation when IsOnMockingResult(invocation) || IsArgumentOfMockingMethod(invocation):
                    return true;
            }
        }

        return false;
    }

    /// <summary><c>client.Received().PutRecordAsync(…)</c>: the call is made on what a verification returns.</summary>
    private static bool IsOnMockingResult(IInvocationOperation invocation) =>
        invocation.Instance?.WalkDownConversions() is IInvocationOperation receiver && IsMockingMethod(receiver.TargetMethod);

    /// <summary><c>client.PutRecordAsync(…).Returns(…)</c>, or a lambda handed to <c>When</c> or <c>Received.InOrder</c>.</summary>
    private static bool IsArgumentOfMockingMethod(IOperation? operation)
    {
        IOperation? parent = operation?.Parent;
        while (parent is IConversionOperation or IDelegateCreationOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation consumer } && IsMockingMethod(consumer.TargetMethod);
    }

    private static bool IsExpressionTree(IAnonymousFunctionOperation lambda)
    {
        ITypeSymbol? type = lambda.Parent switch
        {
            IDelegateCreationOperation creation => creation.Type,
            IConversionOperation conversion => conversion.Type,
            _ => null,
        };

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "Expression" or "LambdaExpression" && IsNamespace(current.ContainingNamespace, "System", "Linq", "Expressions"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMockingMethod(IMethodSymbol method) =>
        RootNamespace(method.ContainingType) is "NSubstitute" or "Moq" or "FakeItEasy";

    private static string? RootNamespace(ISymbol? symbol)
    {
        INamespaceSymbol? ns = symbol?.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return null;
        }

        while (ns.ContainingNamespace is { IsGlobalNamespace: false } outer)
        {
            ns = outer;
        }

        return ns.Name;
    }

    private static bool IsNamespace(INamespaceSymbol? ns, string first, string second, string third) =>
        ns is { Name: var name3 } && name3 == third
        && ns.ContainingNamespace is { Name: var name2 } parent && name2 == second
        && parent.ContainingNamespace is { Name: var name1 } grandparent && name1 == first
        && grandparent.ContainingNamespace is { IsGlobalNamespace: true };
}
