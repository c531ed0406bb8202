using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace AwsAnalyzers.Tests.Infrastructure;

/// <summary>
/// The references user code in tests compiles against: .NET 10 reference assemblies from a restored package (never a
/// download at test time), the real AWS SDK packages the feed serves, and stubs for the rest.
/// </summary>
internal static class TestReferences
{
    /// <summary>No reference package: everything comes from <see cref="FrameworkAndSdk"/> and the stubs.</summary>
    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_frameworkAndSdk = new(() =>
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(new[]
            {
                typeof(Amazon.Runtime.AmazonServiceClient),
                typeof(Amazon.S3.AmazonS3Client),
                typeof(Amazon.DynamoDBv2.AmazonDynamoDBClient),
                typeof(Amazon.SQS.AmazonSQSClient),
                typeof(Amazon.KeyManagementService.AmazonKeyManagementServiceClient),
                typeof(Amazon.Extensions.NETCore.Setup.AWSOptions),
                typeof(Polly.ResiliencePipeline),
                typeof(Newtonsoft.Json.JsonConvert),
            }.Select(t => (MetadataReference)MetadataReference.CreateFromFile(t.Assembly.Location)))
            .ToImmutableArray());

    /// <summary>.NET 10 and the real AWS SDK assemblies (Core, S3, DynamoDBv2, SQS, KeyManagementService, Extensions.NETCore.Setup), Polly and Newtonsoft.Json.</summary>
    public static ImmutableArray<MetadataReference> FrameworkAndSdk => s_frameworkAndSdk.Value;

    /// <summary>Everything user code in a test may use, with the SDK's v4 model shapes.</summary>
    public static ImmutableArray<MetadataReference> All => FrameworkAndSdk.AddRange(StubAssemblies.V4);

    /// <summary>Everything user code in a test may use, with the v3 model shapes for the stubbed services.</summary>
    public static ImmutableArray<MetadataReference> AllV3Shapes => FrameworkAndSdk.AddRange(StubAssemblies.V3);

    /// <summary>Everything user code in a test may use, with the stubbed services' sync client methods (.NET Framework builds).</summary>
    public static ImmutableArray<MetadataReference> AllWithSyncMethods => FrameworkAndSdk.AddRange(StubAssemblies.V4WithSyncMethods);
}
