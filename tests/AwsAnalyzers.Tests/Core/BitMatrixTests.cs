using System;
using AwsAnalyzers.Core;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class BitMatrixTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Transpose_moves_every_bit_across_the_diagonal(int seed)
    {
        var random = new Random(seed);
        var rows = new ulong[64];
        var buffer = new byte[8];
        for (int i = 0; i < rows.Length; i++)
        {
            random.NextBytes(buffer);
            rows[i] = BitConverter.ToUInt64(buffer, 0);
        }

        ulong[] original = (ulong[])rows.Clone();
        BitMatrix.Transpose(rows);

        for (int i = 0; i < 64; i++)
        {
            for (int j = 0; j < 64; j++)
            {
                Assert.Equal((original[i] >> j) & 1, (rows[j] >> i) & 1);
            }
        }
    }

    [Fact]
    public void Transpose_of_one_bit_is_the_mirrored_bit()
    {
        var rows = new ulong[64];
        rows[3] = 1UL << 60;

        BitMatrix.Transpose(rows);

        Assert.Equal(1UL << 3, rows[60]);
        Assert.All(rows, (row, index) => Assert.Equal(index == 60 ? 1UL << 3 : 0UL, row));
    }

    [Fact]
    public void The_lowest_set_bit_is_found_at_every_position()
    {
        for (int bit = 0; bit < 64; bit++)
        {
            Assert.Equal(bit, BitMatrix.LowestSetBit(1UL << bit));
            Assert.Equal(bit, BitMatrix.LowestSetBit(ulong.MaxValue << bit));
        }
    }
}
