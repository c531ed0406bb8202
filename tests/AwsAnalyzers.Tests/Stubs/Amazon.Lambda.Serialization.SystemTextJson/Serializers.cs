// Test stub: mirrors the public API surface of the Amazon.Lambda.Serialization.SystemTextJson package, for analyzer tests.
using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson
{
    public abstract class AbstractLambdaJsonSerializer
    {
        protected AbstractLambdaJsonSerializer(Action<JsonWriterOptions> jsonWriterCustomizer)
        {
        }

        protected JsonWriterOptions WriterOptions { get; }

        public void Serialize<T>(T response, Stream responseStream) => throw new NotImplementedException();

        public T Deserialize<T>(Stream requestStream) => throw new NotImplementedException();

        protected abstract void InternalSerialize<T>(Utf8JsonWriter writer, T response);

        protected abstract T InternalDeserialize<T>(byte[] utf8Json);
    }

    public class DefaultLambdaJsonSerializer : AbstractLambdaJsonSerializer, ILambdaSerializer
    {
        public DefaultLambdaJsonSerializer()
            : base(null) { }

        public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
            : base(null) { }

        public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer)
            : base(jsonWriterCustomizer) { }

        protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response) => throw new NotImplementedException();

        protected override T InternalDeserialize<T>(byte[] utf8Json) => throw new NotImplementedException();
    }

    public class CamelCaseLambdaJsonSerializer : DefaultLambdaJsonSerializer
    {
        public CamelCaseLambdaJsonSerializer() { }
    }

    public class SourceGeneratorLambdaJsonSerializer<TSGContext> : AbstractLambdaJsonSerializer, ILambdaSerializer
        where TSGContext : JsonSerializerContext
    {
        public SourceGeneratorLambdaJsonSerializer()
            : base(null) { }

        protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response) => throw new NotImplementedException();

        protected override T InternalDeserialize<T>(byte[] utf8Json) => throw new NotImplementedException();
    }
}
