using System;
using System.Collections.Generic;
using System.Text;

// The catch-all handler below is deliberate: a template the reader does not follow must give no value, never an exception.
#pragma warning disable CA1031

namespace AwsAnalyzers.Core;

/// <summary>
/// A small YAML reader for the files rules read (CloudFormation and SAM templates), with the value shapes of
/// <see cref="JsonReader"/>: mappings become <see cref="Dictionary{TKey, TValue}"/>, sequences <see cref="List{T}"/>,
/// scalars <see cref="string"/> (numbers and booleans too; <c>null</c> and <c>~</c> give null). It reads block
/// mappings and sequences, flow collections (<c>[a, b]</c>, <c>{ Name: year }</c>), plain, single- and double-quoted
/// scalars, block scalars (<c>|</c>, <c>&gt;</c>), comments and the first document of a stream. A tagged node
/// (<c>!Ref Table</c>, <c>!Sub "…"</c>) becomes a one-entry mapping from the tag (<c>"!Ref"</c>) to its value, as the
/// JSON form of an intrinsic function is (<c>{ "Ref": "Table" }</c>), so it never reads as a plain string. Anchors
/// are dropped and aliases read as null. It never throws: what it cannot read gives null for that node, or (nesting
/// deeper than <see cref="MaxDepth"/>) for the whole text.
/// </summary>
internal sealed class YamlReader
{
    /// <summary>Templates nest a dozen levels; anything far deeper is not one.</summary>
    public const int MaxDepth = 64;

    private readonly List<Line> _lines;
    private int _index;

    private YamlReader(List<Line> lines) => _lines = lines;

    /// <summary>The root value of the first document, or null when there is none or it cannot be read.</summary>
    public static object? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            var reader = new YamlReader(Lines(text));
            return reader._lines.Count == 0 ? null : reader.ReadNode(reader._lines[0].Indent, 0);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private bool AtLine(int indent) => _index < _lines.Count && _lines[_index].Indent == indent;

    private object? ReadNode(int indent, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new TooDeepException();
        }

        if (_index >= _lines.Count)
        {
            return null;
        }

        string content = _lines[_index].Content;
        if (IsSequenceEntry(content))
        {
            return ReadSequence(indent, depth);
        }

        if (KeyEnd(content) >= 0)
        {
            return ReadMapping(indent, depth);
        }

