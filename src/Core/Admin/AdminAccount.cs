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

    /// <summary>
    /// A random value copied into the session cookie at sign-in; changing it ends every session of the account
    /// (logout, password or role change, unlock). Empty for accounts made before stamps (LiteDB also reads an empty string back as null): the next sign-in sets it.
    /// </summary>
    public string? SessionStamp { get; set; }

    /// <summary>A fresh session stamp: 16 random bytes, base64url.</summary>
    public static string NewSessionStamp() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a login: trimmed and lower-case.</summary>
    public static string Normalize(string login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return login.Trim().ToLowerInvariant();
    }
}
