namespace PdBot.Core.Patients;

/// <summary>The clinic's patient id bound to one person (one each way): notifications for the patient go to them.</summary>
public sealed class PatientBinding
{
    /// <summary>The clinic's patient id.</summary>
    public string Id { get; set; } = "";

    public string PersonId { get; set; } = "";

    public DateTime BoundAtUtc { get; set; }
}
