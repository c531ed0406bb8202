using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Lambda;

/// <summary>Where a piece of code runs, as the handler rules see it.</summary>
internal readonly struct HandlerSite
{
    public HandlerSite(string? handlerName, IMethodSymbol? member, bool directlyInMember)
    {
        HandlerName = handlerName;
        Member = member;
        DirectlyInMember = directlyInMember;
    }

    /// <summary>The display name of the innermost handler the code runs in (the function itself or one around it), or null.</summary>
    public string? HandlerName { get; }

    /// <summary>The member (method, constructor, accessor) that holds the code.</summary>
    public IMethodSymbol? Member { get; }

    /// <summary>No lambda or local function lies between the code and its member, so it runs each time the member runs.</summary>
    public bool DirectlyInMember { get; }
}

/// <summary>
/// Lambda handler discovery, one per compilation, for every handler rule: whether a method, local function or lambda
/// is a Lambda handler, and its display name. A handler is a function with an <c>ILambdaContext</c> parameter, a
/// method marked <c>[LambdaFunction]</c>, a method named by a deployment file, or a lambda or method group handed to
/// <c>LambdaBootstrapBuilder.Create</c> or <c>HandlerWrapper.GetHandlerWrapper</c>, directly or through a local.
/// </summary>
/// <remarks>
/// <see cref="For"/> returns null for a compilation with no Lambda marker (none of those types, no deployment file),
/// so a rule built on it registers nothing there. The bootstrap calls are found once, on the first question that
/// needs them, by a text search for the bootstrap type names; only the calls found are bound.
/// </remarks>
internal sealed class LambdaHandlers
{
    internal const string LambdaContextName = "Amazon.Lambda.Core.ILambdaContext";
    internal const string LambdaFunctionAttributeName = "Amazon.Lambda.Annotations.LambdaFunctionAttribute";
    internal const string BootstrapBuilderName = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder";
    internal const string HandlerWrapperName = "Amazon.Lambda.RuntimeSupport.HandlerWrapper";

    /// <summary>How a lambda handler is named in messages.</summary>
    internal const string LambdaDisplay = "(lambda)";

    private const string CreateMethod = "Create";
    private const string GetHandlerWrapperMethod = "GetHandlerWrapper";

    private readonly SourceIndex _source;
    private readonly INamedTypeSymbol? _lambdaContext;
    private readonly INamedTypeSymbol? _lambdaFunctionAttribute;
    private readonly INamedTypeSymbol? _bootstrapBuilder;
    private readonly INamedTypeSymbol? _handlerWrapper;
    private readonly ImmutableArray<AdditionalText> _additionalFiles;
    private readonly FolderPath? _projectFolder;
    private LambdaHandlerFiles? _handlerFiles;
    private BootstrapHandlers? _bootstrapHandlers;
    private ImmutableArray<(InvocationExpressionSyntax Call, TextSpan Body)> _bootstrapCallSites;
    private List<SyntaxTree>? _bootstrapTrees;
    private readonly ConcurrentDictionary<IMethodSymbol, string?> _methodNames = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, string?> _callingHandlers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<(IOperation Call, string HandlerName, IMethodSymbol CallerMember)>> _handlerCalls = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _contextTypes = new(SymbolEqualityComparer.Default);

    private LambdaHandlers(
        Compilation compilation,
        INamedTypeSymbol? lambdaContext,
        INamedTypeSymbol? lambdaFunctionAttribute,
        INamedTypeSymbol? bootstrapBuilder,
        INamedTypeSymbol? handlerWrapper,
        ImmutableArray<AdditionalText> additionalFiles,
        FolderPath? projectFolder,
        LambdaHandlerFiles? handlerFiles)
    {
        _source = SourceIndex.For(compilation);
        _lambdaContext = lambdaContext;
        _lambdaFunctionAttribute = lambdaFunctionAttribute;
        _bootstrapBuilder = bootstrapBuilder;
        _handlerWrapper = handlerWrapper;
        _additionalFiles = additionalFiles;
        _projectFolder = projectFolder;
        _handlerFiles = handlerFiles;
    }

    /// <summary>
    /// The discovery per compilation, with the AdditionalFiles and the project folder it was built from (a host could
    /// analyze one compilation with other files or options).
    /// </summary>
    private static readonly ConditionalWeakTable<Compilation, Tuple<ImmutableArray<AdditionalText>, FolderPath?, LambdaHandlers?>> s_perCompilation = new();

