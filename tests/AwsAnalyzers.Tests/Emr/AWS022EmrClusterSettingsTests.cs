using System.Threading.Tasks;
using AwsAnalyzers.Emr;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Emr.AWS022EmrClusterSettingsAnalyzer,
    AwsAnalyzers.Emr.AWS022EmrClusterSettingsCodeFix>;

namespace AwsAnalyzers.Tests.Emr;

public class AWS022EmrClusterSettingsTests
{
    private static DiagnosticResult SpotGroup(int location, string role, string loss) =>
        VerifyCS.Diagnostic(AWS022EmrClusterSettingsAnalyzer.SpotGroupRule).WithLocation(location).WithArguments(role, loss)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult SparkKey(int location, string key, string reason) =>
        VerifyCS.Diagnostic(AWS022EmrClusterSettingsAnalyzer.SparkKeyRule).WithLocation(location).WithArguments(key, reason);

    private static DiagnosticResult LegacyAction(int location) =>
        VerifyCS.Diagnostic(AWS022EmrClusterSettingsAnalyzer.LegacyActionRule).WithLocation(location);

    private const string Primary = "ends the whole cluster";
    private const string Core = "loses the HDFS blocks of those nodes and the steps that need them";
    private const string NotSpark = "it is not a Spark property";
    private const string Legacy = "it applied only to the legacy memory manager, which Spark 1.6 replaced with unified memory management";

    private const string SpotCluster = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.ElasticMapReduce;
        using Amazon.ElasticMapReduce.Model;

