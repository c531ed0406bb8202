using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Core;

/// <summary>
/// Maps offsets in the value of one string token (a literal, or the text between holes of an interpolated string) to
/// positions in the document, through escapes, doubled quotes and braces and the indentation that raw strings strip.
/// Built only when decoding the token's source text reproduces the compiler's value exactly; otherwise the text is
/// treated as not editable.
/// </summary>
internal sealed class LiteralTextMap
{
    private readonly int[] _positions;

    private LiteralTextMap(SyntaxToken token, ExpressionSyntax expression, int[] positions)
    {
        Token = token;
        Expression = expression;
        _positions = positions;
    }

    /// <summary>The token whose text holds the characters.</summary>
    public SyntaxToken Token { get; }

    /// <summary>The string expression that owns <see cref="Token"/>: a literal or an interpolated string.</summary>
    public ExpressionSyntax Expression { get; }

    /// <summary>Length of the token's value.</summary>
    public int Length => _positions.Length - 1;

    /// <summary>
    /// The document position where text inserted before value character <paramref name="offset"/> goes (0..Length;
    /// Length is the end of the text). Null when out of range.
    /// </summary>
    public int? PositionOf(int offset) => offset >= 0 && offset < _positions.Length ? _positions[offset] : null;

    public static LiteralTextMap? ForLiteral(SyntaxNode syntax, string value)
    {
        if (syntax is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        SyntaxToken token = literal.Token;
        string text = token.Text;
        int start = token.SpanStart;
        var decoder = new Decoder(start, text.Length);
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken when text.Length >= 2 && text[0] == '"' && text[text.Length - 1] == '"':
                decoder.Regular(text, 1, text.Length - 1, braces: false);
                break;
            case SyntaxKind.StringLiteralToken when text.Length >= 3 && text[0] == '@' && text[text.Length - 1] == '"':
                decoder.Verbatim(text, 2, text.Length - 1, braces: false);
                break;
            case SyntaxKind.SingleLineRawStringLiteralToken:
                int quotes = CountQuotes(text, 0);
                if (text.Length < 2 * quotes)
                {
                    return null;
                }

                decoder.Raw(text, quotes, text.Length - quotes);
                break;
            case SyntaxKind.MultiLineRawStringLiteralToken:
                if (!decoder.MultiLineRawLiteral(text))
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        return decoder.Finish(token, literal, value);
    }

    public static LiteralTextMap? ForInterpolatedText(SyntaxNode syntax, string value)
    {
        if (syntax is not InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } textSyntax)
        {
            return null;
        }

        SyntaxToken token = textSyntax.TextToken;
        string text = token.Text;
        var decoder = new Decoder(token.SpanStart, text.Length);
        SyntaxToken startToken = interpolated.StringStartToken;
        switch (startToken.Kind())
        {
            case SyntaxKind.InterpolatedStringStartToken:
                decoder.Regular(text, 0, text.Length, braces: true);
                break;
            case SyntaxKind.InterpolatedVerbatimStringStartToken:
                decoder.Verbatim(text, 0, text.Length, braces: true);
                break;
            case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                decoder.Raw(text, 0, text.Length);
                break;
            case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                if (!decoder.MultiLineRawText(text, token.SpanStart, interpolated))
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        return decoder.Finish(token, interpolated, value);
    }

    private static int CountQuotes(string text, int from)
    {
        int count = 0;
        while (from + count < text.Length && text[from + count] == '"')
        {
            count++;
        }

        return count;
    }

    /// <summary>Decodes source text into value characters, remembering where each one starts in the document.</summary>
    private sealed class Decoder
    {
        private readonly int _tokenStart;
        private readonly StringBuilder _value;
        private readonly List<int> _positions;

        /// <summary>
        /// A decoder for a token of <paramref name="sourceLength"/> characters, which decode to as many at most: sized
        /// once, since a query's literal runs to thousands of characters and growing by doubling copies it each time.
        /// </summary>
        public Decoder(int tokenStart, int sourceLength)
        {
            _tokenStart = tokenStart;
            _value = new StringBuilder(sourceLength);
            _positions = new List<int>(sourceLength + 1);
        }

        /// <summary>Document position just past the source of the last character emitted (or of the content start).</summary>
        private int _end;

        private void Start(int from) => _end = _tokenStart + from;

        private void Emit(char c, int sourceStart, int sourceEnd)
        {
            _value.Append(c);
            _positions.Add(_tokenStart + sourceStart);
            _end = _tokenStart + sourceEnd;
        }

        /// <summary>A regular string: backslash escapes; in an interpolated string also doubled braces.</summary>
        public void Regular(string text, int from, int to, bool braces)
        {
            Start(from);
            int i = from;
            while (i < to)
            {
                char c = text[i];
                if (braces && (c == '{' || c == '}') && i + 1 < to && text[i + 1] == c)
                {
                    Emit(c, i, i + 2);
                    i += 2;
                    continue;
                }

                if (c != '\\' || i + 1 >= to)
                {
                    Emit(c, i, i + 1);
                    i++;
                    continue;
                }

                int escapeStart = i;
                char kind = text[i + 1];
                i += 2;
                switch (kind)
                {
                    case '\'': Emit('\'', escapeStart, i); break;
                    case '"': Emit('"', escapeStart, i); break;
                    case '\\': Emit('\\', escapeStart, i); break;
                    case '0': Emit('\0', escapeStart, i); break;
                    case 'a': Emit('\a', escapeStart, i); break;
                    case 'b': Emit('\b', escapeStart, i); break;
                    case 'f': Emit('\f', escapeStart, i); break;
                    case 'n': Emit('\n', escapeStart, i); break;
                    case 'r': Emit('\r', escapeStart, i); break;
                    case 't': Emit('\t', escapeStart, i); break;
                    case 'v': Emit('\v', escapeStart, i); break;
                    case 'u':
                        i = EmitHex(text, i, to, escapeStart, minDigits: 4, maxDigits: 4);
                        break;
                    case 'U':
                        i = EmitHex(text, i, to, escapeStart, minDigits: 8, maxDigits: 8);
                        break;
                    case 'x':
                        i = EmitHex(text, i, to, escapeStart, minDigits: 1, maxDigits: 4);
                        break;
                    default:
                        // Not an escape the compiler accepts: the value check in Finish rejects the map.
                        Emit(kind, escapeStart, i);
                        break;
                }
            }
        }

        private int EmitHex(string text, int i, int to, int escapeStart, int minDigits, int maxDigits)
        {
            int digits = 0;
            uint code = 0;
            while (digits < maxDigits && i < to && HexValue(text[i]) is int digit)
            {
                code = (code * 16) + (uint)digit;
                digits++;
                i++;
            }

            if (digits < minDigits || code > 0x10FFFF)
            {
                // Not an escape the compiler accepts: the value check in Finish rejects the map.
                Emit('\uFFFD', escapeStart, i);
                return i;
            }

            if (code < 0x10000)
            {
                Emit((char)code, escapeStart, i);
            }
            else
            {
                // A surrogate pair: nothing can be inserted between its halves, so both map to the escape's start.
                code -= 0x10000;
                Emit((char)(0xD800 + (code >> 10)), escapeStart, escapeStart);
                Emit((char)(0xDC00 + (code & 0x3FF)), escapeStart, i);
            }

            return i;
        }

        private static int? HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => null,
        };

        /// <summary>A verbatim string: doubled quotes; in an interpolated string also doubled braces.</summary>
        public void Verbatim(string text, int from, int to, bool braces)
        {
            Start(from);
            int i = from;
            while (i < to)
            {
                char c = text[i];
                if ((c == '"' || (braces && (c == '{' || c == '}'))) && i + 1 < to && text[i + 1] == c)
                {
                    Emit(c, i, i + 2);
                    i += 2;
                    continue;
                }

                Emit(c, i, i + 1);
                i++;
            }
        }

        /// <summary>Raw text: every character is itself (the parser has already split off the holes and their braces).</summary>
        public void Raw(string text, int from, int to)
        {
            Start(from);
            for (int i = from; i < to; i++)
            {
                Emit(text[i], i, i + 1);
            }
        }

        /// <summary>A whole multi-line raw literal: its content lines without the closing line's indentation.</summary>
        public bool MultiLineRawLiteral(string text)
        {
            int quotes = CountQuotes(text, 0);
            int firstNewline = IndexOfNewline(text, quotes);
            int closingLineStart = LastLineStart(text);
            if (quotes < 3 || firstNewline < 0 || closingLineStart <= firstNewline)
            {
                return false;
            }

            string indentation = Indentation(text, closingLineStart);
            int contentStart = firstNewline + NewlineLength(text, firstNewline);

            // The newline before the closing line is not part of the value.
            int contentEnd = closingLineStart;
            contentEnd -= contentEnd >= 2 && text[contentEnd - 2] == '\r' && text[contentEnd - 1] == '\n' ? 2 : 1;
            Start(contentStart);
            EmitLines(text, contentStart, contentEnd, indentation, atLineStart: true);
            return true;
        }

        /// <summary>
        /// The text between holes of a multi-line raw interpolated string: lines that start inside it lose the closing
        /// line's indentation. Its first line starts a line only when the token opens the content.
        /// </summary>
        public bool MultiLineRawText(string text, int tokenStart, InterpolatedStringExpressionSyntax interpolated)
        {
            // The start token ends with the opening line's newline; the end token holds the last newline and the
            // closing line's indentation.
            string end = interpolated.StringEndToken.Text;
            int quoteIndex = end.IndexOf('"');
            int lineStart = LastLineStart(end.Substring(0, Math.Max(quoteIndex, 0)));
            if (quoteIndex < 0 || lineStart < 0)
            {
                return false;
            }

            string indentation = end.Substring(lineStart, quoteIndex - lineStart);
            bool atLineStart = tokenStart == interpolated.StringStartToken.Span.End;
            Start(0);
            EmitLines(text, 0, text.Length, indentation, atLineStart);
            return true;
        }

        private void EmitLines(string text, int from, int to, string indentation, bool atLineStart)
        {
            int i = from;
            while (i < to)
            {
                if (atLineStart)
                {
                    atLineStart = false;
                    if (string.CompareOrdinal(text, i, indentation, 0, indentation.Length) == 0 && i + indentation.Length <= to)
                    {
                        i += indentation.Length;
                    }
                    else
                    {
                        // A whitespace-only line may be shorter than the indentation; it becomes empty.
                        while (i < to && (text[i] == ' ' || text[i] == '\t'))
                        {
                            i++;
                        }
                    }

                    continue;
                }

                char c = text[i];
                Emit(c, i, i + 1);
                i++;
                if (c == '\n' || (c == '\r' && (i >= to || text[i] != '\n')))
                {
                    atLineStart = true;
                }
            }
        }

        private static int IndexOfNewline(string text, int from)
        {
            for (int i = from; i < text.Length; i++)
            {
                if (text[i] is '\r' or '\n')
                {
                    return i;
                }
            }

            return -1;
        }

        private static int NewlineLength(string text, int index) =>
            text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;

        private static int LastLineStart(string text)
        {
            for (int i = text.Length - 1; i >= 0; i--)
            {
                if (text[i] is '\r' or '\n')
                {
                    return i + 1;
                }
            }

            return -1;
        }

        private static string Indentation(string text, int lineStart)
        {
            int i = lineStart;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            return text.Substring(lineStart, i - lineStart);
        }

        /// <summary>The map, when the decoded text is exactly the compiler's value of the token.</summary>
        public LiteralTextMap? Finish(SyntaxToken token, ExpressionSyntax expression, string expectedValue)
        {
            if (_value.ToString() != expectedValue)
            {
                return null;
            }

            // Text appended after the last character goes where that character's source ends.
            var positions = new int[_positions.Count + 1];
            _positions.CopyTo(positions);
            positions[_positions.Count] = _end;
            return new LiteralTextMap(token, expression, positions);
        }
    }
}
