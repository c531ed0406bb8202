// Test stub: mirrors the public API surface of the AWSSDK.Lambda package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Lambda
{
    public class InvocationType : ConstantClass
    {
        public static readonly InvocationType DryRun = new InvocationType("DryRun");
        public static readonly InvocationType Event = new InvocationType("Event");
        public static readonly InvocationType RequestResponse = new InvocationType("RequestResponse");

        public InvocationType(string value) : base(value) { }

        public static InvocationType FindValue(string value) => FindValue<InvocationType>(value);

        public static implicit operator InvocationType(string value) => FindValue(value);
    }

    public class LogType : ConstantClass
    {
        public static readonly LogType None = new LogType("None");
        public static readonly LogType Tail = new LogType("Tail");

        public LogType(string value) : base(value) { }

        public static LogType FindValue(string value) => FindValue<LogType>(value);

        public static implicit operator LogType(string value) => FindValue(value);
    }
}
