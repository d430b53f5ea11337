using PdBot.Adapters.PostgreSql;
using PdBot.Core.Turns;

namespace PdBot.Tests.Stores.Hosts;

/// <summary>
/// A bot whose every turn has one visible effect, written with the turn (deferred, like a store's write): a row
/// numbered after the person's effects committed so far, so two turns of one person run at once or out of order show
/// as a repeated or misplaced number. It answers each update once. Once told to <see cref="Hang"/>, its turns stop
/// before their commit and wait until the host is stopped (a host dying in the middle of its turns).
/// </summary>
public sealed class EffectBot(PgStorage storage, string host) : IBot
{
    public const string Schema = """
        CREATE TABLE effects (
            seq     bigserial PRIMARY KEY,
            item    text   NOT NULL,
            person  text   NOT NULL,
            n       bigint NOT NULL,
            text    text   NOT NULL,
            host    text   NOT NULL
        )
        """;

    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _hang;
    private int _turns;

    public int Turns => Volatile.Read(ref _turns);

    /// <summary>Completes when a turn has started to hang.</summary>
    public Task Hanging => _hanging.Task;

    /// <summary>Every turn from now on hangs before its commit, holding its person's claim.</summary>
    public void Hang() => _hang = true;

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var a = turn.Activity;
        var person = $"{a.ChannelId}:{a.UserId}";
        var done = storage.Query("SELECT count(*) FROM effects WHERE person = $1", r => r.GetInt64(0), person)[0];
        await storage.WriteAsync(tx => tx.ExecuteAsync(
            "INSERT INTO effects (item, person, n, text, host) VALUES ($1, $2, $3, $4, $5)", a.MessageId, person, done + 1, a.Text, host), cancellationToken);
        await turn.SendAsync(new BotMessage("ok " + a.Text), cancellationToken);
        if (_hang)
        {
            _hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        Interlocked.Increment(ref _turns);
    }
}
