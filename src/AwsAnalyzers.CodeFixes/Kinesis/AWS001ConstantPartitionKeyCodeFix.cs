using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AwsAnalyzers.Kinesis;

/// <summary>
/// Fixes AWS001 with a random partition key (or, for an explicit hash key, by letting Kinesis hash the partition key),
/// or with a per-record value of the loop variable or lambda parameter that feeds the record.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS001ConstantPartitionKeyCodeFix)), Shared]
public sealed class AWS001ConstantPartitionKeyCodeFix : DocumentCodeFixProvider
{
    public const string RandomKeyEquivalenceKey = "AWS001.UseRandomKey";
    public const string RemoveExplicitHashKeyEquivalenceKey = "AWS001.RemoveExplicitHashKey";
    public const string PerRecordKeyEquivalenceKey = "AWS001.UsePerRecordKey";
    public const string SourceKeyEquivalenceKey = "AWS001.UseSourceKey";

    /// <summary>Modulus of the guide's spreading (<c>device_id + timestamp % 1000</c>).</summary>
    private const int SpreadModulus = 1000;

    public AWS001ConstantPartitionKeyCodeFix()
        : base(AWS001ConstantPartitionKeyAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (FindAssignment(root, diagnostic) is not { } assignment)
        {
            return;
        }

        if (IsExplicitHashKey(diagnostic))
        {
            if (CanRemove(assignment))
            {
                RegisterFix(context, diagnostic, CodeFixResources.AWS001RemoveExplicitHashKey, RemoveExplicitHashKeyEquivalenceKey);
            }

            return;
        }

        // First, when the record names its source: dotnet format applies the first fix, and a key per source keeps
        // each source's records in order, which a random key does not.
        if (SourceKey(model, assignment, context.CancellationToken) is { } sourceKey)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS001UseSourceKey, sourceKey), SourceKeyEquivalenceKey);
        }

        RegisterFix(context, diagnostic, CodeFixResources.AWS001UseRandomKey, RandomKeyEquivalenceKey);

        if (PerRecordKey(model, assignment, context.CancellationToken) is { } perRecord)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS001UsePerRecordKey, perRecord), PerRecordKeyEquivalenceKey);
        }
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax compilationUnit || model is null)
        {
            return document;
        }

        var removals = new List<SyntaxNode>();
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        var types = new GeneratedTypeNames(model.Compilation, SyntaxGenerator.GetGenerator(document));
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (FindAssignment(root, diagnostic) is not { } assignment)
            {
                continue;
            }

            switch (equivalenceKey)
            {
                case RemoveExplicitHashKeyEquivalenceKey when IsExplicitHashKey(diagnostic) && CanRemove(assignment):
                    removals.Add(RemovedNode(assignment));
                    break;
                case RandomKeyEquivalenceKey when !IsExplicitHashKey(diagnostic):
                    replacements[assignment.Right] = types.Annotate(SyntaxFactory.ParseExpression(types.Name("System.Guid") + ".NewGuid().ToString()"))
                        .WithTriviaFrom(assignment.Right);
                    break;
                case SourceKeyEquivalenceKey when !IsExplicitHashKey(diagnostic)
                    && SourceKey(model, assignment, cancellationToken) is { } sourceKey:
                    replacements[assignment.Right] = SyntaxFactory.ParseExpression(sourceKey).WithTriviaFrom(assignment.Right);
                    break;
                case PerRecordKeyEquivalenceKey when !IsExplicitHashKey(diagnostic)
                    && PerRecordKey(model, assignment, cancellationToken) is { } perRecord:
                    replacements[assignment.Right] = SyntaxFactory.ParseExpression(perRecord).WithTriviaFrom(assignment.Right);
                    break;
            }
        }

        if (removals.Count == 0 && replacements.Count == 0)
        {
            return document;
        }

        removals.AddRange(UnusedConstantLocalWrites(model, replacements.Keys, cancellationToken));
        removals.AddRange(UnusedPrivateStaticFields(model, replacements.Keys, cancellationToken));
        CompilationUnitSyntax fixedRoot = compilationUnit.TrackNodes(replacements.Keys.Concat(removals));
        foreach (KeyValuePair<SyntaxNode, SyntaxNode> replacement in replacements)
        {
            fixedRoot = fixedRoot.ReplaceNode(fixedRoot.GetCurrentNode(replacement.Key)!, replacement.Value);
        }

        fixedRoot = SyntaxRemoval.RemoveKeepingComments(fixedRoot, removals.Select(node => fixedRoot.GetCurrentNode(node)!));
        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>
    /// The declaration and constant assignments of locals whose every read is replaced by the fix: left behind, they
    /// would raise "assigned but never used" (CS0219), which fails builds that treat warnings as errors.
    /// </summary>
    private static IEnumerable<SyntaxNode> UnusedConstantLocalWrites(
        SemanticModel model, IEnumerable<SyntaxNode> replacedValues, CancellationToken cancellationToken)
    {
        var replaced = new HashSet<SyntaxNode>(replacedValues);
        var locals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (SyntaxNode value in replaced)
        {
            if (value is IdentifierNameSyntax && model.GetSymbolInfo(value, cancellationToken).Symbol is ILocalSymbol local)
            {
                locals.Add(local);
            }
        }

        foreach (ILocalSymbol local in locals)
        {
            if (local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration }
                || declaration.Parent is not (BlockSyntax or SwitchSectionSyntax)
                || declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword))
            {
                continue;
            }

            SyntaxNode scope = (SyntaxNode?)declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? declaration.SyntaxTree.GetRoot(cancellationToken);
            var writes = new List<SyntaxNode> { declaration };
            bool onlyReplacedReads = true;
            foreach (IdentifierNameSyntax use in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (use.Identifier.ValueText != local.Name
                    || replaced.Contains(use)
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, local))
                {
                    continue;
                }

                if (use.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement } assignment
                    && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && assignment.Left == use
                    && model.GetConstantValue(assignment.Right, cancellationToken).HasValue)
                {
                    writes.Add(statement);
                    continue;
                }

                onlyReplacedReads = false;
                break;
            }

            if (onlyReplacedReads)
            {
                foreach (SyntaxNode write in writes)
                {
                    yield return write;
                }
            }
        }
    }

    /// <summary>
    /// Private <c>static readonly</c> key fields whose every read is replaced by the fix: left behind, they raise
    /// "assigned but never used" (CS0414). Constants raise nothing and are kept.
    /// </summary>
    private static IEnumerable<SyntaxNode> UnusedPrivateStaticFields(
        SemanticModel model, IEnumerable<SyntaxNode> replacedValues, CancellationToken cancellationToken)
    {
        var replaced = new HashSet<SyntaxNode>(replacedValues);
        var fields = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
        foreach (SyntaxNode value in replaced)
        {
            if (value is IdentifierNameSyntax
                && model.GetSymbolInfo(value, cancellationToken).Symbol is IFieldSymbol { DeclaredAccessibility: Accessibility.Private, IsStatic: true, IsReadOnly: true, IsConst: false } field)
            {
                fields.Add(field);
            }
        }

        foreach (IFieldSymbol field in fields)
        {
            if (field.DeclaringSyntaxReferences.Length != 1
                || field.ContainingType.DeclaringSyntaxReferences.Length != 1
                || field.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree
                || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax declaration } })
            {
                continue;
            }

            SyntaxNode type = field.ContainingType.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            bool onlyReplacedReads = type.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(use => use.Identifier.ValueText == field.Name && !replaced.Contains(use))
                .All(use => !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, field));
            if (onlyReplacedReads)
            {
                yield return declaration;
            }
        }
    }

    private static AssignmentExpressionSyntax? FindAssignment(SyntaxNode root, Diagnostic diagnostic)
    {
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax && node.Parent.Span == diagnostic.Location.SourceSpan)
        {
            node = node.Parent;
        }

        return node.Parent is AssignmentExpressionSyntax assignment && assignment.Right == node ? assignment : null;
    }

    private static bool IsExplicitHashKey(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AWS001ConstantPartitionKeyAnalyzer.PropertyNameKey, out string? name)
        && name == AWS001ConstantPartitionKeyAnalyzer.ExplicitHashKeyProperty;

    /// <summary>The assignment can be removed when it is an object-initializer entry or a statement of its own.</summary>
    private static bool CanRemove(AssignmentExpressionSyntax assignment) => SyntaxRemoval.CanRemoveAssignment(assignment);

    private static SyntaxNode RemovedNode(AssignmentExpressionSyntax assignment) => SyntaxRemoval.RemovableAssignmentNode(assignment);

    /// <summary>
    /// A per-record key: an identifier-like member of the nearest loop variable or lambda parameter that produces the
    /// record, spread by a timestamp-like member when there is one (the guide's <c>device_id + timestamp % 1000</c>).
    /// </summary>
    private static string? PerRecordKey(SemanticModel model, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        foreach (SyntaxNode ancestor in assignment.Ancestors())
        {
            ISymbol? source = ancestor switch
            {
                ForEachStatementSyntax loop => model.GetDeclaredSymbol(loop, cancellationToken),
                SimpleLambdaExpressionSyntax lambda => model.GetDeclaredSymbol(lambda.Parameter, cancellationToken),
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } lambda => model.GetDeclaredSymbol(lambda.ParameterList.Parameters[0], cancellationToken),
                _ => null,
            };

            if (ancestor is MemberDeclarationSyntax or LocalFunctionStatementSyntax)
            {
                return null;
            }

            if (source is null)
            {
                continue;
            }

            ITypeSymbol? type = source switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                _ => null,
            };

            // The nearest producer decides: if its element has no identifying member, an outer one would not vary per record.
            return type is null ? null : KeyExpression(source.Name, type, model, assignment.SpanStart);
        }

        return null;
    }

    /// <summary>
    /// A key that names the record's source: a device, sensor, tenant, user, customer, order or account id of the
    /// object serialized into the same request's <c>Data</c> (<c>JsonSerializer.SerializeToUtf8Bytes(reading)</c>,
    /// <c>JsonConvert.SerializeObject(order)</c>), read as <c>reading.DeviceId</c>. Null when there is none.
    /// </summary>
    private static string? SourceKey(SemanticModel model, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        if (DataValue(assignment) is not { } data)
        {
            return null;
        }

        foreach (InvocationExpressionSyntax call in data.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            string? name = call.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };

            if (name is null || name.IndexOf("Serialize", StringComparison.Ordinal) < 0 || call.ArgumentList.Arguments.Count == 0
                || call.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax record
                || model.GetSymbolInfo(record, cancellationToken).Symbol is not { Kind: SymbolKind.Local or SymbolKind.Parameter or SymbolKind.Field or SymbolKind.Property } symbol
                || !model.LookupSymbols(assignment.SpanStart, name: symbol.Name).Contains(symbol, SymbolEqualityComparer.Default)
                || model.GetTypeInfo(record, cancellationToken).Type is not { } type
                || type.SpecialType != SpecialType.None
                || type.ContainingNamespace?.ToDisplayString().StartsWith("Amazon", StringComparison.Ordinal) == true)
            {
                continue;
            }

            ISymbol? source = ReadableMembers(type, model, assignment.SpanStart)
                .FirstOrDefault(m => IsSourceIdentifier(m) && MemberType(m) is { } t && (t.SpecialType == SpecialType.System_String || IsIntegral(t) || t.ToDisplayString() == "System.Guid"));
            if (source is not null)
            {
                string access = record.Identifier.ValueText + "." + source.Name;
                return MemberType(source)!.SpecialType == SpecialType.System_String ? access : access + ".ToString()";
            }
        }

        return null;
    }

    /// <summary>The value assigned to <c>Data</c> beside the key: in the same object initializer, or as a statement on the same local in the same block.</summary>
    private static ExpressionSyntax? DataValue(AssignmentExpressionSyntax assignment)
    {
        if (assignment.Parent is InitializerExpressionSyntax initializer)
        {
            return initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "Data" })?.Right;
        }

        if (assignment.Left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
            && assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax block })
        {
            foreach (ExpressionStatementSyntax statement in block.Statements.OfType<ExpressionStatementSyntax>())
            {
                if (statement.Expression is AssignmentExpressionSyntax
                    {
                        Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name.Identifier.ValueText: "Data" },
                    } data
                    && owner.Identifier.ValueText == receiver.Identifier.ValueText)
                {
                    return data.Right;
                }
            }
        }

        return null;
    }

    /// <summary><c>DeviceId</c>, <c>TenantID</c>, <c>OrderKey</c>…: an id of what produced the record, not of the record itself.</summary>
    private static bool IsSourceIdentifier(ISymbol member)
    {
        if (!IsIdentifierLike(member))
        {
            return false;
        }

        foreach (string source in s_sources)
        {
            if (member.Name.StartsWith(source, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] s_sources =
        ["Device", "Sensor", "Tenant", "User", "Customer", "Order", "Account", "Client", "Vehicle", "Machine", "Source", "Shop", "Store", "Session"];

    private static string? KeyExpression(string variable, ITypeSymbol type, SemanticModel model, int position)
    {
        if (type.SpecialType != SpecialType.None || type.ContainingNamespace?.ToDisplayString().StartsWith("Amazon", StringComparison.Ordinal) == true)
        {
            return null;
        }

        List<ISymbol> members = ReadableMembers(type, model, position).ToList();
        ISymbol? id = members.FirstOrDefault(m => IsIdentifierLike(m) && MemberType(m)?.SpecialType == SpecialType.System_String)
            ?? members.FirstOrDefault(m => IsIdentifierLike(m) && MemberType(m) is { } t && (IsIntegral(t) || t.ToDisplayString() == "System.Guid"));
        if (id is null)
        {
            return null;
        }

        string idExpression = variable + "." + id.Name;
        ISymbol? time = members.FirstOrDefault(IsTimestampLike);
        string? spread = time is null ? null : SpreadExpression(variable + "." + time.Name, MemberType(time)!);
        if (spread is not null)
        {
            return "$\"{" + idExpression + "}_{" + spread + "}\"";
        }

        return MemberType(id)!.SpecialType == SpecialType.System_String ? idExpression : idExpression + ".ToString()";
    }

    private static IEnumerable<ISymbol> ReadableMembers(ITypeSymbol type, SemanticModel model, int position)
    {
        for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                bool readable = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } => true,
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } => true,
                    _ => false,
                };

                if (readable && model.IsAccessible(position, member))
                {
                    yield return member;
                }
            }
        }
    }

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    private static bool IsIdentifierLike(ISymbol member) =>
        member.Name.EndsWith("Id", StringComparison.Ordinal) || member.Name.EndsWith("ID", StringComparison.Ordinal)
        || member.Name.EndsWith("Key", StringComparison.Ordinal);

    private static bool IsIntegral(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64;

    private static bool IsTimestampLike(ISymbol member)
    {
        string name = member.Name;
        bool named = name.IndexOf("Timestamp", StringComparison.OrdinalIgnoreCase) >= 0
            || name.EndsWith("Time", StringComparison.Ordinal) || name.EndsWith("At", StringComparison.Ordinal);
        return named && MemberType(member) is { } type && SpreadExpression(string.Empty, type) is not null;
    }

    private static string? SpreadExpression(string access, ITypeSymbol type) => type.ToDisplayString() switch
    {
        "System.DateTime" => access + ".Ticks % " + SpreadModulus,
        "System.DateTimeOffset" => access + ".ToUnixTimeMilliseconds() % " + SpreadModulus,
        "long" or "ulong" => access + " % " + SpreadModulus,
        _ => null,
    };
}
