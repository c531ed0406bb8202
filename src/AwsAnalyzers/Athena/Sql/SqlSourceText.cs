// Internal API of the Athena SQL reader (rule AWS004). Every type here is internal; the test
// project AwsAnalyzers.Tests sees them through InternalsVisibleTo (declared by the AwsAnalyzers project).

using System;
using System.Collections.Generic;
using System.Text;

namespace AwsAnalyzers.Athena.Sql
{
    /// <summary>
    /// One piece of a SQL text as written in C#: either literal text or a "hole" (an interpolation
    /// such as <c>{year}</c> in <c>$"... WHERE year = {year}"</c>) whose value is not known at build time.
    /// </summary>
    internal readonly struct SqlTextPart
    {
        private SqlTextPart(string? text)
        {
            Text = text;
        }

        /// <summary>The literal text, or null when this part is a hole.</summary>
        public string? Text { get; }

        public bool IsHole => Text is null;

        /// <summary>Length of the part in the composed text (a hole takes exactly one character).</summary>
        public int ComposedLength => Text is null ? 1 : Text.Length;

        public static SqlTextPart Hole => default;

        public static SqlTextPart FromText(string text) => new SqlTextPart(text ?? string.Empty);

        public override string ToString() => Text ?? "{hole}";
    }

    /// <summary>
    /// The text handed to the lexer and parser. Parts are concatenated; each hole becomes the single
    /// character <see cref="HoleMarker"/>. All offsets exposed by the SQL reader are offsets into
    /// <see cref="Text"/>; <see cref="TryMapOffset"/> turns them back into (part, offset in part).
    /// A <see cref="HoleMarker"/> character inside literal text is read as a hole too.
    /// </summary>
    internal sealed class SqlSourceText
    {
        /// <summary>The character that stands for a hole in <see cref="Text"/>.</summary>
        public const char HoleMarker = '\uFFFF';

        private readonly SqlTextPart[] _parts;
        private readonly int[] _partStarts;

        private SqlSourceText(string text, SqlTextPart[] parts, int[] partStarts)
        {
            Text = text;
            _parts = parts;
            _partStarts = partStarts;
        }

        /// <summary>The composed text: literal parts as they are, each hole as <see cref="HoleMarker"/>.</summary>
        public string Text { get; }

        public IReadOnlyList<SqlTextPart> Parts => _parts;

        public int PartCount => _parts.Length;

        /// <summary>Offset in <see cref="Text"/> where part <paramref name="partIndex"/> begins.</summary>
        public int GetPartStart(int partIndex) => _partStarts[partIndex];

        /// <summary>
        /// Builds a source from a single string in which each <see cref="HoleMarker"/> is a hole.
        /// The parts are the text runs between markers and the markers themselves.
        /// </summary>
        public static SqlSourceText FromString(string? text)
        {
            text ??= string.Empty;
            var parts = new List<SqlTextPart>();
            int runStart = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == HoleMarker)
                {
                    if (i > runStart)
                    {
                        parts.Add(SqlTextPart.FromText(text.Substring(runStart, i - runStart)));
                    }

                    parts.Add(SqlTextPart.Hole);
                    runStart = i + 1;
                }
            }

            if (runStart < text.Length || parts.Count == 0)
            {
                parts.Add(SqlTextPart.FromText(runStart == 0 ? text : text.Substring(runStart)));
            }

            return Create(text, parts.ToArray());
        }

        /// <summary>Builds a source from literal pieces and holes, in order.</summary>
        public static SqlSourceText FromParts(IReadOnlyList<SqlTextPart>? parts)
        {
            if (parts is null || parts.Count == 0)
            {
                return FromString(string.Empty);
            }

            var copy = new SqlTextPart[parts.Count];
            int length = 0;
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = parts[i];
                length += copy[i].ComposedLength;
            }

            var builder = new StringBuilder(length);
            for (int i = 0; i < copy.Length; i++)
            {
                if (copy[i].IsHole)
                {
                    builder.Append(HoleMarker);
                }
                else
                {
                    builder.Append(copy[i].Text);
                }
            }

            return Create(builder.ToString(), copy);
        }

        private static SqlSourceText Create(string text, SqlTextPart[] parts)
        {
            var starts = new int[parts.Length];
            int offset = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                starts[i] = offset;
                offset += parts[i].ComposedLength;
            }

            return new SqlSourceText(text, parts, starts);
        }

        /// <summary>
        /// Maps an insertion point (an offset in <see cref="Text"/>, 0..Length) to a literal-text part.
        /// An offset on the boundary between a literal part and a hole maps into the literal part
        /// (to its end, or else to its start). Returns false when the offset is out of range or
        /// touches no literal part (for example between two adjacent holes).
        /// </summary>
        public bool TryMapOffset(int offset, out int partIndex, out int offsetInPart)
        {
            partIndex = -1;
            offsetInPart = -1;
            if (offset < 0 || offset > Text.Length)
            {
                return false;
            }

            // Prefer the literal part that contains the offset or ends exactly at it.
            for (int i = 0; i < _parts.Length; i++)
            {
                if (_parts[i].IsHole)
                {
                    continue;
                }

                int start = _partStarts[i];
                int end = start + _parts[i].ComposedLength;
                if (offset >= start && offset <= end)
                {
                    // When the offset is both the end of this part and the start of the next
                    // literal part (only possible if two literal parts are adjacent), the end of
                    // the earlier part is as good an insertion point.
                    partIndex = i;
                    offsetInPart = offset - start;
                    return true;
                }
            }

            return false;
        }
    }
}
