// Test stub: mirrors the public API surface of the AWSSDK.Lambda package, for analyzer tests.
using System.Collections.Generic;

namespace Amazon.Lambda.Internal
{
    // v3 model collections start empty; v4 ones start null unless AWSConfigs.InitializeCollections is set.
    internal static class StubCollections
    {
        internal static Dictionary<TKey, TValue> NewDictionary<TKey, TValue>() =>
#if AWS_SDK_V3
            new Dictionary<TKey, TValue>();
#else
            AWSConfigs.InitializeCollections ? new Dictionary<TKey, TValue>() : null;
#endif
    }
}
