using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsAnalyzers.Core;

/// <summary>
/// What the code writes to one property of a client config it creates itself (<c>new AmazonSQSConfig { Timeout = … }</c>,
/// or <c>config.ServiceURL = …;</c> on the local that holds it), for rules whose answer depends on the client's
/// settings. Pairs with the lookup of the config a call's client is built with (AWS005's <c>FindEditableConfig</c>).
/// </summary>
internal static class ClientConfigWrites
{
    /// <summary>
    /// The values written to <paramref name="property"/>: in the creation's initializer, and in assignments to the local
    /// the creation initializes, in the body that declares it.
    /// </summary>
    public static IEnumerable<ExpressionSyntax> Values(BaseObjectCreationExpressionSyntax config, string property)
    {
        if (config.Initializer is { } initializer)
        {
            foreach (ExpressionSyntax element in initializer.Expressions)
            {
                if (element is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment && name.Identifier.ValueText == property)
                {
                    yield return assignment.Right;
                }
            }
        }

        if (config.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            && declarator.FirstAncestorOrSelf<BlockSyntax>() is { } body)
        {
            string local = declarator.Identifier.ValueText;
            foreach (SyntaxNode node in body.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax
                    {
                        Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name: var name },
                    } assignment
                    && receiver.Identifier.ValueText == local && name.Identifier.ValueText == property)
                {
                    yield return assignment.Right;
                }
            }
        }
    }

    /// <summary>
    /// A <c>TimeSpan</c> written with constants, in milliseconds: <c>TimeSpan.FromSeconds(10)</c>,
    /// <c>FromMilliseconds</c>, <c>FromMinutes</c>, <c>new TimeSpan(h, m, s)</c>. Null for anything else.
    /// </summary>
    public static double? Milliseconds(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var factory }, ArgumentList.Arguments: { Count: 1 } arguments }:
                double? amount = Number(arguments[0].Expression, model, cancellationToken);
                double? scale = factory switch
                {
                    "FromMilliseconds" => 1,
                    "FromSeconds" => 1000,
                    "FromMinutes" => 60_000,
                    _ => null,
                };
                return amount * scale;
            case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 3 } parts }
                when model.GetTypeInfo(value, cancellationToken).Type is { Name: "TimeSpan" }:
                double? hours = Number(parts[0].Expression, model, cancellationToken);
                double? minutes = Number(parts[1].Expression, model, cancellationToken);
                double? seconds = Number(parts[2].Expression, model, cancellationToken);
                return ((hours * 60 + minutes) * 60 + seconds) * 1000;
            default:
                return null;
        }
    }

    private static double? Number(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: { } constant } && constant is not string and not bool and not char
            ? System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
