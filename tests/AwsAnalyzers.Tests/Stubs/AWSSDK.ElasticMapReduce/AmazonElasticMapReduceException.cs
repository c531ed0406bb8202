// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.ElasticMapReduce
{
    public partial class AmazonElasticMapReduceException : AmazonServiceException
    {
#if !AWS_SDK_V3
        public AmazonElasticMapReduceException() { }
#endif
        public AmazonElasticMapReduceException(string message) : base(message) { }
        public AmazonElasticMapReduceException(string message, Exception innerException) : base(message, innerException) { }
        public AmazonElasticMapReduceException(Exception innerException) : base(innerException) { }
        public AmazonElasticMapReduceException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public AmazonElasticMapReduceException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }
}
