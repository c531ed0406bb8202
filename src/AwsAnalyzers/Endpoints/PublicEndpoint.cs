using System;

namespace AwsAnalyzers.Endpoints;

/// <summary>
/// A URL whose host is one of AWS's public service endpoints, as the SDK would resolve it by itself:
/// <c>&lt;service&gt;.&lt;region&gt;.amazonaws.com[.cn]</c>, the global <c>&lt;service&gt;.amazonaws.com</c>, the legacy
/// <c>s3-&lt;region&gt;.amazonaws.com</c>, the dual-stack <c>&lt;service&gt;.dualstack.&lt;region&gt;.amazonaws.com</c>, and
/// <c>&lt;service&gt;.&lt;region&gt;.api.aws</c>. Not: VPC endpoint names (a label starting with <c>vpce</c>), FIPS hosts
/// (a label with <c>fips</c>), hosts with more labels (a bucket, an API Gateway or IoT endpoint), any other domain.
/// </summary>
internal sealed class PublicEndpoint
{
    private PublicEndpoint(string host, string service, string? region, bool isDualStack)
    {
        Host = host;
        Service = service;
        Region = region;
        IsDualStack = isDualStack;
    }

    /// <summary>The host, lowercase, without scheme, port or path.</summary>
    public string Host { get; }

    /// <summary>The endpoint prefix: <c>kinesis</c>, <c>s3</c>, <c>dynamodb</c>.</summary>
    public string Service { get; }

    /// <summary>The region the host names (<c>ap-northeast-2</c>), or null for a global endpoint.</summary>
    public string? Region { get; }

    /// <summary>A dual-stack (IPv4 and IPv6) host: <c>.dualstack.</c> or <c>.api.aws</c>.</summary>
    public bool IsDualStack { get; }

    /// <summary>The public AWS endpoint <paramref name="url"/> names, or null.</summary>
    public static PublicEndpoint? Parse(string url)
    {
        // Most URLs written in code are no AWS host: they are told apart without the copies below. Every public
        // endpoint's text contains one of these (ignoring case), whatever the case the host is written in.
        if (url.IndexOf(".amazonaws.com", StringComparison.OrdinalIgnoreCase) < 0 && url.IndexOf(".aws", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        string host = HostOf(url).ToLowerInvariant();
        string[] labels;
        bool apiAws = false;
        if (host.EndsWith(".amazonaws.com", StringComparison.Ordinal))
        {
            labels = host.Substring(0, host.Length - ".amazonaws.com".Length).Split('.');
        }
        else if (host.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal))
        {
            labels = host.Substring(0, host.Length - ".amazonaws.com.cn".Length).Split('.');
        }
        else if (host.EndsWith(".api.aws", StringComparison.Ordinal))
        {
            labels = host.Substring(0, host.Length - ".api.aws".Length).Split('.');
            apiAws = true;
        }
        else
        {
            return null;
        }

        foreach (string label in labels)
        {
            if (label.Length == 0 || label.StartsWith("vpce", StringComparison.Ordinal) || label.IndexOf("fips", StringComparison.Ordinal) >= 0 || !IsLabel(label))
            {
                return null;
            }
        }

        switch (labels.Length)
        {
            case 1 when !apiAws:
                // s3-us-west-2.amazonaws.com (legacy), or a global endpoint such as iam.amazonaws.com.
                return labels[0].StartsWith("s3-", StringComparison.Ordinal) && IsRegion(labels[0].Substring(3))
                    ? new PublicEndpoint(host, "s3", labels[0].Substring(3), isDualStack: false)
                    : new PublicEndpoint(host, labels[0], null, isDualStack: false);
            case 2 when IsRegion(labels[1]):
                return new PublicEndpoint(host, labels[0], labels[1], isDualStack: apiAws);
            case 3 when !apiAws && labels[1] == "dualstack" && IsRegion(labels[2]):
                return new PublicEndpoint(host, labels[0], labels[2], isDualStack: true);
            default:
                return null;
        }
    }

    /// <summary>The host of an absolute URL or of a bare host name, without user info, port or path.</summary>
    private static string HostOf(string url)
    {
        string rest = url.Trim();
        int scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest.Substring(scheme + 3);
        }

        int end = rest.IndexOfAny(s_hostEnd);
        if (end >= 0)
        {
            rest = rest.Substring(0, end);
        }

        int at = rest.LastIndexOf('@');
        return at >= 0 ? rest.Substring(at + 1) : rest;
    }

    private static readonly char[] s_hostEnd = ['/', ':', '?', '#'];

    private static bool IsLabel(string label)
    {
        foreach (char c in label)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The shape of a region name: letters in two or more dash-separated parts and a number (<c>us-gov-west-1</c>).</summary>
    internal static bool IsRegion(string text)
    {
        string[] parts = text.Split('-');
        if (parts.Length < 3)
        {
            return false;
        }

        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            bool last = i == parts.Length - 1;
            if (part.Length == 0)
            {
                return false;
            }

            foreach (char c in part)
            {
                if (last ? c is < '0' or > '9' : c is < 'a' or > 'z')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
