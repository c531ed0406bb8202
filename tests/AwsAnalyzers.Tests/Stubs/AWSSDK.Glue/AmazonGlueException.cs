// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests.
using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.Glue
{
    public partial class AmazonGlueException : AmazonServiceException
    {
#if !AWS_SDK_V3
        public AmazonGlueException() { }
#endif
        public AmazonGlueException(string message) : base(message) { }
        public AmazonGlueException(string message, Exception innerException) : base(message, innerException) { }
        public AmazonGlueException(Exception innerException) : base(innerException) { }
        public AmazonGlueException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public AmazonGlueException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }
}