        _index++;
        return ReadValue(content, indent, depth);
    }

    private List<object?> ReadSequence(int indent, int depth)
    {
        var items = new List<object?>();
        while (AtLine(indent) && IsSequenceEntry(_lines[_index].Content))
        {
            Line line = _lines[_index];
            int offset = 1;
            while (offset < line.Content.Length && line.Content[offset] == ' ')
            {
                offset++;
            }

            if (offset >= line.Content.Length)
            {
                _index++;
                items.Add(_index < _lines.Count && _lines[_index].Indent > indent ? ReadNode(_lines[_index].Indent, depth + 1) : null);
                continue;
            }

            // "- Name: year" starts a mapping whose keys line up with "Name".
            _lines[_index] = new Line(indent + offset, line.Content.Substring(offset));
            items.Add(ReadNode(indent + offset, depth + 1));
        }

        return items;
    }

    private Dictionary<string, object?> ReadMapping(int indent, int depth)
    {
        var mapping = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (AtLine(indent))
        {
            string content = _lines[_index].Content;
            int keyEnd = KeyEnd(content);
            if (keyEnd < 0 || IsSequenceEntry(content))
            {
                break;
            }

            string key = Scalar(content.Substring(0, keyEnd).Trim()) as string ?? string.Empty;
            string rest = content.Substring(keyEnd + 1).Trim();
            _index++;
            mapping[key] = ReadValue(rest, indent, depth);
        }

        // Lines indented deeper that nothing took are not YAML this reader follows: skip them.
        while (_index < _lines.Count && _lines[_index].Indent > indent)
        {
            _index++;
        }

        return mapping;
    }

    /// <summary>The value written after a key or a sequence dash (<paramref name="text"/>), and the lines below it.</summary>
    private object? ReadValue(string text, int indent, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new TooDeepException();
        }

        if (text.StartsWith("&", StringComparison.Ordinal))
        {
            text = AfterWord(text);
        }

        if (text.StartsWith("!", StringComparison.Ordinal))
        {
            int end = WordEnd(text);
            return new Dictionary<string, object?>(StringComparer.Ordinal) { [text.Substring(0, end)] = ReadValue(text.Substring(end).Trim(), indent, depth + 1) };
        }

        if (text.Length == 0)
        {
            if (_index < _lines.Count && (_lines[_index].Indent > indent || (AtLine(indent) && IsSequenceEntry(_lines[_index].Content))))
            {
                return ReadNode(_lines[_index].Indent, depth + 1);
            }

            return null;
        }

        if (text[0] == '|' || text[0] == '>')
        {
            return BlockScalar(indent, folded: text[0] == '>');
        }

        if (text[0] == '[' || text[0] == '{')
        {
            // A flow collection may go on over the lines below.
            var flow = new StringBuilder(text);
            while (!Balanced(flow.ToString()) && _index < _lines.Count && _lines[_index].Indent > indent)
            {
                flow.Append(' ').Append(_lines[_index++].Content);
            }

            int position = 0;
            return new FlowReader(flow.ToString()).ReadValue(ref position, depth);
        }

        // A plain scalar may go on over the lines below.
        while (text[0] != '"' && text[0] != '\'' && _index < _lines.Count && _lines[_index].Indent > indent
            && KeyEnd(_lines[_index].Content) < 0 && !IsSequenceEntry(_lines[_index].Content))
        {
            text += " " + _lines[_index++].Content;
        }

        return Scalar(text);
    }

    private string BlockScalar(int indent, bool folded)
    {
        var builder = new StringBuilder();
        while (_index < _lines.Count && _lines[_index].Indent > indent)
        {
            if (builder.Length > 0)
            {
                builder.Append(folded ? ' ' : '\n');
            }

            builder.Append(_lines[_index++].Raw);
        }

        return builder.ToString();
    }

    private static bool IsSequenceEntry(string content) => content.Length > 0 && content[0] == '-' && (content.Length == 1 || content[1] == ' ');

    /// <summary>The position of the colon that ends a mapping key (followed by a space or the end), outside quotes; -1 for none.</summary>
    private static int KeyEnd(string content)
    {
        if (content.Length == 0 || content[0] is '[' or '{' or '|' or '>' or '!' or '&' or '*')
        {
            return -1;
        }

        int i = 0;
        if (content[0] is '"' or '\'')
        {
            i = QuotedEnd(content, 0);
            if (i < 0)
            {
                return -1;
            }
        }

        for (; i < content.Length; i++)
        {
            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The position just past the closing quote of the quoted scalar starting at <paramref name="start"/>, or -1.</summary>
    private static int QuotedEnd(string text, int start)
    {
        char quote = text[start];
        for (int i = start + 1; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return -1;
    }

    private static int WordEnd(string text)
    {
        int end = 0;
        while (end < text.Length && text[end] != ' ')
        {
            end++;
        }

        return end;
    }

    private static string AfterWord(string text) => text.Substring(WordEnd(text)).Trim();

    private static bool Balanced(string text)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '"' or '\'')
            {
                int end = QuotedEnd(text, i);
                if (end < 0)
                {
                    return false;
                }

                i = end - 1;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }

        return depth <= 0;
    }

    /// <summary>A scalar as written: quotes removed and escapes read; <c>null</c>, <c>~</c> and aliases give null.</summary>
    private static object? Scalar(string text)
    {
        if (text.Length == 0 || text == "~" || text == "null" || text == "Null" || text == "NULL" || text[0] == '*')
        {
            return null;
        }

        if (text[0] == '\'' || text[0] == '"')
        {
            int end = QuotedEnd(text, 0);
            string inner = text.Substring(1, (end < 0 ? text.Length : end - 1) - 1);
            return text[0] == '\'' ? inner.Replace("''", "'") : Unescape(inner);
        }

        return text;
    }

    private static string Unescape(string text)
    {
        if (text.IndexOf('\\') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            char next = text[++i];
            builder.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => next });
        }

        return builder.ToString();
    }

    /// <summary>The text as significant lines: indentation measured, comments and document markers removed.</summary>
    private static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        bool started = false;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r').TrimStart('\uFEFF');
            int indent = 0;
            while (indent < line.Length && (line[indent] == ' ' || line[indent] == '\t'))
            {
                indent++;
            }

            string content = WithoutComment(line.Substring(indent)).TrimEnd();
            if (content.StartsWith("---", StringComparison.Ordinal) || content == "...")
            {
                if (started)
                {
                    break;
                }

                content = content.Substring(3).Trim();
            }

            if (content.Length == 0 || content.StartsWith("%", StringComparison.Ordinal))
            {
                continue;
            }

            started = true;
            lines.Add(new Line(indent, content, line.Substring(Math.Min(indent, line.Length))));
        }

        return lines;
    }

    /// <summary>The text before a <c># comment</c> (a <c>#</c> at the start or after a space, outside quoted scalars).</summary>
    private static string WithoutComment(string content)
    {
        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            if ((c == '"' || c == '\'') && (i == 0 || content[i - 1] is ' ' or '[' or '{' or ','))
            {
                int end = QuotedEnd(content, i);
                if (end < 0)
                {
                    return content;
                }

                i = end - 1;
            }
            else if (c == '#' && (i == 0 || content[i - 1] == ' ' || content[i - 1] == '\t'))
            {
                return content.Substring(0, i);
            }
        }

        return content;
    }

    private readonly struct Line
    {
        public Line(int indent, string content, string? raw = null)
        {
            Indent = indent;
            Content = content;
            Raw = raw ?? content;
        }

        public int Indent { get; }

        /// <summary>The text after the indentation, without a comment.</summary>
        public string Content { get; }

        /// <summary>
        /// The text after the indentation as written: a block scalar keeps a <c>#</c> after its text (a line that is
        /// only a <c>#</c> comment is dropped, in a block scalar too: rules read the structure, not inline scripts).
        /// </summary>
        public string Raw { get; }
    }

    /// <summary>Nesting deeper than <see cref="MaxDepth"/>: the whole text gives null.</summary>
    private sealed class TooDeepException : Exception
    {
    }

    /// <summary>Flow collections: <c>[a, 'b', { Name: c }]</c>.</summary>
    private sealed class FlowReader
    {
        private readonly string _text;

        public FlowReader(string text) => _text = text;

        public object? ReadValue(ref int position, int depth)
        {
            SkipSpaces(ref position);
            if (depth > MaxDepth)
            {
                throw new TooDeepException();
            }

            if (position >= _text.Length)
            {
                return null;
            }

            char c = _text[position];
            if (c == '[')
            {
                position++;
                var items = new List<object?>();
                while (Next(ref position, ']'))
                {
                    items.Add(ReadValue(ref position, depth + 1));
                }

                return items;
            }

            if (c == '{')
            {
                position++;
                var mapping = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (Next(ref position, '}'))
                {
                    string key = ReadScalar(ref position, isKey: true) as string ?? string.Empty;
                    SkipSpaces(ref position);
                    object? value = null;
                    if (position < _text.Length && _text[position] == ':')
                    {
                        position++;
                        value = ReadValue(ref position, depth + 1);
                    }

                    mapping[key] = value;
                }

                return mapping;
            }

            if (c == '!')
            {
                int start = position;
                while (position < _text.Length && _text[position] != ' ' && _text[position] != ',' && _text[position] != ']' && _text[position] != '}')
                {
                    position++;
                }

                string tag = _text.Substring(start, position - start);
                return new Dictionary<string, object?>(StringComparer.Ordinal) { [tag] = ReadValue(ref position, depth + 1) };
            }

            return ReadScalar(ref position, isKey: false);
        }

        /// <summary>Skips a separating comma; false at the collection's end (its closing bracket is consumed) or the text's end.</summary>
        private bool Next(ref int position, char close)
        {
            SkipSpaces(ref position);
            if (position < _text.Length && _text[position] == ',')
            {
                position++;
                SkipSpaces(ref position);
            }

            if (position >= _text.Length)
            {
                return false;
            }

            if (_text[position] == close)
            {
                position++;
                return false;
            }

            return true;
        }

        private object? ReadScalar(ref int position, bool isKey)
        {
            SkipSpaces(ref position);
            int start = position;
            if (position < _text.Length && _text[position] is '"' or '\'')
            {
                int end = QuotedEnd(_text, position);
                position = end < 0 ? _text.Length : end;
                return Scalar(_text.Substring(start, position - start));
            }

            while (position < _text.Length && _text[position] is not (',' or ']' or '}')
                && !(isKey && _text[position] == ':' && (position + 1 == _text.Length || _text[position + 1] == ' ')))
            {
                position++;
            }

            if (start == position)
            {
                // Not a scalar: step over the character so that the reader always moves on.
                position++;
                return null;
            }

            return Scalar(_text.Substring(start, position - start).Trim());
        }

        private void SkipSpaces(ref int position)
        {
            while (position < _text.Length && _text[position] == ' ')
            {
                position++;
            }
        }
    }
}
