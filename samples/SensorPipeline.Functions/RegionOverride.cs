using System.Collections.Generic;
using Amazon;
using Amazon.Lambda;
using Amazon.Lambda.Core;
using Amazon.Lambda.Model;

namespace SensorPipeline.Functions;

/// <summary>Reads calibration data from another region, and deploys the ingest function with its settings.</summary>
public class RegionOverride
{
    /// <summary>Points the process at the calibration region: the SDK read AWS_REGION long before.</summary>
    public string FunctionHandler(string deviceId, ILambdaContext context)
    {
        System.Environment.SetEnvironmentVariable("AWS_REGION", "eu-central-1"); // AWS021 nofix
        System.Environment.SetEnvironmentVariable("CALIBRATION_DEVICE", deviceId);
        return deviceId;
    }

    /// <summary>Correct: the client names the region it talks to.</summary>
    public static AmazonLambdaClient CalibrationClient() => new AmazonLambdaClient(RegionEndpoint.EUCentral1);

    /// <summary>Sets the time zone in the function's configuration, which CreateFunction rejects.</summary>
    public static CreateFunctionRequest IngestDeployment(string roleArn) => new CreateFunctionRequest
    {
        FunctionName = "sensor-ingest",
        Role = roleArn,
        Handler = "SensorPipeline.Functions::SensorPipeline.Functions.IngestFunction::FunctionHandler",
        Environment = new Amazon.Lambda.Model.Environment
        {
            Variables = new Dictionary<string, string>
            {
                { "TABLE_NAME", "fms-sensor-readings" },
                { "TZ", "Asia/Seoul" }, // AWS021
            },
        },
    };
}
