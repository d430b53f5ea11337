using System.Security.Cryptography;
using System.Text;
using PdBot.Adapters.Fleet;
using PdBot.Adapters.Processing;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// A token's calls per second shared by every host: a token bucket in <c>fleet_send_budget</c> (one row per token,
/// keyed by the token's SHA-256), taken from atomically by one upsert. A host takes a batch of
/// <see cref="Capacity"/> permits at once, so a call costs a round trip only every few calls, and spends them within
/// <see cref="PermitLife"/> or drops them. In any one second the platform then sees at most
/// Capacity + Rate × (1 s + PermitLife) calls, which is the token's <see cref="SendLimits.PerSecondOverall"/>.
/// </summary>
public sealed class PgSendBudget : ISendBudget, IDisposable
{
    public static readonly TimeSpan PermitLife = TimeSpan.FromMilliseconds(50);

    // A fresh row starts as a full bucket just emptied by its first taker.
    private const string TakeSql = """
        INSERT INTO fleet_send_budget AS b (token_hash, tokens, refilled_at, granted)
        VALUES ($1, 0, $2, $3::integer)
        ON CONFLICT (token_hash) DO UPDATE SET
            granted     = floor(fleet_refill(b.tokens, b.refilled_at, $2, $3, $4))::integer,
            tokens      = fleet_refill(b.tokens, b.refilled_at, $2, $3, $4) - floor(fleet_refill(b.tokens, b.refilled_at, $2, $3, $4)),
            refilled_at = greatest(b.refilled_at, $2)
        RETURNING granted, tokens
        """;

    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(1);
    private readonly PgStorage _storage;
    private readonly TimeProvider _time;
    private readonly string _tokenHash;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _permits;
    private DateTimeOffset _grantedAt;

    public PgSendBudget(PgStorage storage, string token, SendLimits limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        if (limits.PerSecondOverall < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limits), "Limits must be positive.");
        }

        (_storage, _time) = (storage, time);
        _tokenHash = HashOf(token);
        Capacity = Math.Max(1, limits.PerSecondOverall / 10);
        Rate = Math.Max(1, limits.PerSecondOverall - Capacity) / (1 + PermitLife.TotalSeconds);
    }

    /// <summary>The bucket's size: the batch a host takes at once.</summary>
    public int Capacity { get; }

    /// <summary>Permits a second the bucket refills with.</summary>
    public double Rate { get; }

    /// <summary>The key of a token's row: its SHA-256 in hex (the token itself is a secret and never stored).</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async ValueTask<TimeSpan> TryTakeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (_permits > 0 && now - _grantedAt <= PermitLife)
            {
                _permits--;
                return TimeSpan.Zero;
            }

            _permits = 0;
            (int Granted, double Tokens) row = default;
            await _storage.CommitNowAsync(async tx => row = (await tx.QueryAsync(TakeSql, r => (r.GetInt32(0), r.GetDouble(1)),
                _tokenHash, now.UtcDateTime, (double)Capacity, Rate))[0], cancellationToken);
            if (row.Granted > 0)
            {
                (_permits, _grantedAt) = (row.Granted - 1, now);
                return TimeSpan.Zero;
            }

            var wait = TimeSpan.FromSeconds((1 - row.Tokens) / Rate);
            return wait > MinWait ? wait : MinWait;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
