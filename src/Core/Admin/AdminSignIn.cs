using PdBot.Core.Audit;

namespace PdBot.Core.Admin;

/// <summary>
/// Checks an admin's password: locks the account for <see cref="AdminEvents.LockoutDuration"/> after
/// <see cref="AdminEvents.MaxFailedAttempts"/> consecutive failures, and audits every attempt.
/// </summary>
public sealed class AdminSignIn(IAdminAccounts accounts, IAdminPasswordHasher hasher, IAuditLog audit, TimeProvider time) : IDisposable
{
    // Attempts are serialized so two concurrent failures cannot both read the same counter.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _dummyHash;

    public async Task<SignInResult> SignInAsync(string login, string password)
    {
        login ??= "";
        password ??= "";
        await _gate.WaitAsync();
        try
        {
            return await AttemptAsync(login, password);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<SignInResult> AttemptAsync(string login, string password)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var account = string.IsNullOrWhiteSpace(login) ? null : accounts.Find(login);
        if (account is null)
        {
            // Spend the same work as a real check, so timing does not tell whether the login exists.
            hasher.Verify(_dummyHash ??= hasher.Hash(Guid.NewGuid().ToString("N")), password);
            await audit.AppendAsync([Entry(AdminEvents.UnknownActor, AdminEvents.SignInFailed, now, "unknown login")]);
            return SignInResult.Failed;
        }

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

        account.FailedAttempts = 0;
        account.LockedUntilUtc = null;
        account.LastSignInUtc = now;
        await accounts.SaveAsync(account, Entry(account.Login, AdminEvents.SignIn, now, null));
        return SignInResult.Success(account);
    }

    private static AuditEntry Entry(string actor, string evt, DateTime now, string? detail) => new()
    {
        TimeUtc = now,
        Kind = AdminEvents.Kind,
        Event = evt,
        Channel = AdminEvents.Channel,
        Actor = actor,
        Detail = detail,
    };
}
