// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.Athena.Model
{
    // v3 has no public parameterless constructor; v4 adds one.

    public partial class InternalServerException : AmazonAthenaException
    {
#if !AWS_SDK_V3
        public InternalServerException() { }
#endif
        public InternalServerException(string message) : base(message) { }
        public InternalServerException(string message, Exception innerException) : base(message, innerException) { }
        public InternalServerException(Exception innerException) : base(innerException) { }
        public InternalServerException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public InternalServerException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class InvalidRequestException : AmazonAthenaException
    {
#if !AWS_SDK_V3
        public InvalidRequestException() { }
#endif
        public InvalidRequestException(string message) : base(message) { }
        public InvalidRequestException(string message, Exception innerException) : base(message, innerException) { }
        public InvalidRequestException(Exception innerException) : base(innerException) { }
        public InvalidRequestException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public InvalidRequestException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }

        public string AthenaErrorCode { get; set; }
    }

    public partial class TooManyRequestsException : AmazonAthenaException
    {
#if !AWS_SDK_V3
        public TooManyRequestsException() { }
#endif
        public TooManyRequestsException(string message) : base(message) { }
        public TooManyRequestsException(string message, Exception innerException) : base(message, innerException) { }
        public TooManyRequestsException(Exception innerException) : base(innerException) { }
        public TooManyRequestsException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public TooManyRequestsException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }

        public ThrottleReason Reason { get; set; }
    }
}
