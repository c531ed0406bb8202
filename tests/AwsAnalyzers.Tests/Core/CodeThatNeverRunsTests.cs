using System.Linq;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class CodeThatNeverRunsTests
{
    private static CompiledSource Compile(string body, string members = "") => new(@"
using System;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using NSubstitute;
using Moq;
using FakeItEasy;

class C
{
" + members + @"
    void M(IAmazonS3 s3, Mock<IAmazonS3> mock)
    {
" + body + @"
    }
}
" + MockingLibrarySources.EntryPoints);

    private static bool IsNeverRun(CompiledSource source) =>
        CodeThatNeverRuns.Contains(source.Body("M").Descendants().OfType<IInvocationOperation>()
            .First(i => i.TargetMethod.Name == "DeleteObjectAsync"));

    [Theory]
    [InlineData("mock.Setup(c => c.DeleteObjectAsync(\"b\", \"k\", default));")]
    [InlineData("mock.Verify(c => c.DeleteObjectAsync(\"b\", \"k\", default));")]
    [InlineData("A.CallTo(() => s3.DeleteObjectAsync(\"b\", \"k\", default));")]
    [InlineData("s3.Received().DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("s3.DidNotReceive().DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("s3.DeleteObjectAsync(\"b\", \"k\", default).Returns(Task.FromResult(new DeleteObjectResponse()));")]
    [InlineData("s3.When(c => c.DeleteObjectAsync(\"b\", \"k\", default));")]
    [InlineData("System.Linq.Expressions.Expression<Func<Task>> described = () => s3.DeleteObjectAsync(\"b\", \"k\", default);")]
    public void Calls_that_are_only_described_never_run(string body) =>
        Assert.True(IsNeverRun(Compile(body)));

    [Theory]
    [InlineData("s3.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("Func<Task> later = () => s3.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("Task.Run(() => s3.DeleteObjectAsync(\"b\", \"k\", default));")]
    [InlineData("mock.Object.DeleteObjectAsync(\"b\", \"k\", default);")]
    public void Calls_that_run_are_not_excluded(string body) =>
        Assert.False(IsNeverRun(Compile(body)));

    private static bool IsOnTestDouble(string members, string body)
    {
        CompiledSource source = Compile(body, members);
        return CodeThatNeverRuns.IsCallOnTestDouble(
            source.Body("M").Descendants().OfType<IInvocationOperation>().First(i => i.TargetMethod.Name == "DeleteObjectAsync"),
            default);
    }

    [Theory]
    [InlineData("", "mock.Object.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("", "new Mock<IAmazonS3>().Object.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("", "var fake = Substitute.For<IAmazonS3>(); fake.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("", "IAmazonS3 fake = A.Fake<IAmazonS3>(); fake.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("", "var fake = Mock.Of<IAmazonS3>(); fake.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("", "var m = new Mock<IAmazonS3>(); var client = m.Object; client.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("private readonly IAmazonS3 _s3 = Substitute.For<IAmazonS3>();", "_s3.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("private IAmazonS3 Client { get; } = A.Fake<IAmazonS3>();", "Client.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("IAmazonS3 CreateMockS3Client() { var m = new Mock<IAmazonS3>(); return m.Object; }", "IAmazonS3 client = CreateMockS3Client(); client.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("IAmazonS3 Fake() => Substitute.For<IAmazonS3>();", "Fake().DeleteObjectAsync(\"b\", \"k\", default);")]
    public void Calls_on_a_test_double_are_recognized(string members, string body) =>
        Assert.True(IsOnTestDouble(members, body));

    [Theory]
    [InlineData("", "s3.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("", "var client = new AmazonS3Client(); client.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("", "IAmazonS3 client = Substitute.For<IAmazonS3>(); client = s3; client.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("private readonly IAmazonS3 _s3 = new AmazonS3Client();", "_s3.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("private IAmazonS3 _s3;", "_s3.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("static IAmazonS3 First = Second; static IAmazonS3 Second = First;", "First.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("static IAmazonS3 Client { get; } = Other; static IAmazonS3 Other { get; } = Client;", "Client.DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("IAmazonS3 Create(bool fake) { if (fake) return Substitute.For<IAmazonS3>(); return new AmazonS3Client(); }", "Create(true).DeleteObjectAsync(\"b\", \"k\", default);")]
    [InlineData("IAmazonS3 Wrap() { IAmazonS3 c = Make(); return c; } IAmazonS3 Make() => Substitute.For<IAmazonS3>();", "Wrap().DeleteObjectAsync(\"b\", \"k\", default);")]
    public void Calls_on_a_real_client_are_not_on_a_test_double(string members, string body) =>
        Assert.False(IsOnTestDouble(members, body));
}
