// Test stub: mirrors the public API surface of the AWS.Lambda.Powertools.Idempotency package's attribute, for
// analyzer tests. Its overrides are protected, as user code sees them (see UniversalWrapperAttribute).
using System;
using System.Threading.Tasks;
using AWS.Lambda.Powertools.Common;

namespace AWS.Lambda.Powertools.Idempotency
{
    [AttributeUsage(AttributeTargets.Method)]
    public class IdempotentAttribute : UniversalWrapperAttribute
    {
        protected sealed override T WrapSync<T>(Func<object[], T> target, object[] args, AspectEventArgs eventArgs) =>
            throw new InvalidOperationException("Idempotent attribute can be used on async methods only");

        protected sealed override Task<T> WrapAsync<T>(Func<object[], Task<T>> target, object[] args, AspectEventArgs eventArgs) =>
            target(args);
    }
}
