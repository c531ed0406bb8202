using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AwsAnalyzers.Athena.Sql;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Editing;

namespace AwsAnalyzers.Athena;

/// <summary>
/// Fixes AWS004 by adding <c>column = ?</c> predicates on each unpruned table's date partition columns to the block
/// that reads it, and binding today's UTC partition through <c>ExecutionParameters</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS004MissingPartitionPredicateCodeFix)), Shared]
public sealed class AWS004MissingPartitionPredicateCodeFix : DocumentCodeFixProvider
{
    public const string EquivalenceKey = "AWS004.AddPartitionPredicates";

    private const string ExecutionParameters = AWS004MissingPartitionPredicateAnalyzer.ExecutionParametersProperty;

    public AWS004MissingPartitionPredicateCodeFix()
        : base(AWS004MissingPartitionPredicateAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        QueryFix? fix = Plan(context.Document, root, model, diagnostic, context.CancellationToken);
        if (fix is null)
        {
            return;
        }

        RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS004AddPartitionPredicates, string.Join(", ", fix.Tables)), EquivalenceKey);
    }

    private protected override async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (equivalenceKey != EquivalenceKey)
        {
            return document;
        }

        var fixes = new List<QueryFix>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (await PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } fix)
            {
                fixes.Add(fix);
            }
        }

        if (fixes.Count == 0 || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = new GeneratedTypeNames(editor.SemanticModel.Compilation, editor.Generator);
        foreach (QueryFix fix in fixes)
        {
            foreach (KeyValuePair<ExpressionSyntax, ExpressionSyntax> literal in fix.NewLiterals)
            {
                editor.ReplaceNode(literal.Key, literal.Value);
            }

            fix.Parameters.Apply(editor, fix.ParameterTexts(types, out string listType), listType, types);
        }

        return editor.GetChangedDocument();
    }

    /// <summary>What fixing one diagnostic changes, or null when it cannot be fixed safely.</summary>
    private static async Task<QueryFix?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null ? null : Plan(document, root, model, diagnostic, cancellationToken);
    }

    private static QueryFix? Plan(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (FindAssignment(root, diagnostic) is not { } assignment
            || model.GetOperation(assignment.Right, cancellationToken) is not { } value)
        {
            return null;
        }

        AnalyzerOptions options = document.Project.AnalyzerOptions;
        GlueCatalog catalog = PartitionColumns.ReadCatalog(options, cancellationToken);
        PartitionEvidence evidence = PartitionEvidence.For(model.Compilation, options, cancellationToken);
        PartitionColumns columns = PartitionColumns.For(catalog, evidence, options, assignment.SyntaxTree);
        if (AWS004MissingPartitionPredicateAnalyzer.Analyze(value, columns, cancellationToken) is not { } query
            || TablesToFix(query, columns) is not { } tablesToFix)
        {
            return null;
        }

        List<Insertion>? insertions = Insertions(query, tablesToFix, columns);
        if (insertions is null)
        {
            return null;
        }

        // The new values take their places among the ? already in the text, in text order.
        int existing = query.Statement.ParameterCount;
        var newParameters = new List<(int Index, PartitionValue Value)>();
        int added = 0;
        foreach (Insertion insertion in insertions.OrderBy(i => i.Offset))
        {
            int before = query.Statement.CountParametersBefore(insertion.Offset);
            foreach (PartitionValue parameter in insertion.Values)
            {
                newParameters.Add((before + added, parameter));
                added++;
            }
        }

        if (ParameterBinding.Find(assignment, existing) is not { } binding
            || NewLiterals(query, insertions) is not { } literals)
        {
            return null;
        }

        var tables = new List<string>();
        foreach (UnprunedTableRead table in tablesToFix)
        {
            if (!tables.Contains(table.LookupName, StringComparer.OrdinalIgnoreCase))
            {
                tables.Add(table.LookupName);
            }
        }

        return new QueryFix(tables, literals, binding, newParameters);
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

    /// <summary>
    /// The tables to add predicates for: those whose partition columns are known (a catalog, the project's DDL,
    /// templates or other queries), or the one table of a statement that reads one table. A table whose columns are
    /// only presumed is left alone beside others: it may be a dimension table without such columns, and Athena
    /// rejects a predicate on a column the table does not have. Once a known table is pruned, the rule presumes such
    /// a table a dimension table and no longer reports it. Null when there is nothing safe to fix.
    /// </summary>
    private static List<UnprunedTableRead>? TablesToFix(AnalyzedQuery query, PartitionColumns columns)
    {
        var known = new List<UnprunedTableRead>();
        foreach (UnprunedTableRead table in query.UnprunedTables)
        {
            if (columns.SourceOf(table.LookupName) != PartitionSource.Presumed)
            {
                known.Add(table);
            }
        }

        if (known.Count > 0)
        {
            return known;
        }

        return query.ReadsOneTable ? new List<UnprunedTableRead>(query.UnprunedTables) : null;
    }

    /// <summary>The SQL to insert for every table to fix, grouped per block; null when one table cannot be fixed.</summary>
    private static List<Insertion>? Insertions(AnalyzedQuery query, List<UnprunedTableRead> tablesToFix, PartitionColumns columns)
    {
        var byBlock = new Dictionary<SqlQueryBlock, List<(UnprunedTableRead Table, List<PartitionValue> Values)>>();
        var blocks = new List<SqlQueryBlock>();
        foreach (UnprunedTableRead table in tablesToFix)
        {
            var values = new List<PartitionValue>();
            foreach (GluePartitionKey key in columns.FixKeysOf(table.LookupName))
            {
                if (PartitionValue.For(key) is { } value)
                {
                    values.Add(value);
                }
            }

            if (values.Count == 0 || table.Block.IsTableQuery)
            {
                return null;
            }

            if (!byBlock.TryGetValue(table.Block, out var reads))
            {
                byBlock[table.Block] = reads = new List<(UnprunedTableRead, List<PartitionValue>)>();
                blocks.Add(table.Block);
            }

            reads.Add((table, values));
        }

        string text = query.Statement.Text;
        var insertions = new List<Insertion>();
        foreach (SqlQueryBlock block in blocks)
        {
            var condition = new StringBuilder();
            var values = new List<PartitionValue>();
            foreach ((UnprunedTableRead table, List<PartitionValue> tableValues) in byBlock[block])
            {
                string qualifier = string.Empty;
                if (block.Tables.Count > 1)
                {
                    qualifier = table.Table.GetQualifierText(text);
                    if (qualifier.Length == 0 || qualifier.IndexOf(SqlSourceText.HoleMarker) >= 0)
                    {
                        return null;
                    }

                    qualifier += ".";
                }

                foreach (PartitionValue value in tableValues)
                {
                    condition.Append(condition.Length == 0 ? string.Empty : " AND ").Append(qualifier).Append(value.Column).Append(" = ?");
                    values.Add(value);
                }
            }

            if (block.Where is { } where)
            {
                if (where.HasTopLevelOr)
                {
                    insertions.Add(new Insertion(where.Start, "(", ImmutableArray<PartitionValue>.Empty));
                    insertions.Add(new Insertion(where.End, ") AND " + condition, values.ToImmutableArray()));
                }
                else
                {
                    insertions.Add(new Insertion(where.End, " AND " + condition, values.ToImmutableArray()));
                }
            }
            else if (block.WhereInsertOffset >= 0)
            {
                insertions.Add(new Insertion(block.WhereInsertOffset, " WHERE " + condition, values.ToImmutableArray()));
            }
            else
            {
                return null;
            }
        }

        return insertions;
    }

    /// <summary>The rewritten string expressions, or null when an insertion point is not in text written in the query expression.</summary>
    private static Dictionary<ExpressionSyntax, ExpressionSyntax>? NewLiterals(AnalyzedQuery query, List<Insertion> insertions)
    {
        SqlSourceText source = query.Statement.Source;
        var edits = new Dictionary<ExpressionSyntax, List<(int Position, string Text)>>();
        foreach (Insertion insertion in insertions)
        {
            if (MapOffset(query, source, insertion.Offset) is not { } mapped)
            {
                return null;
            }

            if (Escape(insertion.Text, mapped.Expression) is not { } escaped)
            {
                return null;
            }

            if (!edits.TryGetValue(mapped.Expression, out var list))
            {
                edits[mapped.Expression] = list = new List<(int, string)>();
            }

            list.Add((mapped.Position, escaped));
        }

        var result = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
        foreach (KeyValuePair<ExpressionSyntax, List<(int Position, string Text)>> edit in edits)
        {
            ExpressionSyntax original = edit.Key;
            string text = original.ToString();

            // Apply from the end so earlier positions stay valid; at one position, keep the insertions' order.
            foreach ((int position, string inserted) in edit.Value.Select((e, i) => (e, i)).OrderByDescending(x => x.e.Position).ThenByDescending(x => x.i).Select(x => x.e))
            {
                text = text.Insert(position - original.SpanStart, inserted);
            }

            ExpressionSyntax rewritten = SyntaxFactory.ParseExpression(text);
            if (rewritten.ContainsDiagnostics || rewritten.Kind() != original.Kind() || rewritten.FullSpan.Length != text.Length)
            {
                return null;
            }

            result[original] = rewritten.WithTriviaFrom(original);
        }

        return result;
    }

    /// <summary>
    /// The document position for an offset of the composed text: in a literal written in the query expression
    /// that contains the offset (preferring one that can be edited, at a boundary between two texts), or else right
    /// after an interpolation that ends there.
    /// </summary>
    internal static (ExpressionSyntax Expression, int Position)? MapOffset(AnalyzedQuery query, SqlSourceText source, int offset)
    {
        for (int i = 0; i < query.Segments.Length && i < source.PartCount; i++)
        {
            QueryTextSegment segment = query.Segments[i];
            int start = source.GetPartStart(i);
            if (segment.IsHole || segment.Map is not { } map || offset < start || offset > start + segment.Text!.Length)
            {
                continue;
            }

            if (map.PositionOf(offset - start) is { } position)
            {
                return (map.Expression, position);
            }
        }

        for (int i = 0; i < query.Segments.Length && i < source.PartCount; i++)
        {
            if (query.Segments[i].Interpolation is { Parent: InterpolatedStringExpressionSyntax owner } interpolation
                && offset == source.GetPartStart(i) + 1)
            {
                return (owner, interpolation.Span.End);
            }
        }

        return null;
    }

    /// <summary>The SQL text as it must be written inside the string expression, or null when it cannot be written there.</summary>
    internal static string? Escape(string text, ExpressionSyntax expression)
    {
        bool hasQuote = text.IndexOf('"') >= 0;
        bool hasBrace = text.IndexOf('{') >= 0 || text.IndexOf('}') >= 0;
        if (text.IndexOf('\\') >= 0 || text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0)
        {
            return null;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                SyntaxToken token = literal.Token;
                if (token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    return token.Text.StartsWith("@", StringComparison.Ordinal) ? text.Replace("\"", "\"\"") : text.Replace("\"", "\\\"");
                }

                return hasQuote ? null : text;
            case InterpolatedStringExpressionSyntax interpolated:
                switch (interpolated.StringStartToken.Kind())
                {
                    case SyntaxKind.InterpolatedStringStartToken:
                        return text.Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");
                    case SyntaxKind.InterpolatedVerbatimStringStartToken:
                        return text.Replace("\"", "\"\"").Replace("{", "{{").Replace("}", "}}");
                    default:
                        return hasQuote || hasBrace ? null : text;
                }

            default:
                return null;
        }
    }

    /// <summary>SQL text to insert at an offset of the composed query, with the values its <c>?</c> take.</summary>
    private sealed class Insertion
    {
        public Insertion(int offset, string text, ImmutableArray<PartitionValue> values)
        {
            Offset = offset;
            Text = text;
            Values = values;
        }

        public int Offset { get; }

        public string Text { get; }

        public ImmutableArray<PartitionValue> Values { get; }
    }

    /// <summary>A date partition column and how today's UTC value of it is written for Athena.</summary>
    private sealed class PartitionValue
    {
        private PartitionValue(string column, string format, string? component, string? sqlPrefix, bool quoted)
        {
            Column = column;
            Format = format;
            Component = component;
            SqlPrefix = sqlPrefix;
            Quoted = quoted;
        }

        public string Column { get; }

        /// <summary>The DateTime format of the value (<c>yyyy</c>, <c>MM</c>, <c>yyyy-MM-dd</c>…).</summary>
        public string Format { get; }

        /// <summary>For integer columns, the DateTime property to write without leading zeros (<c>Month</c>).</summary>
        public string? Component { get; }

        /// <summary>A SQL literal prefix such as <c>DATE</c>.</summary>
        public string? SqlPrefix { get; }

        public bool Quoted { get; }

        /// <summary>The value for a partition key the fix knows how to compute for today, or null.</summary>
        public static PartitionValue? For(GluePartitionKey key)
        {
            if (!IsSimpleIdentifier(key.Name))
            {
                return null;
            }

            (string format, string? component, bool isDate) = key.Name.ToLowerInvariant() switch
            {
                "year" => ("yyyy", "Year", false),
                "month" => ("MM", "Month", false),
                "day" => ("dd", "Day", false),
                "hour" => ("HH", "Hour", false),
                "dt" or "date" or "ds" => ("yyyy-MM-dd", (string?)null, true),
                _ => (string.Empty, null, false),
            };

            if (format.Length == 0)
            {
                return null;
            }

            string? type = key.Type?.Trim().ToLowerInvariant();
            int parenthesis = type?.IndexOf('(') ?? -1;
            if (parenthesis > 0)
            {
                type = type!.Substring(0, parenthesis);
            }

            switch (type)
            {
                case null or "":
                    return new PartitionValue(key.Name, format, null, null, quoted: isDate);
                case "string" or "varchar" or "char":
                    return new PartitionValue(key.Name, format, null, null, quoted: true);
                case "int" or "integer" or "bigint" or "smallint" or "tinyint" when component is not null:
                    return new PartitionValue(key.Name, format, component, null, quoted: false);
                case "date" when isDate:
                    return new PartitionValue(key.Name, format, null, "DATE ", quoted: true);
                default:
                    return null;
            }
        }

        private static bool IsSimpleIdentifier(string name)
        {
            if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
            {
                return false;
            }

            foreach (char c in name)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The C# expression of the value, with the type names as they can be written at the fix's position.</summary>
        public string Expression(string dateTime, string cultureInfo)
        {
            string invariant = cultureInfo + ".InvariantCulture";
            string text = Component is not null
                ? dateTime + ".UtcNow." + Component + ".ToString(" + invariant + ")"
                : dateTime + ".UtcNow.ToString(\"" + Format + "\", " + invariant + ")";
            return Quoted ? "\"" + SqlPrefix + "'\" + " + text + " + \"'\"" : text;
        }
    }

    /// <summary>Where the request's <c>ExecutionParameters</c> are set, and how the new values get in.</summary>
    internal abstract class ParameterBinding
    {
        public abstract void Apply(DocumentEditor editor, IReadOnlyList<(int Index, string Expression)> values, string listType, GeneratedTypeNames types);

        /// <summary>
        /// How to bind the new values for a query with <paramref name="existing"/> <c>?</c> already, or null when the
        /// request's parameters are set in a way the fix cannot extend safely. <paramref name="property"/> names the
        /// request's list of values (<c>ExecutionParameters</c>, or PartiQL's <c>Parameters</c>).
        /// </summary>
        public static ParameterBinding? Find(AssignmentExpressionSyntax assignment, int existing, string property = ExecutionParameters)
        {
            if (assignment.Parent is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                AssignmentExpressionSyntax? parameters = null;
                foreach (ExpressionSyntax entry in initializer.Expressions)
                {
                    if (entry is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } found && name.Identifier.ValueText == property)
                    {
                        parameters = found;
                    }
                }

                if (parameters is null)
                {
                    return existing == 0 ? new NewInitializerEntry(initializer, initializer.Expressions.IndexOf(assignment), property) : null;
                }

                return ExistingList.Find(initializer, initializer.Expressions.IndexOf(parameters), existing);
            }

            if (existing == 0
                && assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } statement
                && assignment.Left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } target
                && !MentionsExecutionParameters(statement, property))
            {
                return new NewStatement(statement, target.Expression, property);
            }

            return null;
        }

        /// <summary>
        /// True when the type that holds the statement reads or writes some <c>ExecutionParameters</c>: a request kept
        /// in a field may get its parameters in another method.
        /// </summary>
        private static bool MentionsExecutionParameters(StatementSyntax statement, string property)
        {
            SyntaxNode? scope = statement.Ancestors().LastOrDefault(a => a is TypeDeclarationSyntax)
                ?? statement.FirstAncestorOrSelf<CompilationUnitSyntax>();
            return scope is null || scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == property);
        }

        protected static string ListCreation(IReadOnlyList<(int Index, string Expression)> values, string list) =>
            "new " + list + " { " + string.Join(", ", values.OrderBy(v => v.Index).Select(v => v.Expression)) + " }";

        /// <summary>The indentation at the start of <paramref name="node"/>'s line.</summary>
        protected static SyntaxTriviaList Indentation(SyntaxNode node)
        {
            SyntaxTriviaList leading = node.GetLeadingTrivia();
            int start = leading.Count;
            while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                start--;
            }

            return SyntaxFactory.TriviaList(leading.Skip(start));
        }
    }

    /// <summary>Adds <c>ExecutionParameters = new List&lt;string&gt; { … }</c> after <c>QueryString</c> in the object initializer.</summary>
    private sealed class NewInitializerEntry : ParameterBinding
    {
        private readonly InitializerExpressionSyntax _initializer;
        private readonly int _queryIndex;
        private readonly string _property;

        public NewInitializerEntry(InitializerExpressionSyntax initializer, int queryIndex, string property)
        {
            _initializer = initializer;
            _queryIndex = queryIndex;
            _property = property;
        }

        public override void Apply(DocumentEditor editor, IReadOnlyList<(int Index, string Expression)> values, string listType, GeneratedTypeNames types)
        {
            string creation = ListCreation(values, listType);
            editor.ReplaceNode(_initializer, (current, _) =>
            {
                var initializer = (InitializerExpressionSyntax)current;
                SeparatedSyntaxList<ExpressionSyntax> entries = initializer.Expressions;
                if (_queryIndex < 0 || _queryIndex >= entries.Count)
                {
                    return initializer;
                }

                ExpressionSyntax query = entries[_queryIndex];
                var nodes = new List<SyntaxNodeOrToken>();
                for (int i = 0; i < entries.Count; i++)
                {
                    bool hasSeparator = i < entries.SeparatorCount;
                    if (i != _queryIndex)
                    {
                        nodes.Add(entries[i]);
                        if (hasSeparator)
                        {
                            nodes.Add(entries.GetSeparator(i));
                        }

                        continue;
                    }

                    SyntaxTriviaList trailing = query.GetTrailingTrivia();
                    SyntaxTriviaList separatorTrailing = hasSeparator ? entries.GetSeparator(i).TrailingTrivia : trailing;
                    bool multiLine = separatorTrailing.Any(SyntaxKind.EndOfLineTrivia);
                    SyntaxTriviaList lineEnd = multiLine
                        ? SyntaxFactory.TriviaList(separatorTrailing.First(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
                        : SyntaxFactory.TriviaList();
                    ExpressionSyntax entry = types.Annotate(SyntaxFactory.ParseExpression(_property + " = " + creation))
                        .WithLeadingTrivia(multiLine ? Indentation(query) : SyntaxFactory.TriviaList(SyntaxFactory.Space));
                    if (hasSeparator)
                    {
                        // Comments after the query's comma stay on its line; the new entry ends its own line.
                        nodes.Add(query);
                        nodes.Add(entries.GetSeparator(i));
                        nodes.Add(entry);
                        nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(lineEnd));
                    }
                    else
                    {
                        // The query was the last entry: its comma takes over its line end, the new entry ends the list.
                        nodes.Add(query.WithoutTrailingTrivia());
                        nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiLine ? trailing : SyntaxFactory.TriviaList()));
                        nodes.Add(entry.WithTrailingTrivia(multiLine ? lineEnd : trailing));
                    }
                }

                return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(nodes));
            });
        }
    }

    /// <summary>Inserts the new values into <c>ExecutionParameters = new List&lt;string&gt; { … }</c> or <c>[ … ]</c>.</summary>
    private sealed class ExistingList : ParameterBinding
    {
        private readonly ExpressionSyntax _list;

        private ExistingList(ExpressionSyntax list) => _list = list;

        public static ExistingList? Find(InitializerExpressionSyntax initializer, int index, int existing)
        {
            if (index < 0 || initializer.Expressions[index] is not AssignmentExpressionSyntax { Right: { } value })
            {
                return null;
            }

            int count = value switch
            {
                BaseObjectCreationExpressionSyntax { Initializer: { } items, ArgumentList: null or { Arguments.Count: 0 } }
                    when items.IsKind(SyntaxKind.CollectionInitializerExpression) => items.Expressions.Count,
                CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) => collection.Elements.Count,
                _ => -1,
            };

            return count == existing ? new ExistingList(value) : null;
        }

        public override void Apply(DocumentEditor editor, IReadOnlyList<(int Index, string Expression)> values, string listType, GeneratedTypeNames types)
        {
            editor.ReplaceNode(_list, (current, _) =>
            {
                switch (current)
                {
                    case BaseObjectCreationExpressionSyntax { Initializer: { } items } creation:
                        return creation.WithInitializer(items.WithExpressions(Insert(items.Expressions, values, e => e, types)));
                    case CollectionExpressionSyntax collection:
                        return collection.WithElements(Insert(collection.Elements, values, e => SyntaxFactory.ExpressionElement(e), types));
                    default:
                        return current;
                }
            });
        }

        private static SeparatedSyntaxList<T> Insert<T>(
            SeparatedSyntaxList<T> items, IReadOnlyList<(int Index, string Expression)> values, Func<ExpressionSyntax, T> wrap, GeneratedTypeNames types)
            where T : SyntaxNode
        {
            foreach ((int index, string expression) in values.OrderBy(v => v.Index))
            {
                T item = wrap(types.Annotate(SyntaxFactory.ParseExpression(expression)));
                if (index > 0 || items.Count > 0)
                {
                    item = item.WithLeadingTrivia(SyntaxFactory.Space);
                }

                if (index == 0 && items.Count > 0)
                {
                    // The first item carries the list's opening spacing; the new one takes it over.
                    item = item.WithLeadingTrivia(items[0].GetLeadingTrivia());
                    items = items.Replace(items[0], items[0].WithLeadingTrivia(SyntaxFactory.Space));
                }

                if (index >= items.Count && items.Count > 0)
                {
                    // The last item carries the list's closing spacing; the new last one takes it over.
                    T last = items[items.Count - 1];
                    item = item.WithTrailingTrivia(last.GetTrailingTrivia());
                    items = items.Replace(last, last.WithoutTrailingTrivia());
                }

                items = items.Insert(Math.Min(index, items.Count), item);
            }

            return items;
        }
    }

    /// <summary>Adds <c>request.ExecutionParameters = new List&lt;string&gt; { … };</c> after <c>request.QueryString = …;</c>.</summary>
    private sealed class NewStatement : ParameterBinding
    {
        private readonly ExpressionStatementSyntax _statement;
        private readonly ExpressionSyntax _target;
        private readonly string _property;

        public NewStatement(ExpressionStatementSyntax statement, ExpressionSyntax target, string property)
        {
            _statement = statement;
            _target = target;
            _property = property;
        }

        public override void Apply(DocumentEditor editor, IReadOnlyList<(int Index, string Expression)> values, string listType, GeneratedTypeNames types)
        {
            // A comment after the query statement stays there; the new statement only ends its line.
            SyntaxTrivia lineEnd = _statement.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            StatementSyntax added = types.Annotate(SyntaxFactory.ParseStatement(
                    _target.WithoutTrivia().ToString() + "." + _property + " = " + ListCreation(values, listType) + ";"))
                .WithLeadingTrivia(Indentation(_statement))
                .WithTrailingTrivia(lineEnd.IsKind(SyntaxKind.EndOfLineTrivia) ? lineEnd : SyntaxFactory.ElasticCarriageReturnLineFeed);
            editor.InsertAfter(_statement, added);
        }
    }

    /// <summary>Everything that fixing one diagnostic changes.</summary>
    private sealed class QueryFix
    {
        private readonly List<(int Index, PartitionValue Value)> _newParameters;

        public QueryFix(
            List<string> tables,
            Dictionary<ExpressionSyntax, ExpressionSyntax> newLiterals,
            ParameterBinding parameters,
            List<(int Index, PartitionValue Value)> newParameters)
        {
            Tables = tables;
            NewLiterals = newLiterals;
            Parameters = parameters;
            _newParameters = newParameters;
        }

        public List<string> Tables { get; }

        public Dictionary<ExpressionSyntax, ExpressionSyntax> NewLiterals { get; }

        public ParameterBinding Parameters { get; }

        /// <summary>
        /// The C# expressions of the new values, by position in the parameter list, and the list type as it can be
        /// written here.
        /// </summary>
        public IReadOnlyList<(int Index, string Expression)> ParameterTexts(GeneratedTypeNames types, out string listType)
        {
            string dateTime = types.Name("System.DateTime");
            string cultureInfo = types.Name("System.Globalization.CultureInfo");
            listType = types.ListOfString();
            return _newParameters.Select(p => (p.Index, p.Value.Expression(dateTime, cultureInfo))).ToList();
        }
    }
}
