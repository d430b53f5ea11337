namespace PdBot.Core.Patients;

/// <summary>A service message from the clinic's system to a patient (never advertising), and the patient's answer.</summary>
public sealed class PatientNotification
{
    public long Id { get; set; }

    public string ExternalId { get; set; } = "";

    public string PersonId { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>The answers offered (<see cref="PatientAnswers"/> ids).</summary>
    public List<string> Answers { get; set; } = [];

    /// <summary>The API key that sent it ("api:NAME").</summary>
    public string SentBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string? Answer { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }
}
