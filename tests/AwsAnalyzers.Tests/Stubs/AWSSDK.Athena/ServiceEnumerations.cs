// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Athena
{
    public class ColumnNullable : ConstantClass
    {
        public static readonly ColumnNullable NOT_NULL = new ColumnNullable("NOT_NULL");
        public static readonly ColumnNullable NULLABLE = new ColumnNullable("NULLABLE");
        public static readonly ColumnNullable UNKNOWN = new ColumnNullable("UNKNOWN");

        public ColumnNullable(string value) : base(value) { }

        public static ColumnNullable FindValue(string value) => FindValue<ColumnNullable>(value);

        public static implicit operator ColumnNullable(string value) => FindValue(value);
    }

    public class EncryptionOption : ConstantClass
    {
        public static readonly EncryptionOption CSE_KMS = new EncryptionOption("CSE_KMS");
        public static readonly EncryptionOption SSE_KMS = new EncryptionOption("SSE_KMS");
        public static readonly EncryptionOption SSE_S3 = new EncryptionOption("SSE_S3");

        public EncryptionOption(string value) : base(value) { }

        public static EncryptionOption FindValue(string value) => FindValue<EncryptionOption>(value);

        public static implicit operator EncryptionOption(string value) => FindValue(value);
    }

    public class QueryExecutionState : ConstantClass
    {
        public static readonly QueryExecutionState CANCELLED = new QueryExecutionState("CANCELLED");
        public static readonly QueryExecutionState FAILED = new QueryExecutionState("FAILED");
        public static readonly QueryExecutionState QUEUED = new QueryExecutionState("QUEUED");
        public static readonly QueryExecutionState RUNNING = new QueryExecutionState("RUNNING");
        public static readonly QueryExecutionState SUCCEEDED = new QueryExecutionState("SUCCEEDED");

        public QueryExecutionState(string value) : base(value) { }

        public static QueryExecutionState FindValue(string value) => FindValue<QueryExecutionState>(value);

        public static implicit operator QueryExecutionState(string value) => FindValue(value);
    }

    public class S3AclOption : ConstantClass
    {
        public static readonly S3AclOption BUCKET_OWNER_FULL_CONTROL = new S3AclOption("BUCKET_OWNER_FULL_CONTROL");

        public S3AclOption(string value) : base(value) { }

        public static S3AclOption FindValue(string value) => FindValue<S3AclOption>(value);

        public static implicit operator S3AclOption(string value) => FindValue(value);
    }

    public class StatementType : ConstantClass
    {
        public static readonly StatementType DDL = new StatementType("DDL");
        public static readonly StatementType DML = new StatementType("DML");
        public static readonly StatementType UTILITY = new StatementType("UTILITY");

        public StatementType(string value) : base(value) { }

        public static StatementType FindValue(string value) => FindValue<StatementType>(value);

        public static implicit operator StatementType(string value) => FindValue(value);
    }

    public class ThrottleReason : ConstantClass
    {
        public static readonly ThrottleReason CONCURRENT_QUERY_LIMIT_EXCEEDED = new ThrottleReason("CONCURRENT_QUERY_LIMIT_EXCEEDED");

        public ThrottleReason(string value) : base(value) { }

        public static ThrottleReason FindValue(string value) => FindValue<ThrottleReason>(value);

        public static implicit operator ThrottleReason(string value) => FindValue(value);
    }
}
