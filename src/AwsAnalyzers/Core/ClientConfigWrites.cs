using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core;

/// <summary>
/// What the code writes to one property of a client config it creates itself (<c>new AmazonSQSConfig { Timeout = … }</c>,
/// or <c>config.ServiceURL = …;</c> on the local that holds it), for rules whose answer depends on the client's
/// settings. Also finds that config: the one a call's client is built with (<see cref="EditableConfigOf"/>).
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

    /// <summary>
    /// The <c>new AmazonXConfig { ... }</c> of the client the write goes through, when that client is created in the same
    /// file and type, from a field or property initializer, a constructor assignment, or a local, and its config is
    /// created right there or in a local of the same body. Null when the client comes from elsewhere (injected, a
    /// factory) or is assigned more than once.
    /// </summary>
    public static ObjectCreationExpressionSyntax? EditableConfigOf(
        IInvocationOperation invocation, SemanticModel model, INamedTypeSymbol? clientConfig, CancellationToken cancellationToken)
    {
        if (clientConfig is null || invocation.Instance?.WalkDownConversions() is not { } receiver)
        {
            return null;
        }

        IObjectCreationOperation? creation = receiver switch
        {
            IObjectCreationOperation direct => direct,
            ILocalReferenceOperation local => SingleCreation(local.Local, model, cancellationToken),
            IFieldReferenceOperation { Field: { } field } when IsInSameType(field, invocation) => SingleCreation(field, model, cancellationToken),
            IPropertyReferenceOperation { Property: { } property } when IsInSameType(property, invocation) => SingleCreation(property, model, cancellationToken),
            _ => null,
        };

        if (creation is null)
        {
            return null;
        }

        foreach (IArgumentOperation argument in creation.Arguments)
        {
            if (argument.Parameter?.Type.IsOrDerivesFrom(clientConfig) != true)
            {
                continue;
            }

            IOperation value = argument.Value.WalkDownConversions();
            if (value is ILocalReferenceOperation configLocal)
            {
                value = SingleCreation(configLocal.Local, model, cancellationToken) ?? value;
            }

            return value is IObjectCreationOperation { Syntax: ObjectCreationExpressionSyntax syntax } ? syntax : null;
        }

        return null;
    }

    private static bool IsInSameType(ISymbol member, IOperation use) =>
        SymbolEqualityComparer.Default.Equals(member.ContainingType, use.SemanticModel?.GetEnclosingSymbol(use.Syntax.SpanStart)?.ContainingType);

    /// <summary>
    /// Per compilation, per field or property: the one value ever stored in it (null when there is none or several).
    /// Every call through a client field asks about the same field, and the answer walks the whole type.
    /// </summary>
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<ISymbol, ExpressionSyntax?>> s_storedInMember = new();

    /// <summary>The one object creation ever stored in the local, field or property, found in this file.</summary>
    private static IObjectCreationOperation? SingleCreation(ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        if (symbol.DeclaringSyntaxReferences.Length != 1 || symbol.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        ExpressionSyntax? stored;
        if (symbol is ILocalSymbol)
        {
            stored = SingleStored(symbol, model, cancellationToken);
        }
        else
        {
            ConcurrentDictionary<ISymbol, ExpressionSyntax?> members =
                s_storedInMember.GetValue(model.Compilation, static _ => new ConcurrentDictionary<ISymbol, ExpressionSyntax?>(SymbolEqualityComparer.Default));
            if (!members.TryGetValue(symbol, out stored))
            {
                stored = SingleStored(symbol, model, cancellationToken);
                members.TryAdd(symbol, stored);
            }
        }

        return stored is null ? null : model.GetOperation(stored, cancellationToken)?.WalkDownConversions() as IObjectCreationOperation;
    }

    /// <summary>The one value ever stored in the local, field or property in this file when it is an object creation, or null.</summary>
    private static ExpressionSyntax? SingleStored(ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        ExpressionSyntax? initializer = declaration switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value,
            _ => null,
        };

        // Later assignments: in the declaring body for a local, in the type's members for a field or property.
        SyntaxNode? scope = symbol is ILocalSymbol
            ? declaration.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax)
            : declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (scope is null || (symbol is not ILocalSymbol && symbol.ContainingType.DeclaringSyntaxReferences.Length != 1))
        {
            return null;
        }

        // The answer is a creation only when exactly one value is stored and it is one: the first value that is not a
        // creation, or a second value, settles it without reading the rest of the scope.
        ExpressionSyntax? single = null;
        if (initializer is not null)
        {
            if (CreationOf(initializer, model, cancellationToken) is null)
            {
                return null;
            }

            single = initializer;
        }

        // The assignments are found from the name's tokens in the file, which the source index finds in its text: a
        // client field is used all over a large type, whose every node a walk would visit.
        foreach (SyntaxToken token in SourceIndex.For(model.Compilation).Occurrences(symbol.Name, new[] { model.SyntaxTree }, cancellationToken))
        {
            if (scope.Span.Contains(token.Span)
                && token.Parent is IdentifierNameSyntax name
                && AssignmentTo(name) is { } assignment
                && model.GetOperation(assignment, cancellationToken) is IAssignmentOperation { Target: { } target }
                && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(target), symbol))
            {
                if (single is not null || CreationOf(assignment.Right, model, cancellationToken) is null)
                {
                    return null;
                }

                single = assignment.Right;
            }
        }

        return single;
    }

    private static IObjectCreationOperation? CreationOf(ExpressionSyntax stored, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetOperation(stored, cancellationToken)?.WalkDownConversions() as IObjectCreationOperation;

    /// <summary>The assignment whose target is <paramref name="name"/> (<c>x = …</c>) or a member access ending in it (<c>this.x = …</c>), or null.</summary>
    private static AssignmentExpressionSyntax? AssignmentTo(IdentifierNameSyntax name)
    {
        ExpressionSyntax target = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target ? assignment : null;
    }

    private static ISymbol? ReferencedSymbol(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };
}
