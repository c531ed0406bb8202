using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core;

/// <summary>One line of generated code, <see cref="Depth"/> indentation levels inside the statement it starts at.</summary>
internal readonly struct CodeLine
{
    public CodeLine(int depth, string text)
    {
        Depth = depth;
        Text = text;
    }

    public int Depth { get; }

    /// <summary>The code, or empty for a blank line.</summary>
    public string Text { get; }

    public static CodeLine Blank { get; } = new(0, string.Empty);

    public CodeLine Indented(int levels) => Text.Length == 0 ? this : new CodeLine(Depth + levels, Text);

    /// <summary>Lines laid out at <paramref name="indent"/>, one <paramref name="unit"/> per level, each ended by <paramref name="eol"/>.</summary>
    public static string Render(IEnumerable<CodeLine> lines, string indent, string unit, string eol)
    {
        var text = new StringBuilder();
        foreach (CodeLine line in lines)
        {
            if (line.Text.Length > 0)
            {
                text.Append(indent);
                for (int level = 0; level < line.Depth; level++)
                {
                    text.Append(unit);
                }

                text.Append(line.Text);
            }

            text.Append(eol);
        }

        return text.ToString();
    }
}

/// <summary>How generated code waits: awaiting (with the token and <c>ConfigureAwait</c> to pass on) or blocking.</summary>
internal sealed class WaitStyle
{
    public WaitStyle(bool isAsync, string? cancellationToken, string? configureAwait)
    {
        IsAsync = isAsync;
        CancellationToken = cancellationToken;
        ConfigureAwait = configureAwait;
    }

    /// <summary><c>await Task.Delay</c> when true, <c>Thread.Sleep</c> when false.</summary>
    public bool IsAsync { get; }

    /// <summary>The expression of the token the wait is cancelled with, or null for none.</summary>
    public string? CancellationToken { get; }

    /// <summary>The argument of the <c>ConfigureAwait</c> the awaited call used, or null when it used none.</summary>
    public string? ConfigureAwait { get; }

    /// <summary>
    /// The wait for code at <paramref name="statement"/>: awaited when <paramref name="isAsync"/> says so, or by default
    /// when its method, local function or lambda is async and the statement is not inside a <c>lock</c>; cancelled with
    /// <paramref name="callToken"/> (the token the wrapped call was given), else with the one
    /// <see cref="System.Threading.CancellationToken"/> parameter of that function.
    /// </summary>
    public static WaitStyle For(StatementSyntax statement, SemanticModel model, string? callToken, string? configureAwait, bool? isAsync = null, CancellationToken cancellationToken = default)
    {
        SyntaxNode? function = statement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
        bool awaits = isAsync ?? (function is not null && IsAsyncFunction(function) && !statement.Ancestors().TakeWhile(a => a != function).Any(a => a is LockStatementSyntax));
        string? token = callToken;
        ISymbol? symbol = token is not null || !awaits ? null : function switch
        {
            null => null,
            AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol,
            _ => model.GetDeclaredSymbol(function, cancellationToken),
        };
        if (symbol is IMethodSymbol method)
        {
            var tokens = method.Parameters.Where(p => p.RefKind == RefKind.None && IsCancellationToken(p.Type)).ToList();
            if (tokens.Count == 1 && model.LookupSymbols(statement.SpanStart, name: tokens[0].Name).Any(s => SymbolEqualityComparer.Default.Equals(s, tokens[0])))
            {
                token = tokens[0].Name;
            }
        }

        return new WaitStyle(awaits, awaits ? token : null, awaits ? configureAwait : null);
    }

    /// <summary>The token an SDK call was given, when it is a plain name or member, so a wait around the call is cancelled with it.</summary>
    public static string? TokenArgument(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit
                && argument.Parameter?.Type is { } type && IsCancellationToken(type)
                && argument.Value.Syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax }
                && argument.Value is not IPropertyReferenceOperation { Property: { IsStatic: true } })
            {
                return argument.Value.Syntax.ToString();
            }
        }

        return null;
    }

    private static bool IsCancellationToken(ITypeSymbol type) =>
        type is { Name: "CancellationToken", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Threading";

    private static bool IsAsyncFunction(SyntaxNode function) => function switch
    {
        BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        _ => false,
    };
}

