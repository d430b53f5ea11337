using System.Collections.Concurrent;

namespace PdBot.Core.Admin;

/// <summary>
/// One lock per account, so two attempts on one account cannot both read the same failure counter (or a sign-in
/// overwrite a password change), while attempts on different accounts run side by side. Only existing accounts get
/// a lock, so the table stays as small as the account list.
/// </summary>
public sealed class AdminAccountLocks : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for the account's lock; disposing the result releases it.</summary>
    public async Task<IDisposable> EnterAsync(string login)
    {
        var gate = _locks.GetOrAdd(AdminAccount.Normalize(login), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        return new Held(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _locks.Values)
        {
            gate.Dispose();
        }
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
