// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Kinesis
{
    public class EncryptionType : ConstantClass
    {
        public static readonly EncryptionType KMS = new EncryptionType("KMS");
        public static readonly EncryptionType NONE = new EncryptionType("NONE");

        public EncryptionType(string value) : base(value) { }

        public static EncryptionType FindValue(string value) => FindValue<EncryptionType>(value);

        public static implicit operator EncryptionType(string value) => FindValue(value);
    }

    public class ShardIteratorType : ConstantClass
    {
        public static readonly ShardIteratorType AFTER_SEQUENCE_NUMBER = new ShardIteratorType("AFTER_SEQUENCE_NUMBER");
        public static readonly ShardIteratorType AT_SEQUENCE_NUMBER = new ShardIteratorType("AT_SEQUENCE_NUMBER");
        public static readonly ShardIteratorType AT_TIMESTAMP = new ShardIteratorType("AT_TIMESTAMP");
        public static readonly ShardIteratorType LATEST = new ShardIteratorType("LATEST");
        public static readonly ShardIteratorType TRIM_HORIZON = new ShardIteratorType("TRIM_HORIZON");

        public ShardIteratorType(string value) : base(value) { }

        public static ShardIteratorType FindValue(string value) => FindValue<ShardIteratorType>(value);

        public static implicit operator ShardIteratorType(string value) => FindValue(value);
    }
}
