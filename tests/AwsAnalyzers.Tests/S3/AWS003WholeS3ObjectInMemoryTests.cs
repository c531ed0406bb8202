using System.Threading.Tasks;
using AwsAnalyzers.S3;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.S3.AWS003WholeS3ObjectInMemoryAnalyzer,
    AwsAnalyzers.S3.AWS003WholeS3ObjectInMemoryCodeFix>;

namespace AwsAnalyzers.Tests.S3;

public class AWS003WholeS3ObjectInMemoryTests
{
    // ---- What it reports: sources ----

    [Fact]
    public async Task Read_to_end_of_a_reader_over_the_response_stream_is_reported_with_the_method_name()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reports
            {
                private readonly IAmazonS3 _s3;
                Reports(IAmazonS3 s3) => _s3 = s3;

                async Task<string> LoadAsync(string key)
                {
                    using var response = await _s3.GetObjectAsync("reports", key);
                    using var reader = new StreamReader(response.ResponseStream);
                    return await {|#0:reader.ReadToEndAsync()|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ReadToEndAsync"));
    }

    [Fact]
    public async Task Concrete_client_sync_read_and_inline_reader_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reports
            {
                async Task<string> LoadAsync(AmazonS3Client s3, CancellationToken ct)
                {
                    var request = new GetObjectRequest { BucketName = "b", Key = "k" };
                    GetObjectResponse response = await s3.GetObjectAsync(request, ct).ConfigureAwait(false);
                    return [|new StreamReader(response.ResponseStream).ReadToEnd()|];
                }

                string FromParameter(GetObjectResponse response) => [|new StreamReader(response.ResponseStream).ReadToEnd()|];
            }
            """);
    }

    [Fact]
    public async Task Aliases_through_locals_readers_base_stream_and_decompression_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.IO.Compression;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reports
            {
                async Task<string> LoadAsync(IAmazonS3 s3, CancellationToken ct)
                {
                    using var response = await s3.GetObjectAsync("b", "k", ct);
                    var body = response.ResponseStream;
                    Stream stream = null;
                    stream = body;
                    using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    TextReader text = reader;
                    return await [|text.ReadToEndAsync(ct)|];
                }

                async Task<string> GzipAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k.gz");
                    await using var gzip = new GZipStream(response.ResponseStream, CompressionMode.Decompress);
                    using var reader = new StreamReader(gzip);
                    return [|reader.ReadToEnd()|];
                }

                async Task<byte[]> BaseStreamAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var reader = new BinaryReader(response.ResponseStream);
                    using var copy = new MemoryStream();
                    [|reader.BaseStream.CopyTo(copy)|];
                    return copy.ToArray();
                }
            }
            """);
    }

    [Fact]
    public async Task Bodies_bound_to_pattern_variables_switch_designations_and_deconstructions_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reports
            {
                async Task<string> FromPatternAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("reports", "k");
                    if (response.ResponseStream is not { CanRead: true } body)
                    {
                        return null;
                    }

                    return [|new StreamReader(body).ReadToEnd()|];
                }

                string FromSwitch(GetObjectResponse response)
                {
                    switch (response.ResponseStream)
                    {
                        case Stream body:
                            return [|new StreamReader(body).ReadToEnd()|];
                        default:
                            return null;
                    }
                }

