namespace PdBot.Core.Admin;

/// <summary>Salted, slow password hashing from a well-kept library; Core only sees this contract.</summary>
public interface IAdminPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string passwordHash, string password);
}

public enum PasswordCheck
{
    Failed,
    Success,

    /// <summary>Right password, but the hash uses older parameters and should be replaced.</summary>
    SuccessRehashNeeded,
}
