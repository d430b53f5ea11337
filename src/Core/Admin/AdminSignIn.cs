using PdBot.Core.Alerts;
using PdBot.Core.Audit;

namespace PdBot.Core.Admin;

/// <summary>
/// Checks an admin's password: locks the account for <see cref="AdminEvents.LockoutDuration"/> after
/// <see cref="AdminEvents.MaxFailedAttempts"/> consecutive failures, and audits every attempt on an account
/// (failures with unknown logins are audited in aggregate by <see cref="SignInFailureBurst"/>); a lockout alerts the operators.
/// </summary>
public sealed class AdminSignIn(IAdminAccounts accounts, IAdminPasswordHasher hasher, AdminAccountLocks locks, SignInFailureBurst unknownLoginFailures, TimeProvider time, AlertBoard? alerts = null)
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
            var lockedOut = account.FailedAttempts >= AdminEvents.MaxFailedAttempts;
            if (lockedOut)
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
            if (lockedOut && alerts is not null)
            {
                await RaiseLockoutAsync(alerts, account, now);
            }

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

    // The login stays out of the text: the admin chat is outside the console's access control (the audit page names it).
    private static Task<bool> RaiseLockoutAsync(AlertBoard alerts, AdminAccount account, DateTime now) => alerts.RaiseAsync(
        AlertKinds.Lockout,
        FormattableString.Invariant($"lockout:{account.Login}:{now:O}"),
        FormattableString.Invariant(
            $"Учётная запись консоли заблокирована на {AdminEvents.LockoutDuration.TotalMinutes:0} минут после {AdminEvents.MaxFailedAttempts} неудачных попыток входа подряд ({AlertTime.Moscow(now)}). Какая — в разделе «Аудит»."));

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
