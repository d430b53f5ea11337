using PdBot.Core.Admin;

namespace PdBot.Bot.Admin;

/// <summary>Audits an unfinished burst of unknown-login failures when the host stops, so none goes unrecorded.</summary>
public sealed class SignInFailureBurstFlush(SignInFailureBurst burst) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => burst.FlushAsync();
}
