using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Endpoints;

/// <summary>
/// The endpoint prefix of the service a client config is for, as its <c>RegionEndpointServiceName</c> returns it: the
/// first label of the service's hosts (<c>AmazonKinesisConfig</c> → <c>kinesis</c>). That property is computed by the
/// SDK at run time and the analyzer never loads the SDK, so it follows the SDK's naming: the config of service X is
/// <c>Amazon.X.AmazonXConfig</c> and its prefix is X in lowercase (S3, SQS, DynamoDB, Kinesis, Athena, Lambda, EC2),
/// except for the services in <see cref="Exceptions"/>. A test checks both against the real configs' property.
/// </summary>
internal static class ConfigServices
{
    /// <summary>Configs whose endpoint prefix is not their service's name in lowercase.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Exceptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Amazon.DynamoDBv2.AmazonDynamoDBConfig"] = "dynamodb",
        ["Amazon.KeyManagementService.AmazonKeyManagementServiceConfig"] = "kms",
        ["Amazon.KinesisFirehose.AmazonKinesisFirehoseConfig"] = "firehose",
        ["Amazon.SecurityToken.AmazonSecurityTokenServiceConfig"] = "sts",
        ["Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceConfig"] = "sns",
        ["Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig"] = "ssm",
        ["Amazon.CloudWatch.AmazonCloudWatchConfig"] = "monitoring",
        ["Amazon.CloudWatchLogs.AmazonCloudWatchLogsConfig"] = "logs",
    };

    /// <summary>The endpoint prefix of <paramref name="config"/>'s service, or null when the type is not an SDK config.</summary>
    public static string? EndpointPrefix(ITypeSymbol config)
    {
        string metadataName = MetadataName(config);
        if (Exceptions.TryGetValue(metadataName, out string? prefix))
        {
            return prefix;
        }

        // Amazon.<Service>.Amazon<Service>Config
        string name = config.Name;
        if (config.ContainingNamespace is not { ContainingNamespace: { Name: "Amazon", ContainingNamespace.IsGlobalNamespace: true } } ns
            || !name.StartsWith("Amazon", StringComparison.Ordinal)
            || !name.EndsWith("Config", StringComparison.Ordinal)
            || name.Length <= "AmazonConfig".Length
            || name.Substring("Amazon".Length, name.Length - "AmazonConfig".Length) != ns.Name)
        {
            return null;
        }

        return ns.Name.ToLowerInvariant();
    }

    private static string MetadataName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
}
