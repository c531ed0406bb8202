using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace AwsAnalyzers.Endpoints;

/// <summary>
/// The <c>Amazon.RegionEndpoint</c> field of each region name. The names are irregular (<c>us-gov-west-1</c> is
/// <c>USGovCloudWest1</c>, <c>cn-northwest-1</c> is <c>CNNorthWest1</c>), so the analyzer, which never references the
/// SDK, ships the table of AWSSDK.Core 4.1; a test checks it against the real assembly's fields. A region added by a
/// later SDK is found through the naming most regions follow, when the compilation's <c>RegionEndpoint</c> has it.
/// </summary>
internal static class RegionEndpointFields
{
    public const string RegionEndpointName = "Amazon.RegionEndpoint";

    /// <summary>Region system name to field name, as AWSSDK.Core 4.1.0 declares them.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["af-south-1"] = "AFSouth1",
        ["ap-east-1"] = "APEast1",
        ["ap-east-2"] = "APEast2",
        ["ap-northeast-1"] = "APNortheast1",
        ["ap-northeast-2"] = "APNortheast2",
        ["ap-northeast-3"] = "APNortheast3",
        ["ap-south-1"] = "APSouth1",
        ["ap-south-2"] = "APSouth2",
        ["ap-southeast-1"] = "APSoutheast1",
        ["ap-southeast-2"] = "APSoutheast2",
        ["ap-southeast-3"] = "APSoutheast3",
        ["ap-southeast-4"] = "APSoutheast4",
        ["ap-southeast-5"] = "APSoutheast5",
        ["ap-southeast-6"] = "APSoutheast6",
        ["ap-southeast-7"] = "APSoutheast7",
        ["ca-central-1"] = "CACentral1",
        ["ca-west-1"] = "CAWest1",
        ["eu-central-1"] = "EUCentral1",
        ["eu-central-2"] = "EUCentral2",
        ["eu-north-1"] = "EUNorth1",
        ["eu-south-1"] = "EUSouth1",
        ["eu-south-2"] = "EUSouth2",
        ["eu-west-1"] = "EUWest1",
        ["eu-west-2"] = "EUWest2",
        ["eu-west-3"] = "EUWest3",
        ["il-central-1"] = "ILCentral1",
        ["me-central-1"] = "MECentral1",
        ["me-south-1"] = "MESouth1",
        ["me-west-1"] = "MEWest1",
        ["mx-central-1"] = "MXCentral1",
        ["sa-east-1"] = "SAEast1",
        ["sa-west-1"] = "SAWest1",
        ["us-east-1"] = "USEast1",
        ["us-east-2"] = "USEast2",
        ["us-west-1"] = "USWest1",
        ["us-west-2"] = "USWest2",
        ["cn-north-1"] = "CNNorth1",
        ["cn-northwest-1"] = "CNNorthWest1",
        ["eusc-de-east-1"] = "EUSCDeEast1",
        ["us-iso-east-1"] = "USIsoEast1",
        ["us-iso-west-1"] = "USIsoWest1",
        ["us-isob-east-1"] = "USIsobEast1",
        ["us-isob-west-1"] = "USIsobWest1",
        ["eu-isoe-west-1"] = "EUIsoeWest1",
        ["us-isof-east-1"] = "USIsofEast1",
        ["us-isof-south-1"] = "USIsofSouth1",
        ["us-gov-east-1"] = "USGovCloudEast1",
        ["us-gov-west-1"] = "USGovCloudWest1",
    };

    /// <summary>
    /// The field for <paramref name="systemName"/> in the <c>RegionEndpoint</c> the code compiles against, or null
    /// when it has none (a typo such as <c>us-eat-1</c>, or a region this SDK does not know).
    /// </summary>
    public static string? FieldFor(string systemName, INamedTypeSymbol? regionEndpoint)
    {
        string? field = Known.TryGetValue(systemName, out string? known) ? known : Conventional(systemName);
        if (field is null)
        {
            return null;
        }

        // The SDK the code uses decides: an older one may lack a region the table has.
        if (regionEndpoint is not null)
        {
            foreach (ISymbol member in regionEndpoint.GetMembers(field))
            {
                if (member is IFieldSymbol { IsStatic: true } || member is IPropertySymbol { IsStatic: true })
                {
                    return field;
                }
            }

            return null;
        }

        return known;
    }

    /// <summary>
    /// The field name most regions follow: the first part in capitals, each other part capitalized
    /// (<c>ap-southeast-7</c> → <c>APSoutheast7</c>, <c>eusc-de-east-1</c> → <c>EUSCDeEast1</c>); null for a name that is
    /// not lowercase letters and digits in dash-separated parts ending with a number.
    /// </summary>
    internal static string? Conventional(string systemName)
    {
        string[] parts = systemName.Split('-');
        if (parts.Length < 3 || !IsNumber(parts[parts.Length - 1]))
        {
            return null;
        }

        var builder = new StringBuilder(systemName.Length);
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part.Length == 0 || !IsLowerAlphanumeric(part))
            {
                return null;
            }

            builder.Append(i == 0 ? part.ToUpperInvariant() : char.ToUpperInvariant(part[0]) + part.Substring(1));
        }

        return builder.ToString();
    }

    private static bool IsNumber(string text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool IsLowerAlphanumeric(string text)
    {
        foreach (char c in text)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
