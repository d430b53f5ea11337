namespace PdBot.Core.Leads;

/// <summary>The audit trail's words for consultation requests (kind <see cref="Kind"/>).</summary>
public static class LeadEvents
{
    public const string Kind = "lead";
    public const string Submitted = "submitted";
    public const string Contacted = "contacted";
    public const string Booked = "booked";
    public const string NoAnswer = "no-answer";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";

    public static string Of(LeadTrigger trigger) => trigger switch
    {
        LeadTrigger.Submit => Submitted,
        LeadTrigger.Contact => Contacted,
        LeadTrigger.Book => Booked,
        LeadTrigger.NoAnswer => NoAnswer,
        LeadTrigger.Close => Closed,
        _ => Cancelled,
    };
}
