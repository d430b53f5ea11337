using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Fleet;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Each configured channel's token gets one shared budget (<see cref="PgSendBudget"/>) on the deployment's database.</summary>
public sealed class PgSendBudgets(PgStorage storage, IOptions<TelegramOptions> telegram, IOptions<VkOptions> vk, TimeProvider time) : ISendBudgets, IDisposable
{
    private readonly ConcurrentDictionary<string, PgSendBudget> _budgets = new(StringComparer.Ordinal);

    public ISendBudget? For(string channel, SendLimits limits)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var token = channel switch
        {
            TelegramActivityMapper.Channel => telegram.Value.Token,
            VkActivityMapper.Channel => vk.Value.AccessToken,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(token) ? null : _budgets.GetOrAdd(channel, _ => new PgSendBudget(storage, token, limits, time));
    }

    public void Dispose()
    {
        foreach (var budget in _budgets.Values)
        {
            budget.Dispose();
        }
    }
}
