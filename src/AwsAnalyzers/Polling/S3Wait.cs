using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using AwsAnalyzers.Throttling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.Polling;

/// <summary>
/// AWS010 (v): a loop that asks S3 whether an object (or bucket) exists and goes round again while it does not, after
/// the same method wrote that bucket and key. S3 has been strongly consistent for read-after-write of every object
/// since December 2020, so the first HEAD after a successful PUT finds it.
/// </summary>
internal sealed class S3Wait
{
    private readonly INamedTypeSymbol _s3;
    private readonly INamedTypeSymbol? _util;
    private readonly INamedTypeSymbol? _transfer;
    private readonly INamedTypeSymbol? _s3Exception;
    private readonly INamedTypeSymbol? _clientConfig;

    private S3Wait(KnownTypes types, INamedTypeSymbol s3)
    {
        _s3 = s3;
        _util = types.Get("Amazon.S3.Util.AmazonS3Util");
        _transfer = types.Get("Amazon.S3.Transfer.ITransferUtility");
        _s3Exception = types.Get("Amazon.S3.AmazonS3Exception");
        _clientConfig = types.Get(AWS005ThrottlingNotHandledAnalyzer.ClientConfigName);
    }

    public static S3Wait? Create(KnownTypes types) =>
        types.Get("Amazon.S3.IAmazonS3") is { } s3 ? new S3Wait(types, s3) : null;

    /// <summary>The name of a method <see cref="IsHead"/> may accept: the test that needs no symbol.</summary>
    public static bool IsHeadName(string methodName) => Array.IndexOf(s_headNames, methodName) >= 0;

    /// <summary>The names <see cref="IsHeadName"/> accepts.</summary>
    public static IEnumerable<string> HeadNames => s_headNames;

    private static readonly string[] s_headNames = { "GetObjectMetadata", "GetObjectMetadataAsync", "DoesS3BucketExistV2Async", "DoesS3BucketExistV2" };

    /// <summary>A HEAD of an object (<c>GetObjectMetadata[Async]</c>) or of a bucket (<c>DoesS3BucketExistV2Async</c>).</summary>
    public bool IsHead(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        return method.Name switch
        {
            "GetObjectMetadata" or "GetObjectMetadataAsync" => method.ContainingType.IsOrImplements(_s3),
            "DoesS3BucketExistV2Async" or "DoesS3BucketExistV2" => SymbolEqualityComparer.Default.Equals(method.ContainingType, _util),
            _ => false,
        };
    }

    /// <summary>
    /// The key (or bucket) the loop waits for, as the code writes it, when the wait is pointless: it goes round again on
    /// not-found, and the same method wrote that bucket and key before the loop. Null otherwise.
    /// </summary>
    public string? IsPointlessWait(ILoopOperation loop, IInvocationOperation head, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (RuleOptions.S3CompatibleEndpoint.Read(options, loop.Syntax.SyntaxTree)
            || !ContinuesOnNotFound(loop, head)
            || Target(head, cancellationToken) is not { } target
            || UsesOtherEndpoint(head, cancellationToken))
        {
            return null;
        }

        foreach (IOperation operation in loop.Root().Descendants())
        {
            if (operation is IInvocationOperation write && write.Syntax.SpanStart < loop.Syntax.SpanStart
                && Written(write, cancellationToken) is { } written
                && Same(written.Bucket, target.Bucket)
                && (target.Key is null || (written.Key is not null && Same(written.Key, target.Key))))
            {
                return (target.Key ?? target.Bucket).Syntax.ToString();
            }
        }

        return null;
    }

