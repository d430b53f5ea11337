namespace PdBot.Core.Requests;

/// <summary>The questions the bot asks to complete a request (policy 6.1.2, 152-FZ Art. 14 part 3).</summary>
public enum IntakeStep
{
    Document,
    IssuedOn,
    Issuer,
    Relation,
    Statement,
    Justification,
    Purpose,
    Complete,
}
