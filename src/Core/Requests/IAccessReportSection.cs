namespace PdBot.Core.Requests;

/// <summary>
/// A purpose's own records (inbox messages, consultation requests, reviews, the patient link) in the answer to an
/// access request (policy 6.1.1, 6.1.6): each section lists what is kept about the person and until when.
/// </summary>
public interface IAccessReportSection
{
    /// <summary>A Russian paragraph for the access answer, or null when nothing of this kind is kept about the person.</summary>
    string? Describe(string personId);
}
