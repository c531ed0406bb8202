using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core;

/// <summary>
/// A fact about what one call to a project method does, that a rule asks about (reads a stream parameter whole,
/// returns an S3 body...). A rule keeps one instance per compilation; <see cref="CallHops"/> caches each method's
/// answer per instance.
/// </summary>
internal abstract class CallFact<T>
{
    /// <summary>The answer when the method has no body here, or is still being summarized (recursion).</summary>
    public abstract T Unknown { get; }

    /// <summary>The answer for <paramref name="method"/>, read from its <paramref name="body"/>.</summary>
    public abstract T Summarize(IMethodSymbol method, IOperation body, CallHops hops, CancellationToken cancellationToken);
}

/// <summary>
/// One call hop through the project's own code, for every rule: the body of a source method, the project methods a
/// call can run (overrides reached through a virtual or abstract call included), what one call to a method does
/// (<see cref="Summary{T}"/>, computed on demand and cached per compilation), and who calls a method
/// (<see cref="Callers"/>, found by a text search for its name and bound only where the name occurs).
/// </summary>
/// <remarks>
/// Everything is answered from the action that reports, so rules report live, never at the end of the compilation.
/// </remarks>
internal sealed class CallHops
{
    /// <summary>How many summaries may be in progress on one thread (a summary that asks for another) before the answer is unknown.</summary>
    private const int MaxSummaryDepth = 8;

    private readonly SourceIndex _source;
    private readonly IAssemblySymbol _assembly;
    private readonly ConcurrentDictionary<(IMethodSymbol Method, object Fact), object?> _summaries = new(MethodAndFactComparer.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IOperation>> _callers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<SyntaxNode>> _callerSyntax = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);

    [ThreadStatic]
    private static List<(IMethodSymbol Method, object Fact)>? t_inProgress;

    /// <summary>Set when a summary in progress on this thread met recursion or the depth limit: its answer depends on the order of questions and is not cached.</summary>
    [ThreadStatic]
    private static bool t_metRecursion;

    private CallHops(Compilation compilation)
    {
        _source = SourceIndex.For(compilation);
        _assembly = compilation.Assembly;
    }

    private static readonly ConditionalWeakTable<Compilation, CallHops> s_perCompilation = new();

    public static CallHops For(Compilation compilation) =>
        s_perCompilation.GetValue(compilation, static c => new CallHops(c));

    public SourceIndex Source => _source;

    /// <summary>True when <paramref name="method"/> is declared in this compilation's source.</summary>
    public bool IsProjectMethod(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _assembly)
        && (!method.DeclaringSyntaxReferences.IsEmpty || (method.IsImplicitlyDeclared && method.MethodKind == MethodKind.Constructor));

    /// <summary>
    /// The operation of a project method's body: an ordinary method, constructor, accessor (expression-bodied getters
    /// included), operator or local function. Null for a method without a body here (abstract, extern, metadata).
    /// </summary>
    public IOperation? Body(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        method = method.PartialImplementationPart ?? method;
        if (!IsProjectMethod(method) || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        SyntaxNode syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        bool hasBody = syntax switch
        {
            BaseMethodDeclarationSyntax declaration => declaration.Body is not null || declaration.ExpressionBody is not null,
            AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
            LocalFunctionStatementSyntax localFunction => localFunction.Body is not null || localFunction.ExpressionBody is not null,
            ArrowExpressionClauseSyntax => true,
            _ => false,
        };

        return hasBody ? _source.Model(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) : null;
    }

    /// <summary>
    /// The project methods one call to <paramref name="target"/> can run: the target itself when its body is here, and
    /// when it is virtual, abstract or an interface member of a project type, every override and implementation in the
    /// project.
    /// </summary>
    public ImmutableArray<IMethodSymbol> Implementations(IMethodSymbol target, CancellationToken cancellationToken)
    {
        return Cached(_implementations, target.OriginalDefinition, FindImplementations, cancellationToken);
    }

    private ImmutableArray<IMethodSymbol> FindImplementations(IMethodSymbol target, CancellationToken cancellationToken)
    {
        ImmutableArray<IMethodSymbol>.Builder found = ImmutableArray.CreateBuilder<IMethodSymbol>();
        if (Body(target, cancellationToken) is not null)
        {
            found.Add(target);
        }

        if (!IsDispatched(target) || !IsProjectMethod(target))
        {
            return found.ToImmutable();
        }

        // The declaration table knows every member by name: no syntax is walked to find the overrides. Explicit
        // interface implementations are declared under a qualified name (`IStore.Open`).
        string name = target.AssociatedSymbol is IPropertySymbol property ? property.Name : target.Name;
        string qualifiedSuffix = "." + name;
        IEnumerable<ISymbol> candidates = target.ContainingType.TypeKind == TypeKind.Interface
            ? _source.Compilation.GetSymbolsWithName(n => n == name || n.EndsWith(qualifiedSuffix, StringComparison.Ordinal), SymbolFilter.Member, cancellationToken)
            : _source.Compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken);
        foreach (ISymbol candidate in candidates)
        {
            IMethodSymbol? method = candidate switch
            {
                IMethodSymbol m => m,
                IPropertySymbol p when target.MethodKind == MethodKind.PropertyGet => p.GetMethod,
                IPropertySymbol p when target.MethodKind == MethodKind.PropertySet => p.SetMethod,
                _ => null,
            };

            if (method is not null && !SymbolEqualityComparer.Default.Equals(method, target) && Overrides(method, target)
                && Body(method, cancellationToken) is not null)
            {
                found.Add(method);
            }
        }

        return found.ToImmutable();
    }

