using PdBot.Core.Requests;

namespace PdBot.Core.Leads;

/// <summary>
/// A request for a free consultation (policy 2.3.1, purpose <c>consultation</c>). The personal data (name, phone,
/// preferred day and time, direction) live only until the consent's term: the sweep erases them and the row keeps
/// its number, state and dates.
/// </summary>
public sealed class Lead
{
    public long Id { get; set; }

    /// <summary>The person's pseudonymous id (never the platform id).</summary>
    public string PersonId { get; set; } = "";

    /// <summary>The person's channel ("telegram", "vk", …).</summary>
    public string Channel { get; set; } = "";

    public LeadState State { get; set; } = LeadState.Filling;

    /// <summary>While filling: the question the person is answering.</summary>
    public LeadFormStep Step { get; set; } = LeadFormStep.Name;

    public string? Name { get; set; }

    /// <summary>E.164, e.g. +79991234567.</summary>
    public string? Phone { get; set; }

    /// <summary>The preferred clinic-local day.</summary>
    public DateOnly? Day { get; set; }

    /// <summary>The preferred clinic-local time, "HH:mm".</summary>
    public string? Time { get; set; }

    /// <summary>One of <c>Consultations:Directions</c>; null when skipped.</summary>
    public string? Direction { get; set; }

    /// <summary>When the form was started, then when it was sent (the term counts from the request).</summary>
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The last answer or action (a form untouched for 24 hours is dropped).</summary>
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When it reached a final state (booked, no answer, closed, cancelled).</summary>
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>When its personal data were destroyed.</summary>
    public DateTime? DestroyedAtUtc { get; set; }

    public List<LeadHistoryItem> History { get; set; } = [];

    public bool IsOpen => LeadMachine.IsOpen(State);

    /// <summary>Erases the personal data; the row keeps id, state and dates.</summary>
    public void ErasePersonalData(DateTime nowUtc)
    {
        (Name, Phone, Day, Time, Direction) = (null, null, null, null, null);
        DestroyedAtUtc ??= nowUtc;
    }

    /// <summary>
    /// The person's data were destroyed (every store's eraser): an open request is closed and the data erased, each
    /// with its history line, once.
    /// </summary>
    public void DestroyWithPerson(DateTime nowUtc)
    {
        if (IsOpen)
        {
            (State, ClosedAtUtc) = (LeadState.Closed, nowUtc);
            History.Add(new LeadHistoryItem { AtUtc = nowUtc, Actor = Actors.System, Event = LeadEvents.Closed, Note = "данные субъекта уничтожены" });
        }

        if (DestroyedAtUtc is null)
        {
            ErasePersonalData(nowUtc);
            History.Add(new LeadHistoryItem { AtUtc = nowUtc, Actor = Actors.System, Event = RequestAction.Destroyed, Note = "уничтожение данных субъекта" });
        }
    }
}
