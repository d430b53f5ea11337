namespace PdBot.Core.Leads;

/// <summary>What moves a consultation request: the person's submit and cancel, the operators' actions.</summary>
public enum LeadTrigger
{
    Submit,
    Contact,
    Book,
    NoAnswer,
    Close,
    CancelByPerson,
}
