using System.Linq;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class OperationExtensionsTests
{
    [Fact]
    public void The_assigned_member_is_named_from_the_syntax_in_every_assignment_form()
    {
        var source = new CompiledSource(@"
class Request { public string PartitionKey { get; set; } public string @Key { get; set; } }
class C
{
    string _field;
    void M(Request request)
    {
        var initialized = new Request { PartitionKey = ""a"" };
        request.PartitionKey = ""b"";
        request.@Key = ""c"";
        _field = ""d"";
        (request).PartitionKey = ""e"";
    }
}");
        string?[] names = source.Body("M").Descendants().OfType<ISimpleAssignmentOperation>()
            .Select(assignment => assignment.AssignedMemberName())
            .ToArray();

        Assert.Equal(new[] { "PartitionKey", "PartitionKey", "Key", "_field", "PartitionKey" }, names);
    }
}
