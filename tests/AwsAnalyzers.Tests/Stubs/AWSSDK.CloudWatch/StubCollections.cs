// Test stub: mirrors the public API surface of the AWSSDK.CloudWatch package, for analyzer tests.
using System.Collections.Generic;

namespace Amazon.CloudWatch.Internal
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
    }
}
