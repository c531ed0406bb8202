// Internal API of the Athena SQL reader (rule AWS004). Every type here is internal; the test
// project AwsAnalyzers.Tests sees them through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;

namespace AwsAnalyzers.Athena.Sql
{
    /// <summary>
    /// Lexer for Athena's SQL dialect (Trino/Presto, plus Hive-style backtick identifiers).
    /// Never throws; an unterminated string, quoted identifier or block comment sets
    /// <see cref="SqlTokenList.Error"/> and ends the token list with a token that runs to the end.
    /// Holes are <see cref="SqlSourceText.HoleMarker"/> characters in the text.
    /// </summary>
    internal static class SqlLexer
    {
        public static SqlTokenList Tokenize(SqlSourceText source, bool includeComments = false)
            => Tokenize(source?.Text, includeComments);

        public static SqlTokenList Tokenize(string? text, bool includeComments = false)
        {
            text ??= string.Empty;
            var tokens = new SqlToken[Math.Min(text.Length / 3, 4096) + 8];
            int count = 0;
            var error = SqlLexerError.None;
            int errorOffset = -1;
            int n = text.Length;
            int i = 0;

            while (i < n)
            {
                char c = text[i];
                int start = i;
                SqlTokenKind kind;
                bool hole = false;

                if (c == SqlSourceText.HoleMarker || IsIdentifierStart(c))
                {
                    // A string literal prefix: X'..', E'..', N'..', B'..', U&'..', or U&"..".
                    if (c != SqlSourceText.HoleMarker && TryLexPrefixed(text, ref i, ref hole, ref error, out kind))
                    {
                        if (error != SqlLexerError.None)
                        {
                            errorOffset = start;
                        }
                    }
                    else
                    {
                        i = start;
                        while (i < n && (text[i] == SqlSourceText.HoleMarker || IsIdentifierPart(text[i])))
                        {
                            hole |= text[i] == SqlSourceText.HoleMarker;
                            i++;
                        }

                        kind = hole ? SqlTokenKind.Hole : SqlTokenKind.Identifier;
                    }
                }
                else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }
                else if (c == '-' && i + 1 < n && text[i + 1] == '-')
                {
                    i += 2;
                    while (i < n && text[i] != '\n' && text[i] != '\r')
                    {
                        hole |= text[i] == SqlSourceText.HoleMarker;
                        i++;
                    }

                    kind = SqlTokenKind.LineComment;
                }
                else if (c == '/' && i + 1 < n && text[i + 1] == '*')
                {
                    int close = n - 2 >= i + 2 ? text.IndexOf("*/", i + 2, StringComparison.Ordinal) : -1;
                    if (close < 0)
                    {
                        i = n;
                        error = SqlLexerError.UnterminatedBlockComment;
                        errorOffset = start;
                    }
                    else
                    {
                        i = close + 2;
                    }

                    hole = text.IndexOf(SqlSourceText.HoleMarker, start, i - start) >= 0;
                    kind = SqlTokenKind.BlockComment;
                }
                else if (c == '\'')
                {
                    if (!LexQuoted(text, ref i, '\'', ref hole))
                    {
                        error = SqlLexerError.UnterminatedString;
                        errorOffset = start;
                    }

                    kind = SqlTokenKind.String;
                }
                else if (c == '"' || c == '`')
                {
                    if (!LexQuoted(text, ref i, c, ref hole))
                    {
                        error = SqlLexerError.UnterminatedQuotedIdentifier;
                        errorOffset = start;
                    }

                    kind = hole ? SqlTokenKind.Hole : (c == '"' ? SqlTokenKind.QuotedIdentifier : SqlTokenKind.BacktickIdentifier);
                }
                else if (IsDigit(c) || (c == '.' && i + 1 < n && IsDigit(text[i + 1])))
                {
                    LexNumber(text, ref i);
                    kind = SqlTokenKind.Number;
                }
                else
                {
                    i++;
                    switch (c)
                    {
                        case '(':
                            kind = SqlTokenKind.OpenParen;
                            break;
                        case ')':
                            kind = SqlTokenKind.CloseParen;
                            break;
                        case ',':
                            kind = SqlTokenKind.Comma;
                            break;
                        case '.':
                            kind = SqlTokenKind.Dot;
                            break;
                        case ';':
                            kind = SqlTokenKind.Semicolon;
                            break;
                        case '?':
                            kind = SqlTokenKind.Parameter;
                            break;
                        default:
                            kind = SqlTokenKind.Operator;
                            if (i < n && IsTwoCharOperator(c, text[i]))
                            {
                                i++;
                            }

                            break;
                    }
                }

                if (includeComments || (kind != SqlTokenKind.LineComment && kind != SqlTokenKind.BlockComment))
                {
                    if (count == tokens.Length)
                    {
                        Array.Resize(ref tokens, tokens.Length * 2);
                    }

                    tokens[count++] = new SqlToken(kind, start, i - start, hole);
                }

                if (error != SqlLexerError.None)
                {
                    break;
                }
            }

