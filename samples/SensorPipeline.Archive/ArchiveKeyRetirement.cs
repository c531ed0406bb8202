using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace SensorPipeline.Archive;

/// <summary>
/// Retires the key the sensor archive was encrypted with, as an operations runbook describes "rotating" it: the
/// schedule is a deletion, and a week is all the time there is to find what still needs the key.
/// </summary>
public sealed class ArchiveKeyRetirement
{
    private const string ArchiveKey = "alias/bigdata-key";

    private readonly IAmazonKeyManagementService _kms;

    public ArchiveKeyRetirement(IAmazonKeyManagementService kms) => _kms = kms;

    public Task RetireAsync(CancellationToken cancellationToken) =>
        _kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest
        {
            KeyId = ArchiveKey,
            PendingWindowInDays = 7, // AWS018
        }, cancellationToken);

    public Task RetireReplicaAsync(string replicaKeyId, CancellationToken cancellationToken) =>
        _kms.ScheduleKeyDeletionAsync(replicaKeyId, 7, cancellationToken); // AWS018
}
