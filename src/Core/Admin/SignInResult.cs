namespace PdBot.Core.Admin;

/// <summary>
/// The answer to a sign-in attempt. A failure carries nothing else: an unknown login, a wrong password
/// and a locked account look the same to the caller (the audit trail tells them apart).
/// </summary>
public sealed record SignInResult(bool Succeeded, string? Login, AdminRole? Role, string? SessionStamp = null)
{
    public static SignInResult Failed { get; } = new(false, null, null);

    public static SignInResult Success(AdminAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(true, account.Login, account.Role, account.SessionStamp);
    }
}
