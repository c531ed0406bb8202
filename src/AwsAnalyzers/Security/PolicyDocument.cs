using AwsAnalyzers.Core;

namespace AwsAnalyzers.Security;

/// <summary>What an IAM or S3 bucket policy document grants that no policy written in code should.</summary>
internal readonly struct PolicyGrants
{
    public PolicyGrants(string? publicPrincipal, bool allActionsOnAllResources)
    {
        PublicPrincipal = publicPrincipal;
        AllActionsOnAllResources = allActionsOnAllResources;
    }

    /// <summary>
    /// The principal of an <c>Allow</c> statement without a <c>Condition</c> that lets anyone in, as the policy writes
    /// it (<c>"*"</c>, <c>{"AWS": "*"}</c>); null when there is none.
    /// </summary>
    public string? PublicPrincipal { get; }

    /// <summary>An <c>Allow</c> statement has <c>"Action": "*"</c> and <c>"Resource": "*"</c>: full administrator rights.</summary>
    public bool AllActionsOnAllResources { get; }

    public bool Any => PublicPrincipal is not null || AllActionsOnAllResources;
}

/// <summary>
/// Reads a policy document (the IAM JSON policy language, which S3 bucket policies use too) with the shared
/// <see cref="JsonReader"/>. Element names and the <c>Allow</c> effect are matched as IAM writes them; a text that is not
/// a JSON policy grants nothing here, so the rule stays silent on what it cannot read.
/// </summary>
internal static class PolicyDocument
{
    /// <summary>The principal value that stands for everyone, signed in to any account or anonymous.</summary>
    public const string Everyone = "*";

    public static PolicyGrants Read(string text)
    {
        object? root = JsonReader.Read(text);
        string? publicPrincipal = null;
        bool allActions = false;
        foreach (object? statement in JsonReader.Items(JsonReader.Member(root, "Statement")))
        {
            if (JsonReader.Member(statement, "Effect") is not "Allow")
            {
                continue;
            }

            publicPrincipal ??= JsonReader.HasMember(statement, "Condition") ? null : PublicPrincipal(JsonReader.Member(statement, "Principal"));
            allActions |= JsonReader.IsOrContainsString(JsonReader.Member(statement, "Action"), Everyone)
                && JsonReader.IsOrContainsString(JsonReader.Member(statement, "Resource"), Everyone);
        }

        return new PolicyGrants(publicPrincipal, allActions);
    }

    /// <summary><c>"Principal": "*"</c> or <c>"Principal": {"AWS": "*"}</c> (also in an array), as the policy writes it.</summary>
    private static string? PublicPrincipal(object? principal) =>
        principal switch
        {
            string text when text == Everyone => "\"*\"",
            not null when JsonReader.IsOrContainsString(JsonReader.Member(principal, "AWS"), Everyone) => "{\"AWS\": \"*\"}",
            _ => null,
        };
}
