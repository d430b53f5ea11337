namespace PdBot.Adapters.Vk.Api;

/// <summary>messages.send's <c>intent</c>: exactly the enum of VK's 5.199 schema (messages/methods.json), so no other value can be sent.</summary>
public enum MessageIntent
{
    Default,
    AccountUpdate,
    BotAdInvite,
    BotAdPromo,
    ConfirmedNotification,
    CustomerSupport,
    FinanceNotification,
    GameNotification,
    ModeratedNewsletter,
    NonPromoNewsletter,
    PromoNewsletter,
    PurchaseUpdate,
}
