using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using AwsAnalyzers.Tests.Infrastructure;
using Xunit;

namespace AwsAnalyzers.Tests.Metadata;

/// <summary>
/// The AdditionalFiles the package's build files add by convention (src/AwsAnalyzers.Package/build), evaluated by
/// MSBuild in a project that imports them where NuGet does: the props before the project's items, the targets after.
/// </summary>
public class ConventionFilesTests : IDisposable
{
    /// <summary>The convention files of the test project, each once; the copy under obj/ is build output.</summary>
    private static readonly string[] EveryConventionFile =
        { "aws-lambda-tools-defaults.json", "catalog/iot.glue.json", "glue.template", "nested/other.glue.json", "serverless.template", "template.yaml" };

    private readonly string _project = Path.Combine(Path.GetTempPath(), "awsanalyzers-conventions-" + Guid.NewGuid().ToString("N"));

    public ConventionFilesTests()
    {
        foreach (string file in new[] { "aws-lambda-tools-defaults.json", "template.yaml", "serverless.template", "glue.template", "catalog/iot.glue.json", "nested/other.glue.json", "obj/stale.glue.json", "nested/deeper.template" })
        {
            string path = Path.Combine(_project, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
    }

    [Fact]
    public void Convention_files_the_project_does_not_list_are_added_once()
    {
        string[] files = AdditionalFiles(projectItems: string.Empty);
        Assert.Equal(EveryConventionFile, files);
    }

    [Fact]
    public void A_file_the_project_lists_itself_is_not_added_again()
    {
        string[] files = AdditionalFiles(projectItems: """
            <ItemGroup>
              <AdditionalFiles Include="aws-lambda-tools-defaults.json" />
              <AdditionalFiles Include="catalog/*.glue.json" />
              <AdditionalFiles Include="./template.yaml" />
              <AdditionalFiles Include="serverless.template" />
            </ItemGroup>
            """);
        Assert.Equal(EveryConventionFile, files);
    }

    [Fact]
    public void The_project_can_opt_out_in_its_own_body()
    {
        string[] files = AdditionalFiles(projectItems: """
            <PropertyGroup><AwsAnalyzersAddConventionFiles>false</AwsAnalyzersAddConventionFiles></PropertyGroup>
            <ItemGroup><AdditionalFiles Include="template.yaml" /></ItemGroup>
            """);
        Assert.Equal(new[] { "template.yaml" }, files);
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    /// <summary>The project's AdditionalFiles as paths relative to its folder, sorted, duplicates kept.</summary>
    private string[] AdditionalFiles(string projectItems)
    {
        string build = Path.Combine(RepositoryRootAttribute.Value, "src", "AwsAnalyzers.Package", "build");
        string project = Path.Combine(_project, "Consumer.proj");
        File.WriteAllText(project, $"""
            <Project>
              <Import Project="{Path.Combine(build, "AwsAnalyzers.props")}" />
              {projectItems}
              <Import Project="{Path.Combine(build, "AwsAnalyzers.targets")}" />
            </Project>
            """);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "msbuild", project, "-getItem:AdditionalFiles", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process msbuild = Process.Start(start)!;
        string output = msbuild.StandardOutput.ReadToEnd();
        string errors = msbuild.StandardError.ReadToEnd();
        msbuild.WaitForExit();
        Assert.True(msbuild.ExitCode == 0, "dotnet msbuild failed:" + Environment.NewLine + output + errors);

        using JsonDocument items = JsonDocument.Parse(output);
        return items.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Select(item => Path.GetRelativePath(_project, item.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
