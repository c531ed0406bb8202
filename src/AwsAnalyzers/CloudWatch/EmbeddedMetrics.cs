using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using AwsAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwsAnalyzers.CloudWatch;

/// <summary>
/// A <c>PutMetricData</c> call whose request is written out in place with constant names, read as the embedded metric
/// format (EMF) document that would carry the same data in one log line: the namespace, each metric's name, unit and
/// value, and the dimensions every datum shares.
/// </summary>
/// <remarks>
/// Read only when the call's result is discarded (a statement), the namespace, metric names, units and dimension
/// names are constants, every datum has the same dimensions with the same value expressions (an EMF document has one
/// value per root member), and no datum uses what the format would write differently (a timestamp of its own, a
/// storage resolution, statistic sets or value arrays).
/// </remarks>
internal sealed class EmbeddedMetrics
{
    private const string StandardUnitName = "StandardUnit";

    private EmbeddedMetrics(IInvocationOperation call, string metricNamespace, ImmutableArray<Metric> metrics, ImmutableArray<MetricDimension> dimensions)
    {
        Call = call;
        Namespace = metricNamespace;
        Metrics = metrics;
        Dimensions = dimensions;
    }

    /// <summary>The <c>PutMetricData[Async]</c> call.</summary>
    public IInvocationOperation Call { get; }

    public string Namespace { get; }

    public ImmutableArray<Metric> Metrics { get; }

    /// <summary>The dimensions of every datum, with the values of the first.</summary>
    public ImmutableArray<MetricDimension> Dimensions { get; }

    internal readonly struct Metric
    {
        public Metric(string name, string? unit, IOperation value)
        {
            Name = name;
            Unit = unit;
            Value = value;
        }

        public string Name { get; }

        /// <summary>The unit as CloudWatch writes it (<c>Count/Second</c>), or null when the datum sets none.</summary>
        public string? Unit { get; }

        public IOperation Value { get; }
    }

