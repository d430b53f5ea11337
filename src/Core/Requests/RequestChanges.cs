using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;

namespace PdBot.Core.Requests;

/// <summary>Everything one <see cref="RequestCase"/> changed, committed by the store in one transaction.</summary>
public sealed class RequestChanges
{
    public List<SubjectRequest> Requests { get; } = [];

    /// <summary>The person, when blocked, unblocked or corrected.</summary>
    public Person? Person { get; set; }

    public List<ConsentRecord> Consents { get; } = [];

    public List<AuditEntry> Audit { get; } = [];

    public List<OutboxMessage> Outgoing { get; } = [];

    /// <summary>Personal data to erase (see <c>Core/Retention/README.md</c>).</summary>
    public PersonErasure? Erasure { get; set; }

    public bool IsEmpty => Requests.Count == 0 && Person is null && Consents.Count == 0 && Audit.Count == 0 && Outgoing.Count == 0 && Erasure is null;
}
