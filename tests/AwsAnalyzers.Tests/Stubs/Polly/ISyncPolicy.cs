// Test stub: mirrors a subset of the public API surface of the Polly 7.2.4 package (assembly Polly), for analyzer tests.
using System;

namespace Polly
{
    public interface ISyncPolicy : IsPolicy
    {
        void Execute(Action action);
        TResult Execute<TResult>(Func<TResult> action);
    }

    public interface ISyncPolicy<TResult> : IsPolicy
    {
        TResult Execute(Func<TResult> action);
    }
}
