// Test stub: mirrors the public API surface of the Amazon.Lambda.Annotations package, for analyzer tests.
using System;
using System.Net;

namespace Amazon.Lambda.Annotations.APIGateway
{
    public enum LambdaHttpMethod
    {
        Any,
        Get,
        Post,
        Put,
        Patch,
        Head,
        Delete,
        Options,
    }

    public enum HttpApiVersion
    {
        V1,
        V2,
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class HttpApiAttribute : Attribute
    {
        public HttpApiAttribute(LambdaHttpMethod method, string template)
        {
            Method = method;
            Template = template;
        }

        public HttpApiVersion Version { get; set; } = HttpApiVersion.V2;
        public string Template { get; set; }
        public LambdaHttpMethod Method { get; set; }
        public string Authorizer { get; set; }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class RestApiAttribute : Attribute
    {
        public RestApiAttribute(LambdaHttpMethod method, string template)
        {
            Method = method;
            Template = template;
        }

        public string Template { get; set; }
        public LambdaHttpMethod Method { get; set; }
        public string Authorizer { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromBodyAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromQueryAttribute : Attribute, INamedAttribute
    {
        public string Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromRouteAttribute : Attribute, INamedAttribute
    {
        public string Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromHeaderAttribute : Attribute, INamedAttribute
    {
        public string Name { get; set; }
    }

    public interface IHttpResult
    {
        HttpStatusCode StatusCode { get; }

        IHttpResult AddHeader(string name, string value);
    }

    public class HttpResults : IHttpResult
    {
        private HttpResults() { }

        public HttpStatusCode StatusCode => throw new NotImplementedException();

        public IHttpResult AddHeader(string name, string value) => throw new NotImplementedException();

        public static IHttpResult Accepted(object body = null) => throw new NotImplementedException();
        public static IHttpResult BadRequest(object body = null) => throw new NotImplementedException();
        public static IHttpResult Conflict(object body = null) => throw new NotImplementedException();
        public static IHttpResult Created(string uri = null, object body = null) => throw new NotImplementedException();
        public static IHttpResult Forbid(object body = null) => throw new NotImplementedException();
        public static IHttpResult InternalServerError(object body = null) => throw new NotImplementedException();
        public static IHttpResult NewResult(HttpStatusCode statusCode, object body = null) => throw new NotImplementedException();
        public static IHttpResult NotFound(object body = null) => throw new NotImplementedException();
        public static IHttpResult Ok(object body = null) => throw new NotImplementedException();
        public static IHttpResult Unauthorized() => throw new NotImplementedException();
    }
}
