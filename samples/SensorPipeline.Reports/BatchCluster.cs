using Amazon.ElasticMapReduce;
using Amazon.ElasticMapReduce.Model;

namespace SensorPipeline.Reports;

/// <summary>
/// Starts the long-running EMR cluster that aggregates sensor readings with Spark, as the guide's cluster is set up:
/// Spot capacity for the core nodes and a Spark memory key that Spark does not know.
/// </summary>
public sealed class BatchCluster
{
    private readonly IAmazonElasticMapReduce _emr;

    public BatchCluster(IAmazonElasticMapReduce emr) => _emr = emr;

    public Task<RunJobFlowResponse> StartAsync(CancellationToken cancellationToken) =>
        _emr.RunJobFlowAsync(
            new RunJobFlowRequest
            {
                Name = "iot-aggregation",
                ReleaseLabel = "emr-7.1.0",
                Instances = new JobFlowInstancesConfig
                {
                    InstanceGroups = new List<InstanceGroupConfig>
                    {
                        new InstanceGroupConfig { InstanceRole = InstanceRoleType.MASTER, InstanceType = "m5.xlarge", InstanceCount = 1 },
                        new InstanceGroupConfig
                        {
                            InstanceRole = InstanceRoleType.CORE,
                            InstanceType = "r5.2xlarge",
                            InstanceCount = 4,
                            Market = MarketType.SPOT, // AWS022
                        },
                    },
                    KeepJobFlowAliveWhenNoSteps = true,
                },
                Configurations = new List<Configuration>
                {
                    new Configuration
                    {
                        Classification = "spark-defaults",
                        Properties = new Dictionary<string, string>
                        {
                            ["spark.executor.memoryFraction"] = "0.8", // AWS022 nofix
                        },
                    },
                },
                Steps = new List<StepConfig>
                {
                    new StepConfig
                    {
                        Name = "aggregate",
                        ActionOnFailure = ActionOnFailure.TERMINATE_JOB_FLOW, // AWS022
                        HadoopJarStep = new HadoopJarStepConfig { Jar = "command-runner.jar", Args = new List<string> { "spark-submit", "s3://iot-jobs/aggregate.py" } },
                    },
                },
            },
            cancellationToken);
}
