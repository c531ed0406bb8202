// Test stub: mirrors the public API surface of the Amazon.Lambda.Core package, for analyzer tests.
using System;

namespace Amazon.Lambda.Core
{
    public interface ILambdaLogger
    {
        void Log(string message);

        void LogLine(string message);

#if NET8_0_OR_GREATER
        void Log(string level, string message) => LogLine(message);
        void Log(LogLevel level, string message) => Log(level.ToString(), message);

        void LogTrace(string message) => Log(LogLevel.Trace, message);
        void LogDebug(string message) => Log(LogLevel.Debug, message);
        void LogInformation(string message) => Log(LogLevel.Information, message);
        void LogWarning(string message) => Log(LogLevel.Warning, message);
        void LogError(string message) => Log(LogLevel.Error, message);
        void LogCritical(string message) => Log(LogLevel.Critical, message);

        void Log(string level, string message, params object[] args) => Log(level, message);
        void Log(string level, Exception exception, string message, params object[] args) => Log(level, message, args);
        void Log(LogLevel level, string message, params object[] args) => Log(level.ToString(), message, args);
        void Log(LogLevel level, Exception exception, string message, params object[] args) => Log(level.ToString(), exception, message, args);

        void LogTrace(string message, params object[] args) => Log(LogLevel.Trace, message, args);
        void LogTrace(Exception exception, string message, params object[] args) => Log(LogLevel.Trace, exception, message, args);
        void LogDebug(string message, params object[] args) => Log(LogLevel.Debug, message, args);
        void LogDebug(Exception exception, string message, params object[] args) => Log(LogLevel.Debug, exception, message, args);
        void LogInformation(string message, params object[] args) => Log(LogLevel.Information, message, args);
        void LogInformation(Exception exception, string message, params object[] args) => Log(LogLevel.Information, exception, message, args);
        void LogWarning(string message, params object[] args) => Log(LogLevel.Warning, message, args);
        void LogWarning(Exception exception, string message, params object[] args) => Log(LogLevel.Warning, exception, message, args);
        void LogError(string message, params object[] args) => Log(LogLevel.Error, message, args);
        void LogError(Exception exception, string message, params object[] args) => Log(LogLevel.Error, exception, message, args);
        void LogCritical(string message, params object[] args) => Log(LogLevel.Critical, message, args);
        void LogCritical(Exception exception, string message, params object[] args) => Log(LogLevel.Critical, exception, message, args);
#endif
    }

#if NET8_0_OR_GREATER
    public enum LogLevel
    {
        Trace = 0,
        Debug = 1,
        Information = 2,
        Warning = 3,
        Error = 4,
        Critical = 5,
    }
#endif
}
