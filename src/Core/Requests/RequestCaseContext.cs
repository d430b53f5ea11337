using PdBot.Core.Consent;

namespace PdBot.Core.Requests;

/// <summary>What every <see cref="RequestCase"/> works with: the stores, the purposes, the terms and the clock.</summary>
public sealed record RequestCaseContext(
    IRequestStore Requests,
    IConsentStore People,
    ConsentCatalog Catalog,
    DeadlineTable Deadlines,
    RequestOptions Options,
    TimeProvider Time);
