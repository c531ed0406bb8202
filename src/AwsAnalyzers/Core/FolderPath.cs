using System;
using System.Collections.Generic;

namespace AwsAnalyzers.Core;

/// <summary>
/// An absolute folder path as the build hands it to the analyzers (<c>/src/Ingest</c>, <c>C:\src\Ingest\</c>), to
/// tell whether another path is that folder or inside it. Paths are compared as text after normalization: <c>\</c>
/// and <c>/</c> are one separator, <c>.</c>, <c>..</c>, repeated and trailing separators are resolved. A Windows path
/// (a drive letter or a <c>\\server\share</c> path) is compared ignoring case, as Windows file systems do; any other
/// path by its exact text, as Linux file systems do (on macOS, whose file system usually ignores case, a path written
/// in other case than the folder on disk is then not inside it). Links are not followed: nothing is read from disk.
/// </summary>
internal readonly struct FolderPath
{
    private FolderPath(string path, bool ignoreCase)
    {
        Path = path;
        IgnoreCase = ignoreCase;
    }

    /// <summary>The normalized path: <c>/</c> separators, no trailing separator (but for a root, <c>/</c> or <c>C:/</c>).</summary>
    public string Path { get; }

    public bool IgnoreCase { get; }

    /// <summary>The folder <paramref name="path"/> names, or null when it is empty or not absolute.</summary>
    public static FolderPath? FromAbsolute(string? path)
    {
        if (path is null || !IsAbsolute(path.Trim()))
        {
            return null;
        }

        string trimmed = path.Trim();
        return new FolderPath(Normalize(trimmed), IsWindowsPath(trimmed));
    }

    /// <summary>The folder that holds the file <paramref name="filePath"/>, normalized.</summary>
    public static string FolderOf(string filePath)
    {
        string normalized = Normalize(filePath);
        int separator = normalized.LastIndexOf('/');
        return separator < 0 ? string.Empty : Normalize(normalized.Substring(0, separator + 1));
    }

    /// <summary><paramref name="path"/> relative to <paramref name="folder"/> (or itself when it is absolute), normalized.</summary>
    public static string Resolve(string folder, string path) =>
        Normalize(IsAbsolute(path) ? path : folder + "/" + path);

    /// <summary>True when <paramref name="path"/> (normalized or not) is this folder or a path inside it.</summary>
    public bool Holds(string path)
    {
        string other = Normalize(path);
        StringComparison comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (other.Length == Path.Length)
        {
            return string.Equals(other, Path, comparison);
        }

        return other.Length > Path.Length
            && other.StartsWith(Path, comparison)
            && (Path.EndsWith("/", StringComparison.Ordinal) || other[Path.Length] == '/');
    }

    private static bool IsWindowsPath(string path) =>
        (path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0])) || path.StartsWith(@"\\", StringComparison.Ordinal);

    private static bool IsAbsolute(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith(@"\", StringComparison.Ordinal) || IsWindowsPath(path);

    /// <summary>The path with <c>/</c> separators and its <c>.</c> and <c>..</c> segments resolved; a <c>..</c> above the root stays at the root.</summary>
    private static string Normalize(string path)
    {
        string slashed = path.Replace('\\', '/');
        string root = slashed.StartsWith("//", StringComparison.Ordinal) ? "//"
            : slashed.StartsWith("/", StringComparison.Ordinal) ? "/"
            : slashed.Length >= 2 && slashed[1] == ':' && char.IsLetter(slashed[0]) ? slashed.Substring(0, 2) + "/"
            : string.Empty;
        var segments = new List<string>();
        foreach (string segment in slashed.Substring(Math.Min(root.Length, slashed.Length)).Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".." || root.Length == 0)
            {
                segments.Add(segment);
            }
        }

        return root + string.Join("/", segments);
    }
}
