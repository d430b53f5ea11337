using PdBot.Core.Audit;

namespace PdBot.Core.Admin;

/// <summary>
/// Checks an admin's password: locks the account for <see cref="AdminEvents.LockoutDuration"/> after
/// <see cref="AdminEvents.MaxFailedAttempts"/> consecutive failures, and audits every attempt on an account
/// (failures with unknown logins are audited in aggregate by <see cref="SignInFailureBurst"/>).
/// </summary>
public sealed class AdminSignIn(IAdminAccounts accounts, IAdminPasswordHasher hasher, AdminAccountLocks locks, SignInFailureBurst unknownLoginFailures, TimeProvider time)
{
    private string? _dummyHash;

    public async Task<SignInResult> SignInAsync(string login, string password)
    {
        login ??= "";
        password ??= "";
        var found = string.IsNullOrWhiteSpace(login) ? null : accounts.Find(login);
        if (found is not null)
        {
            using (await locks.EnterAsync(found.Login))
            {
                // Read again under the account's lock: a concurrent attempt may have just saved the counter.
                if (accounts.Find(found.Login) is { } account)
                {
                    return await AttemptAsync(account, password);
                }
            }
        }

        // Spend the same work as a real check, so timing does not tell whether the login exists.
        hasher.Verify(_dummyHash ??= hasher.Hash(Guid.NewGuid().ToString("N")), password);
        unknownLoginFailures.Record(time.GetUtcNow().UtcDateTime);
        return SignInResult.Failed;
    }

    private async Task<SignInResult> AttemptAsync(AdminAccount account, string password)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (account.LockedUntilUtc is { } until && until > now)
        {
            hasher.Verify(account.PasswordHash, password);
            await accounts.SaveAsync(account, Entry(account.Login, AdminEvents.SignInFailed, now, "account locked"));
            return SignInResult.Failed;
        }

        var check = hasher.Verify(account.PasswordHash, password);
        if (check == PasswordCheck.Failed)
        {
            account.FailedAttempts++;
            AuditEntry entry;
            if (account.FailedAttempts >= AdminEvents.MaxFailedAttempts)
            {
                account.LockedUntilUtc = now + AdminEvents.LockoutDuration;
                entry = Entry(account.Login, AdminEvents.LockedOut, now,
                    $"{account.FailedAttempts} failed attempts; locked for {AdminEvents.LockoutDuration.TotalMinutes:0} minutes");
                account.FailedAttempts = 0;
            }
            else
            {
                entry = Entry(account.Login, AdminEvents.SignInFailed, now, "wrong password");
            }

            await accounts.SaveAsync(account, entry);
            return SignInResult.Failed;
        }

        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.Hash(password);
        }

        // Accounts made before session stamps get theirs at their first sign-in.
        if (string.IsNullOrEmpty(account.SessionStamp))
        {
            account.SessionStamp = AdminAccount.NewSessionStamp();
        }

        account.FailedAttempts = 0;
        account.LockedUntilUtc = null;
        account.LastSignInUtc = now;
        await accounts.SaveAsync(account, Entry(account.Login, AdminEvents.SignIn, now, null));
        return SignInResult.Success(account);
    }

    internal static AuditEntry Entry(string actor, string evt, DateTime now, string? detail) => new()
    {
        TimeUtc = now,
        Kind = AdminEvents.Kind,
        Event = evt,
        Channel = AdminEvents.Channel,
        Actor = actor,
        Detail = detail,
    };
}