                string FromDeconstruction(GetObjectResponse response)
                {
                    var (body, key) = (response.ResponseStream, response.Key);
                    return [|new StreamReader(body).ReadToEnd()|];
                }
            }
            """);
    }

    [Fact]
    public async Task Reads_only_described_to_a_mocking_library_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using Amazon.S3.Model;
                using NSubstitute;

                class ReaderTests
                {
                    void Arrange(TextReader reader, GetObjectResponse response)
                    {
                        var bodyReader = new StreamReader(response.ResponseStream);
                        bodyReader.ReadToEnd().Returns("text");
                    }
                }
                """,
        };
        test.TestState.Sources.Add(AwsAnalyzers.Tests.Infrastructure.MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }

    [Fact]
    public async Task Get_object_stream_and_transfer_utility_streams_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Transfer;

            class Reports
            {
                async Task<string> CoreAsync(IAmazonS3 s3)
                {
                    using var stream = await s3.GetObjectStreamAsync("b", "k", null);
                    using var reader = new StreamReader(stream);
                    return await [|reader.ReadToEndAsync()|];
                }

                async Task<byte[]> TransferAsync(ITransferUtility transfer)
                {
                    await using var stream = await transfer.OpenStreamAsync("b", "k");
                    using var memory = new MemoryStream();
                    await [|stream.CopyToAsync(memory)|];
                    return memory.ToArray();
                }

                string TransferSync(TransferUtility transfer)
                {
                    using var reader = new StreamReader(transfer.OpenStream("b", "k"));
                    return [|reader.ReadToEnd()|];
                }

                string TransferWithResponse(TransferUtility transfer)
                {
                    using var response = transfer.OpenStreamWithResponse("b", "k");
                    using var reader = new StreamReader(response.ResponseStream);
                    return [|reader.ReadToEnd()|];
                }
            }
            """);
    }

    // ---- What it reports: sinks ----

    [Fact]
    public async Task Copy_into_a_memory_stream_is_reported_in_every_declaration_shape()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reports
            {
                async Task<byte[]> AsyncCopy(IAmazonS3 s3, CancellationToken ct)
                {
                    using var response = await s3.GetObjectAsync("b", "k", ct);
                    using var memory = new MemoryStream();
                    await [|response.ResponseStream.CopyToAsync(memory, ct)|];
                    return memory.ToArray();
                }

                async Task<byte[]> SyncCopyIntoStreamTypedLocal(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    Stream memory = new MemoryStream(capacity: 1024);
                    [|response.ResponseStream.CopyTo(memory)|];
                    return ((MemoryStream)memory).ToArray();
                }

                async Task IntoCallerBuffer(IAmazonS3 s3, MemoryStream destination)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    await [|response.ResponseStream.CopyToAsync(destination)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Reads_sized_from_the_body_length_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Buffers;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reports
            {
                async Task<byte[]> ReadBytes(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var reader = new BinaryReader(response.ResponseStream);
                    return [|reader.ReadBytes((int)response.ContentLength)|];
                }

                async Task<byte[]> SingleRead(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    var buffer = new byte[response.ContentLength];
                    await [|response.ResponseStream.ReadAsync(buffer, 0, buffer.Length)|];
                    return buffer;
                }

                async Task<byte[]> ExactRead(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    var stream = response.ResponseStream;
                    int length = (int)response.Headers.ContentLength;
                    byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
                    await [|stream.ReadExactlyAsync(buffer.AsMemory(0, length))|];
                    return buffer;
                }

                async Task<byte[]> Everything(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var reader = new BinaryReader(response.ResponseStream);
                    return [|reader.ReadBytes(int.MaxValue)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Project_helper_that_reads_its_stream_whole_is_reported_at_the_call_site()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            static class StreamText
            {
                public static async Task<string> ReadAllTextAsync(this Stream stream)
                {
                    using var reader = new StreamReader(stream);
                    return await reader.ReadToEndAsync();
                }
            }

            class Reports
            {
                async Task<string> LoadAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    return await {|#0:response.ResponseStream.ReadAllTextAsync()|};
                }

                async Task<string> LocalFunctionAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    return {|#2:ReadAll(response.ResponseStream)|};

                    static string ReadAll(Stream body)
                    {
                        var copy = new MemoryStream();
                        body.CopyTo(copy);
                        return System.Text.Encoding.UTF8.GetString(copy.ToArray());
                    }
                }

                async Task<byte[]> CopyAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var reader = new StreamReader(response.ResponseStream);
                    string header = await reader.ReadLineAsync();
                    return {|#1:Buffer(header, reader)|};
                }

                static byte[] Buffer(string header, TextReader text)
                {
                    var bytes = System.Text.Encoding.UTF8.GetBytes(text.ReadToEnd());
                    return bytes;
                }

                // Reads its own stream whole, not the caller's: the parameter is replaced first.
                static string Preview(Stream stream)
                {
                    var head = new byte[256];
                    int read = stream.Read(head, 0, head.Length);
                    stream = new MemoryStream(head, 0, read);
                    return new StreamReader(stream).ReadToEnd();
                }

                async Task<string> PreviewAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    return Preview(response.ResponseStream);
                }

                // The helper itself reads a stream it is given: nothing to report there without an S3 caller.
                async Task<string> LocalFile(string path)
                {
                    await using var file = File.OpenRead(path);
                    return await file.ReadAllTextAsync();
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ReadAllTextAsync"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("Buffer"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("ReadAll"));
    }

    [Fact]
    public async Task Project_helpers_in_other_files_and_overrides_reached_through_an_abstract_call_are_followed()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Reports.cs", """
                    using System.IO;
                    using System.Threading.Tasks;
                    using Amazon.S3;

                    class Reports
                    {
                        async Task<string> LoadAsync(IAmazonS3 s3, BodyReader reader, BodyReader peek)
                        {
                            using var response = await s3.GetObjectAsync("b", "k");
                            string all = {|#0:StreamText.ReadAll(response.ResponseStream)|};
                            string whole = {|#1:reader.Read(response.ResponseStream)|};
                            return all + whole + peek.Peek(response.ResponseStream);
                        }
                    }
                    """),
                    ("StreamText.cs", """
                    using System.IO;

                    static class StreamText
                    {
                        public static string ReadAll(Stream stream) => new StreamReader(stream).ReadToEnd();
                    }

                    abstract class BodyReader
                    {
                        public abstract string Read(Stream stream);

                        public virtual string Peek(Stream stream) => new StreamReader(stream).ReadToEnd();
                    }

                    sealed class TextBodyReader : BodyReader
                    {
                        public override string Read(Stream stream) => new StreamReader(stream).ReadToEnd();

                        // One override reads a line only: a call through the base may not read the whole body.
                        public override string Peek(Stream stream) => new StreamReader(stream).ReadLine();
                    }
                    """),
                },
            },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithArguments("ReadAll"),
                VerifyCS.Diagnostic().WithLocation(1).WithArguments("Read"),
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task A_body_returned_by_a_project_helper_and_read_whole_by_its_caller_is_reported_at_the_read()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reports
            {
                private readonly IAmazonS3 _s3;
                Reports(IAmazonS3 s3) => _s3 = s3;

                async Task<Stream> OpenAsync(string key)
                {
                    var response = await _s3.GetObjectAsync("b", key);
                    return response.ResponseStream;
                }

                async Task<Stream> OpenRangeAsync(string key)
                {
                    var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = "b", Key = key, ByteRange = new ByteRange(0, 1023) });
                    return response.ResponseStream;
                }

                async Task<Stream> OpenEitherAsync(string key, bool local)
                {
                    if (local)
                    {
                        return File.OpenRead(key);
                    }

                    var response = await _s3.GetObjectAsync("b", key);
                    return response.ResponseStream;
                }

                async Task<string> LoadAsync(string key)
                {
                    using var reader = new StreamReader(await OpenAsync(key));
                    return await {|#0:reader.ReadToEndAsync()|};
                }

                async Task<string> LoadRangeAsync(string key)
                {
                    using var reader = new StreamReader(await OpenRangeAsync(key));
                    return await reader.ReadToEndAsync();
                }

                async Task<string> LoadEitherAsync(string key)
                {
                    using var reader = new StreamReader(await OpenEitherAsync(key, false));
                    return await reader.ReadToEndAsync();
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ReadToEndAsync"));
    }

    [Fact]
    public async Task A_body_reached_through_helpers_of_other_types_is_reported_where_neither_the_sdk_nor_a_read_is_written()
    {
        // Jobs writes no SDK name and no read: the body comes through two helpers and an interface, and is read whole by
        // a helper in a third file.
        await VerifyCS.VerifyAnalyzerAsync(
            new[]
            {
                ("Jobs.cs", """
                    using System.IO;
                    using System.Threading.Tasks;

                    class Jobs
                    {
                        async Task<string> RunAsync(IBodies bodies, Local local)
                        {
                            string all = {|#0:Texts.All(await bodies.FetchAsync("k"))|};
                            using var reader = new StreamReader(await bodies.FetchAsync("k"));
                            string rest = await {|#1:reader.ReadToEndAsync()|};
                            return all + rest + Texts.All(local.Fetch());
                        }
                    }
                    """),
                ("Bodies.cs", """
                    using System.IO;
                    using System.Threading.Tasks;
                    using Amazon.S3;

                    interface IBodies { Task<Stream> FetchAsync(string key); }

                    sealed class S3Bodies : IBodies
                    {
                        private readonly IAmazonS3 _s3;
                        public S3Bodies(IAmazonS3 s3) => _s3 = s3;

                        public Task<Stream> FetchAsync(string key) => OpenAsync(key);

                        private async Task<Stream> OpenAsync(string key) => (await _s3.GetObjectAsync("b", key)).ResponseStream;
                    }

                    sealed class Local { public Stream Fetch() => File.OpenRead("k"); }
                    """),
                ("Texts.cs", """
                    using System.IO;

                    static class Texts
                    {
                        public static string All(Stream stream) => new StreamReader(stream).ReadToEnd();
                    }
                    """),
            },
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("All"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("ReadToEndAsync"));
    }

    // ---- What it must not report ----

    [Fact]
    public async Task Chunked_reads_that_keep_every_chunk_in_memory_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reports
            {
                async Task<byte[]> IntoMemoryStreamAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    var buffer = new byte[8192];
                    using var memory = new MemoryStream();
                    int read;
                    while ((read = await [|response.ResponseStream.ReadAsync(buffer, 0, buffer.Length)|]) > 0)
                    {
                        memory.Write(buffer, 0, read);
                    }

                    return memory.ToArray();
                }

                List<byte> IntoList(GetObjectResponse response)
                {
                    var bytes = new List<byte>();
                    var buffer = new byte[4096];
                    int read;
                    do
                    {
                        read = [|response.ResponseStream.Read(buffer, 0, buffer.Length)|];
                        bytes.AddRange(buffer.Take(read));
                    }
                    while (read > 0);

                    return bytes;
                }

                byte[] IntoGrowingArray(GetObjectResponse response)
                {
                    byte[] all = new byte[0];
                    var buffer = new byte[4096];
                    for (int read; (read = [|response.ResponseStream.Read(buffer, 0, buffer.Length)|]) > 0;)
                    {
                        int offset = all.Length;
                        Array.Resize(ref all, offset + read);
                        Buffer.BlockCopy(buffer, 0, all, offset, read);
                    }

                    return all;
                }
            }
            """);
    }

    [Fact]
    public async Task Chunked_reads_that_hand_each_chunk_on_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Security.Cryptography;
            using Amazon.S3.Model;

            class Reports
            {
                void ToFile(GetObjectResponse response, FileStream file)
                {
                    var buffer = new byte[8192];
                    int read;
                    while ((read = response.ResponseStream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        file.Write(buffer, 0, read);
                    }
                }

                void ChunkAtATime(GetObjectResponse response, List<byte[]> sent)
                {
                    var buffer = new byte[8192];
                    using var chunk = new MemoryStream();
                    int read;
                    while ((read = response.ResponseStream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        chunk.SetLength(0);
                        chunk.Write(buffer, 0, read);
                        sent.Add(chunk.ToArray());
                    }
                }

                void FreshPerPass(GetObjectResponse response)
                {
                    var buffer = new byte[8192];
                    int read;
                    while ((read = response.ResponseStream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        var part = new MemoryStream();
                        part.Write(buffer, 0, read);
                    }
                }

                byte[] Hash(GetObjectResponse response)
                {
                    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[8192];
                    int read;
                    while ((read = response.ResponseStream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        sha.AppendData(buffer, 0, read);
                    }

                    return sha.GetHashAndReset();
                }
            }
            """);
    }

    [Fact]
    public async Task Line_by_line_and_chunked_reads_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reports
            {
                async Task<int> CountLinesAsync(IAmazonS3 s3, CancellationToken ct)
                {
                    using var response = await s3.GetObjectAsync("b", "k", ct);
                    using var reader = new StreamReader(response.ResponseStream);
                    int count = 0;
                    while (await reader.ReadLineAsync(ct) is { } line)
                    {
                        count += line.Length;
                    }

                    return count;
                }

                async Task<long> ChecksumAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    var buffer = new byte[81920];
                    long total = 0;
                    int read;
                    while ((read = await response.ResponseStream.ReadAsync(buffer, 0, buffer.Length)) > 0)
                    {
                        total += read;
                    }

                    return total;
                }

                async Task<byte[]> HeaderAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var reader = new BinaryReader(response.ResponseStream);
                    return reader.ReadBytes(16);
                }
            }
            """);
    }

    [Fact]
    public async Task Deserializing_copying_to_files_and_passing_the_stream_on_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Newtonsoft.Json;

            class Report { public string Name { get; set; } }

            class Reports
            {
                async Task<Report> DeserializeAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    return await System.Text.Json.JsonSerializer.DeserializeAsync<Report>(response.ResponseStream);
                }

                async Task<Report> NewtonsoftAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var reader = new StreamReader(response.ResponseStream);
                    using var json = new JsonTextReader(reader);
                    return Newtonsoft.Json.JsonSerializer.CreateDefault().Deserialize<Report>(json);
                }

                async Task ToFileAsync(IAmazonS3 s3, string path, Stream httpResponseBody)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    await using (var file = File.Create(path))
                    {
                        await response.ResponseStream.CopyToAsync(file);
                    }

                    await response.ResponseStream.CopyToAsync(httpResponseBody);
                    await response.WriteResponseStreamToFileAsync(path, false, default);
                }

                async Task<Stream> PassOnAsync(IAmazonS3 s3)
                {
                    var response = await s3.GetObjectAsync("b", "k");
                    Consume(response.ResponseStream);
                    return response.ResponseStream;
                }

                static void Consume(Stream stream)
                {
                    using var reader = new StreamReader(stream);
                    while (reader.ReadLine() is { } line) { }
                }
            }
            """);
    }

    [Fact]
    public async Task Streams_that_are_not_s3_bodies_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Amazon.S3;

            class ResponseLike { public Stream ResponseStream { get; set; } }

            class Reports
            {
                string FromFile(string path)
                {
                    using var reader = new StreamReader(File.OpenRead(path));
                    return reader.ReadToEnd();
                }

                string FromRecord(MemoryStream data)
                {
                    using var reader = new StreamReader(data);
                    return reader.ReadToEnd();
                }

                string FromParameter(Stream stream) => new StreamReader(stream).ReadToEnd();

                string FromOtherType(ResponseLike response) => new StreamReader(response.ResponseStream).ReadToEnd();

                async Task<byte[]> OutputOnlyAsync(object report, string path)
                {
                    using var output = new MemoryStream();
                    await JsonSerializer.SerializeAsync(output, report);
                    await using var file = File.OpenRead(path);
                    await file.CopyToAsync(output);
                    return output.ToArray();
                }

                async Task<string> EitherAsync(IAmazonS3 s3, bool local, string path)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    Stream source = local ? File.OpenRead(path) : response.ResponseStream;
                    using var reader = new StreamReader(source);
                    return await reader.ReadToEndAsync();
                }

                async Task FixedBufferAsync(IAmazonS3 s3, byte[] chunk)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var window = new MemoryStream(chunk);
                    await response.ResponseStream.CopyToAsync(window);
                }
            }
            """);
    }

    [Fact]
    public async Task Ranged_reads_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reports
            {
                async Task<string> HeaderAsync(IAmazonS3 s3)
                {
                    var request = new GetObjectRequest { BucketName = "b", Key = "k", ByteRange = new ByteRange(0, 1023) };
                    using var response = await s3.GetObjectAsync(request);
                    using var reader = new StreamReader(response.ResponseStream);
                    return await reader.ReadToEndAsync();
                }

                async Task<byte[]> TailAsync(IAmazonS3 s3, long size)
                {
                    var request = new GetObjectRequest { BucketName = "b", Key = "k" };
                    request.ByteRange = new ByteRange(size - 4096, size - 1);
                    using var response = await s3.GetObjectAsync(request).ConfigureAwait(false);
                    using var memory = new MemoryStream();
                    await response.ResponseStream.CopyToAsync(memory);
                    return memory.ToArray();
                }

                async Task<string> InlineAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "b", Key = "k", ByteRange = new ByteRange("bytes=0-99") });
                    return new StreamReader(response.ResponseStream).ReadToEnd();
                }
            }
            """);
    }

    [Fact]
    public async Task Reads_after_a_size_check_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reports
            {
                const long MaxConfigSize = 64 * 1024;

                async Task<string> ConfigAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "config.json");
                    if (response.ContentLength > MaxConfigSize)
                    {
                        throw new InvalidOperationException("config too large");
                    }

                    using var reader = new StreamReader(response.ResponseStream);
                    return await reader.ReadToEndAsync();
                }

                string Small(GetObjectResponse response) =>
                    response.Headers.ContentLength is <= MaxConfigSize
                        ? new StreamReader(response.ResponseStream).ReadToEnd()
                        : null;
            }
            """);
    }

    [Fact]
    public async Task A_bounded_metadata_check_of_the_same_object_before_the_read_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reports
            {
                const long MaxSize = 1024 * 1024;

                async Task<string> HeadFirstAsync(IAmazonS3 s3, string bucket, string key)
                {
                    var metadata = await s3.GetObjectMetadataAsync(bucket, key);
                    if (metadata.ContentLength > MaxSize)
                    {
                        throw new InvalidOperationException("too large");
                    }

                    using var response = await s3.GetObjectAsync(bucket, key);
                    using var reader = new StreamReader(response.ResponseStream);
                    return await reader.ReadToEndAsync();
                }

                async Task<string> WithRequestsAsync(IAmazonS3 s3)
                {
                    var metadata = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = "reports", Key = "daily.csv" }).ConfigureAwait(false);
                    if (metadata.Headers.ContentLength is > MaxSize)
                    {
                        return null;
                    }

                    var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "reports", Key = "daily.csv" });
                    return new StreamReader(response.ResponseStream).ReadToEnd();
                }
            }
            """);
    }

    [Fact]
    public async Task A_metadata_check_of_another_object_after_the_read_or_unbounded_is_still_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reports
            {
                const long MaxSize = 1024 * 1024;

                async Task<string> OtherKeyAsync(IAmazonS3 s3, string bucket, string key, string otherKey)
                {
                    var metadata = await s3.GetObjectMetadataAsync(bucket, otherKey);
                    if (metadata.ContentLength > MaxSize)
                    {
                        return null;
                    }

                    var response = await s3.GetObjectAsync(bucket, key);
                    return [|new StreamReader(response.ResponseStream).ReadToEnd()|];
                }

                async Task<string> NotEmptyOnlyAsync(IAmazonS3 s3, string bucket, string key)
                {
                    var metadata = await s3.GetObjectMetadataAsync(bucket, key);
                    if (metadata.ContentLength > 0)
                    {
                        var response = await s3.GetObjectAsync(bucket, key);
                        return [|new StreamReader(response.ResponseStream).ReadToEnd()|];
                    }

                    return null;
                }

                async Task<string> AfterTheReadAsync(IAmazonS3 s3, string bucket, string key)
                {
                    var response = await s3.GetObjectAsync(bucket, key);
                    string text = [|new StreamReader(response.ResponseStream).ReadToEnd()|];
                    var metadata = await s3.GetObjectMetadataAsync(bucket, key);
                    return metadata.ContentLength > MaxSize ? null : text;
                }
            }
            """);
    }

    [Fact]
    public async Task Checks_that_only_tell_an_empty_body_bound_nothing_and_are_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using Amazon.S3.Model;

            class Reports
            {
                string NotEmpty(GetObjectResponse response) =>
                    response.ContentLength > 0 ? [|new StreamReader(response.ResponseStream).ReadToEnd()|] : null;

                string NotEmptyPattern(GetObjectResponse response) =>
                    response.Headers.ContentLength is > 0 ? [|new StreamReader(response.ResponseStream).ReadToEnd()|] : null;

                string Flipped(GetObjectResponse response) =>
                    0 < response.ContentLength ? [|new StreamReader(response.ResponseStream).ReadToEnd()|] : null;

                string NotZero(GetObjectResponse response) =>
                    response.ContentLength != 0 ? [|new StreamReader(response.ResponseStream).ReadToEnd()|] : null;

                string Bounded(GetObjectResponse response) =>
                    response.ContentLength is > 0 and < 4096 ? new StreamReader(response.ResponseStream).ReadToEnd() : null;
            }
            """);
    }

    [Fact]
    public async Task A_request_with_byte_range_cleared_is_still_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Reports
            {
                async Task<string> LoadAsync(IAmazonS3 s3)
                {
                    var request = new GetObjectRequest { BucketName = "b", Key = "k", ByteRange = null };
                    using var response = await s3.GetObjectAsync(request);
                    return [|new StreamReader(response.ResponseStream).ReadToEnd()|];
                }
            }
            """);
    }

    [Fact]
    public async Task Generated_code_is_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.IO;
            using Amazon.S3.Model;

            class Reports
            {
                string Load(GetObjectResponse response) => new StreamReader(response.ResponseStream).ReadToEnd();
            }
            """);
    }

    [Fact]
    public async Task Incomplete_code_gives_no_diagnostic_and_no_crash()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Reports
                {
                    string MissingArgument() => new {|CS1729:StreamReader|}().ReadToEnd();
                    string Unresolved(GetObjectResponse response) => new StreamReader(response.{|CS1061:Body|}).ReadToEnd();
                    void UnresolvedDestination(GetObjectResponse response) => response.ResponseStream.CopyTo({|CS0103:MemoryStreamX|}.Create());
                    byte[] UnknownLength(GetObjectResponse response) => new BinaryReader(response.ResponseStream).ReadBytes({|CS0103:size|});
                    string Helper(GetObjectResponse response) => {|CS0103:ReadAll|}(response.ResponseStream);
                    static extern string NoBody(Stream stream);
                    string Call(GetObjectResponse response) => NoBody(response.ResponseStream);
                    void Recursive(Stream stream) => Recursive(stream);
                    void CallRecursive(GetObjectResponse response) => Recursive(response.ResponseStream);
                    string Unassigned() { Stream s; return new StreamReader({|CS0165:s|}).ReadToEnd(); }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_s3_types_nothing_is_registered()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.IO;
                class GetObjectResponse { public Stream ResponseStream { get; set; } }
                class Reports { string Load(GetObjectResponse r) => new StreamReader(r.ResponseStream).ReadToEnd(); }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(
            System.Linq.Enumerable.Where(
                Infrastructure.TestReferences.FrameworkAndSdk,
                r => r.Display?.Contains("AWSSDK", System.StringComparison.OrdinalIgnoreCase) != true));
        await test.RunAsync();
    }

    // ---- Fix 1: whole text split into lines -> ReadLine loop ----

    [Fact]
    public async Task Read_lines_fix_keeps_await_token_loop_body_and_comments()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Importer
            {
                async Task<int> ImportAsync(IAmazonS3 s3, CancellationToken ct)
                {
                    using var response = await s3.GetObjectAsync("b", "k", ct);
                    using var reader = new StreamReader(response.ResponseStream);
                    // Whole file.
                    var content = await [|reader.ReadToEndAsync(ct)|];
                    var lines = content.Split('\n');
                    int count = 0;
                    // Every line.
                    foreach (var line in lines)
                    {
                        count += line.Length; // trailing
                    }

                    return count;
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Importer
            {
                async Task<int> ImportAsync(IAmazonS3 s3, CancellationToken ct)
                {
                    using var response = await s3.GetObjectAsync("b", "k", ct);
                    using var reader = new StreamReader(response.ResponseStream);
                    // Whole file.
                    int count = 0;
                    // Every line.
                    while (await reader.ReadLineAsync(ct) is { } line)
                    {
                        count += line.Length; // trailing
                    }

                    return count;
                }
            }
            """, AWS003WholeS3ObjectInMemoryCodeFix.ReadLinesEquivalenceKey);
    }

    [Fact]
    public async Task Read_lines_fix_all_handles_sync_reads_configure_await_and_separator_arrays()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Importer
            {
                List<string> Sync(GetObjectResponse response)
                {
                    var result = new List<string>();
                    using (var reader = new StreamReader(response.ResponseStream))
                    {
                        string text = [|reader.ReadToEnd()|];
                        foreach (string row in text.Split(new[] { "\r\n", "\n" }, StringSplitOptions.None))
                            result.Add(row);
                    }

                    return result;
                }

                async Task<int> LibraryAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k").ConfigureAwait(false);
                    using var reader = new StreamReader(response.ResponseStream);
                    var text = await [|reader.ReadToEndAsync()|].ConfigureAwait(false);
                    int total = 0;
                    foreach (var line in text.Split(Environment.NewLine))
                    {
                        total++;
                    }

                    return total;
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Importer
            {
                List<string> Sync(GetObjectResponse response)
                {
                    var result = new List<string>();
                    using (var reader = new StreamReader(response.ResponseStream))
                    {
                        while (reader.ReadLine() is { } row)
                            result.Add(row);
                    }

                    return result;
                }

                async Task<int> LibraryAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k").ConfigureAwait(false);
                    using var reader = new StreamReader(response.ResponseStream);
                    int total = 0;
                    while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
                    {
                        total++;
                    }

                    return total;
                }
            }
            """, AWS003WholeS3ObjectInMemoryCodeFix.ReadLinesEquivalenceKey);
    }

    [Fact]
    public async Task Read_lines_fix_is_not_offered_when_the_text_is_used_otherwise_or_empty_lines_are_dropped()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3.Model;

            class Importer
            {
                int Logged(GetObjectResponse response)
                {
                    using var reader = new StreamReader(response.ResponseStream);
                    var text = [|reader.ReadToEnd()|];
                    Console.WriteLine(text.Length);
                    int n = 0;
                    foreach (var line in text.Split('\n')) n++;
                    return n;
                }

                int NonEmpty(GetObjectResponse response)
                {
                    using var reader = new StreamReader(response.ResponseStream);
                    var text = [|reader.ReadToEnd()|];
                    int n = 0;
                    foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries)) n++;
                    return n;
                }

                int Inline(GetObjectResponse response)
                {
                    var text = [|new StreamReader(response.ResponseStream).ReadToEnd()|];
                    int n = 0;
                    foreach (var line in text.Split(',')) n++;
                    return n;
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AWS003WholeS3ObjectInMemoryCodeFix.ReadLinesEquivalenceKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Read_lines_fix_is_not_offered_when_the_line_read_would_not_bind()
    {
        // ReadLineAsync(CancellationToken) is missing before .NET 7; a reader whose ReadToEndAsync takes an argument
        // ReadLineAsync has no overload for stands in for it: the fix must not write a call that does not compile.
        const string source = """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3.Model;

            class TimedReader : StreamReader
            {
                public TimedReader(Stream stream) : base(stream) { }
                public Task<string> ReadToEndAsync(int timeoutMs) => ReadToEndAsync();
            }

            class Importer
            {
                async Task<int> CountAsync(GetObjectResponse response)
                {
                    using var reader = new TimedReader(response.ResponseStream);
                    var text = await [|reader.ReadToEndAsync(5000)|];
                    int n = 0;
                    foreach (var line in text.Split('\n')) n++;
                    return n;
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AWS003WholeS3ObjectInMemoryCodeFix.ReadLinesEquivalenceKey,
        };
        await test.RunAsync();
    }

    // ---- Fix 2: whole text deserialized as JSON -> deserialize from the stream ----

    [Fact]
    public async Task System_text_json_fix_deserializes_from_the_stream_keeping_options_token_and_comments()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Text;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Report { public string Name { get; set; } }

            class Reports
            {
                static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

                async Task<Report> LoadAsync(IAmazonS3 s3, CancellationToken ct)
                {
                    using var response = await s3.GetObjectAsync("b", "k", ct);
                    using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
                    // The whole document.
                    var json = await [|reader.ReadToEndAsync(ct)|];
                    var report = JsonSerializer.Deserialize<Report>(json, Options); // parsed
                    return report;
                }

                async Task<string> NameAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    var body = response.ResponseStream;
                    using var reader = new StreamReader(body);
                    return JsonSerializer.Deserialize<Report>(await [|reader.ReadToEndAsync()|]).Name;
                }
            }
            """, """
            using System.IO;
            using System.Text;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Report { public string Name { get; set; } }

            class Reports
            {
                static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

                async Task<Report> LoadAsync(IAmazonS3 s3, CancellationToken ct)
                {
                    using var response = await s3.GetObjectAsync("b", "k", ct);
                    using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
                    // The whole document.
                    var report = await JsonSerializer.DeserializeAsync<Report>(response.ResponseStream, Options, cancellationToken: ct); // parsed
                    return report;
                }

                async Task<string> NameAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    var body = response.ResponseStream;
                    using var reader = new StreamReader(body);
                    return (await JsonSerializer.DeserializeAsync<Report>(body)).Name;
                }
            }
            """, AWS003WholeS3ObjectInMemoryCodeFix.DeserializeFromStreamEquivalenceKey);
    }

    [Fact]
    public async Task System_text_json_fix_on_a_sync_read_and_configure_await()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Report { public string Name { get; set; } }

            class Reports
            {
                Report Load(GetObjectResponse response) =>
                    JsonSerializer.Deserialize<Report>([|new StreamReader(response.ResponseStream).ReadToEnd()|]);

                async Task<object> LoadAsync(IAmazonS3 s3, System.Type type)
                {
                    using var response = await s3.GetObjectAsync("b", "k").ConfigureAwait(false);
                    using var reader = new StreamReader(response.ResponseStream);
                    string json = await [|reader.ReadToEndAsync()|].ConfigureAwait(false);
                    return JsonSerializer.Deserialize(json, type);
                }
            }
            """, """
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Report { public string Name { get; set; } }

            class Reports
            {
                Report Load(GetObjectResponse response) =>
                    JsonSerializer.Deserialize<Report>(response.ResponseStream);

                async Task<object> LoadAsync(IAmazonS3 s3, System.Type type)
                {
                    using var response = await s3.GetObjectAsync("b", "k").ConfigureAwait(false);
                    using var reader = new StreamReader(response.ResponseStream);
                    return await JsonSerializer.DeserializeAsync(response.ResponseStream, type).ConfigureAwait(false);
                }
            }
            """, AWS003WholeS3ObjectInMemoryCodeFix.DeserializeFromStreamEquivalenceKey);
    }

    [Fact]
    public async Task Newtonsoft_fix_deserializes_through_a_json_text_reader()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using Amazon.S3.Model;
            using Newtonsoft.Json;

            class Report { public string Name { get; set; } }

            class Reports
            {
                Report Load(GetObjectResponse response, JsonSerializerSettings settings)
                {
                    using var reader = new StreamReader(response.ResponseStream);
                    var json = [|reader.ReadToEnd()|];
                    return JsonConvert.DeserializeObject<Report>(json, settings);
                }

                object Untyped(GetObjectResponse response, System.Type type)
                {
                    using var reader = new StreamReader(response.ResponseStream);
                    return JsonConvert.DeserializeObject([|reader.ReadToEnd()|], type);
                }
            }
            """, """
            using System.IO;
            using Amazon.S3.Model;
            using Newtonsoft.Json;

            class Report { public string Name { get; set; } }

            class Reports
            {
                Report Load(GetObjectResponse response, JsonSerializerSettings settings)
                {
                    using var reader = new StreamReader(response.ResponseStream);
                    return JsonSerializer.CreateDefault(settings).Deserialize<Report>(new JsonTextReader(reader));
                }

                object Untyped(GetObjectResponse response, System.Type type)
                {
                    using var reader = new StreamReader(response.ResponseStream);
                    return JsonSerializer.CreateDefault().Deserialize(new JsonTextReader(reader), type);
                }
            }
            """, AWS003WholeS3ObjectInMemoryCodeFix.DeserializeFromStreamEquivalenceKey);
    }

    [Fact]
    public async Task Newtonsoft_fix_qualifies_names_when_system_text_json_is_also_imported()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Text.Json;
            using Amazon.S3.Model;
            using Newtonsoft.Json;

            class Report { public string Name { get; set; } }

            class Reports
            {
                Report Load(GetObjectResponse response)
                {
                    using var reader = new StreamReader(response.ResponseStream);
                    return JsonConvert.DeserializeObject<Report>([|reader.ReadToEnd()|]);
                }
            }
            """, """
            using System.IO;
            using System.Text.Json;
            using Amazon.S3.Model;
            using Newtonsoft.Json;

            class Report { public string Name { get; set; } }

            class Reports
            {
                Report Load(GetObjectResponse response)
                {
                    using var reader = new StreamReader(response.ResponseStream);
                    return global::Newtonsoft.Json.JsonSerializer.CreateDefault().Deserialize<Report>(new JsonTextReader(reader));
                }
            }
            """, AWS003WholeS3ObjectInMemoryCodeFix.DeserializeFromStreamEquivalenceKey);
    }

    [Fact]
    public async Task Deserialize_fix_is_not_offered_for_async_newtonsoft_other_encodings_or_other_uses()
    {
        const string source = """
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Newtonsoft.Json;

            class Report { public string Name { get; set; } }

            class Reports
            {
                async Task<Report> NewtonsoftAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var reader = new StreamReader(response.ResponseStream);
                    return JsonConvert.DeserializeObject<Report>(await [|reader.ReadToEndAsync()|]);
                }

                async Task<Report> Utf16Async(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var reader = new StreamReader(response.ResponseStream, Encoding.Unicode);
                    return System.Text.Json.JsonSerializer.Deserialize<Report>(await [|reader.ReadToEndAsync()|]);
                }

                async Task<Report> LoggedAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var reader = new StreamReader(response.ResponseStream);
                    var json = await [|reader.ReadToEndAsync()|];
                    System.Console.WriteLine(json);
                    return System.Text.Json.JsonSerializer.Deserialize<Report>(json);
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AWS003WholeS3ObjectInMemoryCodeFix.DeserializeFromStreamEquivalenceKey,
        };
        await test.RunAsync();
    }

    // ---- Fix 3: MemoryStream copy only read as a stream -> the body stream ----

    [Fact]
    public async Task Use_body_stream_fix_removes_the_copy_and_the_rewind()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Report { public string Name { get; set; } }

            class Reports
            {
                async Task<int> CountAsync(IAmazonS3 s3, CancellationToken ct)
                {
                    using var response = await s3.GetObjectAsync("b", "k", ct);
                    // Buffer it first.
                    using var memory = new MemoryStream();
                    await [|response.ResponseStream.CopyToAsync(memory, ct)|];
                    memory.Position = 0;
                    using var reader = new StreamReader(memory);
                    int count = 0;
                    while (await reader.ReadLineAsync(ct) is { } line) count++;
                    return count;
                }

                async Task<Report> LoadAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    var body = response.ResponseStream;
                    var memory = new MemoryStream();
                    [|body.CopyTo(memory)|];
                    memory.Seek(0, SeekOrigin.Begin);
                    return await JsonSerializer.DeserializeAsync<Report>(memory);
                }
            }
            """, """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Report { public string Name { get; set; } }

            class Reports
            {
                async Task<int> CountAsync(IAmazonS3 s3, CancellationToken ct)
                {
                    using var response = await s3.GetObjectAsync("b", "k", ct);
                    // Buffer it first.
                    using var reader = new StreamReader(response.ResponseStream);
                    int count = 0;
                    while (await reader.ReadLineAsync(ct) is { } line) count++;
                    return count;
                }

                async Task<Report> LoadAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    var body = response.ResponseStream;
                    return await JsonSerializer.DeserializeAsync<Report>(body);
                }
            }
            """, AWS003WholeS3ObjectInMemoryCodeFix.UseBodyStreamEquivalenceKey);
    }

    [Fact]
    public async Task Use_body_stream_fix_is_not_offered_when_the_copy_is_used_as_memory()
    {
        const string source = """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;

            class Reports
            {
                async Task<byte[]> BytesAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var memory = new MemoryStream();
                    await [|response.ResponseStream.CopyToAsync(memory)|];
                    return memory.ToArray();
                }

                async Task<long> LengthAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    using var memory = new MemoryStream();
                    await [|response.ResponseStream.CopyToAsync(memory)|];
                    memory.Position = 0;
                    Send(memory);
                    return memory.Length;
                }

                // The copy outlives the response, which is disposed when the method returns.
                async Task<StreamReader> ReturnedAsync(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("b", "k");
                    var memory = new MemoryStream();
                    await [|response.ResponseStream.CopyToAsync(memory)|];
                    memory.Position = 0;
                    return new StreamReader(memory);
                }

                static void Send(Stream stream) { }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AWS003WholeS3ObjectInMemoryCodeFix.UseBodyStreamEquivalenceKey,
        };
        await test.RunAsync();
    }
}
