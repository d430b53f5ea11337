namespace PdBot.Core.Authority;

public enum AuthorityTrigger
{
    /// <summary>The term is extended once, by at most 5 working days, with a reasoned notice (policy 1.3.2).</summary>
    Extend,
    Answer,
}
