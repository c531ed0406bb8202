using System.Collections.Immutable;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Kinesis;

/// <summary>
/// AWS001: a Kinesis record whose partition key (or explicit hash key) is the same for every record. Kinesis maps
/// the key to one shard, and one shard takes 1,000 records/s or 1 MB/s, so such a producer never scales out.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS001ConstantPartitionKeyAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.ConstantPartitionKey;

    /// <summary>Diagnostic property naming the assigned property: <c>PartitionKey</c> or <c>ExplicitHashKey</c>.</summary>
    public const string PropertyNameKey = "PropertyName";

    public const string PartitionKeyProperty = "PartitionKey";
    public const string ExplicitHashKeyProperty = "ExplicitHashKey";

    internal const string PutRecordRequestName = "Amazon.Kinesis.Model.PutRecordRequest";
    internal const string PutRecordsRequestEntryName = "Amazon.Kinesis.Model.PutRecordsRequestEntry";

    /// <summary>How many locals and fields a value may be traced through before we give up.</summary>
    private const int MaxTraceDepth = 4;

    /// <summary>Longest constant quoted in the message before it is shortened.</summary>
    private const int MaxQuotedLength = 40;

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId,
        title: RuleText.Get(nameof(AnalyzerResources.AWS001Title)),
        messageFormat: RuleText.Get(nameof(AnalyzerResources.AWS001MessageFormat)),
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: RuleText.Get(nameof(AnalyzerResources.AWS001Description)));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

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

            INamedTypeSymbol? putRecordRequest = types.Get(PutRecordRequestName);
            INamedTypeSymbol? putRecordsRequestEntry = types.Get(PutRecordsRequestEntryName);
            if (putRecordRequest is null && putRecordsRequestEntry is null)
            {
                return;
            }

            start.RegisterOperationAction(
                context => AnalyzeAssignment(context, putRecordRequest, putRecordsRequestEntry),
                OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(
        OperationAnalysisContext context, INamedTypeSymbol? putRecordRequest, INamedTypeSymbol? putRecordsRequestEntry)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
            || property.Name is not (PartitionKeyProperty or ExplicitHashKeyProperty)
            || !(property.ContainingType.IsOrDerivesFrom(putRecordRequest) || property.ContainingType.IsOrDerivesFrom(putRecordsRequestEntry)))
        {
            return;
        }

        string? constant = ConstantString(assignment.Value, depth: 0, context.CancellationToken);
        if (constant is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            assignment.Value.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(PropertyNameKey, property.Name),
            property.Name,
            Quote(constant)));
    }

    /// <summary>The string the value always has, or null when it can vary (or is null, which Kinesis rejects anyway).</summary>
    private static string? ConstantString(IOperation value, int depth, System.Threading.CancellationToken cancellationToken)
    {
        if (depth > MaxTraceDepth)
        {
            return null;
        }

        value = value.WalkDownConversions();
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value as string;
        }

        return value switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } => StaticMemberConstant(field, value.SemanticModel, cancellationToken),
            IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null, Parameters.IsEmpty: true } property } => StaticMemberConstant(property, value.SemanticModel, cancellationToken),
            ILocalReferenceOperation { Local: { } local } => LocalConstant(value, local, depth, cancellationToken),
            _ => null,
        };
    }

    /// <summary>
    /// A <c>static readonly</c> field or get-only static property whose declaration initializes it with a constant and
    /// that no static constructor writes.
    /// </summary>
    private static string? StaticMemberConstant(ISymbol member, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
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

        return IsWrittenInStaticConstructor(member) ? null : text;
    }

    /// <summary>
    /// A constant initializer such as <c>= Prefix + "-key"</c> needs binding; that is only cheap for the tree already
    /// being analyzed, so members declared in other files are judged by their syntax alone.
    /// </summary>
    private static string? SameTreeConstant(ExpressionSyntax initializer, SemanticModel? model, System.Threading.CancellationToken cancellationToken) =>
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

    /// <summary>
    /// A local whose every write, anywhere in the body that declares it (lambdas and local functions included), stores
    /// the same constant.
    /// </summary>
    private static string? LocalConstant(IOperation reference, ILocalSymbol local, int depth, System.Threading.CancellationToken cancellationToken)
    {
        if (local.IsRef)
        {
            return null;
        }

        string? constant = null;
        foreach (IOperation operation in reference.Root().Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            IOperation? stored;
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Parent is not IVariableDeclarationOperation)
                    {
                        // A foreach variable, or another declaration form that takes its value from elsewhere.
                        return null;
                    }

                    stored = declarator.GetVariableInitializer()?.Value;
                    if (stored is null)
                    {
                        continue;
                    }

                    break;
                case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local):
                    return null;
                case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, local):
                    if (use.Parent is ISimpleAssignmentOperation assignment && assignment.Target == use)
                    {
                        stored = assignment.Value;
                        break;
                    }

                    if (IsOtherWrite(use))
                    {
                        return null;
                    }

                    continue;
                default:
                    continue;
            }

            string? value = ConstantString(stored, depth + 1, cancellationToken);
            if (value is null || (constant is not null && value != constant))
            {
                return null;
            }

            constant = value;
        }

        return constant;
    }

    private static bool IsOtherWrite(ILocalReferenceOperation use)
    {
        if (use.IsDeclaration)
        {
            return true;
        }

        IOperation? parent = use.Parent;
        return parent switch
        {
            ICompoundAssignmentOperation compound => compound.Target == use,
            ICoalesceAssignmentOperation coalesce => coalesce.Target == use,
            IIncrementOrDecrementOperation => true,
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
            ITupleOperation => IsDeconstructionTarget(parent),
            _ => false,
        };
    }

    private static bool IsDeconstructionTarget(IOperation tuple)
    {
        IOperation current = tuple;
        while (current.Parent is ITupleOperation outer)
        {
            current = outer;
        }

        return current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current;
    }

    private static string Quote(string constant)
    {
        string shown = constant.Length > MaxQuotedLength ? constant.Substring(0, MaxQuotedLength) + "…" : constant;
        return SymbolDisplay.FormatLiteral(shown, quote: true);
    }
}