    internal readonly struct MetricDimension
    {
        public MetricDimension(string name, IOperation value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public IOperation Value { get; }
    }

    /// <summary>The document the call's request would make, or null when it cannot be written as one.</summary>
    public static EmbeddedMetrics? Read(IInvocationOperation call)
    {
        IOperation result = call;
        while (result.Parent is IAwaitOperation or IConversionOperation
            || (result.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == result))
        {
            result = result.Parent;
        }

        if (result.Parent is not IExpressionStatementOperation || Request(call) is not { Initializer: { } initializer })
        {
            return null;
        }

        string? metricNamespace = null;
        ImmutableArray<IOperation> data = default;
        foreach (IOperation member in initializer.Initializers)
        {
            switch (member)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Namespace" }, Value.ConstantValue: { HasValue: true, Value: string text } }:
                    metricNamespace = text;
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "MetricData" }, Value: var list }:
                    data = Items(list.WalkDownConversions());
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "MetricData" }, Initializer: var list }:
                    data = Items(list);
                    break;
                default:
                    return null;
            }
        }

        if (metricNamespace is null || data.IsDefaultOrEmpty)
        {
            return null;
        }

        var metrics = ImmutableArray.CreateBuilder<Metric>(data.Length);
        ImmutableArray<MetricDimension> dimensions = default;
        var rootNames = new HashSet<string>(StringComparer.Ordinal) { "_aws" };
        foreach (IOperation datum in data)
        {
            if (Datum(datum, out ImmutableArray<MetricDimension> datumDimensions) is not { } metric
                || !rootNames.Add(metric.Name)
                || (!dimensions.IsDefault && !SameDimensions(dimensions, datumDimensions)))
            {
                return null;
            }

            if (dimensions.IsDefault)
            {
                dimensions = datumDimensions;
                foreach (MetricDimension dimension in dimensions)
                {
                    if (!rootNames.Add(dimension.Name))
                    {
                        return null;
                    }
                }
            }

            metrics.Add(metric);
        }

        return new EmbeddedMetrics(call, metricNamespace, metrics.MoveToImmutable(), dimensions);
    }

    private static IObjectCreationOperation? Request(IInvocationOperation call)
    {
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (argument.Parameter?.Type.Name == "PutMetricDataRequest")
            {
                return argument.Value.WalkDownConversions() as IObjectCreationOperation;
            }
        }

        return null;
    }

    /// <summary>The elements of <c>new List&lt;T&gt; { a, b }</c> or of a member's <c>{ a, b }</c>, or default for any other list.</summary>
    private static ImmutableArray<IOperation> Items(IOperation? list)
    {
        IObjectOrCollectionInitializerOperation? initializer = list switch
        {
            IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: var created } => created,
            IObjectOrCollectionInitializerOperation written => written,
            _ => null,
        };

        if (initializer is null)
        {
            return default;
        }

        var items = ImmutableArray.CreateBuilder<IOperation>(initializer.Initializers.Length);
        foreach (IOperation element in initializer.Initializers)
        {
            if (element is not IInvocationOperation { Arguments.Length: 1 } add)
            {
                return default;
            }

            items.Add(add.Arguments[0].Value.WalkDownConversions());
        }

        return items.MoveToImmutable();
    }

    private static Metric? Datum(IOperation datum, out ImmutableArray<MetricDimension> dimensions)
    {
        dimensions = ImmutableArray<MetricDimension>.Empty;
        if (datum is not IObjectCreationOperation { Initializer: { } initializer })
        {
            return null;
        }

        string? name = null;
        string? unit = null;
        IOperation? value = null;
        foreach (IOperation member in initializer.Initializers)
        {
            switch (member)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "MetricName" }, Value.ConstantValue: { HasValue: true, Value: string text } }:
                    name = text;
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Unit" }, Value: var written }:
                    if (Unit(written) is not { } constant)
                    {
                        return null;
                    }

                    unit = constant;
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Value" }, Value: var number }:
                    value = number;
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Dimensions" }, Value: var list }:
                    if (DimensionList(Items(list.WalkDownConversions())) is not { IsDefault: false } listed)
                    {
                        return null;
                    }

                    dimensions = listed;
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "Dimensions" }, Initializer: var list }:
                    if (DimensionList(Items(list)) is not { IsDefault: false } added)
                    {
                        return null;
                    }

                    dimensions = added;
                    break;
                default:
                    return null;
            }
        }

        return name is null || value is null ? null : new Metric(name, unit, value);
    }

    private static ImmutableArray<MetricDimension> DimensionList(ImmutableArray<IOperation> items)
    {
        if (items.IsDefault)
        {
            return default;
        }

        var dimensions = ImmutableArray.CreateBuilder<MetricDimension>(items.Length);
        foreach (IOperation item in items)
        {
            string? name = null;
            IOperation? value = null;
            if (item is not IObjectCreationOperation { Initializer: { } initializer })
            {
                return default;
            }

            foreach (IOperation member in initializer.Initializers)
            {
                switch (member)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name" }, Value.ConstantValue: { HasValue: true, Value: string text } }:
                        name = text;
                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Value" }, Value: var written }:
                        value = written;
                        break;
                    default:
                        return default;
                }
            }

            if (name is null || value is null)
            {
                return default;
            }

            dimensions.Add(new MetricDimension(name, value));
        }

        return dimensions.MoveToImmutable();
    }

    private static bool SameDimensions(ImmutableArray<MetricDimension> first, ImmutableArray<MetricDimension> other)
    {
        if (first.Length != other.Length)
        {
            return false;
        }

        for (int i = 0; i < first.Length; i++)
        {
            if (first[i].Name != other[i].Name || !first[i].Value.Syntax.IsEquivalentTo(other[i].Value.Syntax, topLevel: false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The unit CloudWatch writes for <c>StandardUnit.X</c> (<c>StandardUnit.CountSecond</c> is <c>Count/Second</c>),
    /// or for a constant string converted to one; null for any other value.
    /// </summary>
    private static string? Unit(IOperation value)
    {
        if (value is IConversionOperation { Operand.ConstantValue: { HasValue: true, Value: string text } })
        {
            return text;
        }

        if (value.WalkDownConversions() is IFieldReferenceOperation { Field: { IsStatic: true, ContainingType.Name: StandardUnitName } field })
        {
            const string PerSecond = "Second";
            return field.Name.EndsWith(PerSecond, StringComparison.Ordinal) && field.Name.Length > PerSecond.Length
                ? field.Name.Substring(0, field.Name.Length - PerSecond.Length) + "/" + PerSecond
                : field.Name;
        }

        return null;
    }
}
