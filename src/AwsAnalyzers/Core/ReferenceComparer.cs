using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace AwsAnalyzers.Core;

/// <summary>
/// Equality by reference, for caches keyed by objects that Roslyn hands out once per compilation (an operation tree's
/// root, a type symbol of the compilation): no symbol or node comparison runs, and netstandard2.0 has no
/// <c>ReferenceEqualityComparer</c> of its own.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    private ReferenceComparer()
    {
    }

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