/// <summary>The names of one generated loop's locals.</summary>
internal sealed class BackoffNames
{
    public BackoffNames(string attempt, string limit, string baseDelay, string? lockedDelay)
    {
        Attempt = attempt;
        Limit = limit;
        BaseDelay = baseDelay;
        LockedDelay = lockedDelay;
    }

    /// <summary>The loop counter, from 1.</summary>
    public string Attempt { get; }

    /// <summary>The constant that bounds the loop.</summary>
    public string Limit { get; }

    /// <summary>The constant base of the exponential backoff, in milliseconds.</summary>
    public string BaseDelay { get; }

    /// <summary>The local that takes the drawn delay out of the lock, when the jitter source must be locked.</summary>
    public string? LockedDelay { get; }
}

/// <summary>
/// Writes bounded loops with exponential backoff and full jitter (attempt n waits a random time below base × 2^n, so
/// writers throttled together spread out) into one document. The jitter comes from <c>Random.Shared</c> where the
/// target framework has it, else from one <c>static readonly Random</c> per type, drawn under a lock because
/// <c>Random</c> is not thread-safe there: instances created per delay would be seeded from the clock on .NET
/// Framework and give writers started together the same delays.
/// </summary>
internal sealed class BackoffWriter
{
    /// <summary>Base of the exponential backoff.</summary>
    public const int BaseDelayMilliseconds = 100;

    /// <summary>Attempts of a retry on a throttling exception, the first one included.</summary>
    public const int ThrottlingAttempts = 5;

    /// <summary>The comment above an exception retry's wait.</summary>
    private const string JitterComment = "// Full jitter: a random wait below the exponential backoff, so throttled writers spread out.";

    private const string RetryJitterField = "RetryJitter";

    private readonly SyntaxEditor _editor;
    private readonly SemanticModel _model;
    private readonly Dictionary<INamedTypeSymbol, string> _jitterFields = new(SymbolEqualityComparer.Default);

    public BackoffWriter(SyntaxEditor editor, SemanticModel model)
    {
        _editor = editor;
        _model = model;
        Names = new NameAllocator(model);
        Types = new GeneratedTypeNames(model.Compilation, editor.Generator);
    }

    public NameAllocator Names { get; }

    public GeneratedTypeNames Types { get; }

    /// <summary>
    /// True when a loop can be written at <paramref name="statement"/>: <c>Random.Shared</c> exists, or the statement is
    /// in a type declaration that can hold the shared <c>Random</c>.
    /// </summary>
    public static bool CanWrite(StatementSyntax statement, SemanticModel model) =>
        HasSharedRandom(model, statement.SpanStart) || statement.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not null;

    /// <summary>Reserves the locals of one loop at <paramref name="statement"/>; reserve in source order.</summary>
    public BackoffNames Reserve(StatementSyntax statement, string attempt, string limit)
    {
        string attemptName = Names.Local(statement, attempt);
        string limitName = Names.Local(statement, limit);
        string baseDelayName = Names.Local(statement, "baseDelayMilliseconds");
        string? lockedDelay = HasSharedRandom(_model, statement.SpanStart) ? null : Names.Local(statement, "delayMilliseconds");
        return new BackoffNames(attemptName, limitName, baseDelayName, lockedDelay);
    }

