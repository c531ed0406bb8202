using AwsAnalyzers.Core;
using Xunit;

namespace AwsAnalyzers.Tests.Core;

public class FolderPathTests
{
    [Theory]
    [InlineData("/repo/src/Ingest", "/repo/src/Ingest", true)]
    [InlineData("/repo/src/Ingest/", "/repo/src/Ingest", true)]
    [InlineData("/repo/src/Ingest", "/repo/src/Ingest/bin/Release", true)]
    [InlineData("/repo/src/Ingest", "/repo//src/./Ingest/", true)]
    [InlineData("/repo/src/Ingest", "/repo/src/Export/../Ingest", true)]
    [InlineData("/repo/src/Ingest", "/repo/src/IngestTools", false)]
    [InlineData("/repo/src/Ingest", "/repo/src", false)]
    [InlineData("/repo/src/Ingest", "/repo/src/ingest", false)]
    [InlineData("/", "/repo", true)]
    [InlineData(@"C:\repo\src\Ingest", "c:/REPO/src/ingest/bin", true)]
    [InlineData(@"C:\repo\src\Ingest", @"D:\repo\src\Ingest", false)]
    [InlineData(@"\\server\share\Ingest", "//SERVER/share/ingest", true)]
    public void A_folder_holds_itself_and_the_paths_inside_it(string folder, string path, bool holds)
    {
        Assert.Equal(holds, FolderPath.FromAbsolute(folder)!.Value.Holds(path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("src/Ingest")]
    [InlineData("./Ingest")]
    public void A_path_that_is_not_absolute_names_no_folder(string? path)
    {
        Assert.Null(FolderPath.FromAbsolute(path));
    }

    [Theory]
    [InlineData("/repo", "src/Ingest/", "/repo/src/Ingest")]
    [InlineData("/repo", @".\src\Ingest", "/repo/src/Ingest")]
    [InlineData("/repo", "../../../Ingest", "/Ingest")]
    [InlineData("/repo", "/elsewhere/Ingest", "/elsewhere/Ingest")]
    [InlineData(@"C:\repo", "src/Ingest", "C:/repo/src/Ingest")]
    public void A_relative_path_resolves_against_the_folder(string folder, string path, string resolved)
    {
        Assert.Equal(resolved, FolderPath.Resolve(folder, path));
    }

    [Theory]
    [InlineData("/repo/template.yaml", "/repo")]
    [InlineData("/template.yaml", "/")]
    [InlineData(@"C:\repo\template.yaml", "C:/repo")]
    [InlineData("template.yaml", "")]
    public void The_folder_of_a_file_is_its_path_without_the_name(string file, string folder)
    {
        Assert.Equal(folder, FolderPath.FolderOf(file));
    }
}
