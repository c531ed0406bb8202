using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Credentials;

/// <summary>
/// Fixes AWS008 by letting the SDK's default credential chain find credentials: the key arguments of a client or
/// <c>TransferUtility</c> constructor are dropped (<c>(key, secret, region)</c> → <c>(region)</c>), a credentials object
/// passed to one is dropped with the local that held it, and one assigned to <c>AWSOptions.Credentials</c> is removed
/// with its assignment. No fix where the credentials are used anywhere else or the type has no constructor without them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS008AccessKeyInCodeCodeFix)), Shared]
public sealed class AWS008AccessKeyInCodeCodeFix : DocumentCodeFixProvider
{
    public const string UseDefaultChainEquivalenceKey = "AWS008.UseDefaultCredentialChain";

    private const string AwsOptionsName = "Amazon.Extensions.NETCore.Setup.AWSOptions";

    /// <summary>The string parameters of the key constructors that carry credentials.</summary>
    private static readonly ImmutableHashSet<string> s_keyParameters =
        ImmutableHashSet.Create("awsAccessKeyId", "awsSecretAccessKey", "awsSessionToken");

    public AWS008AccessKeyInCodeCodeFix()
        : base(AWS008AccessKeyInCodeAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (Plan(diagnostic, root, model, context.CancellationToken) is not null)
        {
            RegisterFix(context, diagnostic, CodeFixResources.AWS008UseDefaultCredentialChain, UseDefaultChainEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || equivalenceKey != UseDefaultChainEquivalenceKey)
        {
            return document;
        }

        var argumentLists = new Dictionary<ArgumentListSyntax, ArgumentListSyntax>();
        var removals = new HashSet<SyntaxNode>();
        var dropped = new List<SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (Plan(diagnostic, root, model, cancellationToken) is not { } plan || argumentLists.ContainsKey(plan.Arguments))
            {
                continue;
            }

            if (plan.NewArguments is { } newArguments)
            {
                argumentLists[plan.Arguments] = newArguments;
            }

            removals.UnionWith(plan.Removed);
            dropped.AddRange(plan.Dropped);
        }

        if (argumentLists.Count == 0 && removals.Count == 0)
        {
            return document;
        }

        // What goes away: the dropped arguments, the statements and initializer entries, and then the locals only those used.
        var gone = new List<SyntaxNode>(removals);
        gone.AddRange(dropped);
        removals.UnionWith(UnusedLocals.DeclarationsLeftUnused(model, gone, cancellationToken));
        var replacements = argumentLists.ToDictionary(list => (SyntaxNode)list.Key, list => (SyntaxNode)list.Value);
        foreach (SyntaxNode removed in removals.ToList())
        {
            if (removed is ExpressionSyntax entry && SyntaxRemoval.WithoutLastEntry(entry) is { } initializer)
            {
                removals.Remove(entry);
                replacements[entry.Parent!] = initializer;
            }
        }

        return document.WithSyntaxRoot(SyntaxRemoval.ReplaceAndRemove(root, replacements, removals));
    }

    /// <summary>One diagnostic's edit: an argument list rewritten (the creation that takes credentials) and nodes removed.</summary>
    private sealed class FixPlan
    {
        public FixPlan(ArgumentListSyntax arguments, ArgumentListSyntax? newArguments, IReadOnlyList<SyntaxNode> dropped, IReadOnlyList<SyntaxNode> removed)
        {
            Arguments = arguments;
            NewArguments = newArguments;
            Dropped = dropped;
            Removed = removed;
        }

        public ArgumentListSyntax Arguments { get; }

        /// <summary>The argument list without credentials; null when the credentials are not an argument (AWSOptions).</summary>
        public ArgumentListSyntax? NewArguments { get; }

        /// <summary>The arguments the new list leaves out.</summary>
        public IReadOnlyList<SyntaxNode> Dropped { get; }

        /// <summary>Statements and initializer entries removed.</summary>
        public IReadOnlyList<SyntaxNode> Removed { get; }
    }

    private static FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (diagnostic.AdditionalLocations.Count == 0
            || diagnostic.AdditionalLocations[0] is not { SourceTree: { } tree } location
            || tree != root.SyntaxTree
            || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not { } node
            || node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { ArgumentList: { } arguments } creationSyntax
            || model.GetOperation(creationSyntax, cancellationToken) is not IObjectCreationOperation { Constructor: { } constructor } creation)
        {
            return null;
        }

        KnownTypes types = KnownTypes.For(model.Compilation);
        INamedTypeSymbol? credentials = types.Get(AWS008AccessKeyInCodeAnalyzer.CredentialsName);
        if (constructor.ContainingType.IsOrDerivesFrom(credentials))
        {
            return CredentialsPlan(creation, types, cancellationToken);
        }

