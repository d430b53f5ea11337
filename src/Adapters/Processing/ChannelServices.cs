using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Processing;

/// <summary>What every platform channel's loop and sender need from the host, in one registration.</summary>
public sealed record ChannelServices(
    IInbox Inbox,
    IOutbox Outbox,
    ITurnTransactions Transactions,
    IBot Bot,
    IWithdrawalRecognizer Withdrawals,
    IOptions<ProcessingOptions> Options,
    TimeProvider Time,
    ILoggerFactory Logs,
    Core.Alerts.AlertBoard? Alerts = null,
    IPartitionClaims? Claims = null);
