using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AwsAnalyzers.Tests.Infrastructure;
using Xunit;

namespace AwsAnalyzers.Tests.Metadata;

/// <summary>Packs the NuGet package the way a release does and checks what users will receive.</summary>
public class PackageLayoutTests : IClassFixture<PackageLayoutTests.PackedPackage>
{
    private readonly PackedPackage _package;

    public PackageLayoutTests(PackedPackage package) => _package = package;

    [Fact]
    public void Package_holds_both_assemblies_under_analyzers_and_nothing_under_lib()
    {
        string[] entries = _package.Entries;
        Assert.Contains("analyzers/dotnet/cs/AwsAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AwsAnalyzers.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ko/AwsAnalyzers.resources.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ko/AwsAnalyzers.CodeFixes.resources.dll", entries);
        Assert.Contains("build/AwsAnalyzers.props", entries);
        Assert.Contains("build/AwsAnalyzers.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && e.Contains("CodeAnalysis", StringComparison.Ordinal));

        Assert.Equal("AwsAnalyzers", _package.Metadata("id"));
        Assert.Equal("true", _package.Metadata("developmentDependency"));
        Assert.Equal("Apache-2.0", _package.Metadata("license"));
        Assert.Equal("README.md", _package.Metadata("readme"));
        Assert.NotEmpty(_package.Metadata("tags"));
        Assert.DoesNotContain(_package.MetadataElements, e => e.Name.LocalName == "dependencies" && e.HasElements);
        Assert.Single(_package.MetadataElements, e => e.Name.LocalName == "repository");
    }

    [Fact]
    public void Package_version_is_the_repository_version_and_the_version_of_both_assemblies()
    {
        string version = XDocument.Load(Path.Combine(RepositoryRootAttribute.Value, "eng", "Version.props"))
            .Descendants("AwsAnalyzersVersion").Single().Value.Trim();
        Assert.Equal(version, _package.Metadata("version"));
        Assert.EndsWith($"AwsAnalyzers.{version}.nupkg", _package.Path, StringComparison.Ordinal);

        foreach (string assembly in new[] { "AwsAnalyzers.dll", "AwsAnalyzers.CodeFixes.dll" })
        {
            string path = _package.Extract("analyzers/dotnet/cs/" + assembly);
            Assert.Equal(new Version(version + ".0"), AssemblyName.GetAssemblyName(path).Version);
            FileVersionInfo info = FileVersionInfo.GetVersionInfo(path);
            Assert.Equal(version + ".0", info.FileVersion);
            Assert.Equal(version, info.ProductVersion!.Split('+')[0]);
        }
    }

    [Fact]
    public void Korean_satellites_sit_beside_both_assemblies_with_their_version()
    {
        string version = _package.Metadata("version");
        foreach (string assembly in new[] { "AwsAnalyzers", "AwsAnalyzers.CodeFixes" })
        {
            AssemblyName satellite = AssemblyName.GetAssemblyName(_package.Extract($"analyzers/dotnet/cs/ko/{assembly}.resources.dll"));
            Assert.Equal(assembly + ".resources", satellite.Name);
            Assert.Equal("ko", satellite.CultureName);
            Assert.Equal(new Version(version + ".0"), satellite.Version);
        }

        // Only the languages the resources are translated into: one satellite per assembly and language.
        Assert.Equal(2, _package.Entries.Count(e => e.EndsWith(".resources.dll", StringComparison.Ordinal)));
    }

    [Fact]
    public void Help_links_in_the_packed_analyzers_lead_to_the_package_repository_at_its_release_tag()
    {
        string repository = _package.MetadataElements.Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value;
        Assert.Equal(repository, _package.Metadata("projectUrl"));
        string declared = XDocument.Load(Path.Combine(RepositoryRootAttribute.Value, "eng", "Version.props"))
            .Descendants("AwsAnalyzersRepositoryUrl").Single().Value.Trim();
        Assert.Equal(declared, repository);

        // The help-link base is one string constant of the analyzer assembly (a C# string, stored as UTF-16).
        string docsBase = $"{repository}/blob/v{_package.Metadata("version")}/docs/rules/";
        byte[] analyzers = File.ReadAllBytes(_package.Extract("analyzers/dotnet/cs/AwsAnalyzers.dll"));
        Assert.True(Contains(analyzers, Encoding.Unicode.GetBytes(docsBase)), $"the packed analyzers do not link to {docsBase}");
        Assert.Equal(AwsAnalyzers.Core.RuleDescriptors.DocsBaseUri, docsBase);
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public void Release_notes_list_every_rule_of_the_release_tracking_files()
    {
        string notes = _package.Metadata("releaseNotes");
        string tracking = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "src", "AwsAnalyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "src", "AwsAnalyzers", "AnalyzerReleases.Shipped.md"));
        MatchCollection rows = Regex.Matches(tracking, @"^AWS[0-9]{3}\s*\|.*$", RegexOptions.Multiline);
        Assert.NotEmpty(rows);
        foreach (Match row in rows)
        {
            Assert.Contains(row.Value.TrimEnd('\r'), notes, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("; ", notes.Split('\n').Select(l => l.Length > 1 ? l.Substring(0, 2) : l));
    }

    /// <summary>The package as `dotnet pack -c Release` makes it, packed once for all tests of the class.</summary>
    public sealed class PackedPackage : IDisposable
    {
        private readonly string _output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "awsanalyzers-pack-" + Guid.NewGuid().ToString("N"));
        private readonly ZipArchive _zip;

        public PackedPackage()
        {
            string project = System.IO.Path.Combine(RepositoryRootAttribute.Value, "src", "AwsAnalyzers.Package", "AwsAnalyzers.Package.csproj");
            var start = new ProcessStartInfo("dotnet", $"pack \"{project}\" -c Release -o \"{_output}\" -nologo")
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

            Path = Assert.Single(Directory.GetFiles(_output, "AwsAnalyzers.*.nupkg"));
            _zip = ZipFile.OpenRead(Path);
            Entries = _zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToArray();
            using Stream nuspec = _zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            MetadataElements = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().ToArray();
        }

        public string Path { get; }

        public string[] Entries { get; }

        public XElement[] MetadataElements { get; }

        public string Metadata(string name) => MetadataElements.Single(e => e.Name.LocalName == name).Value;

        public string Extract(string entry)
        {
            string target = System.IO.Path.Combine(_output, "extracted", entry);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            _zip.GetEntry(entry)!.ExtractToFile(target, overwrite: true);
            return target;
        }

        public void Dispose()
        {
            _zip.Dispose();
            if (Directory.Exists(_output))
            {
                Directory.Delete(_output, recursive: true);
            }
        }
    }
}
