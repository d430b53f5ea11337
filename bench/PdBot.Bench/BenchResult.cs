using PdBot.Core.Audit;

namespace PdBot.Bench;

/// <summary>One measured run, with the audit check that proves the events really landed.</summary>
internal sealed record BenchResult(string Mode, int Events, TimeSpan Elapsed, AuditVerification Audit)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>The figure only counts if every event left exactly one intact audit entry.</summary>
    public bool IsReal => Audit.IsIntact && Audit.IntactCount == Events;
}
