using Microsoft.CodeAnalysis;
using AwsAnalyzers.Core;

namespace AwsAnalyzers.Pagination;

/// <summary>
/// How much one page of an operation holds, as the message says it: the documented service maximum per call where we
/// know it, else just "one page". Words, so they follow the message's language.
/// </summary>
internal static class PageLimits
{
    private static readonly LocalizableString s_onePage = RuleText.Get(nameof(AnalyzerResources.AWS007LimitOnePage));
    private static readonly LocalizableString s_oneMegabyte = RuleText.Get(nameof(AnalyzerResources.AWS007LimitOneMegabyte));
    private static readonly LocalizableString s_thousandKeys = RuleText.Get(nameof(AnalyzerResources.AWS007LimitKeys), "1,000");
    private static readonly LocalizableString s_thousandRows = RuleText.Get(nameof(AnalyzerResources.AWS007LimitRows), "1,000");
    private static readonly LocalizableString s_thousandEntries = RuleText.Get(nameof(AnalyzerResources.AWS007LimitEntries), "1,000");
    private static readonly LocalizableString s_hundredEntries = RuleText.Get(nameof(AnalyzerResources.AWS007LimitEntries), "100");
    private static readonly LocalizableString s_tenEntries = RuleText.Get(nameof(AnalyzerResources.AWS007LimitEntries), "10");

    /// <summary>The page of a DocumentModel or DataModel search (a Scan or Query underneath).</summary>
    public static LocalizableString Search => s_oneMegabyte;

    public static LocalizableString Of(PagedOperation operation) =>
        (operation.Request.ContainingNamespace?.ToDisplayString(), operation.Name) switch
        {
            ("Amazon.S3.Model", "ListObjectsV2" or "ListObjects" or "ListVersions" or "ListMultipartUploads") => s_thousandKeys,
            ("Amazon.S3.Model", "ListParts") => s_thousandEntries,
            ("Amazon.DynamoDBv2.Model", "Scan" or "Query" or "ExecuteStatement") => s_oneMegabyte,
            ("Amazon.DynamoDBv2.Model", "ListTables") => s_hundredEntries,
            ("Amazon.Athena.Model", "GetQueryResults") => s_thousandRows,
            ("Amazon.SimpleSystemsManagement.Model", "GetParametersByPath") => s_tenEntries,
            ("Amazon.Kinesis.Model", "ListShards") => s_thousandEntries,
            ("Amazon.Kinesis.Model", "DescribeStream") => s_hundredEntries,
            _ => s_onePage,
        };
}