        class Clusters
        {
            Task<RunJobFlowResponse> StartAsync(IAmazonElasticMapReduce emr) => emr.RunJobFlowAsync(new RunJobFlowRequest
            {
                Name = "iot-batch",
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
                            {|#0:Market = MarketType.SPOT|},
                            BidPrice = "0.30",
                        },
                        new InstanceGroupConfig(InstanceRoleType.TASK, "r5.2xlarge", 8) { Market = MarketType.SPOT },
                    },
                    KeepJobFlowAliveWhenNoSteps = true,
                },
            });
        }
        """;

    private const string OnDemandCluster = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.ElasticMapReduce;
        using Amazon.ElasticMapReduce.Model;

        class Clusters
        {
            Task<RunJobFlowResponse> StartAsync(IAmazonElasticMapReduce emr) => emr.RunJobFlowAsync(new RunJobFlowRequest
            {
                Name = "iot-batch",
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
                            Market = MarketType.ON_DEMAND,
                        },
                        new InstanceGroupConfig(InstanceRoleType.TASK, "r5.2xlarge", 8) { Market = MarketType.SPOT },
                    },
                    KeepJobFlowAliveWhenNoSteps = true,
                },
            });
        }
        """;

    // ---- (a) Spot for the primary or core nodes ----

    [Fact]
    public async Task A_core_group_on_spot_is_reported_and_runs_on_demand_without_its_bid()
    {
        await VerifyCS.VerifyCodeFixAsync(SpotCluster, OnDemandCluster, null, SpotGroup(0, "CORE", Core));
    }

    [Fact]
    public async Task The_same_on_v3_shapes()
    {
        var test = new VerifyCS.Test { TestCode = SpotCluster, FixedCode = OnDemandCluster };
        test.ExpectedDiagnostics.Add(SpotGroup(0, "CORE", Core));
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_primary_group_with_a_bid_price_added_to_a_cluster_is_reported_and_fix_all_fixes_both()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Clusters
            {
                Task<AddInstanceGroupsResponse> GrowAsync(IAmazonElasticMapReduce emr, string clusterId)
                {
                    var primary = {|#0:new InstanceGroupConfig(InstanceRoleType.MASTER, "m5.xlarge", 1)|};
                    primary.BidPrice = "OnDemandPrice";
                    var core = {|#1:new InstanceGroupConfig { InstanceRole = "CORE", InstanceType = "r5.xlarge", InstanceCount = 2 }|};
                    core.Market = "SPOT";
                    var request = new AddInstanceGroupsRequest { JobFlowId = clusterId, InstanceGroups = new List<InstanceGroupConfig>() };
                    request.InstanceGroups.Add(primary);
                    return emr.AddInstanceGroupsAsync(new AddInstanceGroupsRequest(clusterId, new List<InstanceGroupConfig> { core }));
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Clusters
            {
                Task<AddInstanceGroupsResponse> GrowAsync(IAmazonElasticMapReduce emr, string clusterId)
                {
                    var primary = new InstanceGroupConfig(InstanceRoleType.MASTER, "m5.xlarge", 1);
                    var core = new InstanceGroupConfig { InstanceRole = "CORE", InstanceType = "r5.xlarge", InstanceCount = 2 };
                    core.Market = "ON_DEMAND";
                    var request = new AddInstanceGroupsRequest { JobFlowId = clusterId, InstanceGroups = new List<InstanceGroupConfig>() };
                    request.InstanceGroups.Add(primary);
                    return emr.AddInstanceGroupsAsync(new AddInstanceGroupsRequest(clusterId, new List<InstanceGroupConfig> { core }));
                }
            }
            """,
            null,
            SpotGroup(0, "MASTER", Primary), SpotGroup(1, "CORE", Core));
    }

    [Fact]
    public async Task A_core_fleet_with_spot_capacity_is_reported_at_info_without_a_fix()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Fleets
            {
                JobFlowInstancesConfig Build() => new JobFlowInstancesConfig
                {
                    InstanceFleets = new List<InstanceFleetConfig>
                    {
                        new InstanceFleetConfig { InstanceFleetType = InstanceFleetType.MASTER, TargetOnDemandCapacity = 1 },
                        new InstanceFleetConfig { InstanceFleetType = InstanceFleetType.CORE, TargetOnDemandCapacity = 2, {|#0:TargetSpotCapacity = 6|} },
                        new InstanceFleetConfig { InstanceFleetType = InstanceFleetType.TASK, TargetSpotCapacity = 20 },
                    },
                };
            }
            """,
            VerifyCS.Diagnostic(AWS022EmrClusterSettingsAnalyzer.SpotFleetRule).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("CORE", "6", Core));
    }

    [Fact]
    public async Task Transient_clusters_report_spot_groups_at_info_and_fleets_not_at_all()
    {
        var test = new VerifyCS.Test
        {
            TestCode = SpotCluster.Replace("KeepJobFlowAliveWhenNoSteps = true,", "KeepJobFlowAliveWhenNoSteps = false, InstanceFleets = new List<InstanceFleetConfig> { new InstanceFleetConfig { InstanceFleetType = InstanceFleetType.CORE, TargetSpotCapacity = 4 } },"),
        };
        test.FixedCode = OnDemandCluster.Replace("KeepJobFlowAliveWhenNoSteps = true,", "KeepJobFlowAliveWhenNoSteps = false, InstanceFleets = new List<InstanceFleetConfig> { new InstanceFleetConfig { InstanceFleetType = InstanceFleetType.CORE, TargetSpotCapacity = 4 } },");
        test.ExpectedDiagnostics.Add(SpotGroup(0, "CORE", Core).WithSeverity(DiagnosticSeverity.Info));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\naws_analyzers.AWS022.transient_clusters = true\n"));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\naws_analyzers.AWS022.transient_clusters = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Spot_task_groups_groups_outside_a_cluster_and_unknown_roles_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Groups
            {
                static InstanceGroupConfig Unused() => new InstanceGroupConfig { InstanceRole = InstanceRoleType.CORE, Market = MarketType.SPOT };

                static void Keep(InstanceGroupConfig group) { }

                JobFlowInstancesConfig Build(InstanceRoleType role)
                {
                    var passedOn = new InstanceGroupConfig { InstanceRole = InstanceRoleType.CORE, Market = MarketType.SPOT };
                    Keep(passedOn);
                    return new JobFlowInstancesConfig
                    {
                        InstanceGroups = new List<InstanceGroupConfig>
                        {
                            new InstanceGroupConfig { InstanceRole = InstanceRoleType.TASK, Market = MarketType.SPOT, BidPrice = "0.2" },
                            new InstanceGroupConfig { InstanceRole = role, Market = MarketType.SPOT },
                            new InstanceGroupConfig { InstanceRole = InstanceRoleType.CORE, Market = MarketType.ON_DEMAND },
                            new InstanceGroupConfig { InstanceRole = InstanceRoleType.MASTER, BidPrice = null },
                        },
                    };
                }
            }
            """);
    }

    // ---- (b) Spark keys Spark ignores ----

    [Fact]
    public async Task Ignored_spark_keys_in_spark_defaults_and_step_arguments_are_reported_without_a_fix()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Settings
            {
                List<Configuration> Configurations() => new List<Configuration>
                {
                    new Configuration
                    {
                        Classification = "spark-defaults",
                        Properties = new Dictionary<string, string>
                        {
                            [{|#0:"spark.executor.memoryFraction"|}] = "0.8",
                            ["spark.executor.memory"] = "8g",
                        },
                    },
                    new Configuration
                    {
                        Classification = "spark-defaults",
                        Properties = new Dictionary<string, string> { { {|#1:"spark.storage.memoryFraction"|}, "0.5" } },
                    },
                };

                Configuration Statements()
                {
                    var defaults = new Configuration { Classification = "spark-defaults", Properties = new Dictionary<string, string>() };
                    defaults.Properties.Add({|#2:"spark.shuffle.memoryFraction"|}, "0.3");
                    defaults.Properties[{|#3:"spark.storage.unrollFraction"|}] = "0.2";
                    return defaults;
                }

                StepConfig Step() => new StepConfig
                {
                    Name = "aggregate",
                    ActionOnFailure = ActionOnFailure.CONTINUE,
                    HadoopJarStep = new HadoopJarStepConfig
                    {
                        Jar = "command-runner.jar",
                        Args = new List<string> { "spark-submit", "--conf", {|#4:"spark.executor.memoryFraction=0.8"|}, {|#5:"--conf spark.storage.memoryFraction=0.4"|}, "--conf", "spark.memory.fraction=0.7", "s3://jobs/aggregate.py" },
                    },
                };
            }
            """,
            SparkKey(0, "spark.executor.memoryFraction", NotSpark),
            SparkKey(1, "spark.storage.memoryFraction", Legacy),
            SparkKey(2, "spark.shuffle.memoryFraction", Legacy),
            SparkKey(3, "spark.storage.unrollFraction", Legacy),
            SparkKey(4, "spark.executor.memoryFraction", NotSpark),
            SparkKey(5, "spark.storage.memoryFraction", Legacy));
    }

    [Fact]
    public async Task Keys_in_other_classifications_with_legacy_mode_or_outside_emr_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using Amazon.ElasticMapReduce.Model;

            class Settings
            {
                List<Configuration> Configurations(string classification) => new List<Configuration>
                {
                    new Configuration
                    {
                        Classification = "spark-defaults",
                        Properties = new Dictionary<string, string>
                        {
                            ["spark.memory.useLegacyMode"] = "true",
                            ["spark.storage.memoryFraction"] = "0.5",
                        },
                    },
                    new Configuration { Classification = "spark-env", Properties = new Dictionary<string, string> { ["spark.executor.memoryFraction"] = "1" } },
                    new Configuration { Classification = classification, Properties = new Dictionary<string, string> { ["spark.executor.memoryFraction"] = "1" } },
                };

                Dictionary<string, string> Local() => new Dictionary<string, string> { ["spark.executor.memoryFraction"] = "0.8" };

                string[] Args() => new[] { "--conf", "spark.executor.memoryFraction=0.8" };
            }
            """);
    }

    // ---- (c) the legacy failure action ----

    [Fact]
    public async Task Terminate_job_flow_becomes_terminate_cluster()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Steps
            {
                StepConfig First() => new StepConfig("load", new HadoopJarStepConfig("command-runner.jar")) { ActionOnFailure = {|#0:ActionOnFailure.TERMINATE_JOB_FLOW|} };

                StepConfig Second() => new StepConfig { Name = "aggregate", ActionOnFailure = {|#1:"TERMINATE_JOB_FLOW"|} };

                bool IsLegacy(StepConfig step) => step.ActionOnFailure == ActionOnFailure.CANCEL_AND_WAIT;
            }
            """, """
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class Steps
            {
                StepConfig First() => new StepConfig("load", new HadoopJarStepConfig("command-runner.jar")) { ActionOnFailure = ActionOnFailure.TERMINATE_CLUSTER };

                StepConfig Second() => new StepConfig { Name = "aggregate", ActionOnFailure = "TERMINATE_CLUSTER" };

                bool IsLegacy(StepConfig step) => step.ActionOnFailure == ActionOnFailure.CANCEL_AND_WAIT;
            }
            """,
            null,
            LegacyAction(0), LegacyAction(1));
    }

    [Fact]
    public async Task Test_doubles_half_typed_and_generated_code_are_not_reported_and_do_not_throw()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading;
                using Amazon.ElasticMapReduce;
                using Amazon.ElasticMapReduce.Model;
                using Moq;

                class ClusterTests
                {
                    void Arrange(Mock<IAmazonElasticMapReduce> mock)
                    {
                        mock.Setup(e => e.AddJobFlowStepsAsync(It.Is<AddJobFlowStepsRequest>(r => r.Steps[0].ActionOnFailure == ActionOnFailure.TERMINATE_JOB_FLOW), CancellationToken.None));
                    }

                    JobFlowInstancesConfig HalfTyped() => new JobFlowInstancesConfig
                    {
                        InstanceGroups = new List<InstanceGroupConfig>
                        {
                            new InstanceGroupConfig { InstanceRole = InstanceRoleType.{|CS0117:PRIMARY|}, Market = MarketType.SPOT },
                            new InstanceGroupConfig { {|CS0117:Role|} = InstanceRoleType.CORE, Market = MarketType.SPOT },
                        },
                    };
                }
                """,
        };
        test.TestState.Sources.Add(Infrastructure.MockingLibrarySources.EntryPoints);
        test.TestState.Sources.Add(("Generated.g.cs", """
            // <auto-generated/>
            using Amazon.ElasticMapReduce;
            using Amazon.ElasticMapReduce.Model;

            class GeneratedSteps
            {
                StepConfig Step() => new StepConfig { ActionOnFailure = ActionOnFailure.TERMINATE_JOB_FLOW };
            }
            """));
        await test.RunAsync();
    }
}
