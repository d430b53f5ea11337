namespace PdBot.Core.Admin;

/// <summary>Audit names and rules for admin-console accounts.</summary>
public static class AdminEvents
{
    public const string Kind = "admin";
    public const string Channel = "admin";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string AccountCreated = "account-created";
    public const string SignedOut = "sign-out";
    public const string AccountUnlocked = "account-unlocked";
    public const string PasswordChanged = "password-changed";
    public const string RoleChanged = "role-changed";

    /// <summary>Failed sign-ins with unknown logins, one entry per burst with a count (no typed logins).</summary>
    public const string SignInFailedBurst = "signin-failed-burst";

    /// <summary>A burst of unknown-login failures ends after this long without one.</summary>
    public static readonly TimeSpan FailureBurstQuiet = TimeSpan.FromMinutes(1);

    /// <summary>An admin opened a page that shows personal data.</summary>
    public const string Viewed = "viewed";

    /// <summary>An admin downloaded personal data (an export or an evidence pack).</summary>
    public const string Exported = "exported";

    /// <summary>The actor written for a sign-in attempt with a login that does not exist.</summary>
    public const string UnknownActor = "unknown";

    public const int MinPasswordLength = 10;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Why a new password is not acceptable, or null when it is.</summary>
    public static string? PasswordProblem(string password) =>
        string.IsNullOrEmpty(password) || password.Length < MinPasswordLength
            ? $"пароль должен быть не короче {MinPasswordLength} символов"
            : null;

    /// <summary>Why a login is not acceptable, or null when it is.</summary>
    public static string? LoginProblem(string login) =>
        string.IsNullOrWhiteSpace(login) ? "логин не может быть пустым"
        : login.Trim().Length > 64 ? "логин должен быть не длиннее 64 символов"
        : login.Trim().Any(char.IsWhiteSpace) || login.Trim().Any(char.IsControl) ? "логин не должен содержать пробелов и управляющих символов"
        : null;
}
