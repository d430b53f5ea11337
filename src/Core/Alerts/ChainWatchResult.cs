using PdBot.Core.Audit;

namespace PdBot.Core.Alerts;

/// <summary>One round of <see cref="AuditChainWatch"/>: whether it read the whole trail, what it found, whether it raised a new alert.</summary>
public sealed record ChainWatchResult(bool Full, AuditVerification Verification, bool Raised);
