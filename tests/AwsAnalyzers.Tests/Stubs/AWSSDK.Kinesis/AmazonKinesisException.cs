// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.Kinesis
{
    public partial class AmazonKinesisException : AmazonServiceException
    {
#if !AWS_SDK_V3
        public AmazonKinesisException() { }
#endif
        public AmazonKinesisException(string message) : base(message) { }
        public AmazonKinesisException(string message, Exception innerException) : base(message, innerException) { }
        public AmazonKinesisException(Exception innerException) : base(innerException) { }
        public AmazonKinesisException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public AmazonKinesisException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }
}
