using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace AwsAnalyzers.Core;

/// <summary>
/// How a fix writes the types its new code names. The code is written with each type's <c>global::</c> name, and
/// <see cref="Annotate"/> marks those names for the clean-up that runs after every code action: it adds the missing
/// <c>using</c> directive (unless that would make another name ambiguous) and shortens the name to the shortest one
/// that still binds to the same type, so another type of that name in scope keeps the qualified one.
/// </summary>
internal sealed class GeneratedTypeNames
{
    private readonly KnownTypes _types;
    private readonly Dictionary<string, INamedTypeSymbol> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<string, INamedTypeSymbol> _extensionContainers = new(StringComparer.Ordinal);

    private readonly SyntaxGenerator _generator;
    private readonly Compilation _compilation;

    public GeneratedTypeNames(Compilation compilation, SyntaxGenerator generator)
    {
        _compilation = compilation;
        _types = KnownTypes.For(compilation);
        _generator = generator;
    }

    /// <summary>The text that names the type (by metadata name, not generic) in generated code.</summary>
    public string Name(string metadataName)
    {
        string written = "global::" + metadataName;
        if (!_written.ContainsKey(written) && _types.Get(metadataName) is { } type)
        {
            _written.Add(written, type);
        }

        return written;
    }

    /// <summary>The text that names <c>List&lt;string&gt;</c> in generated code.</summary>
    public string ListOfString()
    {
        const string written = "global::System.Collections.Generic.List<string>";
        if (!_written.ContainsKey(written) && _types.Get("System.Collections.Generic.List`1") is { } list)
        {
            _written.Add(written, list.Construct(_compilation.GetSpecialType(SpecialType.System_String)));
        }

        return written;
    }

    /// <summary>The text that names <c>List&lt;T&gt;</c> of the type named by <paramref name="elementMetadataName"/> in generated code.</summary>
    public string ListOf(string elementMetadataName)
    {
        string written = "global::System.Collections.Generic.List<global::" + elementMetadataName + ">";
        if (!_written.ContainsKey(written) && _types.Get("System.Collections.Generic.List`1") is { } list && _types.Get(elementMetadataName) is { } element)
        {
            _written.Add(written, list.Construct(element));
        }

        return written;
    }

    /// <summary>Makes the generated code import the namespace of a type whose extension methods it calls (<c>System.Linq.Enumerable</c>).</summary>
    public void ImportExtensionsOf(string metadataName)
    {
        if (!_extensionContainers.ContainsKey(metadataName) && _types.Get(metadataName) is { } type)
        {
            _extensionContainers.Add(metadataName, type);
        }
    }

    /// <summary>Marks the names <see cref="Name"/> wrote in <paramref name="node"/> for the import adder and the simplifier.</summary>
    public TNode Annotate<TNode>(TNode node)
        where TNode : SyntaxNode
    {
        var names = node.DescendantNodesAndSelf()
            .Where(n => n is QualifiedNameSyntax or MemberAccessExpressionSyntax && _written.ContainsKey(n.ToString()))
            .ToList();
        var extensionCalls = _extensionContainers.Count == 0
            ? new List<SimpleNameSyntax>()
            : node.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Select(a => a.Name)
                .Where(name => ExtensionContainer(name) is not null)
                .ToList<SimpleNameSyntax>();
        return node.ReplaceNodes(names.Concat<SyntaxNode>(extensionCalls), (original, current) =>
        {
            if (original is SimpleNameSyntax call && extensionCalls.Contains(call))
            {
                // The import adder takes the namespaces to import from the symbols that generated type names carry.
                return TypeExpression(ExtensionContainer(call)!).CopyAnnotationsTo(current)!;
            }

            SyntaxNode name = TypeExpression(_written[original.ToString()]);
            if (original is ExpressionSyntax and not NameSyntax)
            {
                // In an expression (`Random.Shared`) the name must stay a member access, as the parser reads it.
                name = name.CopyAnnotationsTo(SyntaxFactory.ParseExpression(name.ToString()))!;
            }

            return name.WithTriviaFrom(current);
        });
    }

    /// <summary>The type's <c>global::</c> name, marked for the simplifier and for the import adder (which only visits nodes marked for it).</summary>
    private SyntaxNode TypeExpression(INamedTypeSymbol type) =>
        _generator.TypeExpression(type, addImport: true).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);

    private INamedTypeSymbol? ExtensionContainer(SimpleNameSyntax name) =>
        _extensionContainers.Values.FirstOrDefault(type => type.GetMembers(name.Identifier.ValueText).Any(m => m is IMethodSymbol { IsExtensionMethod: true }));
}