    /// <summary>
    /// <c>const int maxAttempts = N; const int baseDelayMilliseconds = 100; for (var attempt = 1; ; attempt++) { try { BODY break; } catch (E) { if (attempt == maxAttempts) { throw; } WAIT } }</c>:
    /// the body runs again while it throws <paramref name="exceptionType"/>, and the last exception is rethrown.
    /// </summary>
    /// <param name="body">The retried statements; null writes the placeholder line <see cref="BodyPlaceholder"/> for a caller that puts a syntax node there.</param>
    /// <param name="bodyExits">The body ends in a <c>return</c>, so no <c>break</c> follows it.</param>
    public List<CodeLine> RetryOnException(
        StatementSyntax statement, BackoffNames names, int maxAttempts, string exceptionType, IEnumerable<CodeLine>? body, bool bodyExits, WaitStyle wait)
    {
        var lines = new List<CodeLine>
        {
            new(0, "const int " + names.Limit + " = " + Number(maxAttempts) + ";"),
            new(0, "const int " + names.BaseDelay + " = " + Number(BaseDelayMilliseconds) + ";"),
            new(0, "for (var " + names.Attempt + " = 1; ; " + names.Attempt + "++)"),
            new(0, "{"),
            new(1, "try"),
            new(1, "{"),
        };
        lines.AddRange(body?.Select(line => line.Indented(2)) ?? new[] { new CodeLine(2, BodyPlaceholder) });
        if (!bodyExits)
        {
            lines.Add(new CodeLine(2, "break;"));
        }

        lines.Add(new CodeLine(1, "}"));
        lines.Add(new CodeLine(1, "catch (" + exceptionType + ")"));
        lines.Add(new CodeLine(1, "{"));
        lines.Add(new CodeLine(2, "if (" + names.Attempt + " == " + names.Limit + ")"));
        lines.Add(new CodeLine(2, "{"));
        lines.Add(new CodeLine(3, "throw;"));
        lines.Add(new CodeLine(2, "}"));
        lines.Add(CodeLine.Blank);
        lines.Add(new CodeLine(2, JitterComment));
        lines.AddRange(Wait(statement, names, wait).Select(line => line.Indented(2)));
        lines.Add(new CodeLine(1, "}"));
        lines.Add(new CodeLine(0, "}"));
        return lines;
    }

    /// <summary>The line <see cref="RetryOnException"/> writes in place of a body it was not given.</summary>
    public const string BodyPlaceholder = "__retried__;";

    /// <summary>
    /// <c>for (int attempt = 1; CONDITION; attempt++) { const int max = N; if (attempt &gt; max) { throw new InvalidOperationException(MESSAGE); } const int baseDelayMilliseconds = 100; WAIT BODY }</c>:
    /// the body runs again, after a wait, while <paramref name="condition"/> holds, and after the last run the thrown
    /// message names what is left (<paramref name="remainingCount"/> <paramref name="remainingNoun"/>).
    /// </summary>
    public List<CodeLine> RetryWhile(
        StatementSyntax statement, BackoffNames names, int maxRetries, string condition, string remainingCount, string remainingNoun, string retriesNoun,
        IEnumerable<CodeLine> body, WaitStyle wait)
    {
        string exception = Types.Name("System.InvalidOperationException");
        var lines = new List<CodeLine>
        {
            new(0, "for (int " + names.Attempt + " = 1; " + condition + "; " + names.Attempt + "++)"),
            new(0, "{"),
            new(1, "const int " + names.Limit + " = " + Number(maxRetries) + ";"),
            new(1, "if (" + names.Attempt + " > " + names.Limit + ")"),
            new(1, "{"),
            new(2, "throw new " + exception + "($\"{" + remainingCount + "} " + remainingNoun + " still failed after {" + names.Limit + "} " + retriesNoun + ".\");"),
            new(1, "}"),
            CodeLine.Blank,
            new(1, "const int " + names.BaseDelay + " = " + Number(BaseDelayMilliseconds) + ";"),
        };
        lines.AddRange(Wait(statement, names, wait).Select(line => line.Indented(1)));
        lines.AddRange(body.Select(line => line.Indented(1)));
        lines.Add(new CodeLine(0, "}"));
        return lines;
    }

