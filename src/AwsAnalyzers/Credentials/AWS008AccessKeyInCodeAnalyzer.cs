using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Credentials;

/// <summary>
/// AWS008: an AWS access key ID written in the code and handed to the SDK (<c>BasicAWSCredentials</c>,
/// <c>SessionAWSCredentials</c>, <c>ImmutableCredentials</c>, a service client's or <c>TransferUtility</c>'s key
/// constructor). A long-term key never expires and works for anyone who reads the repository; the SDK's default
/// credential chain needs no code at all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS008AccessKeyInCodeAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.AccessKeyInCode;

    internal const string BasicCredentialsName = "Amazon.Runtime.BasicAWSCredentials";
    internal const string SessionCredentialsName = "Amazon.Runtime.SessionAWSCredentials";
    internal const string ImmutableCredentialsName = "Amazon.Runtime.ImmutableCredentials";
    internal const string CredentialsName = "Amazon.Runtime.AWSCredentials";
    internal const string ServiceClientName = "Amazon.Runtime.AmazonServiceClient";
    internal const string TransferUtilityName = "Amazon.S3.Transfer.TransferUtility";

    /// <summary>The access-key parameter of <c>BasicAWSCredentials</c>.</summary>
    internal const string AccessKeyParameter = "accessKey";

    /// <summary>The access-key parameter of the other credentials types, the service clients and <c>TransferUtility</c>.</summary>
    internal const string AccessKeyIdParameter = "awsAccessKeyId";

    private static readonly LocalizableResourceString Title = RuleText.Get(nameof(AnalyzerResources.AWS008Title));
    private static readonly LocalizableResourceString Description = RuleText.Get(nameof(AnalyzerResources.AWS008Description));

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS008MessageFormat)), RuleCategories.Security, DiagnosticSeverity.Warning, Description);

    /// <summary>
    /// With <c>report_non_literal</c>: credentials built in code from values the rule cannot see as a key (configuration,
    /// parameters). The default chain finds the same credentials from the environment without the code.
    /// </summary>
    internal static readonly DiagnosticDescriptor BuiltInCodeRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS008BuiltInCodeMessageFormat)), RuleCategories.Security, DiagnosticSeverity.Warning, Description);

    /// <summary>
    /// A key written away from the call that uses it (a <c>const</c>, a field, a local): reported once, at its
    /// declaration, naming what holds it. Several calls may use it and any may be analyzed first, so the message names
    /// none of them: it reads the same whichever use reports it.
    /// </summary>
    internal static readonly DiagnosticDescriptor SharedKeyRule = RuleDescriptors.Create(
        DiagnosticId, Title, RuleText.Get(nameof(AnalyzerResources.AWS008SharedKeyMessageFormat)), RuleCategories.Security, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, BuiltInCodeRule, SharedKeyRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.ForAwsSdk(start.Compilation) is not { } types)
            {
                return;
            }

            INamedTypeSymbol? serviceClient = types.Get(ServiceClientName);
            var analyzer = new CreationAnalyzer(
                types.Get(BasicCredentialsName),
                types.Get(SessionCredentialsName),
                types.Get(ImmutableCredentialsName),
                serviceClient,
                types.Get(TransferUtilityName));
            start.RegisterOperationActionWhereWritten(CreatedTypeWords(types, serviceClient), analyzer.Analyze, OperationKind.ObjectCreation);
        });
    }

    /// <summary>
    /// A creation names its class (a target-typed <c>new()</c> takes it from a declaration, nearly always in the same
    /// method or type): the credentials classes, <c>TransferUtility</c>, the service clients, and the project's types
    /// named like one of them, which may derive from one. Only the types whose files write one get the callbacks.
    /// </summary>
    private static WordSet CreatedTypeWords(KnownTypes types, INamedTypeSymbol? serviceClient)
    {
        var names = new List<string> { "BasicAWSCredentials", "SessionAWSCredentials", "ImmutableCredentials", "TransferUtility" };
        if (serviceClient is not null)
        {
            names.AddRange(ServiceClientNames.Of(types, serviceClient));
        }

        names.AddRange(types.SourceTypeNamesEndingWith("Credentials"));
        names.AddRange(types.SourceTypeNamesEndingWith("TransferUtility"));
        return WordSet.Of(names);
    }

    /// <summary>
    /// True for the format of an AWS access key ID (<c>^(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}$</c>) that is not one of
    /// AWS's documented examples (<c>AKIAIOSFODNN7EXAMPLE</c>): those are published on purpose and grant nothing.
    /// </summary>
    internal static bool IsAccessKeyId(string text)
    {
        if (text.Length != 20 || !(text.StartsWith("AKIA", System.StringComparison.Ordinal) || text.StartsWith("ASIA", System.StringComparison.Ordinal)
            || text.StartsWith("ABIA", System.StringComparison.Ordinal) || text.StartsWith("ACCA", System.StringComparison.Ordinal)))
        {
            return false;
        }

        for (int i = 4; i < text.Length; i++)
        {
            char c = text[i];
            if (!(c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return text.IndexOf("EXAMPLE", System.StringComparison.Ordinal) < 0;
    }

    /// <summary>The parameter that takes the access key ID in a constructor the rule knows, or null.</summary>
    internal static IParameterSymbol? AccessKeyParameterOf(
        IMethodSymbol constructor,
        INamedTypeSymbol? basicCredentials,
        INamedTypeSymbol? sessionCredentials,
        INamedTypeSymbol? immutableCredentials,
        INamedTypeSymbol? serviceClient,
        INamedTypeSymbol? transferUtility)
    {
        // Cheapest test first: most constructors have no parameter of either name, and the base types need no walk.
        if (!constructor.Parameters.Any(static p => p.Name is AccessKeyParameter or AccessKeyIdParameter))
        {
            return null;
        }

        INamedTypeSymbol type = constructor.ContainingType;
        string? name = null;
        if (type.IsOrDerivesFrom(basicCredentials))
        {
            name = AccessKeyParameter;
        }
        else if (type.IsOrDerivesFrom(sessionCredentials) || type.IsOrDerivesFrom(immutableCredentials)
            || type.IsOrDerivesFrom(serviceClient) || type.IsOrDerivesFrom(transferUtility))
        {
            name = AccessKeyIdParameter;
        }

        if (name is null)
        {
            return null;
        }

        foreach (IParameterSymbol parameter in constructor.Parameters)
        {
            if (parameter.Name == name && parameter.Type.SpecialType == SpecialType.System_String)
            {
                return parameter;
            }
        }

        return null;
    }

    private sealed class CreationAnalyzer
    {
        private readonly INamedTypeSymbol? _basicCredentials;
        private readonly INamedTypeSymbol? _sessionCredentials;
        private readonly INamedTypeSymbol? _immutableCredentials;
        private readonly INamedTypeSymbol? _serviceClient;
        private readonly INamedTypeSymbol? _transferUtility;

        /// <summary>
        /// Keys already reported, by where they are written: a <c>const</c> used by three clients is one leak, reported
        /// once at its declaration.
        /// </summary>
        private readonly ConcurrentDictionary<Location, bool> _reported = new();

        public CreationAnalyzer(
            INamedTypeSymbol? basicCredentials,
            INamedTypeSymbol? sessionCredentials,
            INamedTypeSymbol? immutableCredentials,
            INamedTypeSymbol? serviceClient,
            INamedTypeSymbol? transferUtility)
        {
            _basicCredentials = basicCredentials;
            _sessionCredentials = sessionCredentials;
            _immutableCredentials = immutableCredentials;
            _serviceClient = serviceClient;
            _transferUtility = transferUtility;
        }

        public void Analyze(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is not { } constructor || !HasAccessKeyArgument(creation) || creation.Syntax is null)
            {
                return;
            }

            IParameterSymbol? keyParameter = AccessKeyParameterOf(
                constructor, _basicCredentials, _sessionCredentials, _immutableCredentials, _serviceClient, _transferUtility);
            if (keyParameter is null || ArgumentFor(creation, keyParameter) is not { } argument)
            {
                return;
            }

            Location creationLocation = creation.Syntax.GetLocation();
            string typeName = constructor.ContainingType.Name;
            if (WrittenConstants.Of(argument.Value, context.CancellationToken) is { } key && IsAccessKeyId(key.Value))
            {
                Location keyLocation = key.Origin.GetLocation();
                if (creation.Syntax.Span.Contains(key.Origin.Span) && creation.Syntax.SyntaxTree == key.Origin.SyntaxTree)
                {
                    // Written in the call itself: this is its only use.
                    context.ReportDiagnostic(Diagnostic.Create(Rule, keyLocation, new[] { creationLocation }, typeName));
                }
                else if (!GeneratedCode.IsInGeneratedCode(key.Origin, context.CancellationToken) && _reported.TryAdd(keyLocation, true))
                {
                    string holder = HolderName(key.Origin);
                    context.ReportDiagnostic(holder.Length > 0
                        ? Diagnostic.Create(SharedKeyRule, keyLocation, new[] { creationLocation }, holder)
                        : Diagnostic.Create(Rule, keyLocation, new[] { creationLocation }, typeName));
                }

                return;
            }

            if (constructor.ContainingType.IsOrDerivesFrom(_basicCredentials)
                && RuleOptions.AccessKeyReportNonLiteral.Read(context.Options, creation.Syntax.SyntaxTree))
            {
                context.ReportDiagnostic(Diagnostic.Create(BuiltInCodeRule, creationLocation, new[] { creationLocation }, typeName));
            }
        }

        /// <summary>The constant, field or local whose initializer or assignment holds the key; empty when none does.</summary>
        /// <summary>
        /// Some argument goes to a parameter named like an access key: asked of the arguments, which the operation holds,
        /// before the constructor's Parameters, a new array at each read, on every creation of the project.
        /// </summary>
        private static bool HasAccessKeyArgument(IObjectCreationOperation creation)
        {
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter?.Name is AccessKeyParameter or AccessKeyIdParameter)
                {
                    return true;
                }
            }

            return false;
        }

        private static string HolderName(SyntaxNode origin)
        {
            for (SyntaxNode? node = origin; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax declarator:
                        return declarator.Identifier.ValueText;
                    case AssignmentExpressionSyntax assignment:
                        return assignment.Left.ToString();
                    case StatementSyntax or MemberDeclarationSyntax:
                        return string.Empty;
                }
            }

            return string.Empty;
        }

        private static IArgumentOperation? ArgumentFor(IObjectCreationOperation creation, IParameterSymbol parameter)
        {
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter, parameter))
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
