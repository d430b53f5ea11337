namespace PdBot.Core.Alerts;

/// <summary>What an alert is about (<see cref="SystemAlert.Kind"/>), with the names operators read.</summary>
public static class AlertKinds
{
    public const string ChainBroken = "chain-broken";
    public const string SignInBurst = "signin-burst";
    public const string Lockout = "lockout";
    public const string PoisonUpdate = "poison-update";
    public const string IncidentDeadline = "incident-deadline";
    public const string IncidentReported = "incident-reported";
    public const string AuthorityDeadline = "authority-deadline";
    public const string UnlawfulDeadline = "unlawful-deadline";
    public const string BackupFailed = "backup-failed";

    /// <summary>The kind as the console shows it.</summary>
    public static string Title(string kind) => kind switch
    {
        ChainBroken => "Нарушена цепочка журнала аудита",
        SignInBurst => "Много неудачных попыток входа",
        Lockout => "Учётная запись заблокирована",
        PoisonUpdate => "Сообщение отложено как необрабатываемое",
        IncidentDeadline => "Срок по инциденту",
        IncidentReported => "Сообщение о нарушении",
        AuthorityDeadline => "Срок по запросу Роскомнадзора",
        UnlawfulDeadline => "Срок по неправомерной обработке",
        BackupFailed => "Резервная копия не создана",
        _ => kind,
    };
}
