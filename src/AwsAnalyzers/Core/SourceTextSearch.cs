using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Core;

/// <summary>
/// Finds a word in a file's text without allocating the text as a string. A rule about one rarely written name (a
/// property of an AWS request, say) can scan each file once for it and look only where it appears, instead of taking a
/// callback on every operation of a common kind: the scan is vectorized and costs a fraction of the driver's
/// per-callback overhead (docs/performance.md has the figures).
/// </summary>
internal static class SourceTextSearch
{
    private const int ChunkLength = 4096;

    /// <summary>The start of every occurrence of <paramref name="word"/> in <paramref name="text"/>, or null when there is none.</summary>
    public static List<int>? FindAll(SourceText text, string word, CancellationToken cancellationToken)
    {
        if (word.Length == 0 || text.Length < word.Length)
        {
            return null;
        }

        // Chunks overlap by one character less than the word, so a word across a chunk boundary is still found once.
        int overlap = word.Length - 1;
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Min(text.Length, ChunkLength + overlap));
        List<int>? found = null;
        try
        {
            for (int start = 0; start < text.Length - overlap; start += ChunkLength)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = Math.Min(ChunkLength + overlap, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                ReadOnlySpan<char> chunk = buffer.AsSpan(0, count);
                for (int offset = 0; ;)
                {
                    int index = chunk.Slice(offset).IndexOf(word.AsSpan());
                    if (index < 0 || offset + index >= ChunkLength)
                    {
                        // A match that starts in the overlap belongs to the next chunk.
                        break;
                    }

                    (found ??= new List<int>()).Add(start + offset + index);
                    offset += index + word.Length;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return found;
    }
}
