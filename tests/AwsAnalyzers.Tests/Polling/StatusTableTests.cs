using System;
using System.IO;
using System.Linq;
using AwsAnalyzers.Polling;
using AwsAnalyzers.Tests.Infrastructure;
using Xunit;

namespace AwsAnalyzers.Tests.Polling;

/// <summary>The status table ships once: the analyzer's rows and the rule page's rows say the same.</summary>
public class StatusTableTests
{
    private static string Row(StatusTable table)
    {
        static string Short(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        static string Values(System.Collections.Generic.IEnumerable<string> values) => string.Join(", ", values);
        return string.Join(" | ", new[]
        {
            table.Service,
            "`" + Short(table.StatusType) + "`",
            string.Join(", ", table.ReadFrom.Select(r => "`" + Short(r.Type) + "." + r.Property + "`")),
            string.Join(", ", table.Operations.Select(o => "`" + o + "`")),
            Values(table.Success),
            string.Join(" / ", table.InProgress.Select(g => Values(g))),
            Values(table.Failure),
            Values(table.NotWaitOutcomes),
        });
    }

    [Fact]
    public void The_rule_page_lists_exactly_the_analyzer_s_status_table()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "docs", "rules", "AWS010.md"));
        string section = page.Substring(page.IndexOf("## The status table", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n## ", 1, StringComparison.Ordinal));
        string[] rows = section.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Service", StringComparison.Ordinal))
            .Select(line => string.Join(" | ", line.Substring(1, line.Length - 2).Split('|').Select(cell => cell.Trim())))
            .ToArray();
        Assert.Equal(StatusTable.All.Select(Row), rows);
    }

    [Fact]
    public void Every_value_has_one_meaning_and_the_success_values_are_not_in_progress()
    {
        foreach (StatusTable table in StatusTable.All)
        {
            var all = table.Success.Concat(table.InProgress.SelectMany(g => g)).Concat(table.Failure).Concat(table.NotWaitOutcomes).ToList();
            Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
            Assert.NotEmpty(table.Success);
            Assert.NotEmpty(table.InProgress);
        }
    }

    [Fact]
    public void Each_operation_name_leads_to_the_one_row_that_lists_it()
    {
        for (int i = 0; i < StatusTable.All.Length; i++)
        {
            foreach (string operation in StatusTable.All[i].Operations)
            {
                Assert.Equal(i, StatusTable.IndexOfOperation(operation));
                Assert.Single(StatusTable.All, table => table.Operations.Contains(operation));
            }
        }

        Assert.Equal(-1, StatusTable.IndexOfOperation("GetQueryResults"));
        Assert.Equal(-1, StatusTable.IndexOfOperation("getqueryexecution"));
    }
}
