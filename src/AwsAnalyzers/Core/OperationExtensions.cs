using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core;

internal static class OperationExtensions
{
    /// <summary>The operation under any implicit or explicit conversions.</summary>
    public static IOperation WalkDownConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// The operation and everything under it, in source order, leaving out the lambdas and local functions inside it:
    /// their code runs when they are called, not as part of this operation.
    /// </summary>
    public static IEnumerable<IOperation> OwnOperations(this IOperation root)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            IOperation current = pending.Pop();
            yield return current;

            // Children pushed last first, so that they come out in source order.
            foreach (IOperation child in current.ChildOperations.Reverse())
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>The outermost operation of the member body, lambda-containing field initializer or script that holds this one.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>
    /// The name of the member an assignment writes, read from its syntax (<c>PartitionKey = …</c>,
    /// <c>request.PartitionKey = …</c>, <c>request?.PartitionKey = …</c>), or null when the syntax does not say.
    /// </summary>
    /// <remarks>
    /// An assignment's target operation is built on first access; a rule that registers on every assignment asks the
    /// syntax, which exists already, before the operation, so assignments to other members cost it next to nothing.
    /// </remarks>
    public static string? AssignedMemberName(this IOperation assignment) =>
        assignment.Syntax is AssignmentExpressionSyntax { Left: var target }
            ? target switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            }
            : null;

    /// <summary>
    /// The expression a name ends: the member access or conditional member binding it is the name of (<c>x.M</c>,
    /// <c>?.M</c>), or the name itself.
    /// </summary>
    public static ExpressionSyntax AccessEndingWith(this SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == name => access,
        MemberBindingExpressionSyntax binding when binding.Name == name => binding,
        _ => name,
    };

    /// <summary>The call whose method the name is (<c>M()</c>, <c>x.M()</c>, <c>x?.M()</c>), or null when the name is not called there.</summary>
    public static InvocationExpressionSyntax? CallOf(this SimpleNameSyntax name) =>
        name.AccessEndingWith() is var reach && reach.Parent is InvocationExpressionSyntax call && call.Expression == reach ? call : null;

    /// <summary>
    /// The name of the method an invocation calls as the code writes it (<c>Add</c> in <c>list.Add(x)</c>,
    /// <c>x?.Add(y)</c> or <c>Add(x)</c>), or null when the syntax names none (a collection initializer's element, a
    /// delegate call through an expression). Read from the syntax, so a rule that registers on every invocation skips
    /// the others by name before it asks for the target method.
    /// </summary>
    public static string? WrittenMethodName(this IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax { Expression: var callee }
            ? callee switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            }
            : null;
}
