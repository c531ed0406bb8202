using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwsAnalyzers.Core;
using AwsAnalyzers.Core.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.S3;

/// <summary>
/// AWS003: a read that buffers the whole body of an S3 object (<c>ReadToEnd</c>, <c>CopyTo</c> a <c>MemoryStream</c>,
/// <c>ReadBytes</c> or <c>Read</c> sized from the body's length). Memory then grows with the object, so Lambda functions
/// run out of memory and large objects throw <see cref="System.OutOfMemoryException"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AWS003WholeS3ObjectInMemoryAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = RuleIds.WholeS3ObjectInMemory;

    /// <summary>Diagnostic property naming the kind of buffering read, so the fix knows what it looks at.</summary>
    public const string SinkKey = "Sink";

    public const string ReadToEndSink = "ReadToEnd";
    public const string CopyToMemorySink = "CopyToMemoryStream";
    public const string ReadBytesSink = "ReadBytes";
    public const string ReadIntoBodySizedBufferSink = "ReadIntoBodySizedBuffer";
    public const string HelperSink = "Helper";
    public const string ReadChunksIntoMemorySink = "ReadChunksIntoMemory";

    internal const string StreamResponseName = "Amazon.S3.Model.StreamResponse";
    internal const string OpenStreamResponseName = "Amazon.S3.Transfer.TransferUtilityOpenStreamResponse";
    internal const string CoreAmazonS3Name = "Amazon.Runtime.SharedInterfaces.ICoreAmazonS3";
    internal const string TransferUtilityName = "Amazon.S3.Transfer.ITransferUtility";
    internal const string AmazonS3Name = "Amazon.S3.IAmazonS3";
    internal const string GetObjectRequestName = "Amazon.S3.Model.GetObjectRequest";
    internal const string AmazonWebServiceResponseName = "Amazon.Runtime.AmazonWebServiceResponse";
    internal const string HeadersCollectionName = "Amazon.S3.Model.HeadersCollection";

    /// <summary>How many locals, wrappers and readers a stream may be traced through before we give up.</summary>
    private const int MaxTraceDepth = 8;

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticId,
        title: RuleText.Get(nameof(AnalyzerResources.AWS003Title)),
        messageFormat: RuleText.Get(nameof(AnalyzerResources.AWS003MessageFormat)),
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        description: RuleText.Get(nameof(AnalyzerResources.AWS003Description)));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (AnalyzerContext.Create(start.Compilation) is not { } analyzerContext)
            {
                return;
            }

            // Every read this rule reports is of a body the reporting method gets from the SDK, by name or through a
            // chain of project methods: a type that writes none of those names has nothing to report, and its calls
            // (about as many as its lines) get no callback.
            CallHops hops = CallHops.For(start.Compilation);
            new WordScopedActions()
                .Add(
                    cancellationToken => WordSet.Of(hops.NamesReaching(s_bodySourceNames, MayReturnStream, MaxNamesReachingBody, cancellationToken)),
                    analyzerContext.AnalyzeInvocation,
                    OperationKind.Invocation)
                .Register(start);
        });
    }

    /// <summary>The SDK members an object body comes from (<see cref="AnalyzerContext"/>'s origins).</summary>
    private const string ResponseStreamProperty = "ResponseStream";
    private const string GetObjectStreamAsyncMethod = "GetObjectStreamAsync";
    private const string OpenStreamMethod = "OpenStream";
    private const string OpenStreamAsyncMethod = "OpenStreamAsync";

    private static readonly string[] s_bodySourceNames = { ResponseStreamProperty, GetObjectStreamAsyncMethod, OpenStreamMethod, OpenStreamAsyncMethod };

    /// <summary>Past this many project methods on the way to a body, every type is analyzed.</summary>
    private const int MaxNamesReachingBody = 512;

    /// <summary>
    /// False for a declared return type that cannot hold a stream (<c>void</c>, <c>string</c>, <c>Task</c>,
    /// <c>Task&lt;byte[]&gt;</c>): the rule follows only helpers that return the body.
    /// </summary>
    private static bool MayReturnStream(TypeSyntax returnType)
    {
        if (returnType is GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments.Count: 1 } task)
        {
            returnType = task.TypeArgumentList.Arguments[0];
        }

        return returnType is not (PredefinedTypeSyntax or ArrayTypeSyntax or TupleTypeSyntax or NullableTypeSyntax { ElementType: PredefinedTypeSyntax }
            or IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" });
    }

    /// <summary>Where a stream (or a reader over one) comes from.</summary>
    private readonly struct Origin
    {
        private Origin(bool isS3Body, IParameterSymbol? parameter)
        {
            IsS3Body = isS3Body;
            Parameter = parameter;
        }

        public static Origin Unknown => default;

        public static Origin S3Body => new(isS3Body: true, parameter: null);

        public static Origin FromParameter(IParameterSymbol parameter) => new(isS3Body: false, parameter);

        public bool IsS3Body { get; }

        /// <summary>The parameter of the method being summarized that the stream is, for the one-hop helper case.</summary>
        public IParameterSymbol? Parameter { get; }

        public bool IsKnown => IsS3Body || Parameter is not null;

        public bool SameAs(Origin other) =>
            IsS3Body == other.IsS3Body && SymbolEqualityComparer.Default.Equals(Parameter, other.Parameter);
    }

    private sealed class AnalyzerContext
    {
        private readonly INamedTypeSymbol _stream;
        private readonly INamedTypeSymbol? _memoryStream;
        private readonly INamedTypeSymbol? _textReader;
        private readonly INamedTypeSymbol? _streamReader;
        private readonly INamedTypeSymbol? _binaryReader;
        private readonly INamedTypeSymbol? _bufferedStream;
        private readonly INamedTypeSymbol? _streamResponse;
        private readonly INamedTypeSymbol? _openStreamResponse;
        private readonly INamedTypeSymbol? _coreAmazonS3;
        private readonly INamedTypeSymbol? _transferUtility;
        private readonly INamedTypeSymbol? _amazonS3;
        private readonly INamedTypeSymbol? _getObjectRequest;
        private readonly INamedTypeSymbol? _webServiceResponse;
        private readonly INamedTypeSymbol? _headersCollection;

        private readonly CallHops _hops;

        /// <summary>Per project method: a bit per parameter ordinal whose stream (or reader) one call reads whole.</summary>
        private readonly ReadsParameterWhole _readsParameterWhole;

        /// <summary>Per project method: whether one call returns an S3 object body.</summary>
        private readonly ReturnsS3Body _returnsS3Body;

        private AnalyzerContext(KnownTypes types, INamedTypeSymbol stream, CallHops hops)
        {
            _hops = hops;
            _readsParameterWhole = new ReadsParameterWhole(this);
            _returnsS3Body = new ReturnsS3Body(this);
            _stream = stream;
            _memoryStream = types.Get("System.IO.MemoryStream");
            _textReader = types.Get("System.IO.TextReader");
            _streamReader = types.Get("System.IO.StreamReader");
            _binaryReader = types.Get("System.IO.BinaryReader");
            _bufferedStream = types.Get("System.IO.BufferedStream");
            _streamResponse = types.Get(StreamResponseName);
            _openStreamResponse = types.Get(OpenStreamResponseName);
            _coreAmazonS3 = types.Get(CoreAmazonS3Name);
            _transferUtility = types.Get(TransferUtilityName);
            _amazonS3 = types.Get(AmazonS3Name);
            _getObjectRequest = types.Get(GetObjectRequestName);
            _webServiceResponse = types.Get(AmazonWebServiceResponseName);
            _headersCollection = types.Get(HeadersCollectionName);
        }

        public static AnalyzerContext? Create(Compilation compilation)
        {
            if (KnownTypes.ForAwsSdk(compilation) is not { } types)
            {
                return null;
            }

            // Where an S3 body can come from, before the dozen types the reads need: a project without S3 stops here.
            bool hasS3Source = types.Get(StreamResponseName) is not null || types.Get(CoreAmazonS3Name) is not null || types.Get(TransferUtilityName) is not null;
            INamedTypeSymbol? stream = hasS3Source ? types.Get("System.IO.Stream") : null;
            return stream is null ? null : new AnalyzerContext(types, stream, CallHops.For(compilation));
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            CancellationToken cancellationToken = context.CancellationToken;
            if (BufferedOperand(invocation, cancellationToken, out string sink) is { } operand)
            {
                if (Resolve(operand, depth: 0, cancellationToken).IsS3Body)
                {
                    Report(context, invocation, invocation.TargetMethod.Name, sink);
                }

                return;
            }

            if (HelperReadsS3BodyWhole(invocation, cancellationToken))
            {
                Report(context, invocation, invocation.TargetMethod.Name, HelperSink);
            }
        }

        private static void Report(OperationAnalysisContext context, IInvocationOperation invocation, string name, string sink)
        {
            if (CodeThatNeverRuns.Contains(invocation))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(SinkKey, sink),
                name));
        }

        /// <summary>
        /// When the invocation buffers everything a stream or reader yields, that stream or reader; otherwise null.
        /// </summary>
        private IOperation? BufferedOperand(IInvocationOperation invocation, CancellationToken cancellationToken, out string sink)
        {
            sink = string.Empty;
            IMethodSymbol method = invocation.TargetMethod;

            // The name first: the instance operation is built on first access, and most calls are no read at all.
            if (method.Name is not ("ReadToEnd" or "ReadToEndAsync" or "CopyTo" or "CopyToAsync" or "ReadBytes" or "Read" or "ReadAsync"
                    or "ReadExactly" or "ReadExactlyAsync" or "ReadAtLeast" or "ReadAtLeastAsync")
                || invocation.Instance is not { } instance)
            {
                return null;
            }

            switch (method.Name)
            {
                case "ReadToEnd" or "ReadToEndAsync" when method.ContainingType.IsOrDerivesFrom(_textReader):
                    sink = ReadToEndSink;
                    return instance;
                case "CopyTo" or "CopyToAsync" when method.ContainingType.IsOrDerivesFrom(_stream)
                    && Argument(invocation, 0) is { } destination && IsMemoryDestination(destination, depth: 0, cancellationToken):
                    sink = CopyToMemorySink;
                    return instance;
                case "ReadBytes" when method.ContainingType.IsOrDerivesFrom(_binaryReader)
                    && Argument(invocation, 0) is { } count && IsBodySized(count, depth: 0, cancellationToken):
                    sink = ReadBytesSink;
                    return instance;
                case "Read" or "ReadAsync" or "ReadExactly" or "ReadExactlyAsync" or "ReadAtLeast" or "ReadAtLeastAsync"
                    when method.ContainingType.IsOrDerivesFrom(_stream)
                    && Argument(invocation, 0) is { } buffer && IsBodySizedBuffer(buffer, depth: 0, cancellationToken):
                    sink = ReadIntoBodySizedBufferSink;
                    return instance;
                case "Read" or "ReadAsync" when method.ContainingType.IsOrDerivesFrom(_stream)
                    && Argument(invocation, 0) is { } chunk && IsChunkKept(invocation, chunk, cancellationToken):
                    sink = ReadChunksIntoMemorySink;
                    return instance;
                default:
                    return null;
            }
        }

        // ---- Chunked reads that keep every chunk ----

        /// <summary>
        /// True when the read sits in a loop that appends every chunk it reads to one memory destination made outside
        /// the loop (<c>memory.Write(buffer, 0, n)</c>, <c>bytes.AddRange(buffer.Take(n))</c>, an array grown with
        /// <c>Array.Resize</c> and copied into): reading in chunks then still holds the whole body.
        /// </summary>
        private bool IsChunkKept(IInvocationOperation read, IOperation chunk, CancellationToken cancellationToken)
        {
            if (BufferLocal(chunk) is not { } buffer || EnclosingLoop(read) is not { } loop)
            {
                return false;
            }

            bool grows = false;
            bool copiesChunk = false;
            foreach (IOperation operation in loop.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is not IInvocationOperation call)
                {
                    continue;
                }

                switch (call.TargetMethod.Name)
                {
                    case "Write" or "WriteAsync" when call.Instance is { } destination && ReadsLocal(call.Arguments, buffer)
                        && IsMemoryDestination(destination, depth: 0, cancellationToken) && IsMadeOutside(destination, loop, cancellationToken):
                        return !IsEmptiedIn(loop, destination);
                    case "AddRange" or "InsertRange" when call.Instance is { } list && IsByteList(list.Type) && ReadsLocal(call.Arguments, buffer)
                        && IsMadeOutside(list, loop, cancellationToken):
                        return !IsEmptiedIn(loop, list);
                    case "Resize" when call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_Array:
                        grows = true;
                        break;
                    case "Copy" or "BlockCopy" or "CopyTo" when ReadsLocal(call.Arguments, buffer)
                        || call.Instance?.WalkDownConversions() is ILocalReferenceOperation { Local: var source } && SymbolEqualityComparer.Default.Equals(source, buffer):
                        copiesChunk = true;
                        break;
                }
            }

            return grows && copiesChunk;
        }

        /// <summary>The byte-array local a read fills: <c>buffer</c>, <c>buffer.AsMemory(…)</c>, <c>new Memory&lt;byte&gt;(buffer)</c>.</summary>
        private static ILocalSymbol? BufferLocal(IOperation chunk)
        {
            foreach (IOperation operation in chunk.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation { Local: { Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } } local })
                {
                    return local;
                }
            }

            return null;
        }

        /// <summary>The loop the read runs in, in the same function (a lambda or local function stops the search).</summary>
        private static ILoopOperation? EnclosingLoop(IOperation operation)
        {
            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation loop:
                        return loop;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        private static bool ReadsLocal(ImmutableArray<IArgumentOperation> arguments, ILocalSymbol local)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                foreach (IOperation operation in argument.Value.DescendantsAndSelf())
                {
                    if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A destination held by a local declared before the loop, or by a parameter or field: it outlives each pass.</summary>
        private static bool IsMadeOutside(IOperation destination, ILoopOperation loop, CancellationToken cancellationToken)
        {
            destination = destination.WalkDownConversions();
            if (destination is not ILocalReferenceOperation { Local: var local })
            {
                return destination is IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation;
            }

            foreach (ValueWrite write in ValueFlow.For(destination, cancellationToken).Writes(local))
            {
                if (loop.Syntax.Span.Contains(write.Operation.Syntax.Span))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The loop empties the destination (<c>SetLength(0)</c>, <c>Clear()</c>) so it holds one chunk at a time.</summary>
        private static bool IsEmptiedIn(ILoopOperation loop, IOperation destination)
        {
            ISymbol? held = (destination.WalkDownConversions() as ILocalReferenceOperation)?.Local;
            foreach (IOperation operation in loop.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "SetLength" or "Clear", Instance: ILocalReferenceOperation { Local: var local } }
                    && SymbolEqualityComparer.Default.Equals(local, held))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsByteList(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "List", TypeArguments.Length: 1 } list
            && list.TypeArguments[0].SpecialType == SpecialType.System_Byte
            && list.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";

        private static IOperation? Argument(IInvocationOperation invocation, int ordinal)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        // ---- Sources: where a stream comes from ----

        /// <summary>
        /// Traces a stream or reader back through locals, awaits, readers and wrapping streams to an S3 object body or a
        /// parameter of the enclosing method.
        /// </summary>
        private Origin Resolve(IOperation? value, int depth, CancellationToken cancellationToken)
        {
            if (value is null || depth > MaxTraceDepth)
            {
                return Origin.Unknown;
            }

            value = value.WalkDownConversions();
            switch (value)
            {
                case IAwaitOperation awaited:
                    return Resolve(awaited.Operation, depth + 1, cancellationToken);
                case IInvocationOperation invocation:
                    return ResolveInvocation(invocation, depth, cancellationToken);
                case IPropertyReferenceOperation { Property.Name: ResponseStreamProperty } property
                    when property.Property.ContainingType.IsOrDerivesFrom(_streamResponse)
                        || property.Property.ContainingType.IsOrDerivesFrom(_openStreamResponse):
                    return IsRangedResponse(property.Instance, depth: 0, cancellationToken) || IsSizeChecked(property.Instance, cancellationToken)
                        ? Origin.Unknown
                        : Origin.S3Body;
                case IPropertyReferenceOperation { Property.Name: "BaseStream" } property
                    when property.Property.ContainingType.IsOrDerivesFrom(_streamReader) || property.Property.ContainingType.IsOrDerivesFrom(_binaryReader):
                    return Resolve(property.Instance, depth + 1, cancellationToken);
                case IObjectCreationOperation creation when IsReaderOrWrapper(creation.Type):
                    return Resolve(StreamArgument(creation), depth + 1, cancellationToken);
                case ILocalReferenceOperation reference:
                    return ResolveLocal(reference, depth, cancellationToken);
                case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter } reference:
                    return IsParameterWritten(reference, cancellationToken) ? Origin.Unknown : Origin.FromParameter(parameter);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    Origin whenTrueOrigin = Resolve(conditional.WhenTrue, depth + 1, cancellationToken);
                    return whenTrueOrigin.IsKnown && whenTrueOrigin.SameAs(Resolve(whenFalse, depth + 1, cancellationToken))
                        ? whenTrueOrigin
                        : Origin.Unknown;
                default:
                    return Origin.Unknown;
            }
        }

        private Origin ResolveInvocation(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
        {
            IMethodSymbol method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "ConfigureAwait" when invocation.Instance is { } task:
                    return Resolve(task, depth + 1, cancellationToken);
                case GetObjectStreamAsyncMethod when method.ContainingType.IsOrImplements(_coreAmazonS3):
                case OpenStreamMethod or OpenStreamAsyncMethod when method.ContainingType.IsOrImplements(_transferUtility):
                    return Origin.S3Body;
                default:
                    return HelperReturnsS3Body(method, cancellationToken) ? Origin.S3Body : Origin.Unknown;
            }
        }

        /// <summary>StreamReader, BinaryReader, and framework streams that only transform the stream they wrap.</summary>
        private bool IsReaderOrWrapper(ITypeSymbol? type)
        {
            if (type.IsOrDerivesFrom(_streamReader) || type.IsOrDerivesFrom(_binaryReader) || type.IsOrDerivesFrom(_bufferedStream))
            {
                return true;
            }

            return type is not null && type.IsOrDerivesFrom(_stream)
                && type.ContainingNamespace?.ToDisplayString() == "System.IO.Compression";
        }

        private IOperation? StreamArgument(IObjectCreationOperation creation)
        {
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter?.Type.IsOrDerivesFrom(_stream) == true)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>The origin every write of the local agrees on (writes of <c>null</c> aside), or unknown.</summary>
        private Origin ResolveLocal(ILocalReferenceOperation reference, int depth, CancellationToken cancellationToken)
        {
            Origin result = Origin.Unknown;
            bool any = false;
            foreach (IOperation? stored in LocalWrites(reference, cancellationToken))
            {
                if (stored is null)
                {
                    return Origin.Unknown;
                }

                if (IsNullConstant(stored))
                {
                    continue;
                }

                Origin origin = Resolve(stored, depth + 1, cancellationToken);
                if (!origin.IsKnown || (any && !origin.SameAs(result)))
                {
                    return Origin.Unknown;
                }

                result = origin;
                any = true;
            }

            return result;
        }

        /// <summary>
        /// The values stored into the referenced local anywhere in its body; a null entry stands for a write whose value
        /// cannot be seen (ref/out arguments, increments, foreach and catch variables, ref aliases). A pattern variable
        /// (<c>response.ResponseStream is { } body</c>) holds the matched value.
        /// </summary>
        private static System.Collections.Generic.IEnumerable<IOperation?> LocalWrites(
            ILocalReferenceOperation reference, CancellationToken cancellationToken)
        {
            foreach (ValueWrite write in ValueFlow.For(reference, cancellationToken).Writes(reference.Local))
            {
                yield return write.StoresValue ? write.Value : null;
            }
        }

        /// <summary>True when the body assigns the parameter, so a use may no longer be the caller's stream.</summary>
        private static bool IsParameterWritten(IParameterReferenceOperation reference, CancellationToken cancellationToken) =>
            !ValueFlow.For(reference, cancellationToken).IsNeverWritten(reference.Parameter);

        private static bool IsNullConstant(IOperation value) =>
            value.WalkDownConversions() is { ConstantValue: { HasValue: true, Value: null } };

        // ---- Ranged reads ----

        /// <summary>True when the response comes from a GetObject call whose request sets <c>ByteRange</c>.</summary>
        private bool IsRangedResponse(IOperation? response, int depth, CancellationToken cancellationToken)
        {
            if (response is null || depth > MaxTraceDepth)
            {
                return false;
            }

            response = response.WalkDownConversions();
            switch (response)
            {
                case IAwaitOperation awaited:
                    return IsRangedResponse(awaited.Operation, depth + 1, cancellationToken);
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                    return IsRangedResponse(task, depth + 1, cancellationToken);
                case IInvocationOperation { TargetMethod.Name: "GetObjectAsync" or "GetObject" } call
                    when call.TargetMethod.ContainingType.IsOrImplements(_amazonS3):
                    foreach (IArgumentOperation argument in call.Arguments)
                    {
                        if (argument.Parameter?.Type.IsOrDerivesFrom(_getObjectRequest) == true
                            && SetsByteRange(argument.Value, depth + 1, cancellationToken))
                        {
                            return true;
                        }
                    }

                    return false;
                case ILocalReferenceOperation reference:
                    foreach (IOperation? stored in LocalWrites(reference, cancellationToken))
                    {
                        if (stored is not null && IsRangedResponse(stored, depth + 1, cancellationToken))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private bool SetsByteRange(IOperation request, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxTraceDepth)
            {
                return false;
            }

            request = request.WalkDownConversions();
            switch (request)
            {
                case IObjectCreationOperation { Initializer: { } initializer }:
                    foreach (IOperation initialized in initializer.Initializers)
                    {
                        if (initialized is ISimpleAssignmentOperation assignment && IsByteRangeWrite(assignment))
                        {
                            return true;
                        }
                    }

                    return false;
                case ILocalReferenceOperation reference:
                    foreach (IOperation? stored in LocalWrites(reference, cancellationToken))
                    {
                        if (stored is not null && SetsByteRange(stored, depth + 1, cancellationToken))
                        {
                            return true;
                        }
                    }

                    // A later `request.ByteRange = ...;`.
                    foreach (IOperation read in ValueFlow.For(reference, cancellationToken).Reads(reference.Local))
                    {
                        if (read.Parent is IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation assignment } target
                            && assignment.Target == target
                            && IsByteRangeWrite(assignment))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private bool IsByteRangeWrite(ISimpleAssignmentOperation assignment) =>
            assignment.Target is IPropertyReferenceOperation { Property: { Name: "ByteRange" } property }
            && property.ContainingType.IsOrDerivesFrom(_getObjectRequest)
            && !IsNullConstant(assignment.Value);

        /// <summary>
        /// True when the method compares the response's <c>ContentLength</c> with a bound (<c>&gt;</c>, <c>&lt;=</c>, a
        /// relational pattern): the code has decided how large a body it is willing to hold.
        /// </summary>
        private bool IsSizeChecked(IOperation? response, CancellationToken cancellationToken)
        {
            ISymbol? owner = response?.WalkDownConversions() switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

            return owner is not null && (IsLengthBounded(owner, response!, cancellationToken) || IsHeadChecked(response!, cancellationToken));
        }

        /// <summary>
        /// True when the same method first asks S3 for the object's metadata (<c>GetObjectMetadata[Async]</c>, a HEAD
        /// request) for the same bucket and key, and bounds the <c>ContentLength</c> it returns: the GET then reads an
        /// object whose size the code has checked.
        /// </summary>
        private bool IsHeadChecked(IOperation response, CancellationToken cancellationToken)
        {
            if (response.WalkDownConversions() is not ILocalReferenceOperation { Local: var local }
                || ValueFlow.For(response, cancellationToken).SingleValue(local) is not { } stored
                || Unawaited(stored) is not IInvocationOperation { TargetMethod.Name: "GetObject" or "GetObjectAsync" } get
                || ObjectAddress(get) is not { } address)
            {
                return false;
            }

            foreach (IOperation operation in ValueFlow.For(response, cancellationToken).Root.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "GetObjectMetadata" or "GetObjectMetadataAsync" } head
                    && head.TargetMethod.ContainingType.IsOrImplements(_amazonS3)
                    && head.Syntax.SpanStart < get.Syntax.SpanStart
                    && ObjectAddress(head) is { } headAddress && headAddress.Bucket == address.Bucket && headAddress.Key == address.Key
                    && HeldBy(head) is { } metadata
                    && IsLengthBounded(metadata, head, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation Unawaited(IOperation value)
        {
            IOperation current = value.WalkDownConversions();
            while (true)
            {
                switch (current)
                {
                    case IAwaitOperation awaited:
                        current = awaited.Operation.WalkDownConversions();
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                        current = task.WalkDownConversions();
                        continue;
                    default:
                        return current;
                }
            }
        }

        /// <summary>The local a call's (awaited) result is stored in: <c>var metadata = await s3.GetObjectMetadataAsync(…);</c>.</summary>
        private static ILocalSymbol? HeldBy(IOperation call)
        {
            IOperation current = call;
            while (current.Parent is IConversionOperation or IAwaitOperation
                || current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == current)
            {
                current = current.Parent;
            }

            return current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
        }

        /// <summary>
        /// Bucket and key of an S3 call, each as a constant's text or the name of the local, parameter or member that holds
        /// it: from the <c>(bucketName, key)</c> overload, or from a request created with both in its initializer.
        /// </summary>
        private static (string Bucket, string Key)? ObjectAddress(IInvocationOperation call)
        {
            string? bucket = null;
            string? key = null;
            foreach (IArgumentOperation argument in call.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "bucketName":
                        bucket = Identity(argument.Value);
                        break;
                    case "key":
                        key = Identity(argument.Value);
                        break;
                    case "request" when argument.Value.WalkDownConversions() is IObjectCreationOperation { Initializer: { } initializer }:
                        foreach (IOperation initialized in initializer.Initializers)
                        {
                            if (initialized is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } assignment)
                            {
                                if (name == "BucketName")
                                {
                                    bucket = Identity(assignment.Value);
                                }
                                else if (name == "Key")
                                {
                                    key = Identity(assignment.Value);
                                }
                            }
                        }

                        break;
                }
            }

            return bucket is not null && key is not null ? (bucket, key) : null;
        }

        private static string? Identity(IOperation value)
        {
            value = value.WalkDownConversions();
            return value switch
            {
                { ConstantValue: { HasValue: true, Value: string text } } => "\"" + text,
                ILocalReferenceOperation local => "local " + local.Local.Name,
                IParameterReferenceOperation parameter => "parameter " + parameter.Parameter.Name,
                IFieldReferenceOperation field => "member " + field.Syntax,
                IPropertyReferenceOperation property => "member " + property.Syntax,
                _ => null,
            };
        }

        /// <summary>True when the method compares the <c>ContentLength</c> read from <paramref name="owner"/> with a limit.</summary>
        private bool IsLengthBounded(ISymbol owner, IOperation inBody, CancellationToken cancellationToken)
        {
            foreach (IOperation read in ValueFlow.For(inBody, cancellationToken).Reads(owner))
            {
                // response.ContentLength, or response.Headers.ContentLength, compared with a bound.
                IOperation? length = read.Parent;
                if (length is IPropertyReferenceOperation { Property.Name: "Headers" } headers && headers.Type.IsOrDerivesFrom(_headersCollection))
                {
                    length = headers.Parent;
                }

                if (length is not IPropertyReferenceOperation { Property.Name: "ContentLength" })
                {
                    continue;
                }

                IOperation compared = length;
                while (compared.Parent is IConversionOperation conversion)
                {
                    compared = conversion;
                }

                bool bounded = compared.Parent switch
                {
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } binary =>
                        IsLimit(binary.LeftOperand == compared ? binary.RightOperand : binary.LeftOperand),
                    IIsPatternOperation { Pattern: IRelationalPatternOperation or IBinaryPatternOperation } pattern => HasLimit(pattern.Pattern),
                    _ => false,
                };

                if (bounded)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A value a length can be bounded by. <c>ContentLength &gt; 0</c> only tells an empty body from another: it
        /// bounds nothing, so a constant of zero or less is no limit.
        /// </summary>
        private static bool IsLimit(IOperation value) =>
            value.WalkDownConversions().ConstantValue is not { HasValue: true, Value: { } constant }
            || constant is not (int or long or short or byte or uint or ulong or double or float or decimal)
            || System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture) > 0;

        private static bool HasLimit(IPatternOperation pattern)
        {
            foreach (IOperation operation in pattern.DescendantsAndSelf())
            {
                if (operation is IRelationalPatternOperation relational && IsLimit(relational.Value))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- Sinks: what counts as holding the whole body ----

        private bool IsMemoryDestination(IOperation destination, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxTraceDepth)
            {
                return false;
            }

            destination = destination.WalkDownConversions();
            switch (destination)
            {
                case IObjectCreationOperation creation:
                    // A MemoryStream over a caller's byte array cannot grow, so it does not hold an unbounded body.
                    return creation.Type.IsOrDerivesFrom(_memoryStream) && !HasArrayArgument(creation);
                case ILocalReferenceOperation reference:
                    bool any = false;
                    foreach (IOperation? stored in LocalWrites(reference, cancellationToken))
                    {
                        if (stored is null)
                        {
                            return false;
                        }

                        if (IsNullConstant(stored))
                        {
                            continue;
                        }

                        if (!IsMemoryDestination(stored, depth + 1, cancellationToken))
                        {
                            return false;
                        }

                        any = true;
                    }

                    return any;
                case IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                    return destination.Type.IsOrDerivesFrom(_memoryStream);
                default:
                    return false;
            }
        }

        private static bool HasArrayArgument(IObjectCreationOperation creation)
        {
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter?.Type is IArrayTypeSymbol)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A count taken from the body's length: <c>ContentLength</c>, a stream's <c>Length</c>, or <c>int.MaxValue</c>.</summary>
        private bool IsBodySized(IOperation count, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxTraceDepth)
            {
                return false;
            }

            count = count.WalkDownConversions();
            if (count.ConstantValue is { HasValue: true, Value: int.MaxValue })
            {
                return true;
            }

            switch (count)
            {
                case IPropertyReferenceOperation { Property: { Name: "Length" } property }:
                    return property.ContainingType.IsOrDerivesFrom(_stream);
                case IPropertyReferenceOperation { Property: { Name: "ContentLength" } property }:
                    return property.ContainingType.IsOrDerivesFrom(_webServiceResponse) || property.ContainingType.IsOrDerivesFrom(_headersCollection);
                case ILocalReferenceOperation reference:
                    return AllWrites(reference, stored => IsBodySized(stored, depth + 1, cancellationToken), cancellationToken);
                default:
                    return false;
            }
        }

        /// <summary>A byte buffer allocated with a body-sized length (an array, a pooled or uninitialized array, or a view of one).</summary>
        private bool IsBodySizedBuffer(IOperation buffer, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxTraceDepth)
            {
                return false;
            }

            buffer = buffer.WalkDownConversions();
            switch (buffer)
            {
                case IArrayCreationOperation { DimensionSizes.Length: 1 } array:
                    return IsBodySized(array.DimensionSizes[0], depth + 1, cancellationToken);
                case IInvocationOperation { TargetMethod.Name: "Rent" or "AllocateUninitializedArray" or "AllocateArray" } allocation
                    when allocation.Arguments.Length > 0:
                    return IsBodySized(allocation.Arguments[0].Value, depth + 1, cancellationToken);
                case IInvocationOperation { TargetMethod.Name: "AsMemory" or "AsSpan", Arguments.Length: 1 } view:
                    return IsBodySizedBuffer(view.Arguments[0].Value, depth + 1, cancellationToken);
                case IInvocationOperation { TargetMethod.Name: "AsMemory" or "AsSpan", Arguments.Length: 3 } slice:
                    // array.AsMemory(start, length): the slice's length decides how much is read.
                    return IsBodySized(slice.Arguments[2].Value, depth + 1, cancellationToken);
                case IObjectCreationOperation { Arguments.Length: 1 } view
                    when view.Type is INamedTypeSymbol { Name: "Memory" or "Span" }:
                    return IsBodySizedBuffer(view.Arguments[0].Value, depth + 1, cancellationToken);
                case ILocalReferenceOperation reference:
                    return AllWrites(reference, stored => IsBodySizedBuffer(stored, depth + 1, cancellationToken), cancellationToken);
                default:
                    return false;
            }
        }

        private static bool AllWrites(ILocalReferenceOperation reference, System.Func<IOperation, bool> predicate, CancellationToken cancellationToken)
        {
            bool any = false;
            foreach (IOperation? stored in LocalWrites(reference, cancellationToken))
            {
                if (stored is null || !predicate(stored))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        // ---- One call hop ----

        /// <summary>True when every project method the call can run returns an S3 object body (<c>return response.ResponseStream;</c>).</summary>
        private bool HelperReturnsS3Body(IMethodSymbol method, CancellationToken cancellationToken)
        {
            ITypeSymbol returned = method.ReturnType is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
                ? task.TypeArguments[0]
                : method.ReturnType;
            if (!returned.IsOrDerivesFrom(_stream))
            {
                return false;
            }

            ImmutableArray<IMethodSymbol> implementations = _hops.Implementations(method, cancellationToken);
            return !implementations.IsEmpty && implementations.All(m => _hops.Summary(m, _returnsS3Body, cancellationToken));
        }

        /// <summary>A project method whose every <c>return</c> (at least one) hands back an S3 object body.</summary>
        private sealed class ReturnsS3Body : CallFact<bool>
        {
            private readonly AnalyzerContext _rule;

            public ReturnsS3Body(AnalyzerContext rule) => _rule = rule;

            public override bool Unknown => false;

            public override bool Summarize(IMethodSymbol method, IOperation body, CallHops hops, CancellationToken cancellationToken)
            {
                bool any = false;
                foreach (IOperation operation in body.DescendantsAndSelf())
                {
                    if (operation is IReturnOperation { ReturnedValue: { } value } && IsOwnReturn(operation, body))
                    {
                        if (!_rule.Resolve(value, depth: 0, cancellationToken).IsS3Body)
                        {
                            return false;
                        }

                        any = true;
                    }
                }

                return any;
            }

            /// <summary>A return of the method itself, not of a lambda or local function inside it.</summary>
            private static bool IsOwnReturn(IOperation operation, IOperation body)
            {
                for (IOperation? current = operation.Parent; current is not null && current != body; current = current.Parent)
                {
                    if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>True when the call passes an S3 body to a project method that reads that parameter whole (every override the call can run, when it is virtual).</summary>
        private bool HelperReadsS3BodyWhole(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            IMethodSymbol method = invocation.TargetMethod.OriginalDefinition;

            // Cheapest first: most calls go to the framework or the SDK, whose bodies are not summarized.
            if (!_hops.IsProjectMethod(method) || invocation.Arguments.IsEmpty || !HasBodyArgument(invocation))
            {
                return false;
            }

            ImmutableArray<IMethodSymbol> implementations = _hops.Implementations(method, cancellationToken);
            long buffered = implementations.IsEmpty ? 0 : -1L;
            foreach (IMethodSymbol implementation in implementations)
            {
                buffered &= _hops.Summary(implementation, _readsParameterWhole, cancellationToken);
            }

            if (buffered == 0)
            {
                return false;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter is { Ordinal: < 64 and var ordinal }
                    && (buffered & (1L << ordinal)) != 0
                    && Resolve(argument.Value, depth: 0, cancellationToken).IsS3Body)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Some argument is passed as a stream or reader: read from the arguments' values, typed as their parameters,
        /// which the operation holds; the method's Parameters are a new array at each read, on every project call.
        /// </summary>
        private bool HasBodyArgument(IInvocationOperation invocation)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Value.Type is { SpecialType: SpecialType.None, IsReferenceType: true } type && CanCarryBody(type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A stream, or a reader that can sit over one.</summary>
        private bool CanCarryBody(ITypeSymbol type) =>
            type.IsOrDerivesFrom(_stream) || type.IsOrDerivesFrom(_textReader) || type.IsOrDerivesFrom(_binaryReader);

        /// <summary>The parameters (a bit per ordinal) of a project method that its body reads whole.</summary>
        private sealed class ReadsParameterWhole : CallFact<long>
        {
            private readonly AnalyzerContext _rule;

            public ReadsParameterWhole(AnalyzerContext rule) => _rule = rule;

            public override long Unknown => 0;

            public override long Summarize(IMethodSymbol method, IOperation body, CallHops hops, CancellationToken cancellationToken) =>
                _rule.BufferedParameters(method, body, cancellationToken);
        }

        private long BufferedParameters(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
        {
            long buffered = 0;
            foreach (IOperation operation in body.Descendants())
            {
                if (operation is not IInvocationOperation invocation || BufferedOperand(invocation, cancellationToken, out _) is not { } operand)
                {
                    continue;
                }

                Origin origin = Resolve(operand, depth: 0, cancellationToken);
                if (origin.Parameter is { Ordinal: < 64 } parameter
                    && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
                {
                    buffered |= 1L << parameter.Ordinal;
                }
            }

            return buffered;
        }
    }
}
