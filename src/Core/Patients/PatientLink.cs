namespace PdBot.Core.Patients;

/// <summary>
/// A one-time link the clinic's system asked for (<c>POST /api/v1/patients/{externalId}/link</c>) and hands to the
/// patient: opening it and giving the patient consent binds the person to the clinic's patient id. Only the code's
/// SHA-256 is stored.
/// </summary>
public sealed class PatientLink
{
    /// <summary>SHA-256 (hex) of the code.</summary>
    public string Id { get; set; } = "";

    public string ExternalId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }

    /// <summary>The person who opened it and has not given the patient consent yet.</summary>
    public string? PendingPersonId { get; set; }
}
