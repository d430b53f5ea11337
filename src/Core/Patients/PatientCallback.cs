namespace PdBot.Core.Patients;

/// <summary>
/// A patient's answer on its way to the clinic's system (<c>Notifications:CallbackUrl</c>): the exact JSON body, kept
/// until the system accepts it (2xx) and retried with backoff until then.
/// </summary>
public sealed class PatientCallback
{
    public long Id { get; set; }

    public string Body { get; set; } = "";

    public string PersonId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? DeliveredAtUtc { get; set; }

    /// <summary>The last failure (status code or error type), never the body.</summary>
    public string? LastError { get; set; }
}
