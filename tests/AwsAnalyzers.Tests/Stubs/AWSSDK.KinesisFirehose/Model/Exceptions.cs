// Test stub: mirrors the public API surface of the AWSSDK.KinesisFirehose package, for analyzer tests.
using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.KinesisFirehose.Model
{
    // v3 has no public parameterless constructor; v4 adds one.

    public partial class InvalidArgumentException : AmazonKinesisFirehoseException
    {
#if !AWS_SDK_V3
        public InvalidArgumentException() { }
#endif
        public InvalidArgumentException(string message) : base(message) { }
        public InvalidArgumentException(string message, Exception innerException) : base(message, innerException) { }
        public InvalidArgumentException(Exception innerException) : base(innerException) { }
        public InvalidArgumentException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public InvalidArgumentException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class InvalidKMSResourceException : AmazonKinesisFirehoseException
    {
#if !AWS_SDK_V3
        public InvalidKMSResourceException() { }
#endif
        public InvalidKMSResourceException(string message) : base(message) { }
        public InvalidKMSResourceException(string message, Exception innerException) : base(message, innerException) { }
        public InvalidKMSResourceException(Exception innerException) : base(innerException) { }
        public InvalidKMSResourceException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public InvalidKMSResourceException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class LimitExceededException : AmazonKinesisFirehoseException
    {
#if !AWS_SDK_V3
        public LimitExceededException() { }
#endif
        public LimitExceededException(string message) : base(message) { }
        public LimitExceededException(string message, Exception innerException) : base(message, innerException) { }
        public LimitExceededException(Exception innerException) : base(innerException) { }
        public LimitExceededException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public LimitExceededException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class ResourceInUseException : AmazonKinesisFirehoseException
    {
#if !AWS_SDK_V3
        public ResourceInUseException() { }
#endif
        public ResourceInUseException(string message) : base(message) { }
        public ResourceInUseException(string message, Exception innerException) : base(message, innerException) { }
        public ResourceInUseException(Exception innerException) : base(innerException) { }
        public ResourceInUseException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public ResourceInUseException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class ResourceNotFoundException : AmazonKinesisFirehoseException
    {
#if !AWS_SDK_V3
        public ResourceNotFoundException() { }
#endif
        public ResourceNotFoundException(string message) : base(message) { }
        public ResourceNotFoundException(string message, Exception innerException) : base(message, innerException) { }
        public ResourceNotFoundException(Exception innerException) : base(innerException) { }
        public ResourceNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public ResourceNotFoundException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class ServiceUnavailableException : AmazonKinesisFirehoseException
    {
#if !AWS_SDK_V3
        public ServiceUnavailableException() { }
#endif
        public ServiceUnavailableException(string message) : base(message) { }
        public ServiceUnavailableException(string message, Exception innerException) : base(message, innerException) { }
        public ServiceUnavailableException(Exception innerException) : base(innerException) { }
        public ServiceUnavailableException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public ServiceUnavailableException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }
}
