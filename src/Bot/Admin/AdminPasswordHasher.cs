using Microsoft.AspNetCore.Identity;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2, salted, versioned format) behind Core's contract.</summary>
public sealed class AdminPasswordHasher : IAdminPasswordHasher
{
    private static readonly AdminAccount Nobody = new();
    private readonly PasswordHasher<AdminAccount> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    public PasswordCheck Verify(string passwordHash, string password)
    {
        if (string.IsNullOrEmpty(passwordHash))
        {
            return PasswordCheck.Failed;
        }

        try
        {
            return _hasher.VerifyHashedPassword(Nobody, passwordHash, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Success,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
                _ => PasswordCheck.Failed,
            };
        }
        catch (FormatException)
        {
            return PasswordCheck.Failed;
        }
    }
}
