using System.Linq;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

/// <summary>Tasks handed one by one to an awaited <c>Task.WhenAll</c>: as arguments or in an array written in the call.</summary>
public class TasksAwaitedTogetherTests
{
    [Fact]
    public void A_task_passed_to_an_awaited_WhenAll_as_an_argument_or_an_array_element_is_awaited_together()
    {
        var source = new CompiledSource("""
            using System.Threading.Tasks;

            class Waits
            {
                async Task Run(Task first, Task second, Task third, Task alone, Task notAwaited)
                {
                    await Task.WhenAll(first, second);
                    await Task.WhenAll(new[] { third });
                    await alone;
                    var pending = Task.WhenAll(notAwaited);
                    await pending;
                }
            }
            """);
        IOperation body = source.Body("Run");
        IOperation ReadOf(string name) => ValueFlow.For(body, default).Reads(source.Variable(name)).Single();

        Assert.IsAssignableFrom<IAwaitOperation>(TasksAwaitedTogether.AwaitOfWhenAllWith(ReadOf("first")));
        Assert.IsAssignableFrom<IAwaitOperation>(TasksAwaitedTogether.AwaitOfWhenAllWith(ReadOf("second")));
        Assert.IsAssignableFrom<IAwaitOperation>(TasksAwaitedTogether.AwaitOfWhenAllWith(ReadOf("third")));
        Assert.Null(TasksAwaitedTogether.AwaitOfWhenAllWith(ReadOf("alone")));
        Assert.Null(TasksAwaitedTogether.AwaitOfWhenAllWith(ReadOf("notAwaited")));
    }
}
