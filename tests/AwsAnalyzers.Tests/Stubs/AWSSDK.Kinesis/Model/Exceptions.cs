// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    // v3 has no public parameterless constructor; v4 adds one.
    // None of these override AmazonServiceException.Retryable.

    public partial class AccessDeniedException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public AccessDeniedException() { }
#endif
        public AccessDeniedException(string message) : base(message) { }
        public AccessDeniedException(string message, Exception innerException) : base(message, innerException) { }
        public AccessDeniedException(Exception innerException) : base(innerException) { }
        public AccessDeniedException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public AccessDeniedException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class ExpiredIteratorException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public ExpiredIteratorException() { }
#endif
        public ExpiredIteratorException(string message) : base(message) { }
        public ExpiredIteratorException(string message, Exception innerException) : base(message, innerException) { }
        public ExpiredIteratorException(Exception innerException) : base(innerException) { }
        public ExpiredIteratorException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public ExpiredIteratorException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class ExpiredNextTokenException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public ExpiredNextTokenException() { }
#endif
        public ExpiredNextTokenException(string message) : base(message) { }
        public ExpiredNextTokenException(string message, Exception innerException) : base(message, innerException) { }
        public ExpiredNextTokenException(Exception innerException) : base(innerException) { }
        public ExpiredNextTokenException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public ExpiredNextTokenException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class InternalFailureException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public InternalFailureException() { }
#endif
        public InternalFailureException(string message) : base(message) { }
        public InternalFailureException(string message, Exception innerException) : base(message, innerException) { }
        public InternalFailureException(Exception innerException) : base(innerException) { }
        public InternalFailureException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public InternalFailureException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class InvalidArgumentException : AmazonKinesisException
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

    public partial class KMSAccessDeniedException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public KMSAccessDeniedException() { }
#endif
        public KMSAccessDeniedException(string message) : base(message) { }
        public KMSAccessDeniedException(string message, Exception innerException) : base(message, innerException) { }
        public KMSAccessDeniedException(Exception innerException) : base(innerException) { }
        public KMSAccessDeniedException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public KMSAccessDeniedException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class KMSDisabledException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public KMSDisabledException() { }
#endif
        public KMSDisabledException(string message) : base(message) { }
        public KMSDisabledException(string message, Exception innerException) : base(message, innerException) { }
        public KMSDisabledException(Exception innerException) : base(innerException) { }
        public KMSDisabledException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public KMSDisabledException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class KMSInvalidStateException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public KMSInvalidStateException() { }
#endif
        public KMSInvalidStateException(string message) : base(message) { }
        public KMSInvalidStateException(string message, Exception innerException) : base(message, innerException) { }
        public KMSInvalidStateException(Exception innerException) : base(innerException) { }
        public KMSInvalidStateException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public KMSInvalidStateException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class KMSNotFoundException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public KMSNotFoundException() { }
#endif
        public KMSNotFoundException(string message) : base(message) { }
        public KMSNotFoundException(string message, Exception innerException) : base(message, innerException) { }
        public KMSNotFoundException(Exception innerException) : base(innerException) { }
        public KMSNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public KMSNotFoundException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class KMSOptInRequiredException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public KMSOptInRequiredException() { }
#endif
        public KMSOptInRequiredException(string message) : base(message) { }
        public KMSOptInRequiredException(string message, Exception innerException) : base(message, innerException) { }
        public KMSOptInRequiredException(Exception innerException) : base(innerException) { }
        public KMSOptInRequiredException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public KMSOptInRequiredException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class KMSThrottlingException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public KMSThrottlingException() { }
#endif
        public KMSThrottlingException(string message) : base(message) { }
        public KMSThrottlingException(string message, Exception innerException) : base(message, innerException) { }
        public KMSThrottlingException(Exception innerException) : base(innerException) { }
        public KMSThrottlingException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public KMSThrottlingException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class LimitExceededException : AmazonKinesisException
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

    public partial class ProvisionedThroughputExceededException : AmazonKinesisException
    {
#if !AWS_SDK_V3
        public ProvisionedThroughputExceededException() { }
#endif
        public ProvisionedThroughputExceededException(string message) : base(message) { }
        public ProvisionedThroughputExceededException(string message, Exception innerException) : base(message, innerException) { }
        public ProvisionedThroughputExceededException(Exception innerException) : base(innerException) { }
        public ProvisionedThroughputExceededException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public ProvisionedThroughputExceededException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }

    public partial class ResourceInUseException : AmazonKinesisException
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

    public partial class ResourceNotFoundException : AmazonKinesisException
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
}
