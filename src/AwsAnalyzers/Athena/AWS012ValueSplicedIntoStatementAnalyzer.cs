using System;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Athena.Sql;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Athena;

/// <summary>
/// AWS012: a run-time string spliced into an Athena query or a DynamoDB PartiQL statement where the SQL reads it as a
/// value (inside <c>'…'</c>, or an operand of a comparison, <c>IN</c>, <c>LIKE</c> or <c>BETWEEN</c> in a condition).
/// A value with a quote in it rewrites the statement: SQL injection. Both services bind <c>?</c> parameters instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS012ValueSplicedIntoStatementAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ValueSplicedIntoStatement;

    /// <summary>Diagnostic property: <see cref="AthenaService"/> or <see cref="PartiQlService"/>.</summary>
    public const string ServiceProperty = "Service";

    public const string AthenaService = "Athena";

    public const string PartiQlService = "PartiQL";

    internal const string StatementProperty = "Statement";

    private static readonly string[] PartiQlRequestNames =
    {
        "Amazon.DynamoDBv2.Model.ExecuteStatementRequest",
        "Amazon.DynamoDBv2.Model.BatchStatementRequest",
        "Amazon.DynamoDBv2.Model.ParameterizedStatement",
    };

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId,
        title: RuleText.Get(nameof(AnalyzerResources.AWS012Title)),
        messageFormat: RuleText.Get(nameof(AnalyzerResources.AWS012MessageFormat)),
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: RuleText.Get(nameof(AnalyzerResources.AWS012Description)));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

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

            INamedTypeSymbol? athena = types.Get(AWS004MissingPartitionPredicateAnalyzer.StartQueryExecutionRequestName);
            ImmutableArray<INamedTypeSymbol>.Builder partiQl = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (string name in PartiQlRequestNames)
            {
                if (types.Get(name) is { } type)
                {
                    partiQl.Add(type);
                }
            }

            if (athena is null && partiQl.Count == 0)
            {
                return;
            }

            var targets = new StatementTargets(athena, partiQl.ToImmutable());
            start.RegisterOperationActionWhereWritten(s_statementPropertyWords, context => AnalyzeAssignment(context, targets), OperationKind.SimpleAssignment);
        });
    }

    /// <summary>A statement write names its property: only the types whose files do get the assignment callbacks.</summary>
    private static readonly WordSet s_statementPropertyWords = WordSet.Of(new[] { AWS004MissingPartitionPredicateAnalyzer.QueryStringProperty, StatementProperty });

    private static void AnalyzeAssignment(OperationAnalysisContext context, StatementTargets targets)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.AssignedMemberName() is { } name
            && name != AWS004MissingPartitionPredicateAnalyzer.QueryStringProperty && name != StatementProperty)
        {
            return;
        }

        if (targets.ServiceOf(assignment.Target) is not { } service)
        {
            return;
        }

        bool? neverRuns = null;
        foreach (SplicedValue spliced in FindSplicedValues(assignment.Value, context.CancellationToken))
        {
            neverRuns ??= CodeThatNeverRuns.Contains(assignment);
            if (neverRuns.Value)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                spliced.Value.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(ServiceProperty, service),
                spliced.Value.Syntax.ToString(),
                service));
        }
    }

    /// <summary>The run-time strings of <paramref name="value"/>'s text that the SQL reads as values.</summary>
    internal static ImmutableArray<SplicedValue> FindSplicedValues(IOperation value, CancellationToken cancellationToken)
    {
        QueryRead read = QueryRead.Of(value, cancellationToken);
        ImmutableArray<QueryTextSegment> segments = read.Segments;
        if (segments.IsDefault)
        {
            return ImmutableArray<SplicedValue>.Empty;
        }

        SqlStatement statement = read.Statement;
        ImmutableArray<SplicedValue>.Builder? found = null;
        foreach (SqlHole hole in statement.Holes)
        {
            // A statement that binds ? already may build its placeholders at run time (IN ({marks})); a hole inside
            // quotes is never a placeholder.
            if (hole.Position != SqlHolePosition.Value || hole.PartIndex < 0 || hole.PartIndex >= segments.Length
                || (statement.ParameterCount > 0 && !hole.InStringLiteral)
                || segments[hole.PartIndex].Value is not { } holeValue
                || !IsUnescapedText(holeValue))
            {
                continue;
            }

            (found ??= ImmutableArray.CreateBuilder<SplicedValue>()).Add(new SplicedValue(holeValue, hole, segments, statement));
        }

        return found?.ToImmutable() ?? ImmutableArray<SplicedValue>.Empty;
    }

    /// <summary>The reader's parts of a query text: each literal as it is, each hole as one.</summary>
    internal static SqlTextPart[] AsParts(ImmutableArray<QueryTextSegment> segments)
    {
        var parts = new SqlTextPart[segments.Length];
        for (int i = 0; i < segments.Length; i++)
        {
            parts[i] = segments[i].IsHole ? SqlTextPart.Hole : SqlTextPart.FromText(segments[i].Text!);
        }

        return parts;
    }

    /// <summary>
    /// True for a <c>string</c> or <c>object</c> value (or <c>ToString()</c> of one) that is not a constant and has not
    /// been through an escaping call: numbers, <c>bool</c>, dates, <c>Guid</c> and enums cannot carry a quote.
    /// </summary>
    private static bool IsUnescapedText(IOperation value)
    {
        if (value.ConstantValue.HasValue || value.Type is not { } type)
        {
            return false;
        }

        if (value is IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } receiver })
        {
            return receiver.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Object && IsUnescapedText(receiver.WalkDownConversions());
        }

        if (type.SpecialType is not (SpecialType.System_String or SpecialType.System_Object))
        {
            return false;
        }

        for (IOperation? current = value; current is IInvocationOperation invocation; current = invocation.Instance?.WalkDownConversions())
        {
            if (IsEscaping(invocation))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>.Replace("'", "''")</c>, or a method whose name says it escapes or quotes for SQL.</summary>
    private static bool IsEscaping(IInvocationOperation invocation)
    {
        string name = invocation.TargetMethod.Name;
        if (name == "Replace" && invocation.Arguments.Length >= 2
            && invocation.Arguments[0].Value.ConstantValue is { HasValue: true } from
            && (from.Value is "'" || from.Value is '\''))
        {
            return true;
        }

        return name.IndexOf("Escape", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("Quote", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("Sanitize", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The request properties that hold a statement, and the service each belongs to.</summary>
    private sealed class StatementTargets
    {
        private readonly INamedTypeSymbol? _athena;
        private readonly ImmutableArray<INamedTypeSymbol> _partiQl;

        public StatementTargets(INamedTypeSymbol? athena, ImmutableArray<INamedTypeSymbol> partiQl)
        {
            _athena = athena;
            _partiQl = partiQl;
        }

        public string? ServiceOf(IOperation target)
        {
            if (target is not IPropertyReferenceOperation { Property: { } property })
            {
                return null;
            }

            if (_athena is not null && AWS004MissingPartitionPredicateAnalyzer.IsQueryStringOf(target, _athena))
            {
                return AthenaService;
            }

            if (property.Name == StatementProperty)
            {
                foreach (INamedTypeSymbol request in _partiQl)
                {
                    if (property.ContainingType.IsOrDerivesFrom(request))
                    {
                        return PartiQlService;
                    }
                }
            }

            return null;
        }
    }
}

/// <summary>One run-time value the SQL reads as a value: its operation, the hole it fills, and the text it sits in.</summary>
internal sealed class SplicedValue
{
    public SplicedValue(IOperation value, SqlHole hole, ImmutableArray<QueryTextSegment> segments, SqlStatement statement)
    {
        Value = value;
        Hole = hole;
        Segments = segments;
        Statement = statement;
    }

    public IOperation Value { get; }

    public SqlHole Hole { get; }

    public ImmutableArray<QueryTextSegment> Segments { get; }

    public SqlStatement Statement { get; }
}
