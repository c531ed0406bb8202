// Test stub: mirrors the public API surface of the Amazon.Lambda.RuntimeSupport package, for analyzer tests.
using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport.Bootstrap;

namespace Amazon.Lambda.RuntimeSupport
{
    public delegate Task<InvocationResponse> LambdaBootstrapHandler(InvocationRequest invocation);

    public delegate Task<bool> LambdaBootstrapInitializer();

    public class LambdaBootstrap : IDisposable
    {
        public LambdaBootstrap(HttpClient httpClient, LambdaBootstrapHandler handler, LambdaBootstrapInitializer initializer = null)
            => throw new NotImplementedException();

        public LambdaBootstrap(LambdaBootstrapHandler handler, LambdaBootstrapInitializer initializer = null)
            => throw new NotImplementedException();

        public LambdaBootstrap(LambdaBootstrapHandler handler, LambdaBootstrapOptions lambdaBootstrapOptions, LambdaBootstrapInitializer initializer = null)
            => throw new NotImplementedException();

        public LambdaBootstrap(HandlerWrapper handlerWrapper, LambdaBootstrapInitializer initializer = null)
            => throw new NotImplementedException();

        public LambdaBootstrap(HandlerWrapper handlerWrapper, LambdaBootstrapOptions lambdaBootstrapOptions, LambdaBootstrapInitializer initializer = null)
            => throw new NotImplementedException();

        public LambdaBootstrap(HttpClient httpClient, HandlerWrapper handlerWrapper, LambdaBootstrapInitializer initializer = null)
            => throw new NotImplementedException();

        public LambdaBootstrap(HttpClient httpClient, HandlerWrapper handlerWrapper, LambdaBootstrapOptions lambdaBootstrapOptions, LambdaBootstrapInitializer initializer = null)
            => throw new NotImplementedException();

        public Task RunAsync(CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public static HttpClient ConstructHttpClient()
            => throw new NotImplementedException();

        public void Dispose() { }
    }

    public class InvocationRequest : IDisposable
    {
        internal InvocationRequest() { }

        public Stream InputStream { get; }

        public ILambdaContext LambdaContext { get; }

        public void Dispose() { }
    }

    public class InvocationResponse
    {
        public InvocationResponse(Stream outputStream)
            : this(outputStream, true) { }

        public InvocationResponse(Stream outputStream, bool disposeOutputStream)
        {
            OutputStream = outputStream;
        }

        public Stream OutputStream { get; }
    }
}

namespace Amazon.Lambda.RuntimeSupport.Bootstrap
{
    public class LambdaBootstrapOptions
    {
        public string RuntimeApiEndpoint { get; set; }
    }
}
