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

    // ---- The nearest template above the project (a solution's SAM template) ----

    /// <summary>Creates the files (paths relative to the temporary folder) with empty content; a path ending in / is a folder.</summary>
    private void Create(params string[] paths)
    {
        foreach (string file in paths)
        {
            string path = Path.Combine(_project, file);
            if (file.EndsWith('/'))
            {
                Directory.CreateDirectory(path);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
    }

    [Fact]
    public void The_nearest_template_above_the_project_is_added_up_to_the_repository_root()
    {
        Create("repo/.git/HEAD", "repo/template.yaml", "repo/src/Ingest/");
        Assert.Equal(new[] { "../../template.yaml" }, AdditionalFiles(string.Empty, "repo/src/Ingest"));

        // A nearer one wins, whatever its name; in one folder, template.yaml comes first.
        Create("repo/src/serverless.template", "repo/src/template.yml");
        Assert.Equal(new[] { "../template.yml" }, AdditionalFiles(string.Empty, "repo/src/Ingest"));
    }

    [Fact]
    public void A_template_above_the_repository_root_or_with_no_root_is_not_added()
    {
        Create("template.yaml", "nogit/Ingest/", "repo/.git/HEAD", "repo/src/Ingest/", "worktree/.git", "worktree/Ingest/");
        Assert.Empty(AdditionalFiles(string.Empty, "nogit/Ingest"));
        Assert.Empty(AdditionalFiles(string.Empty, "repo/src/Ingest"));
        Assert.Empty(AdditionalFiles(string.Empty, "worktree/Ingest"));

        // A .git file (a worktree or a submodule) marks a root as a .git folder does.
        Create("worktree/template.json");
        Assert.Equal(new[] { "../template.json" }, AdditionalFiles(string.Empty, "worktree/Ingest"));
    }

    [Fact]
    public void The_solution_folder_bounds_the_search_when_it_holds_the_project()
    {
        Create("repo/.git/HEAD", "repo/template.yaml", "repo/app/Ingest/", "repo/other/");
        string root = Path.Combine(_project, "repo") + Path.DirectorySeparatorChar;
        Assert.Equal(new[] { "../../template.yaml" }, AdditionalFiles(string.Empty, "repo/app/Ingest", "SolutionDir=" + root));
        Assert.Empty(AdditionalFiles(string.Empty, "repo/app/Ingest", "SolutionDir=" + Path.Combine(root, "app") + Path.DirectorySeparatorChar));

        // A solution elsewhere says nothing of this project's folders: the repository root bounds the search.
        Assert.Equal(new[] { "../../template.yaml" }, AdditionalFiles(string.Empty, "repo/app/Ingest", "SolutionDir=" + Path.Combine(root, "other") + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void A_template_above_that_the_project_lists_itself_or_that_it_opts_out_of_is_not_added()
    {
        Create("repo/.git/HEAD", "repo/template.yaml", "repo/src/Ingest/");
        Assert.Equal(
            new[] { "../../template.yaml" },
            AdditionalFiles("""<ItemGroup><AdditionalFiles Include="../../template.yaml" /></ItemGroup>""", "repo/src/Ingest"));
        Assert.Empty(AdditionalFiles(
            "<PropertyGroup><AwsAnalyzersAddConventionFiles>false</AwsAnalyzersAddConventionFiles></PropertyGroup>",
            "repo/src/Ingest"));
    }

    [Fact]
    public void The_project_folder_is_visible_to_the_analyzers()
    {
        string[] properties = Items(string.Empty, _project, "CompilerVisibleProperty").Select(item => item.GetProperty("Identity").GetString()!).ToArray();
        Assert.Contains("MSBuildProjectDirectory", properties);
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    /// <summary>The AdditionalFiles of a project in <paramref name="projectFolder"/> (relative to the temporary folder), as paths relative to it, sorted, duplicates kept.</summary>
    private string[] AdditionalFiles(string projectItems, string? projectFolder = null, params string[] properties)
    {
        string folder = projectFolder is null ? _project : Path.Combine(_project, projectFolder);
        return Items(projectItems, folder, "AdditionalFiles", properties)
            .Select(item => Path.GetRelativePath(folder, item.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The items of type <paramref name="itemType"/> of a project in <paramref name="folder"/> that imports the package's build files, evaluated with <paramref name="properties"/> (Name=Value).</summary>
    private static JsonElement[] Items(string projectItems, string folder, string itemType, params string[] properties)
    {
        string build = Path.Combine(RepositoryRootAttribute.Value, "src", "AwsAnalyzers.Package", "build");
        string project = Path.Combine(folder, "Consumer.proj");
        File.WriteAllText(project, $"""
            <Project>
              <Import Project="{Path.Combine(build, "AwsAnalyzers.props")}" />
              {projectItems}
              <Import Project="{Path.Combine(build, "AwsAnalyzers.targets")}" />
            </Project>
            """);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "msbuild", project, "-getItem:" + itemType, "-nologo" }.Concat(properties.Select(property => "-p:" + property)))
        {
            start.ArgumentList.Add(argument);
        }

        using Process msbuild = Process.Start(start)!;
        string output = msbuild.StandardOutput.ReadToEnd();
        string errors = msbuild.StandardError.ReadToEnd();
        msbuild.WaitForExit();
        Assert.True(msbuild.ExitCode == 0, "dotnet msbuild failed:" + Environment.NewLine + output + errors);

        using JsonDocument items = JsonDocument.Parse(output);
        return items.RootElement.GetProperty("Items").TryGetProperty(itemType, out JsonElement list)
            ? list.EnumerateArray().Select(item => item.Clone()).ToArray()
            : Array.Empty<JsonElement>();
    }
}
