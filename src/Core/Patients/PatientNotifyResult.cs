namespace PdBot.Core.Patients;

/// <summary>What <see cref="PatientService.NotifyAsync"/> did: sent, refused for bad input (400), or not allowed now (409).</summary>
public sealed record PatientNotifyResult(PatientNotification? Notification, IReadOnlyList<string> Invalid, string? Conflict)
{
    public bool Ok => Notification is not null;
}
