using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Core;

/// <summary>
/// A small JSON reader: objects become <see cref="Dictionary{TKey, TValue}"/>, arrays <see cref="List{T}"/>, strings
/// <see cref="string"/>, numbers <see cref="double"/>, literals <see cref="bool"/> or null. It never throws: any
/// syntax error, or nesting deeper than <see cref="MaxDepth"/>, gives null for the whole text.
/// </summary>
internal sealed class JsonReader
{
    /// <summary>Glue exports nest about six levels; anything far deeper is not one.</summary>
    public const int MaxDepth = 64;

    private static readonly object s_invalid = new();

    private readonly string _text;
    private int _position;

    private JsonReader(string text) => _text = text;

    /// <summary>The root value, or null when the text is not valid JSON (or is the literal <c>null</c>).</summary>
    public static object? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var reader = new JsonReader(text);
        if (reader._position < text.Length && text[reader._position] == '\uFEFF')
        {
            reader._position++;
        }

        object? value = reader.ReadValue(depth: 0);
        reader.SkipWhitespace();
        return ReferenceEquals(value, s_invalid) || reader._position != text.Length ? null : value;
    }

    /// <summary>The member <paramref name="name"/> of an object read by <see cref="Read"/>, or null (no object, no such member).</summary>
    public static object? Member(object? value, string name) =>
        value is Dictionary<string, object?> members && members.TryGetValue(name, out object? member) ? member : null;

    /// <summary>True when <paramref name="value"/> is an object that has the member <paramref name="name"/>, whatever its value.</summary>
    public static bool HasMember(object? value, string name) =>
        value is Dictionary<string, object?> members && members.ContainsKey(name);

    /// <summary>
    /// The value as a list of its items: the items of an array, or the value itself when it is not one (JSON formats
    /// such as IAM policies accept a single value wherever they accept a list: <c>"Action": "s3:GetObject"</c>).
    /// </summary>
    public static IReadOnlyList<object?> Items(object? value) => value switch
    {
        null => Array.Empty<object?>(),
        List<object?> items => items,
        _ => new[] { value },
    };

    /// <summary>True when <paramref name="value"/> is the string <paramref name="text"/> or an array with that string in it.</summary>
    public static bool IsOrContainsString(object? value, string text)
    {
        foreach (object? item in Items(value))
        {
            if (item is string s && string.Equals(s, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private object? ReadValue(int depth)
    {
        SkipWhitespace();
        if (depth > MaxDepth || _position >= _text.Length)
        {
            return s_invalid;
        }

        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return ReadString() ?? s_invalid;
            case 't':
                return ReadLiteral("true", true);
            case 'f':
                return ReadLiteral("false", false);
            case 'n':
                return ReadLiteral("null", null);
            default:
                return ReadNumber();
        }
    }

    private object? ReadObject(int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipWhitespace();
        if (TryConsume('}'))
        {
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            if (_position >= _text.Length || _text[_position] != '"' || ReadString() is not { } key)
            {
                return s_invalid;
            }

            SkipWhitespace();
            if (!TryConsume(':'))
            {
                return s_invalid;
            }

            object? value = ReadValue(depth + 1);
            if (ReferenceEquals(value, s_invalid))
            {
                return s_invalid;
            }

            result[key] = value;
            SkipWhitespace();
            if (TryConsume(','))
            {
                continue;
            }

            return TryConsume('}') ? result : s_invalid;
        }
    }

    private object? ReadArray(int depth)
    {
        var result = new List<object?>();
        _position++;
        SkipWhitespace();
        if (TryConsume(']'))
        {
            return result;
        }

        while (true)
        {
            object? value = ReadValue(depth + 1);
            if (ReferenceEquals(value, s_invalid))
            {
                return s_invalid;
            }

            result.Add(value);
            SkipWhitespace();
            if (TryConsume(','))
            {
                continue;
            }

            return TryConsume(']') ? result : s_invalid;
        }
    }

    private string? ReadString()
    {
        _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                return null;
            }

            char escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length)
                    {
                        return null;
                    }

                    int code = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        int digit = HexValue(_text[_position++]);
                        if (digit < 0)
                        {
                            return null;
                        }

                        code = (code * 16) + digit;
                    }

                    builder.Append((char)code);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private object? ReadLiteral(string literal, object? value)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            return s_invalid;
        }

        _position += literal.Length;
        return value;
    }

    /// <summary>A JSON number; its value is never needed, so it is validated and returned as 0.</summary>
    private object ReadNumber()
    {
        int start = _position;
        TryConsume('-');
        if (!SkipDigits())
        {
            return s_invalid;
        }

        if (TryConsume('.') && !SkipDigits())
        {
            return s_invalid;
        }

        if (_position < _text.Length && (_text[_position] == 'e' || _text[_position] == 'E'))
        {
            _position++;
            if (!TryConsume('+'))
            {
                TryConsume('-');
            }

            if (!SkipDigits())
            {
                return s_invalid;
            }
        }

        return _position > start ? 0d : s_invalid;
    }

    private bool SkipDigits()
    {
        int start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private bool TryConsume(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }
}
