using System;
using System.Collections.Generic;
using System.Linq;

namespace AwsAnalyzers.Benchmarks.Measurement;

internal static class Statistics
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>The value at <paramref name="fraction"/> of the sorted values, interpolated; 0 for no values.</summary>
    public static double Percentile(IEnumerable<double> values, double fraction)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        double position = (sorted.Length - 1) * fraction;
        int lower = (int)Math.Floor(position);
        int upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
