// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.CloudWatch
{
    public class ComparisonOperator : ConstantClass
    {
        public static readonly ComparisonOperator GreaterThanOrEqualToThreshold = new ComparisonOperator("GreaterThanOrEqualToThreshold");
        public static readonly ComparisonOperator GreaterThanThreshold = new ComparisonOperator("GreaterThanThreshold");
        public static readonly ComparisonOperator GreaterThanUpperThreshold = new ComparisonOperator("GreaterThanUpperThreshold");
        public static readonly ComparisonOperator LessThanLowerOrGreaterThanUpperThreshold = new ComparisonOperator("LessThanLowerOrGreaterThanUpperThreshold");
        public static readonly ComparisonOperator LessThanLowerThreshold = new ComparisonOperator("LessThanLowerThreshold");
        public static readonly ComparisonOperator LessThanOrEqualToThreshold = new ComparisonOperator("LessThanOrEqualToThreshold");
        public static readonly ComparisonOperator LessThanThreshold = new ComparisonOperator("LessThanThreshold");

        public ComparisonOperator(string value) : base(value) { }

        public static ComparisonOperator FindValue(string value) => FindValue<ComparisonOperator>(value);

        public static implicit operator ComparisonOperator(string value) => FindValue(value);
    }

    public class StandardUnit : ConstantClass
    {
        public static readonly StandardUnit Bits = new StandardUnit("Bits");
        public static readonly StandardUnit BitsSecond = new StandardUnit("Bits/Second");
        public static readonly StandardUnit Bytes = new StandardUnit("Bytes");
        public static readonly StandardUnit BytesSecond = new StandardUnit("Bytes/Second");
        public static readonly StandardUnit Count = new StandardUnit("Count");
        public static readonly StandardUnit CountSecond = new StandardUnit("Count/Second");
        public static readonly StandardUnit Gigabits = new StandardUnit("Gigabits");
        public static readonly StandardUnit GigabitsSecond = new StandardUnit("Gigabits/Second");
        public static readonly StandardUnit Gigabytes = new StandardUnit("Gigabytes");
        public static readonly StandardUnit GigabytesSecond = new StandardUnit("Gigabytes/Second");
        public static readonly StandardUnit Kilobits = new StandardUnit("Kilobits");
        public static readonly StandardUnit KilobitsSecond = new StandardUnit("Kilobits/Second");
        public static readonly StandardUnit Kilobytes = new StandardUnit("Kilobytes");
        public static readonly StandardUnit KilobytesSecond = new StandardUnit("Kilobytes/Second");
        public static readonly StandardUnit Megabits = new StandardUnit("Megabits");
        public static readonly StandardUnit MegabitsSecond = new StandardUnit("Megabits/Second");
        public static readonly StandardUnit Megabytes = new StandardUnit("Megabytes");
        public static readonly StandardUnit MegabytesSecond = new StandardUnit("Megabytes/Second");
        public static readonly StandardUnit Microseconds = new StandardUnit("Microseconds");
        public static readonly StandardUnit Milliseconds = new StandardUnit("Milliseconds");
        public static readonly StandardUnit None = new StandardUnit("None");
        public static readonly StandardUnit Percent = new StandardUnit("Percent");
        public static readonly StandardUnit Seconds = new StandardUnit("Seconds");
        public static readonly StandardUnit Terabits = new StandardUnit("Terabits");
        public static readonly StandardUnit TerabitsSecond = new StandardUnit("Terabits/Second");
        public static readonly StandardUnit Terabytes = new StandardUnit("Terabytes");
        public static readonly StandardUnit TerabytesSecond = new StandardUnit("Terabytes/Second");

        public StandardUnit(string value) : base(value) { }

        public static StandardUnit FindValue(string value) => FindValue<StandardUnit>(value);

        public static implicit operator StandardUnit(string value) => FindValue(value);
    }

    public class Statistic : ConstantClass
    {
        public static readonly Statistic Average = new Statistic("Average");
        public static readonly Statistic Maximum = new Statistic("Maximum");
        public static readonly Statistic Minimum = new Statistic("Minimum");
        public static readonly Statistic SampleCount = new Statistic("SampleCount");
        public static readonly Statistic Sum = new Statistic("Sum");

        public Statistic(string value) : base(value) { }

        public static Statistic FindValue(string value) => FindValue<Statistic>(value);

        public static implicit operator Statistic(string value) => FindValue(value);
    }
}
