// Test stub: mirrors the public API surface of the Amazon.Lambda.Core package, for analyzer tests.
using System;
using System.IO;

namespace Amazon.Lambda.Core
{
    public interface ILambdaSerializer
    {
        T Deserialize<T>(Stream requestStream);

        void Serialize<T>(T response, Stream responseStream);
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Assembly, AllowMultiple = false)]
    public sealed class LambdaSerializerAttribute : Attribute
    {
        public LambdaSerializerAttribute(Type serializerType)
        {
            SerializerType = serializerType;
        }

        public Type SerializerType { get; set; }
    }
}