    /// <summary>
    /// The HEAD sits in a <c>try</c> whose <c>catch</c> of the S3 error goes round again, or (a bucket test, which returns a
    /// bool) in the loop's condition or in an <c>if</c> that leaves it.
    /// </summary>
    private bool ContinuesOnNotFound(ILoopOperation loop, IInvocationOperation head)
    {
        for (IOperation current = head; current.Parent is { } parent && current != loop; current = parent)
        {
            switch (parent)
            {
                case ITryOperation tryOperation when tryOperation.Body == current:
                    foreach (ICatchClauseOperation clause in tryOperation.Catches)
                    {
                        if (_s3Exception is not null && _s3Exception.IsOrDerivesFrom(clause.ExceptionType as INamedTypeSymbol)
                            && !Loops.Leaves(clause.Handler, loop))
                        {
                            return true;
                        }
                    }

                    break;
                case IWhileLoopOperation whileLoop when whileLoop == loop && whileLoop.Condition == current:
                    return head.TargetMethod.Name.StartsWith("DoesS3BucketExist", System.StringComparison.Ordinal);
                case IConditionalOperation { Type: null } statement when statement.Condition == current:
                    return head.TargetMethod.Name.StartsWith("DoesS3BucketExist", System.StringComparison.Ordinal)
                        && (Loops.Leaves(statement.WhenTrue, loop) || (statement.WhenFalse is { } other && Loops.Leaves(other, loop)));
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    private readonly struct ObjectName
    {
        public ObjectName(IOperation bucket, IOperation? key)
        {
            Bucket = bucket;
            Key = key;
        }

        public IOperation Bucket { get; }

        public IOperation? Key { get; }
    }

    /// <summary>The bucket and key a HEAD asks for: the string overload's arguments, or the request's initializer.</summary>
    private static ObjectName? Target(IInvocationOperation head, CancellationToken cancellationToken)
    {
        if (head.TargetMethod.Name.StartsWith("DoesS3BucketExist", System.StringComparison.Ordinal))
        {
            return Argument(head, "bucketName") is { } bucket ? new ObjectName(bucket, null) : null;
        }

        return FromArgumentsOrRequest(head, "bucketName", "key", "BucketName", "Key", cancellationToken);
    }

    /// <summary>The bucket and key an object write stores: <c>PutObject</c>, <c>CopyObject</c>'s destination, a transfer upload.</summary>
    private ObjectName? Written(IInvocationOperation write, CancellationToken cancellationToken)
    {
        IMethodSymbol method = write.TargetMethod;
        switch (method.Name)
        {
            case "PutObject" or "PutObjectAsync" when method.ContainingType.IsOrImplements(_s3):
                return FromArgumentsOrRequest(write, "bucketName", "key", "BucketName", "Key", cancellationToken);
            case "CopyObject" or "CopyObjectAsync" when method.ContainingType.IsOrImplements(_s3):
                return FromArgumentsOrRequest(write, "destinationBucket", "destinationKey", "DestinationBucket", "DestinationKey", cancellationToken);
            case "Upload" or "UploadAsync" when method.ContainingType.IsOrImplements(_transfer):
                return FromArgumentsOrRequest(write, "bucketName", "key", "BucketName", "Key", cancellationToken);
            default:
                return null;
        }
    }

    private static ObjectName? FromArgumentsOrRequest(
        IInvocationOperation call, string bucketParameter, string keyParameter, string bucketProperty, string keyProperty, CancellationToken cancellationToken)
    {
        if (Argument(call, bucketParameter) is { } bucket)
        {
            return new ObjectName(bucket, Argument(call, keyParameter));
        }

        foreach (IArgumentOperation argument in call.Arguments)
        {
            IOperation value = argument.Value.WalkDownConversions();
            if (value is ILocalReferenceOperation local)
            {
                value = ValueFlow.For(call, cancellationToken).SingleValue(local.Local)?.WalkDownConversions() ?? value;
            }

            if (value is IObjectCreationOperation { Initializer: { } initializer })
            {
                IOperation? requestBucket = null, requestKey = null;
                foreach (IOperation element in initializer.Initializers)
                {
                    if (element is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                    {
                        if (target.Property.Name == bucketProperty)
                        {
                            requestBucket = assignment.Value;
                        }
                        else if (target.Property.Name == keyProperty)
                        {
                            requestKey = assignment.Value;
                        }
                    }
                }

                if (requestBucket is not null)
                {
                    return new ObjectName(requestBucket, requestKey);
                }
            }
        }

        return null;
    }

    private static IOperation? Argument(IInvocationOperation call, string parameter)
    {
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (argument.Parameter?.Name == parameter && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The same value: equal constants, the same local, parameter or field, or the same expression text.</summary>
    private static bool Same(IOperation left, IOperation right)
    {
        left = left.WalkDownConversions();
        right = right.WalkDownConversions();
        if (left.ConstantValue is { HasValue: true } a && right.ConstantValue is { HasValue: true } b)
        {
            return Equals(a.Value, b.Value);
        }

        ISymbol? leftSymbol = Referenced(left);
        return leftSymbol is not null
            ? SymbolEqualityComparer.Default.Equals(leftSymbol, Referenced(right))
            : left.Syntax.IsEquivalentTo(right.Syntax, topLevel: false);
    }

    private static ISymbol? Referenced(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
        _ => null,
    };

    /// <summary>
    /// The client's visible config sets a <c>ServiceURL</c> that is not AWS's (or one the rule cannot read): an
    /// S3-compatible store (MinIO, Ceph, a local emulator) may not give S3's consistency.
    /// </summary>
    private bool UsesOtherEndpoint(IInvocationOperation head, CancellationToken cancellationToken)
    {
        // A bucket test through AmazonS3Util has no instance: its client is an argument, whose config is not followed.
        if (head.SemanticModel is not { } model
            || ClientConfigWrites.EditableConfigOf(head, model, _clientConfig, cancellationToken) is not { } config)
        {
            return false;
        }

        foreach (Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax url in ClientConfigWrites.Values(config, "ServiceURL"))
        {
            if (!(model.GetConstantValue(url, cancellationToken) is { HasValue: true, Value: string text }
                && text.IndexOf(".amazonaws.com", System.StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }
        }

        return false;
    }
}
