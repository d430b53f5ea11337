namespace PdBot.Core.Leads;

/// <summary>The request form's questions, in order; <see cref="Sent"/> once the person pressed «Отправить заявку».</summary>
public enum LeadFormStep
{
    Name,
    Phone,
    Day,
    Time,
    Direction,
    Confirm,
    Sent,
}
