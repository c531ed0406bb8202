using System;
using System.Collections.Immutable;
using System.IO;
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
                typeof(Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient),
                typeof(Polly.ResiliencePipeline),
                typeof(Newtonsoft.Json.JsonConvert),
            }.Select(t => (MetadataReference)MetadataReference.CreateFromFile(t.Assembly.Location)))
            .ToImmutableArray());

    /// <summary>.NET 10 and the real AWS SDK assemblies (Core, S3, DynamoDBv2, SQS, KeyManagementService, Extensions.NETCore.Setup, SimpleSystemsManagement), Polly and Newtonsoft.Json.</summary>
    public static ImmutableArray<MetadataReference> FrameworkAndSdk => s_frameworkAndSdk.Value;

    /// <summary>Everything user code in a test may use, with the SDK's v4 model shapes.</summary>
    public static ImmutableArray<MetadataReference> All => FrameworkAndSdk.AddRange(StubAssemblies.V4);

    /// <summary>Everything user code in a test may use, with the v3 model shapes for the stubbed services.</summary>
    public static ImmutableArray<MetadataReference> AllV3Shapes => FrameworkAndSdk.AddRange(StubAssemblies.V3);

    /// <summary>Everything user code in a test may use, with the stubbed services' sync client methods (.NET Framework builds).</summary>
    public static ImmutableArray<MetadataReference> AllWithSyncMethods => FrameworkAndSdk.AddRange(StubAssemblies.V4WithSyncMethods);

    /// <summary>The real AWS SDK packages the test project restores, by package ID, version and assembly name.</summary>
    private static readonly (string Id, string Version, string Assembly)[] s_sdkPackages =
    [
        ("awssdk.core", "4.1.0", "AWSSDK.Core"),
        ("awssdk.s3", "4.1.0", "AWSSDK.S3"),
        ("awssdk.dynamodbv2", "4.1.0", "AWSSDK.DynamoDBv2"),
        ("awssdk.sqs", "4.0.100.25", "AWSSDK.SQS"),
        ("awssdk.simplesystemsmanagement", "4.0.105", "AWSSDK.SimpleSystemsManagement"),
    ];

    /// <summary>
    /// The real AWS SDK assemblies (Core, S3, DynamoDBv2, SQS, SimpleSystemsManagement) of another build of the same packages, from the NuGet
    /// cache the test project restored them into: <c>net472</c> for .NET Framework user code, <c>netstandard2.0</c> for
    /// .NET Standard libraries. Pair them with <see cref="ReferenceAssemblies.NetStandard.NetStandard20"/>, whose facades
    /// (mscorlib, System) stand in for the .NET Framework's own.
    /// </summary>
    public static ImmutableArray<MetadataReference> SdkBuild(string targetFramework)
    {
        string packages = typeof(TestReferences).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;
        return s_sdkPackages
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(packages, p.Id, p.Version, "lib", targetFramework, p.Assembly + ".dll")))
            .ToImmutableArray();
    }
}
