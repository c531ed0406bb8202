namespace SensorPipeline.Producer;

/// <summary>One measurement from a field device.</summary>
public sealed class SensorReading
{
    public string DeviceId { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public double Temperature { get; set; }

    public double Vibration { get; set; }
}
