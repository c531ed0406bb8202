// Test stub: mirrors the public API surface of the AWSSDK.ElasticMapReduce package, for analyzer tests.

namespace Amazon.ElasticMapReduce.Model
{
    public partial class StepConfig
    {
        public StepConfig() { }

        public StepConfig(string name, HadoopJarStepConfig hadoopJarStep)
        {
            Name = name;
            HadoopJarStep = hadoopJarStep;
        }

        public ActionOnFailure ActionOnFailure { get; set; }
        public HadoopJarStepConfig HadoopJarStep { get; set; }
        public string Name { get; set; }
    }
}
