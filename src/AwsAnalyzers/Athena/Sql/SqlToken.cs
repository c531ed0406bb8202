// Internal API of the Athena SQL reader (rule AWS004). Every type here is internal; the test
// project AwsAnalyzers.Tests sees them through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace AwsAnalyzers.Athena.Sql
{
    internal enum SqlTokenKind : byte
    {
        /// <summary>A bare word: an identifier or a keyword (keywords are not told apart by the lexer).</summary>
        Identifier,

        /// <summary>A double-quoted identifier, <c>"a""b"</c>; also <c>U&amp;"..."</c>.</summary>
        QuotedIdentifier,

        /// <summary>A backtick-quoted identifier, <c>`a``b`</c>.</summary>
        BacktickIdentifier,

        /// <summary>A string literal, <c>'it''s'</c>, optionally prefixed with X, E, N, B or U&amp;.</summary>
        String,

        /// <summary>A numeric literal: 42, 1.5, .5, 1e-3, 0x1F, 1_000.</summary>
        Number,

        /// <summary>An operator or any other punctuation character (=, &lt;&gt;, ||, -&gt;, [, ] ...).</summary>
        Operator,

        OpenParen,
        CloseParen,
        Comma,
        Dot,
        Semicolon,

        /// <summary>A positional parameter, <c>?</c>.</summary>
        Parameter,

        /// <summary>
        /// An unknown piece of text: a run of identifier characters containing at least one hole
        /// marker (<c>{x}</c>, <c>events_{suffix}</c>), or a quoted identifier containing one.
        /// </summary>
        Hole,

        /// <summary><c>-- ...</c> up to the end of the line (only when comments are requested).</summary>
        LineComment,

        /// <summary><c>/* ... */</c> (only when comments are requested).</summary>
        BlockComment,
    }

    internal enum SqlLexerError : byte
    {
        None,
        UnterminatedString,
        UnterminatedQuotedIdentifier,
        UnterminatedBlockComment,
    }

    /// <summary>A token: its kind and its span in the source text.</summary>
    internal readonly struct SqlToken
    {
        public SqlToken(SqlTokenKind kind, int start, int length, bool containsHole)
        {
            Kind = kind;
            Start = start;
            Length = length;
            ContainsHole = containsHole;
        }

        public SqlTokenKind Kind { get; }

        /// <summary>Offset of the first character in the source text.</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>Offset just past the last character.</summary>
        public int End => Start + Length;

        /// <summary>True when the token's text contains a hole marker (always true for <see cref="SqlTokenKind.Hole"/>).</summary>
        public bool ContainsHole { get; }

        public override string ToString()
            => Kind.ToString() + "@" + Start.ToString(CultureInfo.InvariantCulture) + "+" + Length.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The tokens of a text, in order, plus the lexer's error state.</summary>
    internal sealed class SqlTokenList : IReadOnlyList<SqlToken>
    {
        private readonly SqlToken[] _tokens;

        internal SqlTokenList(string text, SqlToken[] tokens, int count, SqlLexerError error, int errorOffset)
        {
            Text = text;
            _tokens = tokens;
            Count = count;
            Error = error;
            ErrorOffset = errorOffset;
        }

        public string Text { get; }

        public int Count { get; }

        public SqlLexerError Error { get; }

        public bool HasError => Error != SqlLexerError.None;

        /// <summary>Where the unterminated construct starts, or -1.</summary>
        public int ErrorOffset { get; }

        public SqlToken this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return _tokens[index];
            }
        }

        /// <summary>The raw text of the token, as written.</summary>
        public string GetText(int index)
        {
            var token = this[index];
            return Text.Substring(token.Start, token.Length);
        }

        /// <summary>
        /// True when token <paramref name="index"/> exists, is a bare word, and equals
        /// <paramref name="keyword"/> ignoring case (ordinal). Quoted identifiers are never keywords.
        /// </summary>
        public bool IsKeyword(int index, string keyword)
        {
            if ((uint)index >= (uint)Count)
            {
                return false;
            }

            var token = _tokens[index];
            return token.Kind == SqlTokenKind.Identifier
                && token.Length == keyword.Length
                && string.Compare(Text, token.Start, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0;
        }

        /// <summary>True when token <paramref name="index"/> exists and has kind <paramref name="kind"/>.</summary>
        public bool IsKind(int index, SqlTokenKind kind) => (uint)index < (uint)Count && _tokens[index].Kind == kind;

        /// <summary>True when token <paramref name="index"/> is an operator spelled exactly <paramref name="op"/>.</summary>
        public bool IsOperator(int index, string op)
        {
            if ((uint)index >= (uint)Count)
            {
                return false;
            }

            var token = _tokens[index];
            return token.Kind == SqlTokenKind.Operator
                && token.Length == op.Length
                && string.CompareOrdinal(Text, token.Start, op, 0, op.Length) == 0;
        }

        /// <summary>
        /// The identifier's value: bare words as written, quoted identifiers unquoted with doubled
        /// quotes collapsed. Null for holes and for tokens that are not identifiers.
        /// </summary>
        public string? GetIdentifierValue(int index)
        {
            if ((uint)index >= (uint)Count)
            {
                return null;
            }

            var token = _tokens[index];
            switch (token.Kind)
            {
                case SqlTokenKind.Identifier:
                    return Text.Substring(token.Start, token.Length);
                case SqlTokenKind.QuotedIdentifier:
                case SqlTokenKind.BacktickIdentifier:
                    return Unquote(token);
                default:
                    return null;
            }
        }

        private string Unquote(SqlToken token)
        {
            int start = token.Start;
            int end = token.End;

            // Skip a U& prefix.
            while (start < end && Text[start] != '"' && Text[start] != '`')
            {
                start++;
            }

            if (end - start < 2)
            {
                return string.Empty;
            }

            char quote = Text[start];
            int contentStart = start + 1;
            int contentEnd = end - 1;
            int doubled = Text.IndexOf(quote, contentStart, contentEnd - contentStart);
            if (doubled < 0)
            {
                return Text.Substring(contentStart, contentEnd - contentStart);
            }

            var chars = new char[contentEnd - contentStart];
            int n = 0;
            for (int i = contentStart; i < contentEnd; i++)
            {
                chars[n++] = Text[i];
                if (Text[i] == quote && i + 1 < contentEnd && Text[i + 1] == quote)
                {
                    i++;
                }
            }

            return new string(chars, 0, n);
        }

        public IEnumerator<SqlToken> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return _tokens[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
