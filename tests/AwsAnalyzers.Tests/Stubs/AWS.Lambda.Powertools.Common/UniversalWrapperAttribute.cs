// Test stub: mirrors the public API surface of the AWS.Lambda.Powertools.Common package's aspect base types, for
// analyzer tests. The wrap methods are protected internal in the package; user code sees them as protected, which is
// what this stub declares, so that it compiles alone (tests) and together with the other stubs (the sample).
using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;

namespace AWS.Lambda.Powertools.Common
{
    public abstract class UniversalWrapperAttribute : Attribute
    {
        protected virtual T WrapSync<T>(Func<object[], T> target, object[] args, AspectEventArgs eventArgs) => target(args);

        protected virtual Task<T> WrapAsync<T>(Func<object[], Task<T>> target, object[] args, AspectEventArgs eventArgs) => target(args);
    }

    public class AspectEventArgs : EventArgs
    {
        public object Instance { get; internal set; }
        public Type Type { get; internal set; }
        public MethodBase Method { get; internal set; }
        public string Name { get; internal set; }
        public IReadOnlyList<object> Args { get; internal set; }
        public Type ReturnType { get; internal set; }
        public Attribute[] Triggers { get; internal set; }
    }
}
