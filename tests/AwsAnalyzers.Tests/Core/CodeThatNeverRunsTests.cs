using System.Linq;
using AwsAnalyzers.Core;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class CodeThatNeverRunsTests
{
    private static CompiledSource Compile(string body) => new(@"
using System;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using NSubstitute;
using Moq;
using FakeItEasy;

class C
{
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
}
