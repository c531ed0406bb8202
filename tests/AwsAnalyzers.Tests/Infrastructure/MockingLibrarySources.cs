namespace AwsAnalyzers.Tests.Infrastructure;

/// <summary>
/// The public shapes of Moq's, NSubstitute's and FakeItEasy's entry points (their namespaces, names and parameter types),
/// as a second source file of a test: the feed serves none of the libraries, and the rules only look at those shapes.
/// </summary>
internal static class MockingLibrarySources
{
    public const string EntryPoints = @"
namespace Moq
{
    using System;
    using System.Linq.Expressions;
    public abstract class Mock
    {
        public static T Of<T>() where T : class => null;
    }
    public class Mock<T> : Mock where T : class
    {
        public T Object => null;
        public object Setup<TResult>(Expression<Func<T, TResult>> expression) => null;
        public void Verify<TResult>(Expression<Func<T, TResult>> expression) { }
    }
    public static class It
    {
        public static TValue Is<TValue>(Expression<Func<TValue, bool>> match) => default;
    }
}
namespace NSubstitute
{
    using System;
    public static class Substitute
    {
        public static T For<T>(params object[] constructorArguments) where T : class => null;
    }
    public static class SubstituteExtensions
    {
        public static T Received<T>(this T substitute) => substitute;
        public static T DidNotReceive<T>(this T substitute) => substitute;
        public static object Returns<T>(this T value, T returnThis) => null;
        public static object When<T>(this T substitute, Action<T> call) => null;
    }
}
namespace FakeItEasy
{
    using System;
    using System.Linq.Expressions;
    public static class A
    {
        public static object CallTo(Expression<Action> call) => null;
        public static T Fake<T>() => default;
    }
}
";
}
