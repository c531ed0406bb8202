using System.Threading.Tasks;
using AwsAnalyzers.Kinesis;
using AwsAnalyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyAnalyzer,
    AwsAnalyzers.Kinesis.AWS001ConstantPartitionKeyCodeFix>;

namespace AwsAnalyzers.Tests.Kinesis;

public class AWS001ConstantPartitionKeyTests
{
    // ---- What it reports ----

    [Fact]
    public async Task Literal_in_object_initializer_is_reported_with_property_and_value()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build() => new PutRecordRequest { StreamName = "s", PartitionKey = {|#0:"sensor"|} };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PartitionKey", "\"sensor\""));
    }

    [Theory]
    [InlineData("const string Key = \"k\";", "Key")]
    [InlineData("", "nameof(Producer)")]
    [InlineData("const string Prefix = \"p\";", "$\"{Prefix}-key\"")]
    [InlineData("const string Prefix = \"p\";", "Prefix + \"-key\"")]
    [InlineData("static readonly string Key = \"k\";", "Key")]
    [InlineData("static readonly string Key = $\"k\" + \"2\";", "Key")]
    [InlineData("static string Key { get; } = \"k\";", "Key")]
    [InlineData("static string Key => \"k\";", "Key")]
    [InlineData("const string Prefix = \"p\"; static readonly string Key = Prefix + nameof(Producer);", "Key")]
    public async Task Constant_shapes_are_reported(string member, string value)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using Amazon.Kinesis.Model;

            class Producer
            {
                {{member}}

                PutRecordsRequestEntry Build() => new PutRecordsRequestEntry { PartitionKey = [|{{value}}|] };
            }
            """);
    }

    [Fact]
    public async Task Later_assignment_and_explicit_hash_key_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build()
                {
                    var request = new PutRecordRequest();
                    request.PartitionKey = {|#0:"a"|};
                    request.ExplicitHashKey = {|#1:"170141183460469231731687303715884105728"|};
                    return request;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PartitionKey", "\"a\""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("ExplicitHashKey", "\"170141183460469231731687303715884105728\""));
    }

    [Fact]
    public async Task Local_assigned_only_constants_is_reported_also_when_captured()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Amazon.Kinesis.Model;

            class Producer
            {
                List<PutRecordsRequestEntry> Build(IEnumerable<string> lines)
                {
                    string key = "devices";
                    var direct = new PutRecordsRequestEntry { PartitionKey = [|key|] };
                    return lines.Select(line => new PutRecordsRequestEntry { PartitionKey = [|key|] }).ToList();
                }

                void Reassigned(bool flag)
                {
                    var key = "a";
                    if (flag) key = "a";
                    var entry = new PutRecordsRequestEntry { PartitionKey = [|key|] };
                }
            }
            """);
    }

    [Fact]
    public async Task Record_type_through_interface_typed_client_call_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private const string PartitionKey = "sensor-data";
                private readonly IAmazonKinesis _kinesis;
                Producer(IAmazonKinesis kinesis) => _kinesis = kinesis;

                Task SendAsync(System.IO.MemoryStream data) =>
                    _kinesis.PutRecordAsync(new PutRecordRequest { StreamName = "s", Data = data, PartitionKey = [|PartitionKey|] });
            }
            """);
    }

    [Fact]
    public async Task Assignments_in_field_initializers_lambdas_and_with_verbatim_names_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using Amazon.Kinesis.Model;

            class Producer
            {
                static readonly PutRecordRequest Template = new PutRecordRequest { PartitionKey = [|"template"|] };
                Func<PutRecordRequest> Factory => () => new PutRecordRequest { @PartitionKey = [|"lambda"|] };
                void Later(PutRecordRequest request) => request.ExplicitHashKey = [|"1"|];
            }
            """);
    }

    // ---- What it must not report ----

    [Fact]
    public async Task Constants_reaching_the_key_through_patterns_and_deconstruction_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Kinesis.Model;

            class Producer
            {
                const string Fixed = "fixed";

                PutRecordsRequestEntry FromPattern()
                {
                    object key = Fixed;
                    return key is string text ? new PutRecordsRequestEntry { PartitionKey = [|text|] } : null;
                }

                PutRecordsRequestEntry FromDeconstruction()
                {
                    var (key, count) = ("sensor", 1);
                    return new PutRecordsRequestEntry { PartitionKey = [|key|] };
                }
            }
            """);
    }

    [Fact]
    public async Task Keys_written_through_a_ref_alias_or_an_unseen_tuple_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordsRequestEntry ThroughAlias(string deviceId)
                {
                    string key = "fixed";
                    ref string alias = ref key;
                    alias = deviceId;
                    return new PutRecordsRequestEntry { PartitionKey = key };
                }

                PutRecordsRequestEntry FromTuple((string, int) pair)
                {
                    var (key, count) = pair;
                    return new PutRecordsRequestEntry { PartitionKey = key };
                }
            }
            """);
    }

    [Fact]
    public async Task Requests_only_described_to_a_mocking_library_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using Amazon.Kinesis;
                using Amazon.Kinesis.Model;
                using Moq;

                class ProducerTests
                {
                    void Verify(Mock<IAmazonKinesis> kinesis) =>
                        kinesis.Verify(k => k.PutRecordAsync(It.Is<PutRecordRequest>(r => r == new PutRecordRequest { PartitionKey = "expected" }), CancellationToken.None));
                }
                """,
        };
        test.TestState.Sources.Add(MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }

    [Fact]
    public async Task Varying_keys_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Amazon.Kinesis.Model;

            class Reading { public string DeviceId { get; set; } }

            class Producer
            {
                private readonly string _instanceKey;
                private static readonly string FromEnvironment = Environment.GetEnvironmentVariable("KEY");
                private static string Mutable = "m";
                private static readonly string SetInStaticConstructor = "x";
                static Producer() { SetInStaticConstructor = Environment.MachineName; }
                Producer(string key) => _instanceKey = key;

                IEnumerable<PutRecordsRequestEntry> Build(List<Reading> readings, string parameterKey)
                {
                    yield return new PutRecordsRequestEntry { PartitionKey = parameterKey };
                    yield return new PutRecordsRequestEntry { PartitionKey = Guid.NewGuid().ToString() };
                    yield return new PutRecordsRequestEntry { PartitionKey = _instanceKey };
                    yield return new PutRecordsRequestEntry { PartitionKey = FromEnvironment };
                    yield return new PutRecordsRequestEntry { PartitionKey = Mutable };
                    yield return new PutRecordsRequestEntry { PartitionKey = SetInStaticConstructor };
                    yield return new PutRecordsRequestEntry { PartitionKey = null };
                    foreach (var r in readings)
                    {
                        yield return new PutRecordsRequestEntry { PartitionKey = r.DeviceId };
                        yield return new PutRecordsRequestEntry { PartitionKey = $"{r.DeviceId}_{DateTime.UtcNow.Ticks % 1000}" };
                    }

                    foreach (var id in readings.Select(r => r.DeviceId))
                    {
                        yield return new PutRecordsRequestEntry { PartitionKey = id };
                    }

                    string key = "start";
                    foreach (var r in readings)
                    {
                        key = r.DeviceId;
                        yield return new PutRecordsRequestEntry { PartitionKey = key };
                    }

                    string twoValues = "a";
                    if (readings.Count > 1) twoValues = "b";
                    yield return new PutRecordsRequestEntry { PartitionKey = twoValues };

                    string appended = "a";
                    appended += parameterKey;
                    yield return new PutRecordsRequestEntry { PartitionKey = appended };

                    if (parameterKey is string matched)
                    {
                        yield return new PutRecordsRequestEntry { PartitionKey = matched };
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task The_names_outside_an_assigned_request_property_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Kinesis.Model;

            class Producer
            {
                // PartitionKey = "comment"
                const string Note = "PartitionKey = \"text\"";
                string PartitionKeyPrefix = "p";

                string Read(PutRecordRequest request)
                {
                    string PartitionKey = "local";
                    PartitionKey = "again";
                    string copy = request.PartitionKey;
                    return copy + PartitionKey + PartitionKeyPrefix + Note;
                }
            }
            """);
    }

    [Theory]
    [InlineData("string.Format(\"{0}-{1}\", Prefix, 7)", "\"sensor-7\"")]
    [InlineData("string.Concat(Prefix, \"-\", \"data\")", "\"sensor-data\"")]
    [InlineData("string.Join(\"-\", Prefix, \"a\", 'b')", "\"sensor-a-b\"")]
    [InlineData("string.Join('/', new[] { Prefix, \"x\" })", "\"sensor/x\"")]
    public async Task Keys_built_by_string_methods_from_constants_only_are_reported(string value, string shown)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using Amazon.Kinesis.Model;

            class Producer
            {
                const string Prefix = "sensor";

                PutRecordsRequestEntry Build() => new PutRecordsRequestEntry { PartitionKey = {|#0:{{value}}|} };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PartitionKey", shown));
    }

    [Theory]
    [InlineData("string.Format(\"{0}-{1}\", Prefix, deviceId)")]
    [InlineData("string.Concat(Prefix, deviceId)")]
    [InlineData("string.Join(\"-\", parts)")]
    [InlineData("string.Format(System.Globalization.CultureInfo.InvariantCulture, \"{0}\", Prefix)")]
    [InlineData("string.Format(\"{1}\", Prefix)")]
    public async Task Keys_built_by_string_methods_from_data_are_not_reported(string value)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using Amazon.Kinesis.Model;

            class Producer
            {
                const string Prefix = "sensor";

                PutRecordsRequestEntry Build(string deviceId, List<string> parts) => new PutRecordsRequestEntry { PartitionKey = {{value}} };
            }
            """);
    }

    [Fact]
    public async Task Keys_returned_by_a_static_method_or_block_bodied_property_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Kinesis.Model;

            static class Keys
            {
                public static string ForSensors() { return "sensor"; }

                public static string ForDevice(string deviceId)
                {
                    if (deviceId == null)
                    {
                        return "sensor";
                    }

                    return "sensor";
                }

                public static string Shared
                {
                    get
                    {
                        const string key = "shared";
                        return key;
                    }
                }
            }

            class Producer
            {
                PutRecordsRequestEntry A() => new PutRecordsRequestEntry { PartitionKey = {|#0:Keys.ForSensors()|} };
                PutRecordsRequestEntry B(string id) => new PutRecordsRequestEntry { PartitionKey = {|#1:Keys.ForDevice(id)|} };
                PutRecordsRequestEntry C() => new PutRecordsRequestEntry { PartitionKey = {|#2:Keys.Shared|} };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PartitionKey", "\"sensor\""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("PartitionKey", "\"sensor\""),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("PartitionKey", "\"shared\""));
    }

    [Fact]
    public async Task Keys_returned_by_methods_that_vary_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using Amazon.Kinesis.Model;

            static class Keys
            {
                public static string ForDevice(string deviceId)
                {
                    if (deviceId == null)
                    {
                        return "none";
                    }

                    return deviceId;
                }

                public static string Random() => Guid.NewGuid().ToString();

                public static string Recursive(int depth) => depth > 0 ? Recursive(depth - 1) : "k" + depth;

                public static string FromLambda()
                {
                    Func<string> make = () => "k";
                    return make();
                }

                private static string s_current = "k";
                public static string Current { get { return s_current; } }
            }

            class Producer
            {
                PutRecordsRequestEntry A(string id) => new PutRecordsRequestEntry { PartitionKey = Keys.ForDevice(id) };
                PutRecordsRequestEntry B() => new PutRecordsRequestEntry { PartitionKey = Keys.Random() };
                PutRecordsRequestEntry C() => new PutRecordsRequestEntry { PartitionKey = Keys.Recursive(3) };
                PutRecordsRequestEntry D() => new PutRecordsRequestEntry { PartitionKey = Keys.FromLambda() };
                PutRecordsRequestEntry E() => new PutRecordsRequestEntry { PartitionKey = Keys.Current };
                PutRecordsRequestEntry F() => new PutRecordsRequestEntry { PartitionKey = Environment.GetEnvironmentVariable("KEY") };
            }
            """);
    }

    [Fact]
    public async Task Keys_chosen_among_a_few_constants_are_reported_with_how_many()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Kinesis.Model;

            enum Priority { Low, Normal, High }

            class Producer
            {
                PutRecordsRequestEntry ByFlag(bool urgent) => new PutRecordsRequestEntry { PartitionKey = {|#0:urgent ? "urgent" : "normal"|} };

                PutRecordsRequestEntry BySwitch(Priority priority) => new PutRecordsRequestEntry
                {
                    PartitionKey = {|#1:priority switch { Priority.High => "high", Priority.Low => "low", _ => "normal" }|},
                };

                PutRecordsRequestEntry ByLocal(bool urgent)
                {
                    string key = urgent ? "normal" : "urgent";
                    return new PutRecordsRequestEntry { PartitionKey = {|#2:key|} };
                }

                PutRecordsRequestEntry SameBothWays(bool urgent) => new PutRecordsRequestEntry { PartitionKey = {|#3:urgent ? "k" : "k"|} };
            }
            """,
            VerifyCS.Diagnostic(AWS001ConstantPartitionKeyAnalyzer.FewKeysRule).WithLocation(0).WithArguments("PartitionKey", 2, "\"urgent\", \"normal\""),
            VerifyCS.Diagnostic(AWS001ConstantPartitionKeyAnalyzer.FewKeysRule).WithLocation(1).WithArguments("PartitionKey", 3, "\"high\", \"low\", \"normal\""),
            VerifyCS.Diagnostic(AWS001ConstantPartitionKeyAnalyzer.FewKeysRule).WithLocation(2).WithArguments("PartitionKey", 2, "\"normal\", \"urgent\""),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("PartitionKey", "\"k\""));
    }

    [Fact]
    public async Task Choices_with_a_varying_arm_or_many_constants_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordsRequestEntry WithData(bool urgent, string deviceId) =>
                    new PutRecordsRequestEntry { PartitionKey = urgent ? "urgent" : deviceId };

                PutRecordsRequestEntry Many(int shard) => new PutRecordsRequestEntry
                {
                    PartitionKey = shard switch
                    {
                        0 => "a", 1 => "b", 2 => "c", 3 => "d", 4 => "e", 5 => "f", 6 => "g", 7 => "h", _ => "i",
                    },
                };
            }
            """);
    }

    [Fact]
    public async Task Random_key_fix_replaces_a_choice_among_constants()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordsRequestEntry ByFlag(bool urgent) => new PutRecordsRequestEntry { PartitionKey = {|#0:urgent ? "urgent" : "normal"|} };
            }
            """, """
            using System;
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordsRequestEntry ByFlag(bool urgent) => new PutRecordsRequestEntry { PartitionKey = Guid.NewGuid().ToString() };
            }
            """,
            AWS001ConstantPartitionKeyCodeFix.RandomKeyEquivalenceKey,
            VerifyCS.Diagnostic(AWS001ConstantPartitionKeyAnalyzer.FewKeysRule).WithLocation(0).WithArguments("PartitionKey", 2, "\"urgent\", \"normal\""));
    }

    [Fact]
    public async Task Partition_key_properties_of_other_types_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Reading { public string PartitionKey { get; set; } public string ExplicitHashKey { get; set; } }

            namespace Amazon.Kinesis.Model.Mine
            {
                class PutRecordRequest { public string PartitionKey { get; set; } }
            }

            class Producer
            {
                object Build() => new Reading { PartitionKey = "pk", ExplicitHashKey = "h" };
                object Other() => new Amazon.Kinesis.Model.Mine.PutRecordRequest { PartitionKey = "pk" };
            }
            """);
    }

    [Fact]
    public async Task Generated_code_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build() => new PutRecordRequest { PartitionKey = "sensor" };
            }
            """);
    }

    [Fact]
    public async Task Incomplete_code_gives_no_diagnostic_and_no_crash()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Kinesis.Model;

                class Producer
                {
                    PutRecordRequest Missing() => new PutRecordRequest { PartitionKey = {|CS1525:}|};
                    PutRecordRequest Broken() => new PutRecordRequest { PartitionKey = {|CS0103:Undefined|} + "x" };
                    object Unresolved() => new {|CS0246:PutRecordRequestX|} { PartitionKey = "k" };
                    void Local() { string key; var r = new PutRecordRequest { PartitionKey = {|CS0165:key|} }; }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_kinesis_types_nothing_is_registered()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                class PutRecordRequest { public string PartitionKey { get; set; } }
                class Producer { object Build() => new PutRecordRequest { PartitionKey = "k" }; }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.FrameworkAndSdk);
        await test.RunAsync();
    }

    // ---- Fixes ----

    [Fact]
    public async Task Random_key_fix_keeps_comments_and_adds_using_system_only_when_needed()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            // File header stays on top.
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build() => new PutRecordRequest
                {
                    StreamName = "s",
                    PartitionKey = /* before */ [|"sensor"|] /* after */, // trailing
                    // next
                };
            }
            """, """
            // File header stays on top.
            using System;
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build() => new PutRecordRequest
                {
                    StreamName = "s",
                    PartitionKey = /* before */ Guid.NewGuid().ToString() /* after */, // trailing
                    // next
                };
            }
            """, AWS001ConstantPartitionKeyCodeFix.RandomKeyEquivalenceKey);
    }

    [Fact]
    public async Task Random_key_fix_all_in_document_adds_one_using()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using Amazon.Kinesis.Model;

            class Producer
            {
                const string Key = "k";

                IEnumerable<PutRecordsRequestEntry> Build()
                {
                    yield return new PutRecordsRequestEntry { PartitionKey = [|"a"|] };
                    yield return new PutRecordsRequestEntry { PartitionKey = [|Key|] };
                    var request = new PutRecordRequest();
                    request.PartitionKey = [|Key|];
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using Amazon.Kinesis.Model;

            class Producer
            {
                const string Key = "k";

                IEnumerable<PutRecordsRequestEntry> Build()
                {
                    yield return new PutRecordsRequestEntry { PartitionKey = Guid.NewGuid().ToString() };
                    yield return new PutRecordsRequestEntry { PartitionKey = Guid.NewGuid().ToString() };
                    var request = new PutRecordRequest();
                    request.PartitionKey = Guid.NewGuid().ToString();
                }
            }
            """, AWS001ConstantPartitionKeyCodeFix.RandomKeyEquivalenceKey);
    }

    [Fact]
    public async Task Random_key_fix_in_several_documents_with_system_already_imported()
    {
        var test = new VerifyCS.Test { CodeActionEquivalenceKey = AWS001ConstantPartitionKeyCodeFix.RandomKeyEquivalenceKey };
        test.TestState.Sources.Add("""
            using System;
            using Amazon.Kinesis.Model;
            class A { object Build() => new PutRecordRequest { PartitionKey = [|"a"|] }; }
            """);
        test.TestState.Sources.Add("""
            using Amazon.Kinesis.Model;
            namespace N;
            class Guid { }
            class B { object Build() => new PutRecordRequest { PartitionKey = [|"b"|] }; }
            """);
        test.FixedState.Sources.Add("""
            using System;
            using Amazon.Kinesis.Model;
            class A { object Build() => new PutRecordRequest { PartitionKey = Guid.NewGuid().ToString() }; }
            """);
        test.FixedState.Sources.Add("""
            using Amazon.Kinesis.Model;
            namespace N;
            class Guid { }
            class B { object Build() => new PutRecordRequest { PartitionKey = System.Guid.NewGuid().ToString() }; }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Random_key_fix_removes_a_local_left_unused_and_keeps_one_still_read()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build()
                {
                    // The shard key.
                    string key = "devices";
                    return new PutRecordRequest { PartitionKey = [|key|] };
                }

                PutRecordRequest Logged()
                {
                    string key = "devices";
                    Console.WriteLine(key);
                    return new PutRecordRequest { PartitionKey = [|key|] };
                }
            }
            """, """
            using System;
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build()
                {
                    // The shard key.
                    return new PutRecordRequest { PartitionKey = Guid.NewGuid().ToString() };
                }

                PutRecordRequest Logged()
                {
                    string key = "devices";
                    Console.WriteLine(key);
                    return new PutRecordRequest { PartitionKey = Guid.NewGuid().ToString() };
                }
            }
            """, AWS001ConstantPartitionKeyCodeFix.RandomKeyEquivalenceKey);
    }

    [Fact]
    public async Task Random_key_fix_removes_a_private_static_field_left_unused_and_keeps_constants_and_shared_fields()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private const string StreamName = "s";
                // Every heartbeat goes here.
                private static readonly string HeartbeatKey = "heartbeat";
                private static readonly string SharedKey = "shared";

                object Heartbeat() => new PutRecordRequest { StreamName = StreamName, PartitionKey = [|HeartbeatKey|] };
                object Shared() => new PutRecordRequest { PartitionKey = [|SharedKey|] };
                string Describe() => nameof(StreamName) + SharedKey;
            }
            """, """
            using System;
            using Amazon.Kinesis.Model;

            class Producer
            {
                private const string StreamName = "s";
                // Every heartbeat goes here.
                private static readonly string SharedKey = "shared";

                object Heartbeat() => new PutRecordRequest { StreamName = StreamName, PartitionKey = Guid.NewGuid().ToString() };
                object Shared() => new PutRecordRequest { PartitionKey = Guid.NewGuid().ToString() };
                string Describe() => nameof(StreamName) + SharedKey;
            }
            """, AWS001ConstantPartitionKeyCodeFix.RandomKeyEquivalenceKey);
    }

    [Fact]
    public async Task Static_readonly_key_in_another_file_is_reported_when_its_initializer_is_a_literal()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add("""
            static class StreamSettings
            {
                public static readonly string Key = "telemetry";
                public const string Prefix = "p";
                public static readonly string Composed = Prefix + "-x";
            }
            """);
        test.TestState.Sources.Add("""
            using Amazon.Kinesis.Model;
            class Producer
            {
                object A() => new PutRecordRequest { PartitionKey = [|StreamSettings.Key|] };
                // Binding another file's initializer is not cheap; this one is left alone.
                object B() => new PutRecordRequest { PartitionKey = StreamSettings.Composed };
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Explicit_hash_key_fix_removes_the_assignment()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build(string deviceId)
                {
                    var request = new PutRecordRequest
                    {
                        PartitionKey = deviceId,
                        // pinned shard
                        ExplicitHashKey = [|"0"|],
                    };
                    // keep me
                    request.ExplicitHashKey = [|"1"|];
                    return request;
                }
            }
            """, """
            using Amazon.Kinesis.Model;

            class Producer
            {
                PutRecordRequest Build(string deviceId)
                {
                    var request = new PutRecordRequest
                    {
                        PartitionKey = deviceId,
                        // pinned shard
                    };
                    // keep me
                    return request;
                }
            }
            """, AWS001ConstantPartitionKeyCodeFix.RemoveExplicitHashKeyEquivalenceKey);
    }

    [Fact]
    public async Task Per_record_fix_uses_the_loop_variable_member()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using Amazon.Kinesis.Model;

            class Reading { public string DeviceId { get; set; } public double Value { get; set; } }

            class Producer
            {
                List<PutRecordsRequestEntry> Build(List<Reading> readings)
                {
                    var entries = new List<PutRecordsRequestEntry>();
                    foreach (var reading in readings)
                    {
                        entries.Add(new PutRecordsRequestEntry { PartitionKey = [|"fixed"|] });
                    }

                    return entries;
                }
            }
            """, """
            using System.Collections.Generic;
            using Amazon.Kinesis.Model;

            class Reading { public string DeviceId { get; set; } public double Value { get; set; } }

            class Producer
            {
                List<PutRecordsRequestEntry> Build(List<Reading> readings)
                {
                    var entries = new List<PutRecordsRequestEntry>();
                    foreach (var reading in readings)
                    {
                        entries.Add(new PutRecordsRequestEntry { PartitionKey = reading.DeviceId });
                    }

                    return entries;
                }
            }
            """, AWS001ConstantPartitionKeyCodeFix.PerRecordKeyEquivalenceKey);
    }

    [Fact]
    public async Task Per_record_fix_spreads_by_timestamp_in_a_lambda()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Amazon.Kinesis.Model;

            class Reading { public string SensorId { get; set; } public DateTimeOffset Timestamp { get; set; } }

            class Producer
            {
                List<PutRecordsRequestEntry> Build(IEnumerable<Reading> readings) =>
                    readings.Select(r => new PutRecordsRequestEntry { PartitionKey = [|"sensors"|] }).ToList();
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Amazon.Kinesis.Model;

            class Reading { public string SensorId { get; set; } public DateTimeOffset Timestamp { get; set; } }

            class Producer
            {
                List<PutRecordsRequestEntry> Build(IEnumerable<Reading> readings) =>
                    readings.Select(r => new PutRecordsRequestEntry { PartitionKey = $"{r.SensorId}_{r.Timestamp.ToUnixTimeMilliseconds() % 1000}" }).ToList();
            }
            """, AWS001ConstantPartitionKeyCodeFix.PerRecordKeyEquivalenceKey);
    }

    [Fact]
    public async Task Per_record_fix_is_not_offered_without_an_identifying_member()
    {
        const string source = """
                using System.Collections.Generic;
                using System.Linq;
                using Amazon.Kinesis.Model;

                class Producer
                {
                    List<PutRecordsRequestEntry> Build(IEnumerable<string> lines) =>
                        lines.Select(line => new PutRecordsRequestEntry { PartitionKey = [|"lines"|] }).ToList();
                }
                """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AWS001ConstantPartitionKeyCodeFix.PerRecordKeyEquivalenceKey,
        };
        await test.RunAsync();
    }

    // ---- The key that names the record's source, offered first ----

    private const string Reading = "class Reading { public string EventId { get; set; } public string DeviceId { get; set; } public double Temperature { get; set; } }";

    [Fact]
    public async Task The_first_fix_keys_by_the_source_id_of_the_record_serialized_into_data()
    {
        // CodeActionIndex 0 is what dotnet format applies: the source's key keeps each device's readings in order.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.IO;
                using System.Text.Json;
                using Amazon.Kinesis.Model;

                """ + Reading + """

                class Producer
                {
                    PutRecordRequest Build(Reading reading) => new PutRecordRequest
                    {
                        StreamName = "readings",
                        PartitionKey = [|"sensors"|], // one shard
                        Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(reading)),
                    };
                }
                """,
            FixedCode = """
                using System.IO;
                using System.Text.Json;
                using Amazon.Kinesis.Model;

                """ + Reading + """

                class Producer
                {
                    PutRecordRequest Build(Reading reading) => new PutRecordRequest
                    {
                        StreamName = "readings",
                        PartitionKey = reading.DeviceId, // one shard
                        Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(reading)),
                    };
                }
                """,
            CodeActionIndex = 0,
            CodeActionEquivalenceKey = AWS001ConstantPartitionKeyCodeFix.SourceKeyEquivalenceKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task The_source_fix_reads_data_set_by_a_statement_and_an_integer_id()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Text;
            using Newtonsoft.Json;
            using Amazon.Kinesis.Model;

            class Order { public int OrderId { get; set; } public decimal Total { get; set; } }

            static class JsonConvert { public static string SerializeObject(object value) => value.ToString(); }

            class Producer
            {
                PutRecordRequest Build(Order order)
                {
                    var request = new PutRecordRequest { StreamName = "orders" };
                    request.Data = new MemoryStream(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(order)));
                    request.PartitionKey = [|"orders"|];
                    return request;
                }
            }
            """.Replace("using Newtonsoft.Json;\n", string.Empty), """
            using System.IO;
            using System.Text;
            using Amazon.Kinesis.Model;

            class Order { public int OrderId { get; set; } public decimal Total { get; set; } }

            static class JsonConvert { public static string SerializeObject(object value) => value.ToString(); }

            class Producer
            {
                PutRecordRequest Build(Order order)
                {
                    var request = new PutRecordRequest { StreamName = "orders" };
                    request.Data = new MemoryStream(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(order)));
                    request.PartitionKey = order.OrderId.ToString();
                    return request;
                }
            }
            """, AWS001ConstantPartitionKeyCodeFix.SourceKeyEquivalenceKey);
    }

    [Theory]
    [InlineData("class Reading { public string EventId { get; set; } public string Id { get; set; } public double Temperature { get; set; } }", "JsonSerializer.SerializeToUtf8Bytes(reading)")]
    [InlineData(Reading, "JsonSerializer.SerializeToUtf8Bytes(new { reading.DeviceId })")]
    [InlineData(Reading, "new byte[0]")]
    [InlineData("class Reading { public System.DateTime DeviceId { get; set; } }", "JsonSerializer.SerializeToUtf8Bytes(reading)")]
    public async Task Without_a_source_id_of_the_serialized_record_the_random_key_comes_first(string type, string data)
    {
        string source = """
            using System.IO;
            using System.Text.Json;
            using Amazon.Kinesis.Model;

            """ + type + """

            class Producer
            {
                PutRecordRequest Build(Reading reading) => new PutRecordRequest
                {
                    PartitionKey = [|"sensors"|],
                    Data = new MemoryStream(
            """ + data + """
            ),
                };
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source.Replace("[|\"sensors\"|]", "Guid.NewGuid().ToString()").Replace("using System.IO;", "using System;\nusing System.IO;"),
            CodeActionIndex = 0,
            CodeActionEquivalenceKey = AWS001ConstantPartitionKeyCodeFix.RandomKeyEquivalenceKey,
        };
        await test.RunAsync();
    }
}
