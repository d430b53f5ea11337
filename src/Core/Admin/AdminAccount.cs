namespace PdBot.Core.Admin;

/// <summary>An admin-console account. <see cref="Login"/> is stored lower-case and is the id, so logins are unique ignoring case.</summary>
public sealed class AdminAccount
{
    public string Login { get; set; } = "";

    public AdminRole Role { get; set; } = AdminRole.Admin;

    /// <summary>A salted, slow hash in the hasher's own format; never the password.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Consecutive failed sign-ins since the last success or lockout.</summary>
    public int FailedAttempts { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignInUtc { get; set; }

    /// <summary>The stored form of a login: trimmed and lower-case.</summary>
    public static string Normalize(string login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return login.Trim().ToLowerInvariant();
    }
}
