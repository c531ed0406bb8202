using System;
using System.Collections.Generic;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// The actions of a DynamoDB <c>UpdateExpression</c> that change an attribute relative to its current value, which a
/// second run applies a second time: <c>ADD path :v</c>, <c>SET path = path + :v</c> (or <c>-</c>, or over
/// <c>if_not_exists(path, …)</c>) and <c>SET path = list_append(path, :v)</c>.
/// </summary>
/// <remarks>
/// Read from the text alone, token by token; an expression that does not tokenize yields nothing, so the rule stays
/// silent on what it cannot read.
/// </remarks>
internal static class UpdateExpressionActions
{
    /// <summary>One relative action: its clause keyword and text as written, and for <c>ADD</c> the placeholder whose type decides it.</summary>
    public readonly struct RelativeAction
    {
        public RelativeAction(string text, string? addedValue)
        {
            Text = text;
            AddedValue = addedValue;
        }

        public string Text { get; }

        /// <summary>The <c>:placeholder</c> an <c>ADD</c> adds (a number counts twice; a set member does not), else null.</summary>
        public string? AddedValue { get; }
    }

    public static List<RelativeAction> Find(string expression)
    {
        var found = new List<RelativeAction>();
        List<(string Text, int Start)>? tokens = Tokenize(expression);
        if (tokens is null)
        {
            return found;
        }

        string? clause = null;
        int i = 0;
        while (i < tokens.Count)
        {
            string token = tokens[i].Text;
            if (IsClause(token))
            {
                clause = token.ToUpperInvariant();
                i++;
                continue;
            }

            // One action runs to the next top-level comma or clause keyword.
            int start = i;
            int depth = 0;
            while (i < tokens.Count && !(depth == 0 && (tokens[i].Text == "," || IsClause(tokens[i].Text))))
            {
                depth += tokens[i].Text == "(" ? 1 : tokens[i].Text == ")" ? -1 : 0;
                i++;
            }

            if (Relative(clause, tokens, start, i) is { } action)
            {
                found.Add(action);
            }

            if (i < tokens.Count && tokens[i].Text == ",")
            {
                i++;
            }
        }

        return found;

        RelativeAction? Relative(string? kind, List<(string Text, int Start)> all, int from, int to)
        {
            int count = to - from;
            if (count == 0)
            {
                return null;
            }

            string text = kind + " " + expression.Substring(all[from].Start, all[to - 1].Start + all[to - 1].Text.Length - all[from].Start);
            if (kind == "ADD")
            {
                return count == 2 && all[from + 1].Text.StartsWith(":", StringComparison.Ordinal) ? new RelativeAction(text, all[from + 1].Text) : null;
            }

            if (kind != "SET" || count < 3 || all[from + 1].Text != "=")
            {
                return null;
            }

            string path = all[from].Text;
            var value = all.GetRange(from + 2, count - 2).ConvertAll(t => t.Text);
            return IsArithmeticOnItself(path, value) || IsListAppendToItself(path, value) ? new RelativeAction(text, null) : null;
        }
    }

    /// <summary><c>path + :v</c>, <c>:v + path</c>, <c>path - :v</c>, <c>if_not_exists(path, :z) + :v</c>.</summary>
    private static bool IsArithmeticOnItself(string path, List<string> value)
    {
        int depth = 0;
        bool arithmetic = false;
        foreach (string token in value)
        {
            depth += token == "(" ? 1 : token == ")" ? -1 : 0;
            arithmetic |= depth == 0 && token is "+" or "-";
        }

        if (!arithmetic)
        {
            return false;
        }

        for (int i = 0; i < value.Count; i++)
        {
            if (value[i] == path && (i == 0 || value[i - 1] is "+" or "-" or "("))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>list_append(path, :v)</c> or <c>list_append(:v, path)</c> written back to the same path.</summary>
    private static bool IsListAppendToItself(string path, List<string> value) =>
        value.Count >= 6
        && string.Equals(value[0], "list_append", StringComparison.OrdinalIgnoreCase)
        && value[1] == "("
        && (value[2] == path || (value.Count > 4 && value[4] == path));

    private static bool IsClause(string token) =>
        token.Equals("SET", StringComparison.OrdinalIgnoreCase) || token.Equals("ADD", StringComparison.OrdinalIgnoreCase)
        || token.Equals("REMOVE", StringComparison.OrdinalIgnoreCase) || token.Equals("DELETE", StringComparison.OrdinalIgnoreCase);

    /// <summary>Paths (<c>a.b[0]</c>, <c>#n</c>), placeholders (<c>:v</c>), functions and punctuation; null on anything else.</summary>
    private static List<(string Text, int Start)>? Tokenize(string text)
    {
        var tokens = new List<(string, int)>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '=' or '+' or '-' or '(' or ')' or ',')
            {
                tokens.Add((c.ToString(), i));
                i++;
                continue;
            }

            if (c is ':' or '#' or '_' || char.IsLetter(c))
            {
                int start = i;
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '#' or '[' or ']'))
                {
                    i++;
                }

                tokens.Add((text.Substring(start, i - start), start));
                continue;
            }

            return null;
        }

        return tokens;
    }
}
