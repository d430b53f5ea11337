namespace PdBot.Bot.Admin.Subscribers;

/// <summary>One clinic-local day of the chart: mailing consents given and withdrawn that day.</summary>
public sealed record SubscriptionDay(DateOnly Date, int Given, int Withdrawn);
