// Test stub: mirrors the public API surface of the Amazon.Lambda.Annotations package, for analyzer tests.
using System;

namespace Amazon.Lambda.Annotations
{
    [AttributeUsage(AttributeTargets.Method)]
    public class LambdaFunctionAttribute : Attribute
    {
        public string ResourceName { get; set; }
        public uint Timeout { get; set; }
        public uint MemorySize { get; set; }
        public string Role { get; set; }
        public string Policies { get; set; }
        public LambdaPackageType PackageType { get; set; }
    }

    public enum LambdaPackageType
    {
        Zip = 0,
        Image = 1,
    }

    [AttributeUsage(AttributeTargets.Class)]
    public class LambdaStartupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromServicesAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Assembly)]
    public class LambdaGlobalPropertiesAttribute : Attribute
    {
        public bool GenerateMain { get; set; }
        public string Runtime { get; set; }
    }

    public interface INamedAttribute
    {
        string Name { get; set; }
    }
}
