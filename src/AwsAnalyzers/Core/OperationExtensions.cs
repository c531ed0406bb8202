using Microsoft.CodeAnalysis;
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

    /// <summary>The outermost operation of the member body, lambda-containing field initializer or script that holds this one.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }
}