    private static bool IsDispatched(IMethodSymbol method) =>
        method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface;

    /// <summary>True when <paramref name="method"/> overrides or implements <paramref name="target"/>, so a virtual call to the target can run it.</summary>
    public static bool Overrides(IMethodSymbol method, IMethodSymbol target)
    {
        target = target.OriginalDefinition;
        for (IMethodSymbol? overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, target))
            {
                return true;
            }
        }

        if (target.ContainingType is not { TypeKind: TypeKind.Interface } contract)
        {
            return false;
        }

        foreach (IMethodSymbol explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            if (SymbolEqualityComparer.Default.Equals(explicitImplementation.OriginalDefinition, target))
            {
                return true;
            }
        }

        foreach (INamedTypeSymbol implemented in method.ContainingType.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract))
            {
                foreach (ISymbol member in implemented.GetMembers(target.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, target)
                        && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// What one call to <paramref name="method"/> does, for <paramref name="fact"/>: computed from the method's body on
    /// first use and cached. A method without a body here, and a method met again while it is being summarized
    /// (recursion, mutual recursion) or past the depth limit, answers <see cref="CallFact{T}.Unknown"/>.
    /// </summary>
    public T Summary<T>(IMethodSymbol method, CallFact<T> fact, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        method = method.PartialImplementationPart ?? method;
        var key = (method, (object)fact);
        if (_summaries.TryGetValue(key, out object? cached))
        {
            return (T)cached!;
        }

        List<(IMethodSymbol Method, object Fact)> inProgress = t_inProgress ??= new();
        if (inProgress.Count >= MaxSummaryDepth || inProgress.Exists(entry => MethodAndFactComparer.Instance.Equals(entry, key)))
        {
            t_metRecursion = true;
            return fact.Unknown;
        }

        bool outerMetRecursion = t_metRecursion;
        t_metRecursion = false;
        inProgress.Add(key);
        try
        {
            T value = Body(method, cancellationToken) is { } body ? fact.Summarize(method, body, this, cancellationToken) : fact.Unknown;
            if (!t_metRecursion)
            {
                _summaries.TryAdd(key, value);
            }

            return value;
        }
        finally
        {
            inProgress.RemoveAt(inProgress.Count - 1);
            t_metRecursion |= outerMetRecursion;
        }
    }

    /// <summary>
    /// <paramref name="words"/> and the name of every project method or local function whose declaration writes one of
    /// them or, in turn, one of the names found, to a fixed point: the words a type must write to call, through any
    /// chain of project methods, code that writes one of <paramref name="words"/>. Found by the text search, with nothing
    /// bound, so that a rule can scope its actions to the types that can reach its subject before it binds a call.
    /// A method is followed only when <paramref name="mayCarry"/> accepts its declared return type (a rule that follows
    /// returned values skips <c>void</c> and <c>Task&lt;string&gt;</c>). Default when more than
    /// <paramref name="maxNames"/> names are found: the chain then reaches too much of the project to narrow anything.
    /// </summary>
    public ImmutableArray<string> NamesReaching(IEnumerable<string> words, Func<TypeSyntax, bool> mayCarry, int maxNames, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (string word in words)
        {
            if (known.Add(word))
            {
                names.Add(word);
            }
        }

        // Each name is searched once; the names it leads to join the end of the list.
        for (int next = 0; next < names.Count; next++)
        {
            foreach (SyntaxToken token in _source.Occurrences(names[next], cancellationToken))
            {
                for (SyntaxNode? node = token.Parent; node is not null && node is not BaseTypeDeclarationSyntax; node = node.Parent)
                {
                    (SyntaxToken identifier, TypeSyntax? returnType) = node switch
                    {
                        MethodDeclarationSyntax method => (method.Identifier, method.ReturnType),
                        LocalFunctionStatementSyntax localFunction => (localFunction.Identifier, localFunction.ReturnType),
                        _ => (default, null),
                    };

                    if (returnType is not null && mayCarry(returnType) && known.Add(identifier.ValueText))
                    {
                        if (names.Count == maxNames)
                        {
                            return default;
                        }

                        names.Add(identifier.ValueText);
                    }
                }
            }
        }

        return names.ToImmutableArray();
    }

    /// <summary>
    /// Every use of <paramref name="method"/> in the project that can run it: invocations (virtual and interface calls
    /// to a member it overrides or implements included), object creations for a constructor, reads of the property for
    /// a getter, and method groups. Uses that do not bind (errors) are left out.
    /// </summary>
    public ImmutableArray<IOperation> Callers(IMethodSymbol method, CancellationToken cancellationToken)
    {
        return Cached(_callers, method.OriginalDefinition, FindCallers, cancellationToken);
    }

    /// <summary>The cached answer for <paramref name="method"/>, computed outside the dictionary's lock (a racing thread's equal answer is dropped).</summary>
    private static TValue Cached<TValue>(
        ConcurrentDictionary<IMethodSymbol, TValue> cache, IMethodSymbol method, Func<IMethodSymbol, CancellationToken, TValue> compute, CancellationToken cancellationToken) =>
        cache.TryGetValue(method, out TValue? cached) ? cached : cache.GetOrAdd(method, compute(method, cancellationToken));

    /// <summary>
    /// The uses of <paramref name="method"/> whose syntax passes <paramref name="mayMatter"/>, asked before anything is
    /// bound: a rule that cares only about some callers (those in a handler) binds only those.
    /// </summary>
    public ImmutableArray<IOperation> Callers(IMethodSymbol method, Func<SyntaxNode, bool> mayMatter, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        return Bind(method, CallerSyntax(method, cancellationToken), mayMatter, cancellationToken);
    }

    private ImmutableArray<IOperation> FindCallers(IMethodSymbol method, CancellationToken cancellationToken) =>
        Bind(method, CallerSyntax(method, cancellationToken), mayMatter: null, cancellationToken);

    private ImmutableArray<IOperation> Bind(
        IMethodSymbol method, ImmutableArray<SyntaxNode> candidates, Func<SyntaxNode, bool>? mayMatter, CancellationToken cancellationToken)
    {
        ImmutableArray<IOperation>.Builder callers = ImmutableArray.CreateBuilder<IOperation>();
        foreach (SyntaxNode candidate in candidates)
        {
            if (mayMatter is null || mayMatter(candidate))
            {
                AddIfUse(_source.Model(candidate.SyntaxTree).GetOperation(candidate, cancellationToken), method, callers);
            }
        }

        return callers.ToImmutable();
    }

    /// <summary>The expressions that can be uses of the method, from the text search for its name: nothing bound yet.</summary>
    private ImmutableArray<SyntaxNode> CallerSyntax(IMethodSymbol method, CancellationToken cancellationToken) =>
        Cached(_callerSyntax, method, FindCallerSyntax, cancellationToken);

    private ImmutableArray<SyntaxNode> FindCallerSyntax(IMethodSymbol method, CancellationToken cancellationToken)
    {
        string? name = method.MethodKind switch
        {
            MethodKind.Constructor => method.ContainingType.Name,
            MethodKind.PropertyGet => (method.AssociatedSymbol as IPropertySymbol)?.Name,
            MethodKind.Ordinary or MethodKind.LocalFunction => method.Name,
            _ => null,
        };

        if (name is null || !IsProjectMethod(method))
        {
            return ImmutableArray<SyntaxNode>.Empty;
        }

        // A private member or a local function is used only inside its type: a common name elsewhere binds nothing.
        ImmutableArray<SyntaxReference> scope = method.DeclaredAccessibility == Accessibility.Private || method.MethodKind == MethodKind.LocalFunction
            ? method.ContainingType.DeclaringSyntaxReferences
            : ImmutableArray<SyntaxReference>.Empty;
        bool InScope(SyntaxNode node)
        {
            if (scope.IsEmpty)
            {
                return true;
            }

            foreach (SyntaxReference reference in scope)
            {
                if (reference.SyntaxTree == node.SyntaxTree && reference.Span.Contains(node.Span))
                {
                    return true;
                }
            }

            return false;
        }

        ImmutableArray<SyntaxNode>.Builder candidates = ImmutableArray.CreateBuilder<SyntaxNode>();
        var seen = new HashSet<SyntaxNode>();
        List<SyntaxTree>? implicitCreationTrees = method.MethodKind == MethodKind.Constructor ? new() : null;
        ImmutableArray<SyntaxToken> occurrences = scope.IsEmpty
            ? _source.Occurrences(name, cancellationToken)
            : _source.Occurrences(name, TreesOf(scope), cancellationToken);
        foreach (SyntaxToken token in occurrences)
        {
            // Tokens come in tree order: a tree is listed once, when its first occurrence is met.
            if (implicitCreationTrees is not null
                && (implicitCreationTrees.Count == 0 || implicitCreationTrees[implicitCreationTrees.Count - 1] != token.SyntaxTree))
            {
                implicitCreationTrees.Add(token.SyntaxTree!);
            }

            if (UseSyntax(token, method.MethodKind) is { } use && InScope(use) && seen.Add(use))
            {
                candidates.Add(use);
            }
        }

        // `Repository repository = new();` names the type only in the declaration.
        if (implicitCreationTrees is not null)
        {
            foreach (SyntaxTree tree in implicitCreationTrees)
            {
                foreach (SyntaxNode node in _source.ImplicitObjectCreations(tree, cancellationToken))
                {
                    if (InScope(node))
                    {
                        candidates.Add(node);
                    }
                }
            }
        }

        return candidates.ToImmutable();
    }

    private static List<SyntaxTree> TreesOf(ImmutableArray<SyntaxReference> references)
    {
        var trees = new List<SyntaxTree>(references.Length);
        foreach (SyntaxReference reference in references)
        {
            if (!trees.Contains(reference.SyntaxTree))
            {
                trees.Add(reference.SyntaxTree);
            }
        }

        return trees;
    }

    /// <summary>The expression a name token can be a use of the method through: the invocation, the creation, or the name or member access itself.</summary>
    private static SyntaxNode? UseSyntax(SyntaxToken token, MethodKind kind)
    {
        if (token.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        if (kind == MethodKind.Constructor)
        {
            SyntaxNode type = name;
            while (type.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
            {
                type = type.Parent;
            }

            return type.Parent is ObjectCreationExpressionSyntax creation && creation.Type == type ? creation : null;
        }

        return (SyntaxNode?)name.CallOf() ?? name.AccessEndingWith();
    }

    private static void AddIfUse(IOperation? operation, IMethodSymbol method, ImmutableArray<IOperation>.Builder callers)
    {
        bool isUse = operation switch
        {
            IInvocationOperation call => Reaches(call.TargetMethod, method, call.IsVirtual),
            IObjectCreationOperation creation => creation.Constructor is { } constructor && Reaches(constructor, method, dispatched: false),
            IMethodReferenceOperation reference => Reaches(reference.Method, method, reference.IsVirtual),
            IPropertyReferenceOperation property => IsRead(property) && property.Property.GetMethod is { } getter
                && Reaches(getter, method, dispatched: property.Instance is { Syntax: not BaseExpressionSyntax }),
            _ => false,
        };

        if (isUse)
        {
            callers.Add(operation!);
        }
    }

    private static bool Reaches(IMethodSymbol target, IMethodSymbol method, bool dispatched)
    {
        target = (target.ReducedFrom ?? target).OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(target, method) || (dispatched && Overrides(method, target));
    }

    /// <summary>A property reference that runs the getter: anything but the target of a plain assignment.</summary>
    private static bool IsRead(IPropertyReferenceOperation property) =>
        property.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != property;

    private sealed class MethodAndFactComparer : IEqualityComparer<(IMethodSymbol Method, object Fact)>
    {
        public static readonly MethodAndFactComparer Instance = new();

        public bool Equals((IMethodSymbol Method, object Fact) x, (IMethodSymbol Method, object Fact) y) =>
            ReferenceEquals(x.Fact, y.Fact) && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, object Fact) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + RuntimeHelpers.GetHashCode(obj.Fact);
    }
}
