namespace AwsAnalyzers.Core;

/// <summary>Bit operations the word table needs, for netstandard2.0, which has no bit intrinsics.</summary>
internal static class BitMatrix
{
    /// <summary>
    /// Transposes the 64 × 64 bit matrix whose row <c>i</c> is <c>rows[i]</c> (column <c>j</c> its bit <c>j</c>): after
    /// it, bit <c>i</c> of <c>rows[j]</c> is what bit <c>j</c> of <c>rows[i]</c> was. Swaps ever smaller blocks, 32 × 32
    /// down to 1 × 1, six passes of 32 word pairs each.
    /// </summary>
    public static void Transpose(ulong[] rows)
    {
        ulong mask = 0x0000_0000_FFFF_FFFFUL;
        for (int width = 32; width != 0; width >>= 1, mask ^= mask << width)
        {
            for (int row = 0; row < 64; row = ((row | width) + 1) & ~width)
            {
                ulong swapped = ((rows[row] >> width) ^ rows[row | width]) & mask;
                rows[row] ^= swapped << width;
                rows[row | width] ^= swapped;
            }
        }
    }

    /// <summary>The position of the lowest set bit of <paramref name="value"/>, which is not zero.</summary>
    public static int LowestSetBit(ulong value) => s_positions[((value & (0UL - value)) * DeBruijn) >> 58];

    /// <summary>A de Bruijn sequence: the top six bits of it shifted by each position are all different.</summary>
    private const ulong DeBruijn = 0x03F7_9D71_B4CB_0A89UL;

    private static readonly int[] s_positions = Positions();

    private static int[] Positions()
    {
        var positions = new int[64];
        for (int bit = 0; bit < 64; bit++)
        {
            positions[((1UL << bit) * DeBruijn) >> 58] = bit;
        }

        return positions;
    }
}
