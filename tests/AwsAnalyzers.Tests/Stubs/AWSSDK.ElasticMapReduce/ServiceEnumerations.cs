// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.ElasticMapReduce
{
    public class ActionOnFailure : ConstantClass
    {
        public static readonly ActionOnFailure CANCEL_AND_WAIT = new ActionOnFailure("CANCEL_AND_WAIT");
        public static readonly ActionOnFailure CONTINUE = new ActionOnFailure("CONTINUE");
        public static readonly ActionOnFailure TERMINATE_CLUSTER = new ActionOnFailure("TERMINATE_CLUSTER");
        public static readonly ActionOnFailure TERMINATE_JOB_FLOW = new ActionOnFailure("TERMINATE_JOB_FLOW");

        public ActionOnFailure(string value) : base(value) { }

        public static ActionOnFailure FindValue(string value) => FindValue<ActionOnFailure>(value);

        public static implicit operator ActionOnFailure(string value) => FindValue(value);
    }

    public class ClusterState : ConstantClass
    {
        public static readonly ClusterState BOOTSTRAPPING = new ClusterState("BOOTSTRAPPING");
        public static readonly ClusterState RUNNING = new ClusterState("RUNNING");
        public static readonly ClusterState STARTING = new ClusterState("STARTING");
        public static readonly ClusterState TERMINATED = new ClusterState("TERMINATED");
        public static readonly ClusterState TERMINATED_WITH_ERRORS = new ClusterState("TERMINATED_WITH_ERRORS");
        public static readonly ClusterState TERMINATING = new ClusterState("TERMINATING");
        public static readonly ClusterState WAITING = new ClusterState("WAITING");

        public ClusterState(string value) : base(value) { }

        public static ClusterState FindValue(string value) => FindValue<ClusterState>(value);

        public static implicit operator ClusterState(string value) => FindValue(value);
    }

    public class InstanceFleetType : ConstantClass
    {
        public static readonly InstanceFleetType CORE = new InstanceFleetType("CORE");
        public static readonly InstanceFleetType MASTER = new InstanceFleetType("MASTER");
        public static readonly InstanceFleetType TASK = new InstanceFleetType("TASK");

        public InstanceFleetType(string value) : base(value) { }

        public static InstanceFleetType FindValue(string value) => FindValue<InstanceFleetType>(value);

        public static implicit operator InstanceFleetType(string value) => FindValue(value);
    }

    public class InstanceRoleType : ConstantClass
    {
        public static readonly InstanceRoleType CORE = new InstanceRoleType("CORE");
        public static readonly InstanceRoleType MASTER = new InstanceRoleType("MASTER");
        public static readonly InstanceRoleType TASK = new InstanceRoleType("TASK");

        public InstanceRoleType(string value) : base(value) { }

        public static InstanceRoleType FindValue(string value) => FindValue<InstanceRoleType>(value);

        public static implicit operator InstanceRoleType(string value) => FindValue(value);
    }

    public class MarketType : ConstantClass
    {
        public static readonly MarketType ON_DEMAND = new MarketType("ON_DEMAND");
        public static readonly MarketType SPOT = new MarketType("SPOT");

        public MarketType(string value) : base(value) { }

        public static MarketType FindValue(string value) => FindValue<MarketType>(value);

        public static implicit operator MarketType(string value) => FindValue(value);
    }
}