    /// <summary>The handler discovery shared by every rule that analyzes <paramref name="compilation"/>, or null when it has no Lambda marker.</summary>
    public static LambdaHandlers? For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        ImmutableArray<AdditionalText> files = options.AdditionalFiles;
        FolderPath? projectFolder = LambdaHandlerFiles.ProjectFolder(options);
        if (s_perCompilation.TryGetValue(compilation, out Tuple<ImmutableArray<AdditionalText>, FolderPath?, LambdaHandlers?>? cached) && IsBuiltFrom(cached, files, projectFolder))
        {
            return cached.Item3;
        }

        LambdaHandlers? handlers = Create(compilation, files, projectFolder, cancellationToken);
        return s_perCompilation.GetValue(compilation, _ => Tuple.Create(files, projectFolder, handlers)) is { } shared && IsBuiltFrom(shared, files, projectFolder) ? shared.Item3 : handlers;
    }

    private static bool IsBuiltFrom(Tuple<ImmutableArray<AdditionalText>, FolderPath?, LambdaHandlers?> cached, ImmutableArray<AdditionalText> files, FolderPath? projectFolder) =>
        cached.Item1 == files && cached.Item2?.Path == projectFolder?.Path;

    private static LambdaHandlers? Create(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, FolderPath? projectFolder, CancellationToken cancellationToken)
    {
        KnownTypes types = KnownTypes.For(compilation);
        INamedTypeSymbol? lambdaContext = types.Get(LambdaContextName);
        INamedTypeSymbol? attribute = types.Get(LambdaFunctionAttributeName);
        INamedTypeSymbol? bootstrapBuilder = types.Get(BootstrapBuilderName);
        INamedTypeSymbol? handlerWrapper = types.Get(HandlerWrapperName);
        LambdaHandlerFiles? files = null;
        if (lambdaContext is null && attribute is null && bootstrapBuilder is null && handlerWrapper is null)
        {
            // Only a deployment file can still name a handler (a method taking a Stream needs no Lambda type).
            files = LambdaHandlerFiles.Read(additionalFiles, projectFolder, cancellationToken);
            if (files.IsEmpty)
            {
                return null;
            }
        }

        return new LambdaHandlers(compilation, lambdaContext, attribute, bootstrapBuilder, handlerWrapper, additionalFiles, projectFolder, files);
    }

    /// <summary>
    /// Walks out from <paramref name="operation"/> through lambdas and local functions to its member: the innermost
    /// function that is a handler names the site.
    /// </summary>
    public HandlerSite SiteOf(IOperation operation, IMethodSymbol? member, CancellationToken cancellationToken)
    {
        bool direct = true;
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    direct = false;
                    if (IsHandler(lambda, cancellationToken))
                    {
                        return new HandlerSite(LambdaDisplay, member, direct);
                    }

                    break;
                case ILocalFunctionOperation localFunction:
                    direct = false;
                    if (HandlerName(localFunction.Symbol, cancellationToken) is { } localName)
                    {
                        return new HandlerSite(localName, member, direct);
                    }

                    break;
            }
        }

        member ??= EnclosingMember(operation, cancellationToken);
        return new HandlerSite(member is null ? null : HandlerName(member, cancellationToken), member, direct);
    }

    /// <summary>
    /// The handler that calls <paramref name="member"/> directly, one hop through <paramref name="hops"/>: the first by
    /// name when several do, so a message does not depend on the order of analysis. Method groups are not calls (handed
    /// to the bootstrap, they are handlers themselves). <paramref name="counts"/>, when given, decides whether a call
    /// from a handler (and the member holding it) runs on each invocation.
    /// </summary>
    public string? CallingHandler(IMethodSymbol member, CallHops hops, Func<IOperation, IMethodSymbol, bool>? counts, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        if (counts is not null)
        {
            return FirstCallingHandler(HandlerCalls(member, hops, cancellationToken), counts);
        }

        // Without a rule's own test the answer is the same for every rule: computed once per member.
        return _callingHandlers.TryGetValue(member, out string? cached)
            ? cached
            : _callingHandlers.GetOrAdd(member, FirstCallingHandler(HandlerCalls(member, hops, cancellationToken), counts: null));
    }

    private static string? FirstCallingHandler(ImmutableArray<(IOperation Call, string HandlerName, IMethodSymbol CallerMember)> calls, Func<IOperation, IMethodSymbol, bool>? counts)
    {
        string? first = null;
        foreach ((IOperation Call, string HandlerName, IMethodSymbol CallerMember) call in calls)
        {
            if ((first is null || string.CompareOrdinal(call.HandlerName, first) < 0)
                && (counts is null || counts(call.Call, call.CallerMember)))
            {
                first = call.HandlerName;
            }
        }

        return first;
    }

    /// <summary>
    /// The calls of <paramref name="member"/> that run in a handler, one hop through <paramref name="hops"/>, each with
    /// the display name of its handler and the member that holds it, in the order
    /// <see cref="CallHops.Callers(IMethodSymbol, Func{SyntaxNode, bool}, CancellationToken)"/> finds them; method
    /// groups left out. Bound once per member for every rule that asks.
    /// </summary>
    public ImmutableArray<(IOperation Call, string HandlerName, IMethodSymbol CallerMember)> HandlerCalls(IMethodSymbol member, CallHops hops, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        return _handlerCalls.TryGetValue(member, out ImmutableArray<(IOperation Call, string HandlerName, IMethodSymbol CallerMember)> cached)
            ? cached
            : _handlerCalls.GetOrAdd(member, FindHandlerCalls(member, hops, cancellationToken));
    }

    private ImmutableArray<(IOperation Call, string HandlerName, IMethodSymbol CallerMember)> FindHandlerCalls(IMethodSymbol member, CallHops hops, CancellationToken cancellationToken)
    {
        ImmutableArray<IOperation> callers = hops.Callers(member, use => MayRunInHandler(use, cancellationToken), cancellationToken);
        if (callers.IsEmpty)
        {
            return ImmutableArray<(IOperation, string, IMethodSymbol)>.Empty;
        }

        ImmutableArray<(IOperation Call, string HandlerName, IMethodSymbol CallerMember)>.Builder calls =
            ImmutableArray.CreateBuilder<(IOperation Call, string HandlerName, IMethodSymbol CallerMember)>();
        foreach (IOperation call in callers)
        {
            if (call is IMethodReferenceOperation)
            {
                continue;
            }

            HandlerSite caller = SiteOf(call, member: null, cancellationToken);
            if (caller.HandlerName is { } name && caller.Member is { } callerMember)
            {
                calls.Add((call, name, callerMember));
            }
        }

        return calls.ToImmutable();
    }

    /// <summary>
    /// Whether a use of a member can sit in a handler, decided from its syntax and its method's declaration, before
    /// the body is bound: a common name used all over the project binds only the uses in handlers and lambdas.
    /// </summary>
    public bool MayRunInHandler(SyntaxNode use, CancellationToken cancellationToken)
    {
        foreach (SyntaxNode ancestor in use.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    // Its parameters or its bootstrap call decide: bound to find out.
                    return true;
                case MethodDeclarationSyntax method:
                    return _source.Model(method.SyntaxTree).GetDeclaredSymbol(method, cancellationToken) is { } symbol
                        && HandlerName(symbol, cancellationToken) is not null;
                case MemberDeclarationSyntax or GlobalStatementSyntax:
                    // Constructors, accessors, initializers and the top-level program itself are never handlers.
                    return false;
            }
        }

        return false;
    }

    /// <summary>The member holding an operation bound from syntax: the enclosing symbol, out of any lambda or local function.</summary>
    private static IMethodSymbol? EnclosingMember(IOperation operation, CancellationToken cancellationToken)
    {
        ISymbol? symbol = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol as IMethodSymbol;
    }

    /// <summary>The display name when an ordinary method or local function is a handler, else null.</summary>
    public string? HandlerName(IMethodSymbol function, CancellationToken cancellationToken)
    {
        if (function.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction))
        {
            return null;
        }

        function = function.OriginalDefinition;
        if (_methodNames.TryGetValue(function, out string? cached))
        {
            return cached;
        }

        bool isHandler = HasContextParameter(function)
            || (function.MethodKind == MethodKind.Ordinary && (HasLambdaFunctionAttribute(function) || IsNamedByDeploymentFile(function, cancellationToken)))
            || (MayBeHandedToBootstrap(function.Name, cancellationToken) && Bootstrap(cancellationToken).Methods.Contains(function));
        return _methodNames.GetOrAdd(function, isHandler ? Display(function) : null);
    }

    /// <summary>
    /// The event a handler takes: its first parameter that is not the <c>ILambdaContext</c> (the runtime passes the
    /// input first), or null for a handler without one.
    /// </summary>
    public IParameterSymbol? InputParameter(IMethodSymbol handler)
    {
        foreach (IParameterSymbol parameter in handler.Parameters)
        {
            if (_lambdaContext is null || !IsContextType(parameter.Type))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>True when the lambda takes an <c>ILambdaContext</c> or is handed to the bootstrap, directly or through a local.</summary>
    public bool IsHandler(IAnonymousFunctionOperation lambda, CancellationToken cancellationToken)
    {
        if (HasContextParameter(lambda.Symbol))
        {
            return true;
        }

        if (_bootstrapBuilder is null && _handlerWrapper is null)
        {
            return false;
        }

        if (lambda.Parent is IDelegateCreationOperation delegateCreation && IsBootstrapHandlerArgument(delegateCreation))
        {
            return true;
        }

        return IsStoredInLocal(lambda)
            && IsInBootstrapCallBody(lambda.Syntax, cancellationToken)
            && Bootstrap(cancellationToken).Lambdas.Contains((lambda.Syntax.SyntaxTree, lambda.Syntax.Span));
    }

    /// <summary>A lambda written into a local, the only way other than the argument itself that it reaches the bootstrap call.</summary>
    private static bool IsStoredInLocal(IAnonymousFunctionOperation lambda)
    {
        IOperation value = lambda;
        while (value.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            value = value.Parent;
        }

        return value.Parent is IVariableInitializerOperation or ISimpleAssignmentOperation { Target: ILocalReferenceOperation };
    }

    public bool HasContextParameter(IMethodSymbol method)
    {
        if (_lambdaContext is null)
        {
            return false;
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (IsContextType(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The type is or implements <c>ILambdaContext</c>: asked for every parameter of every function the rules look at,
    /// so answered once per type. The core library's own types (<c>string</c>, <c>int</c>...) implement no Lambda interface.
    /// </summary>
    private bool IsContextType(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None)
        {
            return false;
        }

        return _contextTypes.TryGetValue(type, out bool cached)
            ? cached
            : _contextTypes.GetOrAdd(type, type.IsOrImplements(_lambdaContext));
    }

    private bool HasLambdaFunctionAttribute(IMethodSymbol method)
    {
        if (_lambdaFunctionAttribute is null || !MayHaveAttributes(method))
        {
            return false;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass.IsOrDerivesFrom(_lambdaFunctionAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when no declaration of a source method writes an attribute list: its attributes are then known to be none
    /// without binding them, which is the answer for nearly every method asked about. A partial method's attributes
    /// are those of both its parts, each a symbol of its own: bound.
    /// </summary>
    private static bool MayHaveAttributes(IMethodSymbol method)
    {
        ImmutableArray<SyntaxReference> declarations = method.DeclaringSyntaxReferences;
        if (declarations.IsEmpty || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null)
        {
            return true;
        }

        foreach (SyntaxReference declaration in declarations)
        {
            if (declaration.GetSyntax() is not MethodDeclarationSyntax { AttributeLists.Count: 0 })
            {
                return true;
            }
        }

        return false;
    }

    private bool IsNamedByDeploymentFile(IMethodSymbol method, CancellationToken cancellationToken)
    {
        LambdaHandlerFiles files = _handlerFiles ??= LambdaHandlerFiles.Read(_additionalFiles, _projectFolder, cancellationToken);
        return files.NamesMethod(method.Name) && files.Names(MetadataFullName(method.ContainingType), method.Name);
    }

    private bool IsBootstrapHandlerArgument(IDelegateCreationOperation delegateCreation)
    {
        IOperation? parent = delegateCreation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parameter.Name: "handler", Parent: IInvocationOperation invocation } && IsBootstrapCall(invocation.TargetMethod);
    }

    private bool IsBootstrapCall(IMethodSymbol target) =>
        (target.Name == CreateMethod && SymbolEqualityComparer.Default.Equals(target.ContainingType, _bootstrapBuilder))
        || (target.Name == GetHandlerWrapperMethod && SymbolEqualityComparer.Default.Equals(target.ContainingType, _handlerWrapper));

    // ---- The bootstrap calls of the compilation ----

    /// <summary>The methods and lambdas handed to the bootstrap anywhere in the compilation, found on first use.</summary>
    private sealed class BootstrapHandlers
    {
        public static readonly BootstrapHandlers None = new(new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), new HashSet<(SyntaxTree, TextSpan)>());

        public BootstrapHandlers(HashSet<IMethodSymbol> methods, HashSet<(SyntaxTree, TextSpan)> lambdas)
        {
            Methods = methods;
            Lambdas = lambdas;
        }

        public HashSet<IMethodSymbol> Methods { get; }

        /// <summary>Lambdas by tree and span: red syntax nodes are not guaranteed to be the same instances on every walk.</summary>
        public HashSet<(SyntaxTree, TextSpan)> Lambdas { get; }
    }

    private BootstrapHandlers Bootstrap(CancellationToken cancellationToken)
    {
        if (_bootstrapHandlers is { } found)
        {
            return found;
        }

        BootstrapHandlers handlers = _bootstrapBuilder is null && _handlerWrapper is null ? BootstrapHandlers.None : FindBootstrapHandlers(cancellationToken);
        return Interlocked.CompareExchange(ref _bootstrapHandlers, handlers, null) ?? handlers;
    }

    /// <summary>
    /// The bootstrap's calls as written (<c>LambdaBootstrapBuilder.Create(...)</c>, <c>HandlerWrapper.GetHandlerWrapper(...)</c>,
    /// through <c>using static</c> and aliases too), each with the span of the body that holds it: found by the name
    /// search, nothing bound. A handler is handed to a call as an argument or through a local of the same body, so a
    /// method or lambda that no such body writes is not handed to one, and the calls (whose binding is most of what
    /// the bootstrap costs) are bound only for one that is.
    /// </summary>
    private ImmutableArray<(InvocationExpressionSyntax Call, TextSpan Body)> BootstrapCallSites(CancellationToken cancellationToken)
    {
        if (!_bootstrapCallSites.IsDefault)
        {
            return _bootstrapCallSites;
        }

        ImmutableArray<(InvocationExpressionSyntax, TextSpan)>.Builder sites = ImmutableArray.CreateBuilder<(InvocationExpressionSyntax, TextSpan)>();
        if (_bootstrapBuilder is not null || _handlerWrapper is not null)
        {
            foreach (InvocationExpressionSyntax call in FindBootstrapCallSyntax(cancellationToken))
            {
                // Top-level statements are one body, whatever statement each is.
                SyntaxNode body = call.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member and not GlobalStatementSyntax
                    ? member
                    : call.SyntaxTree.GetRoot(cancellationToken);
                sites.Add((call, body.Span));
            }
        }

        // The trees before the sites: a thread that sees the sites sees their trees.
        var trees = new List<SyntaxTree>();
        foreach ((InvocationExpressionSyntax call, _) in sites)
        {
            if (!trees.Contains(call.SyntaxTree))
            {
                trees.Add(call.SyntaxTree);
            }
        }

        Interlocked.CompareExchange(ref _bootstrapTrees, trees, null);
        ImmutableInterlocked.InterlockedInitialize(ref _bootstrapCallSites, sites.ToImmutable());
        return _bootstrapCallSites;
    }

    /// <summary>
    /// False when no body holding a bootstrap call names <paramref name="name"/> other than to call it (<c>.Build()</c>):
    /// no method of that name is handed to the bootstrap, which takes a method as a group, not as a call.
    /// </summary>
    private bool MayBeHandedToBootstrap(string name, CancellationToken cancellationToken)
    {
        ImmutableArray<(InvocationExpressionSyntax Call, TextSpan Body)> sites = BootstrapCallSites(cancellationToken);
        if (sites.IsEmpty)
        {
            return false;
        }

        foreach (SyntaxToken token in _source.Occurrences(name, _bootstrapTrees!, cancellationToken))
        {
            if (token.Parent is SimpleNameSyntax simpleName && simpleName.CallOf() is null && InSomeBody(sites, token.SyntaxTree!, token.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InSomeBody(ImmutableArray<(InvocationExpressionSyntax Call, TextSpan Body)> sites, SyntaxTree tree, TextSpan span)
    {
        foreach ((InvocationExpressionSyntax call, TextSpan body) in sites)
        {
            if (call.SyntaxTree == tree && body.Contains(span))
            {
                return true;
            }
        }

        return false;
    }


    /// <summary>True when <paramref name="lambda"/> sits in a body that holds a bootstrap call.</summary>
    private bool IsInBootstrapCallBody(SyntaxNode lambda, CancellationToken cancellationToken) =>
        InSomeBody(BootstrapCallSites(cancellationToken), lambda.SyntaxTree, lambda.Span);

    private BootstrapHandlers FindBootstrapHandlers(CancellationToken cancellationToken)
    {
        var methods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var lambdas = new HashSet<(SyntaxTree, TextSpan)>();
        foreach ((InvocationExpressionSyntax call, _) in BootstrapCallSites(cancellationToken))
        {
            if (_source.Model(call.SyntaxTree).GetOperation(call, cancellationToken) is not IInvocationOperation invocation
                || !IsBootstrapCall(invocation.TargetMethod))
            {
                continue;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "handler")
                {
                    AddHandler(argument.Value, invocation, methods, lambdas, throughLocal: true);
                }
            }
        }

        return new BootstrapHandlers(methods, lambdas);
    }

    private HashSet<InvocationExpressionSyntax> FindBootstrapCallSyntax(CancellationToken cancellationToken)
    {
        var calls = new HashSet<InvocationExpressionSyntax>();

        // (name written in the code, bootstrap method, whether the name is the method itself, the one tree it is used in or null for all)
        var searches = new Queue<(string Name, string Method, bool Unqualified, SyntaxTree? Scope)>();
        searches.Enqueue(("LambdaBootstrapBuilder", CreateMethod, false, null));
        searches.Enqueue(("HandlerWrapper", GetHandlerWrapperMethod, false, null));
        var searched = new HashSet<(string, string, bool, SyntaxTree?)>();
        while (searches.Count > 0)
        {
            (string name, string method, bool unqualified, SyntaxTree? scope) = searches.Dequeue();
            if (!searched.Add((name, method, unqualified, scope)))
            {
                continue;
            }

            foreach (SyntaxToken token in _source.Occurrences(name, cancellationToken))
            {
                if (scope is not null && token.SyntaxTree != scope)
                {
                    continue;
                }

                if (token.Parent?.FirstAncestorOrSelf<UsingDirectiveSyntax>() is { } directive)
                {
                    // `using static ...LambdaBootstrapBuilder;` and `using B = ...LambdaBootstrapBuilder;` bring other names.
                    SyntaxTree? usedIn = directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) ? null : directive.SyntaxTree;
                    if (directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword))
                    {
                        searches.Enqueue((method, method, true, usedIn));
                    }
                    else if (directive.Alias is { } alias)
                    {
                        searches.Enqueue((alias.Name.Identifier.ValueText, method, false, usedIn));
                    }

                    continue;
                }

                if (BootstrapCallSyntax(token, method, unqualified) is { } call)
                {
                    calls.Add(call);
                }
            }
        }

        return calls;
    }

    /// <summary>The <c>X.Create(...)</c> (or <c>Create(...)</c> under <c>using static</c>) call a name token begins.</summary>
    private static InvocationExpressionSyntax? BootstrapCallSyntax(SyntaxToken token, string method, bool unqualified)
    {
        if (unqualified)
        {
            return token.Parent is IdentifierNameSyntax name && name.Parent is InvocationExpressionSyntax call && call.Expression == name ? call : null;
        }

        InvocationExpressionSyntax? invocation = token.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        return invocation?.Expression is MemberAccessExpressionSyntax access
            && access.Name.Identifier.ValueText == method
            && access.Expression.Span.Contains(token.Span)
            ? invocation
            : null;
    }

    private static void AddHandler(
        IOperation value, IInvocationOperation call, HashSet<IMethodSymbol> methods, HashSet<(SyntaxTree, TextSpan)> lambdas, bool throughLocal)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        }

        switch (value)
        {
            case IMethodReferenceOperation reference:
                methods.Add(reference.Method.OriginalDefinition);
                break;
            case IAnonymousFunctionOperation lambda:
                lambdas.Add((lambda.Syntax.SyntaxTree, lambda.Syntax.Span));
                break;
            case ILocalReferenceOperation local when throughLocal:
                // `Func<...> handler = FunctionHandler;` or `var handler = async (input, context) => ...;`, then the local passed.
                foreach (IOperation operation in call.Root().Descendants())
                {
                    IOperation? written = operation switch
                    {
                        IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) =>
                            declarator.Initializer?.Value,
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                            when SymbolEqualityComparer.Default.Equals(target.Local, local.Local) => assignment.Value,
                        _ => null,
                    };

                    if (written is not null)
                    {
                        AddHandler(written, call, methods, lambdas, throughLocal: false);
                    }
                }

                break;
        }
    }

    internal static string Display(IMethodSymbol method) =>
        method.MethodKind == MethodKind.LocalFunction || method.ContainingType is null
            ? method.Name
            : method.ContainingType.Name + "." + method.Name;

    /// <summary>The type's name as a handler string writes it: <c>Namespace.Outer+Inner</c>.</summary>
    private static string MetadataFullName(INamedTypeSymbol type)
    {
        var parts = new Stack<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            parts.Push(current.MetadataName);
        }

        string name = string.Join("+", parts);
        INamespaceSymbol? ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }
}
