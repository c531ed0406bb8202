using System;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// AWS021: a reserved Lambda environment variable written by the code. In a Lambda project,
/// <c>Environment.SetEnvironmentVariable("AWS_REGION", …)</c> changes the process's copy only, after the runtime and
/// the SDK have read it; in a function configuration (<c>CreateFunctionRequest</c>,
/// <c>UpdateFunctionConfigurationRequest</c>), the service rejects a reserved key.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS021ReservedEnvironmentVariableAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ReservedEnvironmentVariable;

    /// <summary>Diagnostic property set on a reserved key of a function configuration, the shape the fix removes.</summary>
    public const string ConfigurationEntryProperty = "ConfigurationEntry";

    internal const string EnvironmentName = "Amazon.Lambda.Model.Environment";

    private const string SetEnvironmentVariableMethod = "SetEnvironmentVariable";
    private const string GetEnvironmentVariableMethod = "GetEnvironmentVariable";
    private const string VariablesProperty = "Variables";

    // A process variable is written by its method's name. A function's configuration entry is found only where the
    // dictionary it is added to flows into the Variables property in the same member, whose name is then written.
    private static readonly WordSet s_invocationWords = WordSet.Of(new[] { SetEnvironmentVariableMethod, VariablesProperty });
    private static readonly WordSet s_variablesWords = WordSet.Of(new[] { VariablesProperty });

    /// <summary>
    /// The keys the Lambda runtime sets and a function configuration cannot (Lambda Developer Guide, "Defined runtime
    /// environment variables"). The configurable <c>AWS_LAMBDA_*</c> keys (<c>AWS_LAMBDA_LOG_FORMAT</c>,
    /// <c>AWS_LAMBDA_LOG_LEVEL</c>, <c>AWS_LAMBDA_EXEC_WRAPPER</c>) are not in it.
    /// </summary>
    internal static readonly ImmutableHashSet<string> ReservedKeys = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "_HANDLER",
        "_X_AMZN_TRACE_ID",
        "AWS_DEFAULT_REGION",
        "AWS_REGION",
        "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE",
        "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API",
        "LAMBDA_TASK_ROOT",
        "LAMBDA_RUNTIME_DIR",
        "TZ");

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS021Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS021Description));

    /// <summary>A reserved variable set in the running process.</summary>
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS021MessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    /// <summary>A reserved key in a function configuration, which the service rejects.</summary>
    internal static readonly DiagnosticDescriptor ConfigurationRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS021ConfigurationMessageFormat)), RuleCategories.Reliability, DiagnosticSeverity.Warning, Description);

    private static readonly ImmutableDictionary<string, string?> s_configurationEntry =
        ImmutableDictionary<string, string?>.Empty.Add(ConfigurationEntryProperty, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, ConfigurationRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            // Amazon.Lambda.Core does not need the SDK: a function that calls no AWS service still has the runtime's variables.
            KnownTypes types = KnownTypes.For(start.Compilation);
            INamedTypeSymbol? environment = types.Get(EnvironmentName);
            INamedTypeSymbol? systemEnvironment = types.Get(LambdaHandlers.LambdaContextName) is not null && !TestProjects.IsTestProject(start.Compilation)
                ? types.Get("System.Environment")
                : null;
            if (environment is null && systemEnvironment is null)
            {
                return;
            }

            var analysis = new CompilationAnalysis(start.Compilation, types.Get(LambdaHandlers.LambdaContextName), systemEnvironment, environment);
            var scoped = new WordScopedActions().Add(s_invocationWords, analysis.OnInvocation, OperationKind.Invocation);
            if (environment is not null)
            {
                scoped.Add(s_variablesWords, analysis.OnAssignment, OperationKind.SimpleAssignment);
            }

            scoped.Register(start);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly INamedTypeSymbol? _systemEnvironment;
        private readonly INamedTypeSymbol? _lambdaEnvironment;

        /// <summary>
        /// The project implements <c>ILambdaContext</c> itself: it is a local runner, an emulator or a host that builds
        /// the context it hands to a function, and sets the runtime's variables because no runtime has. Computed on the
        /// first reserved write only, so a function project without one never walks its types.
        /// </summary>
        private readonly Lazy<bool> _hostsFunctions;

        public CompilationAnalysis(Compilation compilation, INamedTypeSymbol? lambdaContext, INamedTypeSymbol? systemEnvironment, INamedTypeSymbol? lambdaEnvironment)
        {
            _systemEnvironment = systemEnvironment;
            _lambdaEnvironment = lambdaEnvironment;
            _hostsFunctions = new Lazy<bool>(
                () => lambdaContext is not null && ImplementsInSource(compilation.Assembly.GlobalNamespace, lambdaContext),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            string? name = invocation.WrittenMethodName();
            if (name is null)
            {
                // A collection initializer's `{ "TZ", "UTC" }` is a call of Add with no name written.
                name = invocation.Syntax is InitializerExpressionSyntax ? invocation.TargetMethod.Name : null;
            }

            switch (name)
            {
                case SetEnvironmentVariableMethod when _systemEnvironment is not null:
                    if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _systemEnvironment)
                        && ReservedKey(invocation.Arguments, 0) is { } variable
                        && !CodeThatNeverRuns.Contains(invocation)
                        && !PreprocessorBranches.IsDebugOnly(invocation.Syntax, context.CancellationToken)
                        && !ExtendsCurrentValue(invocation, variable, context.CancellationToken)
                        && !_hostsFunctions.Value)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), variable));
                    }

                    break;
                case "Add" or "TryAdd" when _lambdaEnvironment is not null:
                    if (ReservedKey(invocation.Arguments, 0) is { } key
                        && invocation.Arguments.Length == 2
                        && invocation.Instance is { } dictionary
                        && FeedsVariables(dictionary, invocation, context.CancellationToken))
                    {
                        ReportConfigurationEntry(context, invocation, key);
                    }

                    break;
            }
        }

        public void OnAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;

            // The syntax first: only `x[...] = v` and an initializer's `[...] = v` can write a key.
            if (assignment.Syntax is not AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax or ImplicitElementAccessSyntax }
                || assignment.Target is not IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } dictionary } indexer
                || ReservedKey(indexer.Arguments, 0) is not { } key
                || indexer.Arguments.Length != 1)
            {
                return;
            }

            if (FeedsVariables(dictionary, assignment, context.CancellationToken))
            {
                ReportConfigurationEntry(context, assignment, key);
            }
        }

        /// <summary>
        /// The value written reads the variable's current value (<c>$"{current}_suffix"</c>, <c>current ?? "default"</c>),
        /// directly or through a local written once: the code keeps what the runtime set and adds to it, as libraries
        /// that tag the SDK's user agent through <c>AWS_EXECUTION_ENV</c> do before any client is built.
        /// </summary>
        private bool ExtendsCurrentValue(IInvocationOperation write, string variable, CancellationToken cancellationToken)
        {
            foreach (IArgumentOperation argument in write.Arguments)
            {
                if (argument.Parameter?.Ordinal != 1)
                {
                    continue;
                }

                ValueFlow? flow = null;
                foreach (IOperation part in argument.Value.DescendantsAndSelf())
                {
                    if (ReadsVariable(part, variable))
                    {
                        return true;
                    }

                    if (part is ILocalReferenceOperation local)
                    {
                        flow ??= ValueFlow.For(write, cancellationToken);
                        if (flow.SingleValue(local.Local) is { } value)
                        {
                            foreach (IOperation source in value.DescendantsAndSelf())
                            {
                                if (ReadsVariable(source, variable))
                                {
                                    return true;
                                }
                            }
                        }
                    }
                }
            }

            return false;
        }

        private bool ReadsVariable(IOperation operation, string variable) =>
            operation is IInvocationOperation { TargetMethod.Name: GetEnvironmentVariableMethod } read
            && SymbolEqualityComparer.Default.Equals(read.TargetMethod.ContainingType, _systemEnvironment)
            && read.Arguments.Length > 0
            && read.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }
            && string.Equals(name, variable, StringComparison.Ordinal);

        private static bool ImplementsInSource(INamespaceSymbol scope, INamedTypeSymbol lambdaContext)
        {
            foreach (INamespaceOrTypeSymbol member in scope.GetMembers())
            {
                if (member is INamespaceSymbol inner ? ImplementsInSource(inner, lambdaContext) : ImplementsInSource((INamedTypeSymbol)member, lambdaContext))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ImplementsInSource(INamedTypeSymbol type, INamedTypeSymbol lambdaContext)
        {
            if (type.TypeKind == TypeKind.Class || type.TypeKind == TypeKind.Struct)
            {
                foreach (INamedTypeSymbol implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented, lambdaContext))
                    {
                        return true;
                    }
                }
            }

            foreach (INamedTypeSymbol nested in type.GetTypeMembers())
            {
                if (ImplementsInSource(nested, lambdaContext))
                {
                    return true;
                }
            }

            return false;
        }

        private static void ReportConfigurationEntry(OperationAnalysisContext context, IOperation entry, string key)
        {
            if (!CodeThatNeverRuns.Contains(entry))
            {
                context.ReportDiagnostic(Diagnostic.Create(ConfigurationRule, entry.Syntax.GetLocation(), s_configurationEntry, key));
            }
        }

        private static string? ReservedKey(ImmutableArray<IArgumentOperation> arguments, int index)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter?.Ordinal == index)
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: string key } && ReservedKeys.Contains(key) ? key : null;
                }
            }

            return null;
        }

        /// <summary>
        /// True when the dictionary <paramref name="dictionary"/> (the instance a key is written into at
        /// <paramref name="site"/>) is, or becomes, the <c>Variables</c> of a Lambda <c>Environment</c>: the property
        /// itself, a dictionary created straight into it (<c>Variables = new Dictionary&lt;…&gt; { … }</c>, or its
        /// collection initializer <c>Variables = { … }</c>), or a local assigned to it in the same body.
        /// </summary>
        private bool FeedsVariables(IOperation dictionary, IOperation site, CancellationToken cancellationToken)
        {
            dictionary = dictionary.WalkDownConversions();
            switch (dictionary)
            {
                case IPropertyReferenceOperation property:
                    return IsVariables(property);
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                    for (IOperation? current = site.Parent; current is not null; current = current.Parent)
                    {
                        if (current is IObjectOrCollectionInitializerOperation initializer)
                        {
                            return initializer.Parent switch
                            {
                                IObjectCreationOperation creation => CreationFeedsVariables(creation, cancellationToken),
                                IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member } => IsVariables(member),
                                _ => false,
                            };
                        }
                    }

                    return false;
                case ILocalReferenceOperation local:
                    return LocalFeedsVariables(local, cancellationToken);
                default:
                    return false;
            }
        }

        private bool CreationFeedsVariables(IOperation creation, CancellationToken cancellationToken)
        {
            IOperation value = creation;
            while (value.Parent is IConversionOperation)
            {
                value = value.Parent;
            }

            return value.Parent switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } => IsVariables(target),
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => ReadsFeedVariables(declarator.Symbol, value, cancellationToken),
                _ => false,
            };
        }

        private bool LocalFeedsVariables(ILocalReferenceOperation local, CancellationToken cancellationToken) =>
            ReadsFeedVariables(local.Local, local, cancellationToken);

        /// <summary>A read of the local is assigned to <c>Environment.Variables</c> somewhere in the body.</summary>
        private bool ReadsFeedVariables(ILocalSymbol local, IOperation inBody, CancellationToken cancellationToken)
        {
            foreach (IOperation read in ValueFlow.For(inBody, cancellationToken).Reads(local))
            {
                IOperation value = read;
                while (value.Parent is IConversionOperation)
                {
                    value = value.Parent;
                }

                if (value.Parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    && assignment.Value == value
                    && IsVariables(target))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsVariables(IPropertyReferenceOperation property) =>
            property.Property.Name == VariablesProperty
            && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _lambdaEnvironment);
    }
}
