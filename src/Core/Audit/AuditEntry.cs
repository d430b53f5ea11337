namespace PdBot.Core.Audit;

/// <summary>
/// One line of the append-only audit trail. <see cref="Hash"/> covers every field below and the
/// previous entry's hash, so an edit, a removal or a swap breaks the chain.
/// The platform user id is covered through a salted digest: erasing the id and its salt later
/// (destruction of personal data) keeps the chain verifiable without keeping the person.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3… without gaps; assigned when the entry is committed.</summary>
    public long Seq { get; set; }

    public DateTime TimeUtc { get; set; }

    /// <summary>What area the entry is about: "consent", "person", ….</summary>
    public string Kind { get; set; } = "";

    /// <summary>For consents: given, withdrawn, declined, needs-renewal.</summary>
    public string Event { get; set; } = "";

    public string Channel { get; set; } = "";

    public string? UserId { get; set; }

    public string? UserSalt { get; set; }

    public string UserDigest { get; set; } = "";

    /// <summary>The person's pseudonymous id.</summary>
    public string? PersonId { get; set; }

    /// <summary>The platform id of the message or button press that caused the event.</summary>
    public string? MessageId { get; set; }

    public string? PurposeId { get; set; }

    public int? TextVersion { get; set; }

    public string? TextHash { get; set; }

    /// <summary>The buttons pressed that led to the event, in order.</summary>
    public List<string> Buttons { get; set; } = [];

    /// <summary>Who acted: "person", "system", or an admin's login.</summary>
    public string Actor { get; set; } = "person";

    public string? Detail { get; set; }

    public string PrevHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
