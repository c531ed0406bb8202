using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AwsAnalyzers.Core.Flow;

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

    /// <summary>
    /// True when <paramref name="invocation"/> is made on a test double: Moq's <c>mock.Object</c>, what
    /// <c>Substitute.For&lt;T&gt;()</c>, <c>A.Fake&lt;T&gt;()</c> or <c>Mock.Of&lt;T&gt;()</c> returns, a local written
    /// once with one of those, a field or property initialized with one, or a project method that returns one (one call
    /// hop: <c>IAmazonS3 client = CreateMockS3Client();</c>).
    /// </summary>
    /// <remarks>
    /// Such a call runs (the test asserts on what the double answers), so <see cref="Contains"/> does not exclude it; a
    /// rule about what the service does with the call (pages it leaves, throttling it answers with) asks this too,
    /// because no service ever sees it.
    /// </remarks>
    public static bool IsCallOnTestDouble(IInvocationOperation invocation, CancellationToken cancellationToken) =>
        invocation.Instance is { } receiver && IsTestDouble(receiver, followCall: true, cancellationToken);

    private static bool IsTestDouble(IOperation value, bool followCall, CancellationToken cancellationToken)
    {
        if (IsMadeByMockingLibrary(value))
        {
            return true;
        }

        switch (value.WalkDownConversions())
        {
            case ILocalReferenceOperation local:
                return ValueFlow.For(value, cancellationToken).SingleValue(local.Local) is { } written
                    && written.WalkDownConversions() is not ILocalReferenceOperation
                    && IsTestDouble(written, followCall, cancellationToken);
            // An initializer is read for what it writes itself: following a member it names could go round in a
            // cycle of initializers (`static IAmazonS3 A = B, B = A;`).
            case IFieldReferenceOperation { Field: var field }:
                return InitializerOf(field, value, cancellationToken) is { } fieldValue && IsMadeByMockingLibrary(fieldValue);
            case IPropertyReferenceOperation { Property: var property }:
                return InitializerOf(property, value, cancellationToken) is { } propertyValue && IsMadeByMockingLibrary(propertyValue);
            case IInvocationOperation call when followCall && value.SemanticModel is { } model:
                return CallHops.For(model.Compilation).Summary(call.TargetMethod, ReturnsTestDouble.Instance, cancellationToken);
            default:
                return false;
        }
    }

    /// <summary>Moq's <c>mock.Object</c>, or what a mocking library's factory returns (<c>Substitute.For&lt;T&gt;()</c>, <c>A.Fake&lt;T&gt;()</c>, <c>Mock.Of&lt;T&gt;()</c>).</summary>
    private static bool IsMadeByMockingLibrary(IOperation value) => value.WalkDownConversions() switch
    {
        IPropertyReferenceOperation { Property.Name: "Object" } property => RootNamespace(property.Property.ContainingType) == "Moq",
        IInvocationOperation call => IsMockingMethod(call.TargetMethod),
        _ => false,
    };

    /// <summary>The value a field or auto-property of the project is declared with (<c>= Substitute.For&lt;IAmazonS3&gt;()</c>), or null.</summary>
    private static IOperation? InitializerOf(ISymbol member, IOperation use, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1 || use.SemanticModel is not { } model)
        {
            return null;
        }

        SyntaxNode declaration = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        EqualsValueClauseSyntax? initializer = declaration switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer,
            PropertyDeclarationSyntax propertyDeclaration => propertyDeclaration.Initializer,
            _ => null,
        };

        return initializer is null
            ? null
            : (CallHops.For(model.Compilation).Source.Model(initializer.SyntaxTree).GetOperation(initializer, cancellationToken) as ISymbolInitializerOperation)?.Value;
    }

    /// <summary>A project method every <c>return</c> of which hands out a test double.</summary>
    private sealed class ReturnsTestDouble : CallFact<bool>
    {
        public static readonly ReturnsTestDouble Instance = new();

        public override bool Unknown => false;

        public override bool Summarize(IMethodSymbol method, IOperation body, CallHops hops, CancellationToken cancellationToken)
        {
            if (method.ReturnsVoid)
            {
                return false;
            }

            bool any = false;
            foreach (IOperation operation in body.OwnOperations())
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned })
                {
                    if (!IsTestDouble(returned, followCall: false, cancellationToken))
                    {
                        return false;
                    }

                    any = true;
                }
            }

            return any;
        }
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
