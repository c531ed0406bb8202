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
using Microsoft.CodeAnalysis.Formatting;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// Fixes AWS002 by creating the client once: a <c>private static readonly</c> field of the handler's type (a local
/// declared before the bootstrap in a top-level program), or, when the constructor arguments depend on the invocation,
/// a static <c>ConcurrentDictionary</c> with one client per varying value. The <c>using</c> around the client goes:
/// a shared client must outlive the invocation.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AWS002ClientCreatedInLambdaHandlerCodeFix)), Shared]
public sealed class AWS002ClientCreatedInLambdaHandlerCodeFix : DocumentCodeFixProvider
{
    public const string CreateOnceEquivalenceKey = "AWS002.CreateOnce";
    public const string CachePerArgumentEquivalenceKey = "AWS002.CachePerArgument";

    private const string ConcurrentNamespace = "System.Collections.Concurrent";

    public AWS002ClientCreatedInLambdaHandlerCodeFix()
        : base(AWS002ClientCreatedInLambdaHandlerAnalyzer.DiagnosticId)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (Plan(root, model, diagnostic, context.CancellationToken) is not { } plan)
        {
            return;
        }

        if (plan.VaryingKey is { } key)
        {
            RegisterFix(context, diagnostic, FixTitles.Format(CodeFixResources.AWS002CachePerArgument, key.WithoutTrivia()), CachePerArgumentEquivalenceKey);
            return;
        }

