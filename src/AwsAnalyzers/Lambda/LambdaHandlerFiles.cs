using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// The handler methods that deployment files name as <c>Assembly::Namespace.Type::Method</c>: the
/// <c>function-handler</c> of <c>aws-lambda-tools-defaults.json</c> and the <c>Handler</c> properties of a
/// <c>serverless.template</c> or SAM <c>template.json</c> / <c>template.yaml</c>.
/// </summary>
/// <remarks>
/// The files in the project folder are scanned, not parsed: any <c>function-handler</c> or <c>Handler</c> key followed
/// by a value of the three-part form counts, whatever the file's syntax. A half-written or malformed file yields the
/// entries that can be read and never an error, and the analyzer ships without a JSON or YAML dependency. A template
/// outside the project folder (the solution's, which names the handlers of every function of the solution) is parsed
/// instead, and gives only the handlers of the functions whose code is this project (<see cref="TemplateFunctions"/>);
/// the project folder is the build's <c>MSBuildProjectDirectory</c> (or <c>ProjectDir</c>), and without it every
/// file is scanned.
/// </remarks>
internal sealed class LambdaHandlerFiles
{
    private static readonly string[] s_fileNames =
        ["aws-lambda-tools-defaults.json", "serverless.template", "template.json", "template.yaml", "template.yml"];

    private static readonly string[] s_keys = ["function-handler", "Handler"];

    private static readonly string[] s_templateNames = ["serverless.template", "template.json", "template.yaml", "template.yml"];

    /// <summary>The build properties that name the project folder: the package's build files expose the first, the .NET SDK the second.</summary>
    private static readonly string[] s_projectDirectoryKeys = ["build_property.MSBuildProjectDirectory", "build_property.ProjectDir"];

    /// <summary>Files larger than this are not deployment descriptors; skip them rather than scan them.</summary>
    private const int MaxFileLength = 4 * 1024 * 1024;

    private readonly HashSet<(string TypeName, string MethodName)> _handlers;

    /// <summary>The method names alone: most methods asked about are named by no file, and are answered before their type's name is built.</summary>
    private readonly HashSet<string> _methodNames = new(StringComparer.Ordinal);

    private LambdaHandlerFiles(HashSet<(string TypeName, string MethodName)> handlers)
    {
        _handlers = handlers;
        foreach ((string _, string methodName) in handlers)
        {
            _methodNames.Add(methodName);
        }
    }

    public static LambdaHandlerFiles Empty { get; } = new([]);

    public bool IsEmpty => _handlers.Count == 0;

    /// <summary>True when a file names <paramref name="method"/> of the type with metadata full name <paramref name="typeName"/>.</summary>
    public bool Names(string typeName, string method) => _handlers.Contains((typeName, method));

    /// <summary>True when a file names some method called <paramref name="method"/>, of any type.</summary>
    public bool NamesMethod(string method) => _methodNames.Contains(method);

    /// <summary>The project folder as the build names it, or null when the build does not say (a host that passes no build properties).</summary>
    public static FolderPath? ProjectFolder(AnalyzerOptions options)
    {
        foreach (string key in s_projectDirectoryKeys)
        {
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out string? value) && FolderPath.FromAbsolute(value) is { } folder)
            {
                return folder;
            }
        }

        return null;
    }

    /// <param name="files">The AdditionalFiles; only the deployment files among them are read.</param>
    /// <param name="projectFolder">The project folder, or null when unknown: then every template is scanned as one of the project's.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static LambdaHandlerFiles Read(ImmutableArray<AdditionalText> files, FolderPath? projectFolder, CancellationToken cancellationToken)
    {
        var handlers = new HashSet<(string, string)>();
        foreach (AdditionalText file in files)
        {
            if (!IsNamed(file.Path, s_fileNames))
            {
                continue;
            }

            SourceText? text = file.GetText(cancellationToken);
            if (text is null || text.Length > MaxFileLength)
            {
                continue;
            }

            string folder = FolderPath.FolderOf(file.Path);
            if (projectFolder is { } project && FolderPath.FromAbsolute(folder) is not null && !project.Holds(folder) && IsNamed(file.Path, s_templateNames))
            {
                TemplateFunctions.AddHandlersOfProject(text.ToString(), folder, project, handlers);
            }
            else
            {
                Scan(text.ToString(), handlers);
            }
        }

        return handlers.Count == 0 ? Empty : new LambdaHandlerFiles(handlers);
    }

    private static bool IsNamed(string path, string[] names)
    {
        int separator = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        string name = path.Substring(separator + 1);
        foreach (string candidate in names)
        {
            if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds every <c>key: value</c> or <c>"key": "value"</c> pair whose key is a handler key and whose value is a handler string.</summary>
    internal static void Scan(string text, HashSet<(string, string)> handlers)
    {
        foreach (string key in s_keys)
        {
            int index = 0;
            while ((index = text.IndexOf(key, index, StringComparison.Ordinal)) >= 0)
            {
                int afterKey = index + key.Length;
                bool standsAlone = (index == 0 || !IsNameChar(text[index - 1])) && (afterKey >= text.Length || !IsNameChar(text[afterKey]));
                index = afterKey;
                if (standsAlone && ValueAfterKey(text, afterKey) is { } value && Split(value) is { } handler)
                {
                    handlers.Add(handler);
                }
            }
        }
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    /// <summary>The value after <c>":</c> or <c>:</c>, unquoted, up to the closing quote or the end of the line or entry.</summary>
    private static string? ValueAfterKey(string text, int position)
    {
        if (position < text.Length && text[position] is '"' or '\'')
        {
            position++;
        }

        position = SkipSpaces(text, position);
        if (position >= text.Length || text[position] != ':')
        {
            return null;
        }

        position = SkipSpaces(text, position + 1);
        if (position >= text.Length)
        {
            return null;
        }

        char quote = text[position];
        if (quote is '"' or '\'')
        {
            int close = text.IndexOf(quote, position + 1);
            return close < 0 ? null : text.Substring(position + 1, close - position - 1).Trim();
        }

        int end = position;
        while (end < text.Length && text[end] is not ('\r' or '\n' or ',' or '}' or '#'))
        {
            end++;
        }

        return text.Substring(position, end - position).Trim();
    }

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    /// <summary><c>Assembly::Namespace.Type::Method</c> as (type, method); anything else (an executable's assembly name) is not a method.</summary>
    internal static (string, string)? Split(string value)
    {
        int first = value.IndexOf("::", StringComparison.Ordinal);
        int second = first < 0 ? -1 : value.IndexOf("::", first + 2, StringComparison.Ordinal);
        if (first <= 0 || second < 0 || value.IndexOf("::", second + 2, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        string assembly = value.Substring(0, first).Trim();
        string type = value.Substring(first + 2, second - first - 2).Trim();
        string method = value.Substring(second + 2).Trim();
        return IsName(assembly, "-.") && IsName(type, ".+`") && IsName(method, string.Empty) ? (type, method) : null;
    }

    /// <summary>Letters, digits, underscores and the given separators: anything else is not a handler string (an intrinsic function, say).</summary>
    private static bool IsName(string text, string separators)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != '_' && separators.IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
