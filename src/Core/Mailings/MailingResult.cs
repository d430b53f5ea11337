namespace PdBot.Core.Mailings;

/// <summary>The outcome of a mailing action: the mailing, or why not (Russian, shown as it is).</summary>
public sealed record MailingResult(Mailing? Mailing, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;

    public static MailingResult Done(Mailing mailing) => new(mailing, []);

    public static MailingResult Refused(params string[] errors) => new(null, errors);
}
