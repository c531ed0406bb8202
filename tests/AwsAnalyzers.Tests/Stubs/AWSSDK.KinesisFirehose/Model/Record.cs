// Test stub: mirrors the public API surface of the AWSSDK.KinesisFirehose package, for analyzer tests.
using System.IO;

namespace Amazon.KinesisFirehose.Model
{
    public partial class Record
    {
        public MemoryStream Data { get; set; }
    }
}
