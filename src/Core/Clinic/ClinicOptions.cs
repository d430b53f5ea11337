namespace PdBot.Core.Clinic;

/// <summary>Configuration section <c>Clinic</c>: when people at the clinic answer.</summary>
public sealed class ClinicOptions
{
    /// <summary>Daily opening hours on the production calendar's working days, clinic time: "09:00-20:00".</summary>
    public string WorkingHours { get; set; } = "09:00-20:00";
}
