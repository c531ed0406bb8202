// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.CloudWatch
{
    public partial class AmazonCloudWatchException : AmazonServiceException
    {
#if !AWS_SDK_V3
        public AmazonCloudWatchException() { }
#endif
        public AmazonCloudWatchException(string message) : base(message) { }
        public AmazonCloudWatchException(string message, Exception innerException) : base(message, innerException) { }
        public AmazonCloudWatchException(Exception innerException) : base(innerException) { }
        public AmazonCloudWatchException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
        public AmazonCloudWatchException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode) { }
    }
}
