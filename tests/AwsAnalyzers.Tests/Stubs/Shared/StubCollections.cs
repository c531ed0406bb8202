// Test stub support, compiled into every stub assembly (StubAssemblies): not part of any package's public API.
using System.Collections.Generic;

namespace AwsAnalyzers.TestStubs
{
    // v3 model collections start empty; v4 ones start null unless AWSConfigs.InitializeCollections is set.
    internal static class StubCollections
    {
        internal static List<T> NewList<T>() =>
#if AWS_SDK_V3
            new List<T>();
#else
            Amazon.AWSConfigs.InitializeCollections ? new List<T>() : null;
#endif

        internal static Dictionary<TKey, TValue> NewDictionary<TKey, TValue>() =>
#if AWS_SDK_V3
            new Dictionary<TKey, TValue>();
#else
            Amazon.AWSConfigs.InitializeCollections ? new Dictionary<TKey, TValue>() : null;
#endif
    }
}
