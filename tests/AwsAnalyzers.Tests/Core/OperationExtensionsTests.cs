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

    [Fact]
    public void Own_operations_come_in_source_order_without_the_code_of_lambdas_and_local_functions()
    {
        var source = new CompiledSource(@"
using System;
class C
{
    void M()
    {
        A(1);
        Action later = () => A(2);
        A(3);
        void Local() => A(4);
    }

    static void A(int n) { }
}");
        object?[] arguments = source.Body("M").OwnOperations().OfType<IInvocationOperation>()
            .Select(call => call.Arguments[0].Value.ConstantValue.Value)
            .ToArray();

        Assert.Equal(new object[] { 1, 3 }, arguments);
    }
}
