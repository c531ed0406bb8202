// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.Athena
{
    public partial class AmazonAthenaException : AmazonServiceException
    {
#if !AWS_SDK_V3
        public AmazonAthenaException() { }
#endif
        public AmazonAthenaException(string message) : base(message) { }
        public AmazonAthenaException(string message, Exception innerException) : base(message, innerException) { }
        public AmazonAthenaException(Exception innerException) : base(innerException) { }
        public AmazonAthenaException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public AmazonAthenaException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }
}
