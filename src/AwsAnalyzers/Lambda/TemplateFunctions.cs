using System;
using System.Collections.Generic;
using AwsAnalyzers.Core;

namespace AwsAnalyzers.Lambda;

/// <summary>
/// The handlers of a SAM or CloudFormation template that sits outside the project folder (the solution's
/// <c>template.yaml</c>, which describes every function of the solution): only the <c>AWS::Serverless::Function</c>
/// resources whose code is this project count.
/// </summary>
/// <remarks>
/// A function's code is its <c>Properties.CodeUri</c>, else <c>Globals.Function.CodeUri</c>, else the template's
/// folder (SAM's default), as a path relative to the template's folder. It is this project's when it is the project
/// folder or a path inside it (<c>src/Ingest/</c>, or the publish output <c>src/Ingest/bin/Release/net8.0/publish</c>).
/// A CodeUri the rule cannot read as a local path (an <c>s3://</c> URI, a <c>Bucket</c>/<c>Key</c> object, an
/// intrinsic function such as <c>!Sub</c>) says nothing about the project, so its function is left out, as is an
/// <c>AWS::Lambda::Function</c>, whose <c>Code</c> names an S3 object or inline code, never a project.
/// </remarks>
internal static class TemplateFunctions
{
    private const string ServerlessFunctionType = "AWS::Serverless::Function";

    /// <summary>Adds the handlers of <paramref name="text"/>, a template in <paramref name="templateFolder"/>, whose code is <paramref name="projectFolder"/>.</summary>
    public static void AddHandlersOfProject(string text, string templateFolder, FolderPath projectFolder, HashSet<(string, string)> handlers)
    {
        if (text.IndexOf(ServerlessFunctionType, StringComparison.Ordinal) < 0)
        {
            return;
        }

        object? root = text.TrimStart().StartsWith("{", StringComparison.Ordinal) ? JsonReader.Read(text) : YamlReader.Read(text);
        if (JsonReader.Member(root, "Resources") is not Dictionary<string, object?> resources)
        {
            return;
        }

        object? globals = JsonReader.Member(JsonReader.Member(root, "Globals"), "Function");
        foreach (object? resource in resources.Values)
        {
            if (JsonReader.Member(resource, "Type") as string != ServerlessFunctionType)
            {
                continue;
            }

            object? properties = JsonReader.Member(resource, "Properties");
            object? handler = JsonReader.HasMember(properties, "Handler") ? JsonReader.Member(properties, "Handler") : JsonReader.Member(globals, "Handler");
            object? codeUri = JsonReader.HasMember(properties, "CodeUri") ? JsonReader.Member(properties, "CodeUri")
                : JsonReader.HasMember(globals, "CodeUri") ? JsonReader.Member(globals, "CodeUri")
                : string.Empty;
            if (handler is string handlerText
                && LambdaHandlerFiles.Split(handlerText) is { } named
                && codeUri is string codePath
                && codePath.IndexOf("://", StringComparison.Ordinal) < 0
                && projectFolder.Holds(FolderPath.Resolve(templateFolder, codePath)))
            {
                handlers.Add(named);
            }
        }
    }
}
