// Test stub: mirrors the public API surface of the Amazon.Lambda.Annotations package, for analyzer tests.
using System;

namespace Amazon.Lambda.Annotations.SQS
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class SQSEventAttribute : Attribute
    {
        public SQSEventAttribute(string queue)
        {
            Queue = queue;
        }

        public string Queue { get; set; }
        public string ResourceName { get; set; }
        public uint BatchSize { get; set; }
        public bool Enabled { get; set; }
        public string Filters { get; set; }
        public uint MaximumBatchingWindowInSeconds { get; set; }
        public uint MaximumConcurrency { get; set; }
    }
}
