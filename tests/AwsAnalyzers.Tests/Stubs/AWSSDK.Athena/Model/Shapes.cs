// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.

namespace Amazon.Athena.Model
{
    public partial class QueryExecutionContext
    {
        public string Catalog { get; set; }
        public string Database { get; set; }
    }

    public partial class ResultConfiguration
    {
        public AclConfiguration AclConfiguration { get; set; }
        public EncryptionConfiguration EncryptionConfiguration { get; set; }
        public string ExpectedBucketOwner { get; set; }
        public string OutputLocation { get; set; }
    }

    public partial class EncryptionConfiguration
    {
        public EncryptionOption EncryptionOption { get; set; }
        public string KmsKey { get; set; }
    }

    public partial class AclConfiguration
    {
        public S3AclOption S3AclOption { get; set; }
    }

    public partial class ResultReuseConfiguration
    {
        public ResultReuseByAgeConfiguration ResultReuseByAgeConfiguration { get; set; }
    }

    public partial class ResultReuseByAgeConfiguration
    {
#if AWS_SDK_V3
        public bool Enabled { get; set; }
        public int MaxAgeInMinutes { get; set; }
#else
        public bool? Enabled { get; set; }
        public int? MaxAgeInMinutes { get; set; }
#endif
    }
}