        // A client or TransferUtility given the key strings: the same constructor without them.
        return WithoutArguments(creation, arguments, argument => argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
            && s_keyParameters.Contains(parameter.Name), removed: []);
    }

    /// <summary>
    /// A credentials object (<c>BasicAWSCredentials</c>, <c>SessionAWSCredentials</c>) goes away with its one use: the
    /// argument of a client's constructor, or the assignment to <c>AWSOptions.Credentials</c>, directly or through one
    /// local written once and read once.
    /// </summary>
    private static FixPlan? CredentialsPlan(IObjectCreationOperation credentials, KnownTypes types, CancellationToken cancellationToken)
    {
        IOperation use = Carrier(credentials);
        var removed = new List<SyntaxNode>();
        if (use.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } declarator }
            && declarator.Syntax.Parent?.Parent is LocalDeclarationStatementSyntax declaration)
        {
            ValueFlow flow = ValueFlow.For(credentials, cancellationToken);
            if (flow.Writes(local).Length != 1 || flow.Reads(local) is not { Length: 1 } reads)
            {
                return null;
            }

            removed.Add(declaration.Parent is GlobalStatementSyntax global ? global : declaration);
            use = Carrier(reads[0]);
        }

        switch (use.Parent)
        {
            case IArgumentOperation { Parent: IObjectCreationOperation { Syntax: BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } } client } argument
                when argument.Parameter?.Type.IsOrDerivesFrom(types.Get(AWS008AccessKeyInCodeAnalyzer.CredentialsName)) == true
                && client.Constructor is { ContainingType: { } clientType } && IsClientOrTransferUtility(clientType, types):
                return WithoutArguments(client, arguments, candidate => candidate == argument, removed);
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Credentials" } property } } assignment
                when property.ContainingType.IsOrDerivesFrom(types.Get(AwsOptionsName))
                && assignment.Syntax.Parent is InitializerExpressionSyntax or ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax }
                && credentials.Syntax.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { ArgumentList: { } own }:
                removed.Add(assignment.Syntax.Parent is ExpressionStatementSyntax statement ? statement : assignment.Syntax);
                return new FixPlan(own, newArguments: null, dropped: [], removed);
            default:
                return null;
        }
    }

    private static bool IsClientOrTransferUtility(INamedTypeSymbol type, KnownTypes types) =>
        type.IsOrDerivesFrom(types.Get(AWS008AccessKeyInCodeAnalyzer.ServiceClientName))
        || type.IsOrDerivesFrom(types.Get(AWS008AccessKeyInCodeAnalyzer.TransferUtilityName));

    /// <summary>The value as its user sees it: through conversions (<c>AWSCredentials c = new BasicAWSCredentials(…)</c>).</summary>
    private static IOperation Carrier(IOperation operation)
    {
        while (operation.Parent is IConversionOperation conversion)
        {
            operation = conversion;
        }

        return operation;
    }

    /// <summary>
    /// The creation's argument list without the arguments <paramref name="drop"/> picks, when the type has a public
    /// constructor that takes exactly the rest (positional arguments only, so the order is the parameters').
    /// </summary>
    private static FixPlan? WithoutArguments(
        IObjectCreationOperation creation, ArgumentListSyntax arguments, System.Func<IArgumentOperation, bool> drop, IReadOnlyList<SyntaxNode> removed)
    {
        if (arguments.Arguments.Any(argument => argument.NameColon is not null)
            || creation.Arguments.Any(argument => argument.ArgumentKind != ArgumentKind.Explicit))
        {
            return null;
        }

        var keptTypes = new List<ITypeSymbol>();
        var kept = new List<ArgumentSyntax>();
        var dropped = new List<SyntaxNode>();
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            if (drop(argument))
            {
                dropped.Add(argument.Syntax);
            }
            else if (argument.Parameter is { } parameter && argument.Syntax is ArgumentSyntax syntax)
            {
                keptTypes.Add(parameter.Type);
                kept.Add(syntax);
            }
            else
            {
                return null;
            }
        }

        if (dropped.Count == 0 || !HasConstructor(creation.Constructor!.ContainingType, keptTypes))
        {
            return null;
        }

        return new FixPlan(arguments, ArgumentsKept(arguments, kept), dropped, removed);
    }

    private static bool HasConstructor(INamedTypeSymbol type, List<ITypeSymbol> parameterTypes)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility == Accessibility.Public
                && constructor.Parameters.Length == parameterTypes.Count
                && constructor.Parameters.Select(p => p.Type).SequenceEqual(parameterTypes, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The kept arguments with the separators that followed them, the first in the place (and trivia) of the first.</summary>
    private static ArgumentListSyntax ArgumentsKept(ArgumentListSyntax arguments, List<ArgumentSyntax> kept)
    {
        SeparatedSyntaxList<ArgumentSyntax> original = arguments.Arguments;
        var nodesAndTokens = new List<SyntaxNodeOrToken>();
        for (int i = 0; i < kept.Count; i++)
        {
            ArgumentSyntax argument = kept[i];
            if (i == 0 && argument != original[0])
            {
                argument = argument.WithLeadingTrivia(original[0].GetLeadingTrivia());
            }

            nodesAndTokens.Add(argument);
            if (i < kept.Count - 1)
            {
                int index = original.IndexOf(kept[i]);
                nodesAndTokens.Add(index < original.SeparatorCount ? original.GetSeparator(index) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            }
        }

        return arguments.WithArguments(SyntaxFactory.SeparatedList<ArgumentSyntax>(nodesAndTokens));
    }
}
