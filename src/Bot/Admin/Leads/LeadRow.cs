using PdBot.Core.Calendar;
using PdBot.Core.Leads;

namespace PdBot.Bot.Admin.Leads;

/// <summary>One line of <c>/admin/leads</c>: the request with its phone masked and the day its data are destroyed by.</summary>
public sealed record LeadRow(Lead Lead, string MaskedPhone, string Sent, string When, DateOnly DestroyBy)
{
    public static LeadRow Of(Lead lead, int retentionDays)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var sent = new DateTimeOffset(DateTime.SpecifyKind(lead.CreatedAtUtc, DateTimeKind.Utc));
        // A final request's data go at the sweep's next hourly run.
        var by = lead.ClosedAtUtc is { } closed && LeadMachine.IsFinal(lead.State)
            ? new DateTimeOffset(DateTime.SpecifyKind(closed, DateTimeKind.Utc))
            : sent.AddDays(retentionDays);
        return new LeadRow(lead, LeadPhone.Mask(lead.Phone), AdminFormat.Time(lead.CreatedAtUtc), LeadTexts.When(lead), ClinicTime.LocalDate(by));
    }
}
