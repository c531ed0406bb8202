// Test stub: mirrors the public API surface of the AWSSDK.KinesisFirehose package, for analyzer tests.
using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.KinesisFirehose
{
    public partial class AmazonKinesisFirehoseException : AmazonServiceException
    {
#if !AWS_SDK_V3
        public AmazonKinesisFirehoseException() { }
#endif
        public AmazonKinesisFirehoseException(string message) : base(message) { }
        public AmazonKinesisFirehoseException(string message, Exception innerException) : base(message, innerException) { }
        public AmazonKinesisFirehoseException(Exception innerException) : base(innerException) { }
        public AmazonKinesisFirehoseException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public AmazonKinesisFirehoseException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }
}
