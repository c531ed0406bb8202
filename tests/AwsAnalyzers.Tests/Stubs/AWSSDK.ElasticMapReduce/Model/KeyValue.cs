// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.

namespace Amazon.ElasticMapReduce.Model
{
    public partial class KeyValue
    {
        public KeyValue() { }

        public KeyValue(string key, string value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; set; }
        public string Value { get; set; }
    }
}
