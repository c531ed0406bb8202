// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests.
using System.Collections.Generic;

namespace Amazon.Glue.Internal
{
    // v3 model collections start empty; v4 ones start null unless AWSConfigs.InitializeCollections is set.
    internal static class StubCollections
    {
        internal static List<T> NewList<T>() =>
#if AWS_SDK_V3
            new List<T>();
#else
            AWSConfigs.InitializeCollections ? new List<T>() : null;
#endif

        internal static Dictionary<TKey, TValue> NewDictionary<TKey, TValue>() =>
#if AWS_SDK_V3
            new Dictionary<TKey, TValue>();
#else
            AWSConfigs.InitializeCollections ? new Dictionary<TKey, TValue>() : null;
#endif
    }
}
