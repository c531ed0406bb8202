namespace SensorPipeline.Archive;

/// <summary>A batch of readings one device uploaded to the archive bucket.</summary>
public sealed class ArchivedBatch
{
    public string DeviceId { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public List<double> Values { get; set; }
}