    /// <summary>
    /// The wait before attempt <see cref="BackoffNames.Attempt"/>: a random delay below base × 2^attempt, awaited or
    /// slept. Loops that wait between pages or polls append these lines to their body.
    /// </summary>
    public List<CodeLine> Wait(StatementSyntax statement, BackoffNames names, WaitStyle wait)
    {
        string bound = names.BaseDelay + " * (1 << " + names.Attempt + ")";
        var lines = new List<CodeLine>();
        string delay;
        if (names.LockedDelay is null)
        {
            delay = Types.Name("System.Random") + ".Shared.Next(" + bound + ")";
        }
        else
        {
            string random = JitterField(statement);
            lines.Add(new CodeLine(0, "int " + names.LockedDelay + ";"));
            lines.Add(new CodeLine(0, "lock (" + random + ")"));
            lines.Add(new CodeLine(0, "{"));
            lines.Add(new CodeLine(1, names.LockedDelay + " = " + random + ".Next(" + bound + ");"));
            lines.Add(new CodeLine(0, "}"));
            lines.Add(CodeLine.Blank);
            delay = names.LockedDelay;
        }

        if (wait.IsAsync)
        {
            lines.Add(new CodeLine(0,
                "await " + Types.Name("System.Threading.Tasks.Task") + ".Delay(" + delay + (wait.CancellationToken is null ? string.Empty : ", " + wait.CancellationToken) + ")"
                + (wait.ConfigureAwait is null ? string.Empty : ".ConfigureAwait(" + wait.ConfigureAwait + ")") + ";"));
        }
        else
        {
            lines.Add(new CodeLine(0, Types.Name("System.Threading.Thread") + ".Sleep(" + delay + ");"));
        }

        return lines;
    }

    /// <summary>Parses rendered lines as one statement and marks its type names for the clean-up.</summary>
    public StatementSyntax Parse(string text) => Types.Annotate(SyntaxFactory.ParseStatement(text));

    /// <summary>
    /// The statement's retry loop, when it is the retried statement of an exception retry this writer wrote (or one of
    /// the same shape): the loop, and the exception type it catches as written.
    /// </summary>
    public static (ForStatementSyntax Loop, TypeSyntax Caught)? EnclosingRetry(StatementSyntax statement)
    {
        if (statement.Parent is BlockSyntax { Statements: { Count: 2 } tried, Parent: TryStatementSyntax { Catches: { Count: 1 } catches } tryStatement }
            && tried[0] == statement && tried[1] is BreakStatementSyntax
            && tryStatement.Block == statement.Parent && tryStatement.Finally is null
            && catches[0] is { Declaration: { Type: { } caught, Identifier.RawKind: 0 }, Filter: null }
            && tryStatement.Parent is BlockSyntax { Statements.Count: 1, Parent: ForStatementSyntax { Condition: null } loop })
        {
            return (loop, caught);
        }

        return null;
    }

    /// <summary>The shared <c>Random</c> of the statement's type: one it already has, else a new field, added once per type.</summary>
    private string JitterField(StatementSyntax statement)
    {
        INamedTypeSymbol? type = _model.GetEnclosingSymbol(statement.SpanStart)?.ContainingType;
        TypeDeclarationSyntax declaration = statement.FirstAncestorOrSelf<TypeDeclarationSyntax>()!;
        type ??= _model.GetDeclaredSymbol(declaration);
        if (type is not null && _jitterFields.TryGetValue(type, out string? known))
        {
            return known;
        }

        ISymbol? randomType = KnownTypes.For(_model.Compilation).Get("System.Random");
        IFieldSymbol? present = type?.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.IsStatic && f.IsReadOnly && SymbolEqualityComparer.Default.Equals(f.Type, randomType));
        string name;
        if (present is not null)
        {
            name = present.Name;
        }
        else
        {
            name = Names.Member(declaration, RetryJitterField);
            string random = Types.Name("System.Random");
            MemberDeclarationSyntax first = declaration.Members.First();
            SyntaxTrivia eol = SyntaxFactory.EndOfLine(SourceLayout.EndOfLine(statement));
            MemberDeclarationSyntax field = Types.Annotate(SyntaxFactory.ParseMemberDeclaration(
                "private static readonly " + random + " " + name + " = new " + random + "();")!)
                .WithLeadingTrivia(SyntaxFactory.Whitespace(SourceLayout.Indentation(first.GetFirstToken())))
                .WithTrailingTrivia(eol, eol);
            _editor.InsertBefore(first, field);
        }

        if (type is not null)
        {
            _jitterFields.Add(type, name);
        }

        return name;
    }

    private static bool HasSharedRandom(SemanticModel model, int position) =>
        model.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseExpression("global::System.Random.Shared"), SpeculativeBindingOption.BindAsExpression).Symbol
            is IPropertySymbol { IsStatic: true };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
