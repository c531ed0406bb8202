using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core.Flow;

/// <summary>A string the code always holds at some point, and the expression in source that writes it.</summary>
internal readonly struct WrittenConstant
{
    public WrittenConstant(string value, SyntaxNode origin)
    {
        Value = value;
        Origin = origin;
    }

    public string Value { get; }

    /// <summary>
    /// Where the text is written: the literal (or concatenation of literals) itself, or the initializer of the
    /// <c>const</c>, <c>static readonly</c> member or local that holds it.
    /// </summary>
    public SyntaxNode Origin { get; }
}

/// <summary>
/// Strings fixed at compile time and where they are written: a literal or a constant expression, a <c>const</c> field
/// or local, a <c>static readonly</c> field or get-only static property initialized with one (that no static
/// constructor writes), and a local written once with any of those. A rule that reports a value written in the code
/// sits on <see cref="WrittenConstant.Origin"/>, so a constant used twice is reported once, where it is written.
/// </summary>
internal static class WrittenConstants
{
    /// <summary>How many locals a value is followed through before we give up.</summary>
    private const int MaxLocalHops = 4;

    /// <summary>The string <paramref name="value"/> always is, and where it is written; null when it can vary or is not a string.</summary>
    public static WrittenConstant? Of(IOperation value, CancellationToken cancellationToken) => Of(value, hops: 0, cancellationToken);

    private static WrittenConstant? Of(IOperation value, int hops, CancellationToken cancellationToken)
    {
        value = value.WalkDownConversions();
        switch (value)
        {
            case IFieldReferenceOperation { Field: { IsConst: true } field }:
                return DeclaredConstant(field, cancellationToken);
            case ILocalReferenceOperation { Local: { IsConst: true } local }:
                return DeclaredConstant(local, cancellationToken);
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                return OfStaticMember(field, value.SemanticModel, cancellationToken);
            case IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null, Parameters.IsEmpty: true } property }:
                return OfStaticMember(property, value.SemanticModel, cancellationToken);
            case ILocalReferenceOperation { Local: { } local } when hops < MaxLocalHops:
                return ValueFlow.For(value, cancellationToken).SingleValue(local) is { } single ? Of(single, hops + 1, cancellationToken) : null;
        }

        return value.ConstantValue is { HasValue: true, Value: string text } && value.Syntax is { } syntax
            ? new WrittenConstant(text, syntax)
            : null;
    }

    /// <summary>A <c>const</c> field or local: its value, written at its declaration.</summary>
    private static WrittenConstant? DeclaredConstant(ISymbol symbol, CancellationToken cancellationToken)
    {
        object? constant = symbol switch
        {
            IFieldSymbol field => field.ConstantValue,
            ILocalSymbol local => local.ConstantValue,
            _ => null,
        };

        return constant is string text && symbol.DeclaringSyntaxReferences.Length == 1
            && symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            ? new WrittenConstant(text, initializer)
            : null;
    }

    /// <summary>
    /// A <c>static readonly</c> field or get-only static property whose declaration initializes it with a constant and
    /// that no static constructor writes.
    /// </summary>
    public static WrittenConstant? OfStaticMember(ISymbol member, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        SyntaxNode declaration = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        ExpressionSyntax? initializer = declaration switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
            PropertyDeclarationSyntax { Initializer: { } propertyInitializer } property when IsGetOnlyAutoProperty(property) => propertyInitializer.Value,
            PropertyDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
            _ => null,
        };

        if (initializer is null || (LiteralString(initializer) ?? SameTreeConstant(initializer, model, cancellationToken)) is not { } text)
        {
            return null;
        }

        return IsWrittenInStaticConstructor(member) ? null : new WrittenConstant(text, initializer);
    }

    /// <summary>
    /// A constant initializer such as <c>= Prefix + "-key"</c> needs binding; that is only cheap for the tree already
    /// being analyzed, so members declared in other files are judged by their syntax alone.
    /// </summary>
    private static string? SameTreeConstant(ExpressionSyntax initializer, SemanticModel? model, CancellationToken cancellationToken) =>
        model is not null && initializer.SyntaxTree == model.SyntaxTree
            ? model.GetConstantValue(initializer, cancellationToken) is { HasValue: true, Value: string text } ? text : null
            : null;

    private static bool IsGetOnlyAutoProperty(PropertyDeclarationSyntax property) =>
        property.AccessorList is { Accessors: { Count: 1 } accessors }
        && accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration)
        && accessors[0].Body is null
        && accessors[0].ExpressionBody is null;

    /// <summary>A string literal, a hole-free interpolated string, or a concatenation of those.</summary>
    private static string? LiteralString(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return literal.Token.ValueText;
            case InterpolatedStringExpressionSyntax interpolated:
                var builder = new System.Text.StringBuilder();
                foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                {
                    if (content is not InterpolatedStringTextSyntax text)
                    {
                        return null;
                    }

                    builder.Append(text.TextToken.ValueText);
                }

                return builder.ToString();
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return LiteralString(binary.Left) is { } left && LiteralString(binary.Right) is { } right ? left + right : null;
            case ParenthesizedExpressionSyntax parenthesized:
                return LiteralString(parenthesized.Expression);
            default:
                return null;
        }
    }

    private static bool IsWrittenInStaticConstructor(ISymbol member)
    {
        foreach (SyntaxReference reference in member.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax type)
            {
                continue;
            }

            foreach (MemberDeclarationSyntax candidate in type.Members)
            {
                if (candidate is ConstructorDeclarationSyntax constructor
                    && constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
                    && MentionsAsWriteTarget(constructor, member.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MentionsAsWriteTarget(SyntaxNode body, string name)
    {
        foreach (SyntaxNode node in body.DescendantNodes())
        {
            ExpressionSyntax? target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                _ => null,
            };

            if (target is not null && NameOf(target) == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