            return new SqlTokenList(text, tokens, count, error, errorOffset);
        }

        /// <summary>
        /// At a letter: lexes <c>X'..'</c>, <c>E'..'</c>, <c>N'..'</c>, <c>B'..'</c>, <c>U&amp;'..'</c>
        /// (strings) and <c>U&amp;".."</c> (quoted identifier). Returns false (leaving
        /// <paramref name="i"/> unspecified) when the text is not such a literal.
        /// </summary>
        private static bool TryLexPrefixed(string text, ref int i, ref bool hole, ref SqlLexerError error, out SqlTokenKind kind)
        {
            kind = SqlTokenKind.String;
            int n = text.Length;
            char c = text[i];
            char upper = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
            if (upper == 'U' && i + 2 < n && text[i + 1] == '&' && (text[i + 2] == '\'' || text[i + 2] == '"'))
            {
                char quote = text[i + 2];
                i += 2;
                if (!LexQuoted(text, ref i, quote, ref hole))
                {
                    error = quote == '\'' ? SqlLexerError.UnterminatedString : SqlLexerError.UnterminatedQuotedIdentifier;
                }

                kind = quote == '\'' ? SqlTokenKind.String : (hole ? SqlTokenKind.Hole : SqlTokenKind.QuotedIdentifier);
                return true;
            }

            if ((upper == 'X' || upper == 'E' || upper == 'N' || upper == 'B') && i + 1 < n && text[i + 1] == '\'')
            {
                i += 1;
                if (!LexQuoted(text, ref i, '\'', ref hole))
                {
                    error = SqlLexerError.UnterminatedString;
                }

                return true;
            }

            return false;
        }

        /// <summary>
        /// At an opening quote: advances past the closing quote (a doubled quote is an escaped one).
        /// Returns false, with <paramref name="i"/> at the end of the text, when unterminated.
        /// </summary>
        private static bool LexQuoted(string text, ref int i, char quote, ref bool hole)
        {
            int n = text.Length;
            i++;
            while (i < n)
            {
                char c = text[i];
                if (c == quote)
                {
                    if (i + 1 < n && text[i + 1] == quote)
                    {
                        i += 2;
                        continue;
                    }

                    i++;
                    return true;
                }

                hole |= c == SqlSourceText.HoleMarker;
                i++;
            }

            return false;
        }

        private static void LexNumber(string text, ref int i)
        {
            int n = text.Length;
            while (i < n && (IsDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            if (i < n && text[i] == '.')
            {
                i++;
                while (i < n && (IsDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
            }

            if (i < n && (text[i] == 'e' || text[i] == 'E'))
            {
                int j = i + 1;
                if (j < n && (text[j] == '+' || text[j] == '-'))
                {
                    j++;
                }

                if (j < n && IsDigit(text[j]))
                {
                    i = j;
                }
            }

            // Hexadecimal digits, type suffixes and the like: keep them in the number.
            while (i < n && IsAsciiLetterOrDigitOrUnderscore(text[i]))
            {
                i++;
            }
        }

        private static bool IsTwoCharOperator(char first, char second)
        {
            switch (first)
            {
                case '<':
                    return second == '=' || second == '>';
                case '>':
                    return second == '=';
                case '!':
                    return second == '=';
                case '|':
                    return second == '|';
                case '-':
                    return second == '>';
                case '=':
                    return second == '>';
                default:
                    return false;
            }
        }

        internal static bool IsIdentifierStart(char c)
            => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && c != SqlSourceText.HoleMarker && char.IsLetter(c));

        internal static bool IsIdentifierPart(char c)
            => IsAsciiLetterOrDigitOrUnderscore(c) || (c > 127 && c != SqlSourceText.HoleMarker && char.IsLetterOrDigit(c));

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsAsciiLetterOrDigitOrUnderscore(char c)
            => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
