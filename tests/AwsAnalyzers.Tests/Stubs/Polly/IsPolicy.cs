// Test stub: mirrors a subset of the public API surface of the Polly 7.2.4 package (assembly Polly), for analyzer tests.
namespace Polly
{
    public interface IsPolicy
    {
        string PolicyKey { get; }
    }
}
