namespace PdBot.Core.Requests;

/// <summary>The outcome of an operator action: done, or refused with a reason an operator can act on.</summary>
public sealed record RequestResult(bool Ok, string Message)
{
    public static RequestResult Done(string message) => new(true, message);

    public static RequestResult Refused(string message) => new(false, message);
}
