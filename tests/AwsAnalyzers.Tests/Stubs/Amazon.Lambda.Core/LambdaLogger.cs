// Test stub: mirrors the public API surface of the Amazon.Lambda.Core package, for analyzer tests.
using System;

namespace Amazon.Lambda.Core
{
    public static class LambdaLogger
    {
        public static void Log(string message) => throw new NotImplementedException();

#if NET8_0_OR_GREATER
        public static void Log(string level, string message, params object[] args) => throw new NotImplementedException();
        public static void Log(string level, Exception exception, string message, params object[] args) => throw new NotImplementedException();
        public static void Log(LogLevel level, string message, params object[] args) => throw new NotImplementedException();
        public static void Log(LogLevel level, Exception exception, string message, params object[] args) => throw new NotImplementedException();
#endif
    }
}
