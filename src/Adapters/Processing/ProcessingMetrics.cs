using Prometheus;

namespace PdBot.Adapters.Processing;

/// <summary>
/// What <c>GET /metrics</c> exports about the processing loop. Labels are channel names and result words only:
/// never a chat, a user or a text.
/// </summary>
public static class ProcessingMetrics
{
    public static readonly Counter WebhookAcks = Metrics.CreateCounter(
        "pdbot_webhook_acks_total", "Platform updates acknowledged after they were stored (stored: new; duplicate: a redelivery).",
        new CounterConfiguration { LabelNames = ["channel", "result"] });

    public static readonly Gauge InboxBacklog = Metrics.CreateGauge(
        "pdbot_inbox_backlog", "Stored updates not processed yet.", new GaugeConfiguration { LabelNames = ["channel"] });

    public static readonly Gauge OutboxBacklog = Metrics.CreateGauge(
        "pdbot_outbox_backlog", "Outgoing messages and calls not delivered yet.", new GaugeConfiguration { LabelNames = ["channel"] });

    public static readonly Histogram TurnDuration = Metrics.CreateHistogram(
        "pdbot_turn_duration_seconds", "From taking an update to the commit of its turn.",
        new HistogramConfiguration { LabelNames = ["channel"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });

    public static readonly Counter TurnsProcessed = Metrics.CreateCounter(
        "pdbot_turns_total", "Updates processed (ok: committed; coalesced: a press folded by flood control; skipped: nothing for the bot; set-aside: gave up).",
        new CounterConfiguration { LabelNames = ["channel", "result"] });

    public static readonly Counter Sends = Metrics.CreateCounter(
        "pdbot_sends_total", "Platform calls by result: sent, retried, dropped (cosmetic call refused), unreachable, failed.",
        new CounterConfiguration { LabelNames = ["channel", "result"] });

    public static readonly Histogram WithdrawalLatency = Metrics.CreateHistogram(
        "pdbot_withdrawal_latency_seconds", "From receiving a demand to stop (unsubscribe, block, deny) to its durable commit.",
        new HistogramConfiguration { LabelNames = ["channel"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });

    public static readonly Histogram CommitDuration = Metrics.CreateHistogram(
        "pdbot_db_commit_seconds", "One group commit of the database writer: the batch's work and the flush.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });

    public static readonly Histogram BatchSize = Metrics.CreateHistogram(
        "pdbot_db_batch_items", "Writes committed together by one group commit.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 12) });

    public static readonly Counter SetAside = Metrics.CreateCounter(
        "pdbot_updates_set_aside_total", "Updates that failed every attempt and were set aside with their error.",
        new CounterConfiguration { LabelNames = ["channel"] });
}
