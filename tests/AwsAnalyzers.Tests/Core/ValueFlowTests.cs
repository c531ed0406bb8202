using System.Linq;
using System.Threading;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class ValueFlowTests
{
    private static (CompiledSource Source, ValueFlow Flow) Analyze(string members, string method = "M")
    {
        var source = new CompiledSource(@"
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

class C
{
    private object _field;
    public object Property { get; set; }
" + members + @"
}");
        return (source, ValueFlow.For(source.Body(method), CancellationToken.None));
    }

    private static WriteKind[] Kinds(ValueFlow flow, ISymbol variable) => flow.Writes(variable).Select(w => w.Kind).ToArray();

    [Fact]
    public void The_carrier_of_a_value_is_past_its_conversions_ternary_branches_and_coalescing()
    {
        var (source, flow) = Analyze(@"
    object M(string p, bool b, string q)
    {
        object kept = b ? (object)p : null;
        return (q ?? p).Length;
    }");

        IParameterReferenceOperation[] reads = flow.Reads(source.Variable("p")).Cast<IParameterReferenceOperation>().ToArray();
        Assert.IsAssignableFrom<IVariableInitializerOperation>(ValueFlow.Carrier(reads[0]).Parent);
        Assert.IsAssignableFrom<IPropertyReferenceOperation>(ValueFlow.Carrier(reads[1]).Parent);
        Assert.IsAssignableFrom<IConditionalOperation>(ValueFlow.Carrier(flow.Reads(source.Variable("b")).Single()).Parent);
    }

    [Fact]
    public void Each_kind_of_write_is_found_with_its_value()
    {
        var (source, flow) = Analyze(@"
    void M(string p)
    {
        var declared = ""a"";
        string assigned;
        assigned = ""b"";
        int compound = 1;
        compound += 2;
        string coalesced = null;
        coalesced ??= ""c"";
        int counter = 0;
        counter++;
        var (first, second) = (""d"", 2);
        int.TryParse(p, out var parsed);
        int existing = 0;
        int.TryParse(p, out existing);
        foreach (var item in new[] { 1 }) { }
        using var stream = new MemoryStream();
        try { } catch (Exception error) { }
        p = ""e"";
    }");

        Assert.Equal(new[] { WriteKind.Declaration }, Kinds(flow, source.Variable("declared")));
        Assert.Equal(new[] { WriteKind.Assignment }, Kinds(flow, source.Variable("assigned")));
        Assert.Equal(new[] { WriteKind.Declaration, WriteKind.CompoundAssignment }, Kinds(flow, source.Variable("compound")));
        Assert.Equal(new[] { WriteKind.Declaration, WriteKind.CompoundAssignment }, Kinds(flow, source.Variable("coalesced")));
        Assert.Equal(new[] { WriteKind.Declaration, WriteKind.IncrementOrDecrement }, Kinds(flow, source.Variable("counter")));
        Assert.Equal(new[] { WriteKind.Deconstruction }, Kinds(flow, source.Variable("first")));
        Assert.Equal(new[] { WriteKind.OutOrRefArgument }, Kinds(flow, source.Variable("parsed")));
        Assert.Equal(new[] { WriteKind.Declaration, WriteKind.OutOrRefArgument }, Kinds(flow, source.Variable("existing")));
        Assert.Equal(new[] { WriteKind.ForEach }, Kinds(flow, source.Variable("item")));
        Assert.Equal(new[] { WriteKind.Declaration }, Kinds(flow, source.Variable("stream")));
        Assert.Equal(new[] { WriteKind.Catch }, Kinds(flow, source.Variable("error")));
        Assert.Equal(new[] { WriteKind.Assignment }, Kinds(flow, source.Variable("p")));

        Assert.Equal("\"a\"", flow.SingleValue((ILocalSymbol)source.Variable("declared"))!.Syntax.ToString());
        Assert.Equal("\"b\"", flow.SingleValue((ILocalSymbol)source.Variable("assigned"))!.Syntax.ToString());
        Assert.Equal("\"d\"", flow.Writes(source.Variable("first"))[0].Value!.Syntax.ToString());
        Assert.Equal("2", flow.Writes(source.Variable("second"))[0].Value!.Syntax.ToString());
        Assert.Null(flow.SingleValue((ILocalSymbol)source.Variable("compound")));
        Assert.Null(flow.SingleValue((ILocalSymbol)source.Variable("parsed")));
        Assert.Null(flow.SingleValue((ILocalSymbol)source.Variable("item")));
    }

    [Fact]
    public void Pattern_designations_hold_the_matched_value()
    {
        var (source, flow) = Analyze(@"
    void M(object value, Stream input)
    {
        if (value is string text) { }
        if (input is not { CanRead: true } readable) { return; }
        switch (value) { case int number: break; }
        var kind = value switch { Stream stream => 1, _ => 0 };
        if (input is { Length: var length }) { }
    }");

        Assert.Equal("value", flow.Writes(source.Variable("text")).Single().Value!.Syntax.ToString());
        Assert.Equal(WriteKind.Pattern, flow.Writes(source.Variable("readable")).Single().Kind);
        Assert.Equal("input", flow.SingleValue((ILocalSymbol)source.Variable("readable"))!.Syntax.ToString());
        Assert.Equal("value", flow.SingleValue((ILocalSymbol)source.Variable("number"))!.Syntax.ToString());
        Assert.Equal("value", flow.SingleValue((ILocalSymbol)source.Variable("stream"))!.Syntax.ToString());

        // A name bound to a member of the value holds that member.
        IOperation member = flow.SingleValue((ILocalSymbol)source.Variable("length"))!;
        Assert.Equal("Length", Assert.IsAssignableFrom<IPropertyReferenceOperation>(member).Property.Name);
    }

    [Fact]
    public void A_ref_local_aliases_what_it_refers_to_and_writes_it()
    {
        var (source, flow) = Analyze(@"
    void M()
    {
        string key = ""a"";
        ref string alias = ref key;
        alias = ""b"";
        string pinned = ""c"";
    }");

        var alias = (ILocalSymbol)source.Variable("alias");
        Assert.Equal("key", flow.AliasTarget(alias)!.Syntax.ToString());
        Assert.Null(flow.AliasTarget((ILocalSymbol)source.Variable("pinned")));
        Assert.Equal(new[] { WriteKind.Declaration, WriteKind.AliasTaken, WriteKind.ThroughAlias }, Kinds(flow, source.Variable("key")));
        Assert.Null(flow.SingleValue((ILocalSymbol)source.Variable("key")));
        Assert.Equal("\"c\"", flow.SingleValue((ILocalSymbol)source.Variable("pinned"))!.Syntax.ToString());
    }

    [Fact]
    public void Writes_in_lambdas_and_local_functions_count()
    {
        var (source, flow) = Analyze(@"
    void M()
    {
        string key = ""a"";
        Action change = () => key = ""b"";
        void Reset() { key = ""c""; }
        string other = ""d"";
        Func<string> read = () => other;
    }");

        Assert.Equal(3, flow.Writes(source.Variable("key")).Length);
        Assert.NotNull(flow.SingleValue((ILocalSymbol)source.Variable("other")));
        Assert.Single(flow.Reads(source.Variable("other")));
    }

    [Fact]
    public void Reads_exclude_write_targets()
    {
        var (source, flow) = Analyze(@"
    string M()
    {
        string text = ""a"";
        text = text + ""b"";
        Console.WriteLine(text);
        return text;
    }");

        Assert.Equal(3, flow.Reads(source.Variable("text")).Length);
        Assert.True(flow.IsNeverWritten(source.Variable("text")) is false);
    }

    [Fact]
    public void The_index_is_built_once_per_body()
    {
        var (source, flow) = Analyze(@"
    void M()
    {
        var a = 1;
        var b = a + 1;
    }");

        IOperation body = source.Body("M");
        IOperation inner = body.Descendants().OfType<ILocalReferenceOperation>().First();
        Assert.Same(flow, ValueFlow.For(inner, CancellationToken.None));
        Assert.Same(body, flow.Root);
    }

    [Theory]
    [InlineData("return stream;")]
    [InlineData("_field = stream; return null;")]
    [InlineData("Property = stream; return null;")]
    [InlineData("var array = new object[] { stream }; return null;")]
    [InlineData("var list = new List<object>(); list.Add(stream); return null;")]
    [InlineData("var list = new List<object> { stream }; return null;")]
    [InlineData("Keep(stream); return null;")]
    [InlineData("var copy = stream; Keep(copy); return null;")]
    [InlineData("object copy = stream; return copy;")]
    [InlineData("Task.Run(() => stream.Flush()); return null;")]
    [InlineData("Func<Stream> later = () => stream; Keep(later); return null;")]
    [InlineData("Action later = Flush; Keep(later); return null; void Flush() => stream.Flush();")]
    [InlineData("if (stream is { } held) { return held; } return null;")]
    [InlineData("var pair = (stream, 1); Keep(pair); return null;")]
    [InlineData("Store(ref stream); return null;")]
    [InlineData("throw new InvalidOperationException(stream.ToString()) { Data = { [\"s\"] = stream } };")]
    public void Values_that_leave_the_body_escape(string statements)
    {
        var (source, flow) = Analyze(@"
    object M()
    {
        Stream stream = new MemoryStream();
        " + statements + @"
    }
    static void Keep(object value) { }
    static void Store(ref Stream value) { }");

        Assert.True(flow.Escapes(Creation(source), keepsArgument: null, CancellationToken.None));
    }

    [Theory]
    [InlineData("stream.Flush(); return null;")]
    [InlineData("var copy = stream; copy.Flush(); return null;")]
    [InlineData("if (stream != null) { stream.Flush(); } return null;")]
    [InlineData("using (stream) { } return null;")]
    [InlineData("_ = stream; return null;")]
    [InlineData("Flush(); return null; void Flush() => stream.Flush();")]
    [InlineData("return stream.Length;")]
    [InlineData("Console.WriteLine($\"{stream}\"); return null;")]
    [InlineData("if (stream is { } held) { held.Flush(); } return null;")]
    public void Values_used_only_inside_the_body_do_not_escape(string statements)
    {
        var (source, flow) = Analyze(@"
    object M()
    {
        Stream stream = new MemoryStream();
        " + statements + @"
    }");

        Assert.False(flow.Escapes(Creation(source), keepsArgument: null, CancellationToken.None));
    }

    [Fact]
    public void A_value_passed_to_the_sdk_does_not_escape_and_a_rule_may_name_calls_that_keep_nothing()
    {
        var (source, flow) = Analyze(@"
    object M(Amazon.S3.IAmazonS3 s3)
    {
        Stream stream = new MemoryStream();
        s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = ""b"" });
        var request = new Amazon.S3.Model.GetObjectRequest();
        s3.GetObjectAsync(request);
        Console.WriteLine(stream);
        return null;
    }");

        Assert.False(flow.Escapes(source.Expression("new Amazon.S3.Model.GetObjectRequest()"), keepsArgument: null, CancellationToken.None));
        Assert.True(flow.Escapes(Creation(source), keepsArgument: null, CancellationToken.None));
        Assert.False(flow.Escapes(Creation(source), argument => argument.Parameter?.ContainingSymbol.Name == "WriteLine", CancellationToken.None));
    }

    private static IOperation Creation(CompiledSource source) => source.Expression("new MemoryStream()");
}