        RegisterFix(context, diagnostic, CodeFixResources.AWS002CreateOnce, CreateOnceEquivalenceKey);
    }

    /// <summary>What one diagnostic's fix changes, computed on the original tree.</summary>
    private sealed class FixPlan
    {
        public FixPlan(
            BaseObjectCreationExpressionSyntax creation,
            StatementSyntax statement,
            ILocalSymbol local,
            TypeSyntax clientType,
            SyntaxNode container,
            ExpressionSyntax? varyingKey)
        {
            Creation = creation;
            Statement = statement;
            Local = local;
            ClientType = clientType;
            Container = container;
            VaryingKey = varyingKey;
        }

        public BaseObjectCreationExpressionSyntax Creation { get; }

        /// <summary>The local declaration (plain or <c>using</c>) or the <c>using</c> statement that declares the client.</summary>
        public StatementSyntax Statement { get; }

        public ILocalSymbol Local { get; }

        /// <summary>The local's declared type, or the created type when the local is <c>var</c>.</summary>
        public TypeSyntax ClientType { get; }

        /// <summary>The type that gets the field, or the compilation unit of a top-level program.</summary>
        public SyntaxNode Container { get; }

        /// <summary>The one value of the invocation the constructor arguments depend on, or null when they depend on none.</summary>
        public ExpressionSyntax? VaryingKey { get; }

        public bool IsTopLevel => Container is CompilationUnitSyntax;
    }

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is not BaseObjectCreationExpressionSyntax creation
            || creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
            || local.IsConst || local.IsRef)
        {
            return null;
        }

        StatementSyntax? statement = declaration.Parent switch
        {
            LocalDeclarationStatementSyntax { Parent: BlockSyntax } localDeclaration => localDeclaration,
            UsingStatementSyntax usingStatement => usingStatement,
            _ => null,
        };

        TypeSyntax? clientType = declaration.Type.IsVar
            ? (creation as ObjectCreationExpressionSyntax)?.Type
            : declaration.Type;
        if (statement is null || clientType is null
            || ArgumentDependencies(creation, model, cancellationToken) is not { } dependencies
            || dependencies.Count > 1)
        {
            return null;
        }

        ExpressionSyntax? varyingKey = dependencies.Count == 1 ? dependencies[0] : null;
        SyntaxNode? container = ContainerOf(creation, varyingKey is not null);
        if (container is null || (varyingKey is null && IsWrittenAgain(local, statement, model, cancellationToken)))
        {
            return null;
        }

        if (varyingKey is not null
            && (creation is not ObjectCreationExpressionSyntax || model.GetTypeInfo(varyingKey, cancellationToken).Type is null or IErrorTypeSymbol))
        {
            return null;
        }

        return new FixPlan(creation, statement, local, clientType, container, varyingKey);
    }

    /// <summary>
    /// The type declaration that gets the field, or for a top-level program the compilation unit, when the creation sits
    /// in a non-static lambda or local function there (static ones cannot see a top-level local).
    /// </summary>
    private static SyntaxNode? ContainerOf(SyntaxNode creation, bool needsField)
    {
        bool insideFunction = false;
        bool insideStaticFunction = false;
        foreach (SyntaxNode ancestor in creation.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    insideFunction = true;
                    insideStaticFunction |= lambda.Modifiers.Any(SyntaxKind.StaticKeyword);
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    insideFunction = true;
                    insideStaticFunction |= localFunction.Modifiers.Any(SyntaxKind.StaticKeyword);
                    break;
                case GlobalStatementSyntax:
                    return !needsField && insideFunction && !insideStaticFunction ? ancestor.Parent as CompilationUnitSyntax : null;
                case ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax:
                    return ancestor;
                case TypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The values of the invocation that the arguments and initializer depend on (distinct by text), or null when they
    /// use something a static field or factory lambda cannot: an instance member, <c>this</c>, <c>await</c>, a lambda,
    /// a local constant, or anything unresolved.
    /// </summary>
    private static List<ExpressionSyntax>? ArgumentDependencies(
        BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        var dependencies = new List<ExpressionSyntax>();
        var parts = new List<SyntaxNode>();
        if (creation.ArgumentList is { } arguments)
        {
            parts.Add(arguments);
        }

        if (creation.Initializer is { } initializer)
        {
            parts.Add(initializer);
        }

        foreach (SyntaxNode node in parts.SelectMany(p => p.DescendantNodesAndSelf()))
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax or AwaitExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax
                    or QueryExpressionSyntax or DeclarationExpressionSyntax or StackAllocArrayCreationExpressionSyntax:
                    return null;
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                    return null;
                case SimpleNameSyntax name:
                    if (IsDeterminedElsewhere(name))
                    {
                        continue;
                    }

                    switch (model.GetSymbolInfo(name, cancellationToken).Symbol)
                    {
                        case ILocalSymbol { IsConst: false } or IParameterSymbol:
                            ExpressionSyntax value = MemberChain(name);
                            if (!dependencies.Any(d => d.IsEquivalentTo(value)))
                            {
                                dependencies.Add(value);
                            }

                            break;
                        case INamespaceOrTypeSymbol:
                        case IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true } or IMethodSymbol { IsStatic: true }:
                            break;
                        default:
                            return null;
                    }

                    break;
            }
        }

        return dependencies;
    }

    /// <summary>A member name after a dot, an object-initializer target or a named-argument label: the expression before it decides.</summary>
    private static bool IsDeterminedElsewhere(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == name,
        MemberBindingExpressionSyntax => true,
        NameColonSyntax => true,
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment => assignment.Left == name,
        _ => false,
    };

    /// <summary><c>input.Region</c> from <c>input</c>: the longest member access chain that is a value, not a method being called.</summary>
    private static ExpressionSyntax MemberChain(SimpleNameSyntax root)
    {
        ExpressionSyntax current = root;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current
            && access.Parent is not InvocationExpressionSyntax)
        {
            current = access;
        }

        return current;
    }

    /// <summary>True when the local is assigned after its declaration: a static readonly field could not be.</summary>
    private static bool IsWrittenAgain(ILocalSymbol local, StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (IdentifierNameSyntax reference in References(local, statement, model, cancellationToken))
        {
            bool written = reference.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == reference,
                ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
                PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
                RefExpressionSyntax => true,
                _ => false,
            };

            if (written)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The references to the local within its scope: the rest of its block, or the body of its <c>using</c> statement.</summary>
    private static IEnumerable<IdentifierNameSyntax> References(
        ILocalSymbol local, StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode scope = statement is UsingStatementSyntax ? statement : statement.Parent!;
        foreach (IdentifierNameSyntax identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                yield return identifier;
            }
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

        bool cache = equivalenceKey == CachePerArgumentEquivalenceKey;
        var plans = new List<FixPlan>();
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Plan(root, model, diagnostic, cancellationToken) is { } plan
                && (plan.VaryingKey is not null) == cache
                && !plans.Any(p => p.Statement == plan.Statement))
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return document;
        }

        SyntaxTrivia endOfLine = compilationUnit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine.IsKind(SyntaxKind.None))
        {
            endOfLine = SyntaxFactory.CarriageReturnLineFeed;
        }

        var edits = new Edits(model, endOfLine, DictionaryTypeName(model, plans[0].Statement.SpanStart), cancellationToken);
        foreach (FixPlan plan in plans)
        {
            if (cache)
            {
                edits.CachePerArgument(plan);
            }
            else
            {
                edits.CreateOnce(plan);
            }
        }

        CompilationUnitSyntax fixedRoot = edits.Apply(compilationUnit);
        if (edits.NeedsConcurrentUsing)
        {
            fixedRoot = UsingDirectives.Add(fixedRoot, ConcurrentNamespace);
        }

        Document changed = document.WithSyntaxRoot(fixedRoot);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>ConcurrentDictionary</c> when it binds or can be imported, else its qualified name (another type of that name is in scope).</summary>
    private static string DictionaryTypeName(SemanticModel model, int position)
    {
        ImmutableArray<ISymbol> inScope = model.LookupNamespacesAndTypes(position, name: "ConcurrentDictionary");
        if (inScope.IsEmpty || inScope.Any(s => s is INamedTypeSymbol { Arity: 2 } type && type.ContainingNamespace?.ToDisplayString() == ConcurrentNamespace))
        {
            return "ConcurrentDictionary";
        }

        return "global::" + ConcurrentNamespace + ".ConcurrentDictionary";
    }

    /// <summary>Collects every change of one fix pass, so that a Fix All names its new members without clashes.</summary>
    private sealed class Edits
    {
        private readonly SemanticModel _model;
        private readonly SyntaxTrivia _endOfLine;
        private readonly CancellationToken _cancellationToken;
        private readonly string _dictionaryType;

        private readonly Dictionary<SyntaxNode, List<MemberDeclarationSyntax>> _newMembers = new();
        private readonly Dictionary<SyntaxNode, List<StatementSyntax>> _newTopLevelLocals = new();
        private readonly Dictionary<SyntaxNode, HashSet<string>> _takenNames = new();

        /// <summary>Per container: the name already created for an identical declaration, so Fix All shares it.</summary>
        private readonly Dictionary<(SyntaxNode Container, string Declaration), string> _shared = new();

        private readonly Dictionary<SyntaxNode, SyntaxNode> _replacements = new();
        private readonly HashSet<StatementSyntax> _usingStatements = new();
        private readonly List<SyntaxNode> _removals = new();

        public Edits(SemanticModel model, SyntaxTrivia endOfLine, string dictionaryType, CancellationToken cancellationToken)
        {
            _model = model;
            _endOfLine = endOfLine;
            _dictionaryType = dictionaryType;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Moves the creation to a static readonly field (or a top-level local) and uses it in place of the local.</summary>
        public void CreateOnce(FixPlan plan)
        {
            string type = plan.ClientType.WithoutTrivia().ToString();
            string creation = plan.Creation.WithoutTrivia().ToString();
            string declarationKey = type + " = " + creation;
            string? name = _shared.TryGetValue((plan.Container, declarationKey), out string? shared)
                ? shared
                : ExistingField(plan.Container, type, creation);
            if (name is null)
            {
                name = UniqueName(plan, plan.IsTopLevel ? plan.Local.Name : FieldName(plan.Local.Name));
                _shared[(plan.Container, declarationKey)] = name;
                if (plan.IsTopLevel)
                {
                    // A local keeps its declaration as written, `var` included.
                    string declared = plan.Statement is UsingStatementSyntax { Declaration: { } d } ? d.Type.WithoutTrivia().ToString()
                        : ((LocalDeclarationStatementSyntax)plan.Statement).Declaration.Type.WithoutTrivia().ToString();
                    AddTo(_newTopLevelLocals, plan.Container, SyntaxFactory.ParseStatement($"{declared} {name} = {creation};"));
                }
                else
                {
                    AddTo(_newMembers, plan.Container, SyntaxFactory.ParseMemberDeclaration($"private static readonly {type} {name} = {creation};")!);
                }
            }

            if (name != plan.Local.Name)
            {
                foreach (IdentifierNameSyntax reference in References(plan.Local, plan.Statement, _model, _cancellationToken))
                {
                    _replacements[reference] = SyntaxFactory.IdentifierName(name).WithTriviaFrom(reference);
                }
            }

            if (plan.Statement is UsingStatementSyntax)
            {
                _usingStatements.Add(plan.Statement);
            }
            else
            {
                _removals.Add(plan.Statement);
            }
        }

        /// <summary>Replaces the creation with a lookup in a static dictionary of clients keyed by the varying value.</summary>
        public void CachePerArgument(FixPlan plan)
        {
            ExpressionSyntax key = plan.VaryingKey!;
            var creation = (ObjectCreationExpressionSyntax)plan.Creation;
            string parameter = ParameterName(plan, CamelCase(LastName(key)));
            ObjectCreationExpressionSyntax factoryBody = creation.ReplaceNodes(
                creation.DescendantNodes().OfType<ExpressionSyntax>().Where(e => e.IsEquivalentTo(key)),
                (original, _) => SyntaxFactory.IdentifierName(parameter).WithTriviaFrom(original));

            string keyType = _model.GetTypeInfo(key, _cancellationToken).Type!.ToMinimalDisplayString(_model, plan.Statement.SpanStart);
            string clientType = plan.ClientType.WithoutTrivia().ToString();
            string factory = parameter + " => " + factoryBody.WithoutTrivia().ToString();
            // Each cache gets its own dictionary, even for identical factories: a later single fix could not tell them apart.
            string cacheName = UniqueName(plan, FieldName(plan.Local.Name) + "By" + PascalCase(LastName(key)));
            string dictionary = $"{_dictionaryType}<{keyType}, {clientType}>";
            AddTo(_newMembers, plan.Container, SyntaxFactory.ParseMemberDeclaration(
                $"private static readonly {dictionary} {cacheName} = new {dictionary}();")!);
            NeedsConcurrentUsing |= _dictionaryType == "ConcurrentDictionary"
                && _model.LookupNamespacesAndTypes(plan.Statement.SpanStart, name: "ConcurrentDictionary").IsEmpty;

            _replacements[plan.Creation] = SyntaxFactory.ParseExpression($"{cacheName}.GetOrAdd({key.WithoutTrivia()}, {factory})")
                .WithTriviaFrom(plan.Creation);
            if (plan.Statement is UsingStatementSyntax)
            {
                _usingStatements.Add(plan.Statement);
            }
            else if (plan.Statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } usingDeclaration)
            {
                _replacements[usingDeclaration] = usingDeclaration;
            }
        }

        /// <summary>True when a dictionary was added under its simple name and the file does not import its namespace yet.</summary>
        public bool NeedsConcurrentUsing { get; private set; }

        public CompilationUnitSyntax Apply(CompilationUnitSyntax root)
        {
            var removal = new SyntaxAnnotation();
            var nodes = new HashSet<SyntaxNode>(_replacements.Keys);
            nodes.UnionWith(_usingStatements);
            nodes.UnionWith(_newMembers.Keys);
            nodes.UnionWith(_removals);

            CompilationUnitSyntax result = root.ReplaceNodes(nodes, (original, rewritten) =>
            {
                if (_removals.Contains(original))
                {
                    return rewritten.WithAdditionalAnnotations(removal);
                }

                if (_replacements.TryGetValue(original, out SyntaxNode? replacement))
                {
                    // A using declaration whose client now comes from the cache loses only its `using`.
                    return replacement is LocalDeclarationStatementSyntax usingDeclaration
                        ? ((LocalDeclarationStatementSyntax)rewritten).WithAwaitKeyword(default).WithUsingKeyword(default).WithLeadingTrivia(usingDeclaration.GetLeadingTrivia())
                        : replacement;
                }

                if (original is UsingStatementSyntax)
                {
                    return UnwrapUsing((UsingStatementSyntax)rewritten);
                }

                if (rewritten is TypeDeclarationSyntax type && _newMembers.TryGetValue(original, out List<MemberDeclarationSyntax>? members))
                {
                    return AddFields(type, members);
                }

                return rewritten;
            });

            // The using statements are now blocks holding their body; splice those into the enclosing block.
            result = SpliceUnwrappedBlocks(result);
            result = SyntaxRemoval.RemoveKeepingComments(result, result.GetAnnotatedNodes(removal));

            if (_newTopLevelLocals.Count > 0 && _newTopLevelLocals.Values.First() is { } locals)
            {
                result = AddTopLevelLocals(result, locals);
            }

            return result;
        }

        private static readonly SyntaxAnnotation s_unwrapped = new();

        /// <summary>
        /// The using statement without its resource: its declaration (when the client now comes from a cache) followed by
        /// the body, in a block marked for splicing.
        /// </summary>
        private static BlockSyntax UnwrapUsing(UsingStatementSyntax usingStatement)
        {
            var statements = new List<StatementSyntax>();
            if (usingStatement.Declaration is { } declaration
                && declaration.Variables[0].Initializer?.Value is InvocationExpressionSyntax)
            {
                statements.Add(SyntaxFactory.LocalDeclarationStatement(declaration.WithoutTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
            }

            statements.AddRange(usingStatement.Statement is BlockSyntax body ? body.Statements : [usingStatement.Statement]);
            return SyntaxFactory.Block(statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)))
                .WithLeadingTrivia(usingStatement.GetLeadingTrivia())
                .WithAdditionalAnnotations(s_unwrapped, Formatter.Annotation);
        }

        private CompilationUnitSyntax SpliceUnwrappedBlocks(CompilationUnitSyntax root)
        {
            IEnumerable<BlockSyntax> parents = root.GetAnnotatedNodes(s_unwrapped)
                .Select(n => n.Parent).OfType<BlockSyntax>().Distinct().ToList();
            return root.ReplaceNodes(parents, (_, rewritten) =>
            {
                var statements = new List<StatementSyntax>();
                foreach (StatementSyntax statement in rewritten.Statements)
                {
                    if (statement is BlockSyntax block && block.HasAnnotation(s_unwrapped))
                    {
                        SyntaxTriviaList leading = block.GetLeadingTrivia();
                        for (int i = 0; i < block.Statements.Count; i++)
                        {
                            StatementSyntax inner = block.Statements[i];
                            statements.Add(i == 0 ? inner.WithLeadingTrivia(KeptComments(leading).AddRange(inner.GetLeadingTrivia())) : inner);
                        }
                    }
                    else
                    {
                        statements.Add(statement);
                    }
                }

                return rewritten.WithStatements(SyntaxFactory.List(statements));
            });
        }

        /// <summary>The comments of the removed using statement's leading trivia, each on its own line, for the first statement of its body.</summary>
        private SyntaxTriviaList KeptComments(SyntaxTriviaList leading)
        {
            var kept = new List<SyntaxTrivia>();
            foreach (SyntaxTrivia trivia in leading)
            {
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    kept.Add(trivia);
                    kept.Add(_endOfLine);
                }
            }

            return SyntaxFactory.TriviaList(kept);
        }

        private TypeDeclarationSyntax AddFields(TypeDeclarationSyntax type, List<MemberDeclarationSyntax> fields)
        {
            int lastField = -1;
            for (int i = 0; i < type.Members.Count; i++)
            {
                if (type.Members[i] is FieldDeclarationSyntax)
                {
                    lastField = i;
                }
            }

            IEnumerable<MemberDeclarationSyntax> formatted = fields.Select(f => f.WithTrailingTrivia(_endOfLine).WithAdditionalAnnotations(Formatter.Annotation));
            if (lastField >= 0 || type.Members.Count == 0)
            {
                return type.WithMembers(type.Members.InsertRange(lastField + 1, formatted));
            }

            // First members of the type: keep a blank line between them and what follows.
            MemberDeclarationSyntax first = type.Members[0];
            SyntaxList<MemberDeclarationSyntax> members = type.Members.Replace(
                first, first.WithLeadingTrivia(first.GetLeadingTrivia().Insert(0, _endOfLine)));
            return type.WithMembers(members.InsertRange(0, formatted));
        }

        private CompilationUnitSyntax AddTopLevelLocals(CompilationUnitSyntax root, List<StatementSyntax> locals)
        {
            int first = root.Members.IndexOf(m => m is GlobalStatementSyntax);
            if (first < 0)
            {
                return root;
            }

            MemberDeclarationSyntax firstStatement = root.Members[first];
            IEnumerable<MemberDeclarationSyntax> declarations = locals.Select((local, i) =>
            {
                GlobalStatementSyntax global = SyntaxFactory.GlobalStatement(local.WithTrailingTrivia(_endOfLine));
                return i == 0 ? global.WithLeadingTrivia(firstStatement.GetLeadingTrivia()) : global;
            });

            SyntaxList<MemberDeclarationSyntax> members = root.Members.Replace(
                firstStatement, firstStatement.WithLeadingTrivia(SyntaxFactory.TriviaList(_endOfLine)));
            return root.WithMembers(members.InsertRange(first, declarations));
        }

        private static void AddTo<T>(Dictionary<SyntaxNode, List<T>> map, SyntaxNode container, T item)
        {
            if (!map.TryGetValue(container, out List<T>? list))
            {
                list = [];
                map[container] = list;
            }

            list.Add(item);
        }

        /// <summary><paramref name="baseName"/>, or it with a number, free in the container and where the client was created.</summary>
        private string UniqueName(FixPlan plan, string baseName)
        {
            if (!_takenNames.TryGetValue(plan.Container, out HashSet<string>? taken))
            {
                taken = [];
                _takenNames[plan.Container] = taken;
            }

            for (int suffix = 1; ; suffix++)
            {
                string candidate = suffix == 1 ? baseName : baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                bool free = !taken.Contains(candidate)
                    && !_model.LookupSymbols(plan.Creation.SpanStart, name: candidate).Any(s => !SymbolEqualityComparer.Default.Equals(s, plan.Local))
                    && !DeclaresMember(plan.Container, candidate)
                    && (plan.IsTopLevel || !IsLocalOfAnyMember(plan.Container, candidate));
                if (free)
                {
                    taken.Add(candidate);
                    return candidate;
                }
            }
        }

        /// <summary>
        /// A <c>static readonly</c> field of the type that already holds the same client, e.g. from an earlier fix: reuse
        /// it rather than build a second client.
        /// </summary>
        private static string? ExistingField(SyntaxNode container, string type, string creation)
        {
            if (container is not TypeDeclarationSyntax declaration)
            {
                return null;
            }

            foreach (FieldDeclarationSyntax field in declaration.Members.OfType<FieldDeclarationSyntax>())
            {
                if (field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)
                    && field.Declaration.Variables.Count == 1
                    && field.Declaration.Type.WithoutTrivia().ToString() == type
                    && field.Declaration.Variables[0].Initializer?.Value.WithoutTrivia().ToString() == creation)
                {
                    return field.Declaration.Variables[0].Identifier.ValueText;
                }
            }

            return null;
        }

        /// <summary>
        /// A name for the factory's parameter that hides nothing in scope where the client was created: the key's own name
        /// (<c>region</c> for <c>input.Region</c>), or that name with <c>Key</c> when a local already has it.
        /// </summary>
        private string ParameterName(FixPlan plan, string baseName)
        {
            for (int suffix = 0; ; suffix++)
            {
                string candidate = suffix switch
                {
                    0 => baseName,
                    1 => baseName + "Key",
                    _ => baseName + "Key" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                if (_model.LookupSymbols(plan.Creation.SpanStart, name: candidate).IsEmpty)
                {
                    return candidate;
                }
            }
        }

        private static bool DeclaresMember(SyntaxNode container, string name) =>
            container is TypeDeclarationSyntax type && type.Members.Any(m => m switch
            {
                FieldDeclarationSyntax field => field.Declaration.Variables.Any(v => v.Identifier.ValueText == name),
                PropertyDeclarationSyntax property => property.Identifier.ValueText == name,
                MethodDeclarationSyntax method => method.Identifier.ValueText == name,
                EventDeclarationSyntax e => e.Identifier.ValueText == name,
                BaseTypeDeclarationSyntax nested => nested.Identifier.ValueText == name,
                _ => false,
            });

        /// <summary>A local or parameter of that name elsewhere in the type would hide the new field there.</summary>
        private static bool IsLocalOfAnyMember(SyntaxNode container, string name) =>
            container.DescendantNodes().Any(n => n switch
            {
                VariableDeclaratorSyntax { Parent.Parent: not FieldDeclarationSyntax } variable => variable.Identifier.ValueText == name,
                ParameterSyntax parameter => parameter.Identifier.ValueText == name,
                SingleVariableDesignationSyntax designation => designation.Identifier.ValueText == name,
                _ => false,
            });

        private static string FieldName(string local) => "s_" + local.TrimStart('_');

        private static string LastName(ExpressionSyntax key) => key switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => "key",
        };

        private static string CamelCase(string name) =>
            name.Length == 0 ? "key" : char.ToLowerInvariant(name[0]) + name.Substring(1);

        private static string PascalCase(string name) =>
            name.Length == 0 ? "Key" : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }
}
