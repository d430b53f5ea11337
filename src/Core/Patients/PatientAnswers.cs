namespace PdBot.Core.Patients;

/// <summary>The answers a notification may offer: the id the clinic's system receives and the button the patient sees.</summary>
public static class PatientAnswers
{
    public const string Confirm = "confirm";
    public const string Reschedule = "reschedule";
    public const string Cancel = "cancel";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Confirm] = "Подтверждаю",
        [Reschedule] = "Перенести",
        [Cancel] = "Отменить",
    };

    /// <summary>The answer id of a button label («Подтверждаю» → confirm), or null.</summary>
    public static string? FromLabel(string label) => Labels.FirstOrDefault(kv => kv.Value == label.Trim()).Key;
}
