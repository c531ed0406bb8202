using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using AwsAnalyzers.Tests.Infrastructure;
using Xunit;

namespace AwsAnalyzers.Tests.Metadata;

/// <summary>Packs the NuGet package the way a release does and checks what users will receive.</summary>
public class PackageLayoutTests
{
    [Fact]
    public void Package_holds_both_assemblies_under_analyzers_and_nothing_under_lib()
    {
        string output = Path.Combine(Path.GetTempPath(), "awsanalyzers-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            string project = Path.Combine(RepositoryRootAttribute.Value, "src", "AwsAnalyzers.Package", "AwsAnalyzers.Package.csproj");
            var start = new ProcessStartInfo("dotnet", $"pack \"{project}\" -c Release -o \"{output}\" -nologo")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using (Process pack = Process.Start(start)!)
            {
                string log = pack.StandardOutput.ReadToEnd() + pack.StandardError.ReadToEnd();
                pack.WaitForExit();
                Assert.True(pack.ExitCode == 0, "dotnet pack failed:" + Environment.NewLine + log);
            }

            string package = Assert.Single(Directory.GetFiles(output, "AwsAnalyzers.*.nupkg"));
            using ZipArchive zip = ZipFile.OpenRead(package);
            string[] entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToArray();

            Assert.Contains("analyzers/dotnet/cs/AwsAnalyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/AwsAnalyzers.CodeFixes.dll", entries);
            Assert.Contains("build/AwsAnalyzers.props", entries);
            Assert.Contains("README.md", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && e.Contains("CodeAnalysis", StringComparison.Ordinal));

            ZipArchiveEntry nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using Stream nuspecStream = nuspecEntry.Open();
            XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal("AwsAnalyzers", Value("id"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("Apache-2.0", Value("license"));
            Assert.Equal("README.md", Value("readme"));
            Assert.NotEmpty(Value("tags"));
            Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies" && e.HasElements);
            Assert.Single(metadata.Elements(), e => e.Name.LocalName == "repository");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
