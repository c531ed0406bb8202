using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// AWS002: an AWS service client constructed on every invocation of a Lambda handler. Lambda reuses the execution
/// environment between invocations; a client built per invocation pays credential resolution, endpoint setup and a
/// new TLS connection each time instead of once.
/// </summary>
/// <remarks>
/// Creations whose handler is known from the code around them (a context parameter, the Annotations attribute, a
/// deployment file, a lambda handed to the bootstrap) are reported as they are seen. Creations one call away from a
/// handler, and in methods handed to the bootstrap as method groups, need the call sites of the whole compilation, so
/// the analyzer records them and reports at the end of the compilation.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS002ClientCreatedInLambdaHandlerAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ClientCreatedInLambdaHandler;

    internal const string ServiceClientName = "Amazon.Runtime.AmazonServiceClient";
    internal const string LambdaContextName = "Amazon.Lambda.Core.ILambdaContext";
    internal const string LambdaFunctionAttributeName = "Amazon.Lambda.Annotations.LambdaFunctionAttribute";
    internal const string BootstrapBuilderName = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder";
    internal const string HandlerWrapperName = "Amazon.Lambda.RuntimeSupport.HandlerWrapper";

    /// <summary>How a lambda handler is named in the message.</summary>
    internal const string LambdaHandlerDisplay = "(lambda)";

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS002Title));
    private static readonly LocalizableResourceString MessageFormat = RuleText.Get(nameof(AnalyzerResources.AWS002MessageFormat));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS002Description));

    /// <summary><see cref="LambdaHandlerDisplay"/> as the message shows it, in the message's language.</summary>
    private static readonly LocalizableString s_lambdaHandlerName = RuleText.Get(nameof(AnalyzerResources.AWS002LambdaHandlerName));

    /// <summary>The handler as a message argument: its name, or words standing for a lambda.</summary>
    private static object HandlerArgument(string handler) => handler == LambdaHandlerDisplay ? s_lambdaHandlerName : handler;

    /// <summary>A creation in a handler known from its own declaration: reported as the code is typed.</summary>
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, MessageFormat, RuleCategories.Performance, DiagnosticSeverity.Warning, Description);

    /// <summary>
    /// The same rule for creations one call away from a handler, or in a method group handed to the bootstrap: those
    /// are only known once every call site has been seen, so they are reported at the end of the compilation (RS1037).
    /// A separate descriptor keeps the IDE reporting the direct cases live instead of waiting for full analysis.
    /// </summary>
    internal static readonly DiagnosticDescriptor RuleFromCallSites = RuleDescriptors.Create(
        DiagnosticId, Title, MessageFormat, RuleCategories.Performance, DiagnosticSeverity.Warning, Description,
        reportedAtCompilationEnd: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, RuleFromCallSites);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types)
            {
                return;
            }

            INamedTypeSymbol? serviceClient = types.Get(ServiceClientName);
            if (serviceClient is null)
            {
                return;
            }

            var analysis = new CompilationAnalysis(
                start.Compilation,
                serviceClient,
                types.Get(LambdaContextName),
                types.Get(LambdaFunctionAttributeName),
                types.Get(BootstrapBuilderName),
                types.Get(HandlerWrapperName),
                start.Options.AdditionalFiles);

            start.RegisterOperationBlockStartAction(analysis.OnOperationBlockStart);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    /// <summary>
    /// Where a piece of code runs: in a handler known from its own declaration (<see cref="HandlerName"/>), or in the
    /// functions of <see cref="Functions"/> (innermost first, ending with the member), whose handler status depends on
    /// call sites elsewhere in the compilation.
    /// </summary>
    private readonly struct Site
    {
        public Site(string? handlerName, ImmutableArray<IMethodSymbol> functions, bool directlyInMember)
        {
            HandlerName = handlerName;
            Functions = functions;
            DirectlyInMember = directlyInMember;
        }

        public string? HandlerName { get; }

        public ImmutableArray<IMethodSymbol> Functions { get; }

        /// <summary>No lambda or local function lies between the code and its member, so it runs each time the member runs.</summary>
        public bool DirectlyInMember { get; }
    }

    private readonly struct PendingCreation
    {
        public PendingCreation(Location location, string clientName, Site site)
        {
            Location = location;
            ClientName = clientName;
            Site = site;
        }

        public Location Location { get; }

        public string ClientName { get; }

        public Site Site { get; }
    }

    private sealed class CompilationAnalysis
    {
        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol _serviceClient;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly INamedTypeSymbol? _lambdaFunctionAttribute;
        private readonly INamedTypeSymbol? _bootstrapBuilder;
        private readonly INamedTypeSymbol? _handlerWrapper;
        private readonly ImmutableArray<AdditionalText> _additionalFiles;
        private LambdaHandlerFiles? _handlerFiles;

        private readonly ConcurrentDictionary<IMethodSymbol, string?> _handlerNameCache = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<PendingCreation> _pending = new();
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<Site>> _callSites = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, byte> _methodGroupHandlers = new(SymbolEqualityComparer.Default);

        public CompilationAnalysis(
            Compilation compilation,
            INamedTypeSymbol serviceClient,
            INamedTypeSymbol? lambdaContext,
            INamedTypeSymbol? lambdaFunctionAttribute,
            INamedTypeSymbol? bootstrapBuilder,
            INamedTypeSymbol? handlerWrapper,
            ImmutableArray<AdditionalText> additionalFiles)
        {
            _compilation = compilation;
            _serviceClient = serviceClient;
            _lambdaContext = lambdaContext;
            _lambdaFunctionAttribute = lambdaFunctionAttribute;
            _bootstrapBuilder = bootstrapBuilder;
            _handlerWrapper = handlerWrapper;
            _additionalFiles = additionalFiles;
        }

        public void OnOperationBlockStart(OperationBlockStartAnalysisContext context)
        {
            // Field and property initializers (Lazy<T> factories included) run once per instance or type, not per invocation.
            if (context.OwningSymbol is not IMethodSymbol member)
            {
                return;
            }

            context.RegisterOperationAction(c => OnObjectCreation(c, member), OperationKind.ObjectCreation);
            context.RegisterOperationAction(c => OnInvocation(c, member), OperationKind.Invocation);
            if (_bootstrapBuilder is not null || _handlerWrapper is not null)
            {
                context.RegisterOperationAction(OnMethodReference, OperationKind.MethodReference);
            }
        }

        private void OnObjectCreation(OperationAnalysisContext context, IMethodSymbol member)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is not { } constructor)
            {
                return;
            }

            if (!creation.Type.IsOrDerivesFrom(_serviceClient))
            {
                // A wrapper cached by the handler (`_repository ??= new Repository()`) builds its client once.
                if (!IsCachedOutsideTheInvocation(creation, member))
                {
                    RecordCall(constructor, creation, member, context.CancellationToken);
                }

                return;
            }

            if (IsCachedOutsideTheInvocation(creation, member))
            {
                return;
            }

            Site site = SiteOf(creation, member, context.CancellationToken);
            string clientName = creation.Type!.Name;
            if (site.HandlerName is { } handler)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), clientName, HandlerArgument(handler)));
                return;
            }

            _pending.Enqueue(new PendingCreation(creation.Syntax.GetLocation(), clientName, site));
        }

        private void OnInvocation(OperationAnalysisContext context, IMethodSymbol member)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol target = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if (!IsCachedOutsideTheInvocation(invocation, member))
            {
                RecordCall(target, invocation, member, context.CancellationToken);
            }
        }

        /// <summary>Remembers a call to a method or constructor of this project, for the one-hop check at the end.</summary>
        private void RecordCall(IMethodSymbol target, IOperation call, IMethodSymbol member, CancellationToken cancellationToken)
        {
            target = target.OriginalDefinition;
            if (target.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor)
                || !SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, _compilation.Assembly))
            {
                return;
            }

            _callSites.GetOrAdd(target, static _ => new ConcurrentQueue<Site>()).Enqueue(SiteOf(call, member, cancellationToken));
        }

        /// <summary>A method group handed to the bootstrap, e.g. <c>LambdaBootstrapBuilder.Create(Handler, serializer)</c>.</summary>
        private void OnMethodReference(OperationAnalysisContext context)
        {
            var reference = (IMethodReferenceOperation)context.Operation;
            if (reference.Parent is IDelegateCreationOperation delegateCreation && IsBootstrapHandlerArgument(delegateCreation))
            {
                _methodGroupHandlers.TryAdd(reference.Method.OriginalDefinition, 0);
            }
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (PendingCreation pending in _pending)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                string? handler = MethodGroupHandlerName(pending.Site) ?? CallingHandlerName(pending.Site);
                if (handler is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(RuleFromCallSites, pending.Location, pending.ClientName, HandlerArgument(handler)));
                }
            }
        }

        private string? MethodGroupHandlerName(Site site)
        {
            foreach (IMethodSymbol function in site.Functions)
            {
                if (_methodGroupHandlers.ContainsKey(function.OriginalDefinition))
                {
                    return Display(function);
                }
            }

            return null;
        }

        /// <summary>The handler that calls the member holding the creation directly (one hop), first by name when several do.</summary>
        private string? CallingHandlerName(Site site)
        {
            if (!site.DirectlyInMember || site.Functions.IsEmpty
                || !_callSites.TryGetValue(site.Functions[site.Functions.Length - 1].OriginalDefinition, out ConcurrentQueue<Site>? callers))
            {
                return null;
            }

            string? first = null;
            foreach (Site caller in callers)
            {
                string? name = caller.HandlerName ?? MethodGroupHandlerName(caller);
                if (name is not null && (first is null || string.CompareOrdinal(name, first) < 0))
                {
                    first = name;
                }
            }

            return first;
        }

        /// <summary>
        /// Walks out from the operation through lambdas and local functions to the member. The first function that is a
        /// handler by its own declaration decides; otherwise the functions are kept for the end-of-compilation check.
        /// </summary>
        private Site SiteOf(IOperation operation, IMethodSymbol member, CancellationToken cancellationToken)
        {
            ImmutableArray<IMethodSymbol>.Builder functions = ImmutableArray.CreateBuilder<IMethodSymbol>();
            bool direct = true;
            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        direct = false;
                        if (HasContextParameter(lambda.Symbol)
                            || (lambda.Parent is IDelegateCreationOperation delegateCreation && IsBootstrapHandlerArgument(delegateCreation)))
                        {
                            return new Site(LambdaHandlerDisplay, ImmutableArray<IMethodSymbol>.Empty, direct);
                        }

                        break;
                    case ILocalFunctionOperation localFunction:
                        direct = false;
                        if (HasContextParameter(localFunction.Symbol))
                        {
                            return new Site(localFunction.Symbol.Name, ImmutableArray<IMethodSymbol>.Empty, direct);
                        }

                        functions.Add(localFunction.Symbol);
                        break;
                }
            }

            if (HandlerName(member, cancellationToken) is { } name)
            {
                return new Site(name, ImmutableArray<IMethodSymbol>.Empty, direct);
            }

            functions.Add(member);
            return new Site(null, functions.ToImmutable(), direct);
        }

        /// <summary>The display name when the member is a handler by its declaration: a context parameter, the attribute, or a deployment file.</summary>
        private string? HandlerName(IMethodSymbol member, CancellationToken cancellationToken)
        {
            if (member.MethodKind != MethodKind.Ordinary)
            {
                return null;
            }

            return _handlerNameCache.GetOrAdd(member, m =>
                HasContextParameter(m) || HasLambdaFunctionAttribute(m) || IsNamedByDeploymentFile(m, cancellationToken) ? Display(m) : null);
        }

        private bool HasContextParameter(IMethodSymbol method)
        {
            if (_lambdaContext is null)
            {
                return false;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.Type.IsOrImplements(_lambdaContext))
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasLambdaFunctionAttribute(IMethodSymbol method)
        {
            if (_lambdaFunctionAttribute is null)
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

        private bool IsNamedByDeploymentFile(IMethodSymbol method, CancellationToken cancellationToken)
        {
            LambdaHandlerFiles files = _handlerFiles ??= LambdaHandlerFiles.Read(_additionalFiles, cancellationToken);
            return !files.IsEmpty && files.Names(MetadataFullName(method.ContainingType), method.Name);
        }

        private bool IsBootstrapHandlerArgument(IDelegateCreationOperation delegateCreation)
        {
            IOperation? parent = delegateCreation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (parent is not IArgumentOperation { Parameter.Name: "handler" } argument
                || argument.Parent is not IInvocationOperation invocation)
            {
                return false;
            }

            IMethodSymbol target = invocation.TargetMethod;
            return (target.Name == "Create" && SymbolEqualityComparer.Default.Equals(target.ContainingType, _bootstrapBuilder))
                || (target.Name == "GetHandlerWrapper" && SymbolEqualityComparer.Default.Equals(target.ContainingType, _handlerWrapper));
        }

        /// <summary>
        /// A creation (or a call that returns one) stored by <c>??=</c>, kept as a fallback behind a member (<c>_client ?? new ...</c>), or assigned to a
        /// field or property outside a constructor: the usual ways to build a client once and keep it.
        /// </summary>
        private static bool IsCachedOutsideTheInvocation(IOperation creation, IMethodSymbol member)
        {
            IOperation value = creation;
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            if (IsInCacheFactory(creation))
            {
                return true;
            }

            switch (value.Parent)
            {
                case ICoalesceAssignmentOperation:
                    return true;
                case ICoalesceOperation coalesce when coalesce.WhenNull == value:
                    return IsMemberReference(coalesce.Value.WalkDownConversions());
                case ISimpleAssignmentOperation assignment when assignment.Value == value:
                    IOperation target = assignment.Target;
                    if (!IsMemberReference(target))
                    {
                        return false;
                    }

                    // A constructor that fills an instance field runs once per instance; whether that is per invocation
                    // depends on who creates the instance (the one-hop check).
                    bool instanceFieldInConstructor = member.MethodKind == MethodKind.Constructor
                        && target is IMemberReferenceOperation { Member.IsStatic: false };
                    return !instanceFieldInConstructor;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Inside a factory lambda of a caching call (<c>ConcurrentDictionary.GetOrAdd</c>, <c>IMemoryCache.GetOrCreate</c>,
        /// <c>LazyInitializer.EnsureInitialized</c>): the client is built once per key, not per invocation.
        /// </summary>
        private static bool IsInCacheFactory(IOperation creation)
        {
            for (IOperation? current = creation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation { Parent: IDelegateCreationOperation delegateCreation })
                {
                    IOperation? argument = delegateCreation.Parent;
                    while (argument is IConversionOperation)
                    {
                        argument = argument.Parent;
                    }

                    if (argument is IArgumentOperation { Parent: IInvocationOperation invocation }
                        && s_cachingMethods.Contains(invocation.TargetMethod.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static readonly ImmutableHashSet<string> s_cachingMethods =
            ImmutableHashSet.Create(StringComparer.Ordinal, "GetOrAdd", "AddOrUpdate", "GetOrCreate", "GetOrCreateAsync", "EnsureInitialized");

        private static bool IsMemberReference(IOperation operation) =>
            operation is IFieldReferenceOperation or IPropertyReferenceOperation;

        private static string Display(IMethodSymbol method) =>
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
}
