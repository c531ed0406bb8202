// Test stub: mirrors a subset of the public API surface of the Polly 7.2.4 package (assembly Polly), for analyzer tests.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Polly
{
    public interface IAsyncPolicy : IsPolicy
    {
        Task ExecuteAsync(Func<Task> action);
        Task ExecuteAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken);
        Task<TResult> ExecuteAsync<TResult>(Func<Task<TResult>> action);
        Task<TResult> ExecuteAsync<TResult>(Func<CancellationToken, Task<TResult>> action, CancellationToken cancellationToken);
    }

    public interface IAsyncPolicy<TResult> : IsPolicy
    {
        Task<TResult> ExecuteAsync(Func<Task<TResult>> action);
        Task<TResult> ExecuteAsync(Func<CancellationToken, Task<TResult>> action, CancellationToken cancellationToken);
    }
}
