using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using AwsAnalyzers.Endpoints;
using AwsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AwsAnalyzers.Tests.Endpoints;

/// <summary>The tables AWS013 ships, checked against the real AWS SDK assemblies the tests reference.</summary>
public class EndpointTablesTests
{
    [Fact]
    public void The_region_table_is_exactly_the_real_RegionEndpoint_fields()
    {
        Dictionary<string, string> real = typeof(Amazon.RegionEndpoint)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Amazon.RegionEndpoint))
            .ToDictionary(f => ((Amazon.RegionEndpoint)f.GetValue(null)!).SystemName, f => f.Name, StringComparer.Ordinal);

        Assert.NotEmpty(real);
        Assert.Equal(real.OrderBy(p => p.Key, StringComparer.Ordinal), RegionEndpointFields.Known.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Most_regions_follow_the_naming_the_analyzer_falls_back_to_and_the_others_are_in_the_table()
    {
        string[] irregular = RegionEndpointFields.Known.Where(p => RegionEndpointFields.Conventional(p.Key) != p.Value).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "cn-northwest-1", "us-gov-east-1", "us-gov-west-1" }, irregular);
        Assert.Null(RegionEndpointFields.Conventional("us-eat"));
        Assert.Null(RegionEndpointFields.Conventional("US-EAST-1"));
    }

    [Fact]
    public void A_region_is_known_only_when_the_compilation_s_RegionEndpoint_has_its_field()
    {
        INamedTypeSymbol regionEndpoint = Compilation().GetTypeByMetadataName("Amazon.RegionEndpoint")!;
        Assert.Equal("APNortheast2", RegionEndpointFields.FieldFor("ap-northeast-2", regionEndpoint));
        Assert.Equal("USGovCloudWest1", RegionEndpointFields.FieldFor("us-gov-west-1", regionEndpoint));
        Assert.Null(RegionEndpointFields.FieldFor("us-eat-1", regionEndpoint));
        Assert.Null(RegionEndpointFields.FieldFor("xx-nowhere-9", regionEndpoint));
    }

    [Fact]
    public void Config_services_match_the_real_configs_RegionEndpointServiceName()
    {
        Compilation compilation = Compilation();
        var configs = new Amazon.Runtime.ClientConfig[]
        {
            new Amazon.S3.AmazonS3Config(),
            new Amazon.DynamoDBv2.AmazonDynamoDBConfig(),
            new Amazon.SQS.AmazonSQSConfig(),
            new Amazon.KeyManagementService.AmazonKeyManagementServiceConfig(),
            new Amazon.SecurityToken.AmazonSecurityTokenServiceConfig(),
        };
        foreach (Amazon.Runtime.ClientConfig config in configs)
        {
            INamedTypeSymbol symbol = compilation.GetTypeByMetadataName(config.GetType().FullName!)!;
            Assert.True(symbol is not null, config.GetType().FullName);
            Assert.Equal(config.RegionEndpointServiceName, ConfigServices.EndpointPrefix(symbol));
        }

        // The stubs mirror the real configs' property (AWSSDK.Kinesis, KinesisFirehose and Athena are not served).
        Assert.Equal("kinesis", ConfigServices.EndpointPrefix(compilation.GetTypeByMetadataName("Amazon.Kinesis.AmazonKinesisConfig")!));
        Assert.Equal("firehose", ConfigServices.EndpointPrefix(compilation.GetTypeByMetadataName("Amazon.KinesisFirehose.AmazonKinesisFirehoseConfig")!));
        Assert.Equal("athena", ConfigServices.EndpointPrefix(compilation.GetTypeByMetadataName("Amazon.Athena.AmazonAthenaConfig")!));
        Assert.Null(ConfigServices.EndpointPrefix(compilation.GetTypeByMetadataName("Amazon.Runtime.ClientConfig")!));
    }

    [Theory]
    [InlineData("https://kinesis.ap-northeast-2.amazonaws.com", "kinesis", "ap-northeast-2", false)]
    [InlineData("kinesis.ap-northeast-2.amazonaws.com", "kinesis", "ap-northeast-2", false)]
    [InlineData("https://s3.cn-north-1.amazonaws.com.cn/bucket", "s3", "cn-north-1", false)]
    [InlineData("https://s3-us-west-2.amazonaws.com", "s3", "us-west-2", false)]
    [InlineData("https://s3.dualstack.eu-west-1.amazonaws.com", "s3", "eu-west-1", true)]
    [InlineData("https://kinesis.us-east-1.api.aws", "kinesis", "us-east-1", true)]
    [InlineData("https://iam.amazonaws.com", "iam", null, false)]
    [InlineData("http://sqs.us-gov-west-1.amazonaws.com:443/?x", "sqs", "us-gov-west-1", false)]
    [InlineData("HTTPS://SQS.EU-WEST-1.AMAZONAWS.COM", "sqs", "eu-west-1", false)]
    [InlineData("https://Kinesis.US-East-1.API.AWS", "kinesis", "us-east-1", true)]
    public void Public_endpoints_are_read_into_service_and_region(string url, string service, string? region, bool dualStack)
    {
        PublicEndpoint endpoint = PublicEndpoint.Parse(url)!;
        Assert.NotNull(endpoint);
        Assert.Equal(service, endpoint.Service);
        Assert.Equal(region, endpoint.Region);
        Assert.Equal(dualStack, endpoint.IsDualStack);
    }

    [Theory]
    [InlineData("http://localhost:4566")]
    [InlineData("https://vpce-0a1b2c3d-abcd.kinesis.us-east-1.vpce.amazonaws.com")]
    [InlineData("https://kinesis-fips.us-east-1.amazonaws.com")]
    [InlineData("https://bucket.s3.us-east-1.amazonaws.com")]
    [InlineData("https://amazonaws.com")]
    [InlineData("https://evil-amazonaws.com")]
    [InlineData("https://kinesis.us-east-1.amazonaws.com.evil.example")]
    [InlineData("")]
    public void Other_hosts_are_no_public_endpoint(string url) => Assert.Null(PublicEndpoint.Parse(url));

    private static Compilation Compilation() =>
        CSharpCompilation.Create("Tables", references: TestReferences.All.Add(
            MetadataReference.CreateFromFile(typeof(Amazon.SecurityToken.AmazonSecurityTokenServiceConfig).Assembly.Location)));
}
