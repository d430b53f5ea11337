using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Turns;

namespace PdBot.Core.Patients;

/// <summary>
/// Patients of the clinic (policy 2.3.2): one-time links that bind a person to the clinic's patient id after the patient
/// consent, service notifications that go only to a bound patient whose consent holds, and their answers queued for the
/// clinic's system. The clinic's patient id never goes into the audit trail in clear (a short SHA-256 instead).
/// </summary>
public sealed class PatientService(IPatientStore store, IConsentStore consents, ConsentCatalog catalog, NotificationsOptions options, TimeProvider time)
{
    public const string CodePrefix = "pt_";
    public const string AuditKind = "patient";
    public const string NotificationKind = "patient-notification";
    public const string PayloadAction = "pn";
    public const int MaxTextLength = 4096;

    public static bool IsCode(string? source) => source?.StartsWith(CodePrefix, StringComparison.Ordinal) == true;

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>What is wrong with a patient id from the clinic's system, or null.</summary>
    public static string? CheckExternalId(string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > 64 || id.Any(char.IsControl) || id != id.Trim()
            ? "Идентификатор пациента должен быть от 1 до 64 печатных символов без пробелов по краям."
            : null;

    public async Task<(string Code, PatientLink Link)> CreateLinkAsync(string externalId, string actor, CancellationToken cancellationToken = default)
    {
        var code = CodePrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var now = Now;
        var link = new PatientLink { Id = Hash(code), ExternalId = externalId, CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(options.LinkDays) };
        await store.AddLinkAsync(link, [Entry("link-created", null, $"ссылка для пациента {Short(externalId)} до {link.ExpiresAtUtc:dd.MM.yyyy HH:mm} UTC", actor)], cancellationToken);
        return (code, link);
    }

    /// <summary>The link of <paramref name="code"/> when it can still be used (not used, not expired), else null.</summary>
    public PatientLink? Usable(string code) =>
        store.FindLink(Hash(code)) is { UsedAtUtc: null } link && link.ExpiresAtUtc > Now ? link : null;

    /// <summary>The person opened the link: it waits for their patient consent.</summary>
    public Task OpenAsync(PatientLink link, Person person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(person);
        link.PendingPersonId = person.Id;
        return store.SaveLinkAsync(link, cancellationToken);
    }

    /// <summary>Binds the link the person opened, once their patient consent is given; false when there is none usable.</summary>
    public Task<bool> BindPendingAsync(Person person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        return store.PendingOf(person.Id) is { } link ? BindPersonAsync(person, link, cancellationToken) : Task.FromResult(false);
    }

    /// <summary>Binds the person to the link's patient id (the patient consent is given); false when the link is used or expired.</summary>
    public async Task<bool> BindPersonAsync(Person person, PatientLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(link);
        if (link.UsedAtUtc is not null || link.ExpiresAtUtc <= Now)
        {
            return false;
        }

        var now = Now;
        (link.UsedAtUtc, link.PendingPersonId) = (now, person.Id);
        var moved = store.Binding(link.ExternalId) is { } old && old.PersonId != person.Id ? $"; прежняя привязка к субъекту {old.PersonId} снята" : "";
        var audit = Entry("bound", person, $"пациент {Short(link.ExternalId)} привязан{moved}", "person");
        await store.BindAsync(new PatientBinding { Id = link.ExternalId, PersonId = person.Id, BoundAtUtc = now }, link, [audit], cancellationToken);
        return true;
    }

    /// <summary>A service notification to the bound patient, queued through their channel; refused (nothing stored) otherwise.</summary>
    public async Task<PatientNotifyResult> NotifyAsync(string externalId, string? text, IReadOnlyList<string>? buttons, string actor, CancellationToken cancellationToken = default)
    {
        var invalid = new List<string>();
        if (CheckExternalId(externalId) is { } idError)
        {
            invalid.Add(idError);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            invalid.Add("Текст уведомления (text) пуст.");
        }
        else if (text.Length > MaxTextLength)
        {
            invalid.Add(string.Create(CultureInfo.InvariantCulture, $"Текст уведомления длиннее {MaxTextLength} символов ({text.Length})."));
        }

        var answers = new List<string>();
        foreach (var b in buttons ?? [])
        {
            if (PatientAnswers.FromLabel(b ?? "") is { } answer && !answers.Contains(answer))
            {
                answers.Add(answer);
            }
            else
            {
                invalid.Add($"Кнопка «{b}» недопустима: можно только «Подтверждаю», «Перенести», «Отменить», каждую один раз.");
            }
        }

        if (invalid.Count > 0)
        {
            return new(null, invalid, null);
        }

        if (Refusal(externalId) is { } conflict)
        {
            return new(null, [], conflict);
        }

        var person = consents.FindPersonById(store.Binding(externalId)!.PersonId)!;
        var n = new PatientNotification
        {
            Id = store.NextNotificationId(),
            ExternalId = externalId,
            PersonId = person.Id,
            Text = text!,
            Answers = answers,
            SentBy = actor,
            CreatedAtUtc = Now,
        };
        var payload = string.Create(CultureInfo.InvariantCulture, $"{PayloadAction}:{{0}}:{n.Id}");
        var message = new OutboxMessage
        {
            Channel = person.Channel,
            ChatId = person.ChatId,
            UserId = person.PlatformUserId,
            Text = n.Text,
            Kind = NotificationKind,
            CreatedAtUtc = n.CreatedAtUtc,
            DedupeKey = string.Create(CultureInfo.InvariantCulture, $"{NotificationKind}:{n.Id}"),
            Buttons = answers.Count == 0 ? null
                : OutboxButtons.Write([[.. answers.Select(a => new Button(PatientAnswers.Labels[a], string.Format(CultureInfo.InvariantCulture, payload, a)))]]),
        };
        var audit = Entry("notification", person, string.Create(CultureInfo.InvariantCulture, $"уведомление № {n.Id} пациенту {Short(externalId)} (служебное, не реклама)"), actor);
        await store.AddNotificationAsync(n, message, [audit], cancellationToken);
        return new(n, [], null);
    }

    /// <summary>Why a notification cannot go to this patient now (409), or null.</summary>
    public string? Refusal(string externalId)
    {
        if (store.Binding(externalId) is not { } binding || consents.FindPersonById(binding.PersonId) is not { } person)
        {
            return "Пациент не подключён к уведомлениям: сначала передайте ему ссылку (POST /api/v1/patients/{id}/link).";
        }

        if (person.ErasedAtUtc is not null)
        {
            return "Данные пользователя уничтожены — уведомления невозможны.";
        }

        if (person.Blocked)
        {
            return "Обработка данных пациента заблокирована по его запросу — уведомления не отправляются.";
        }

        var state = catalog.Patient is { } p ? consents.RecordsOf(person.Id).FirstOrDefault(r => r.PurposeId == p.Id)?.State : null;
        if (state != ConsentState.Given)
        {
            return state is ConsentState.Withdrawn ? "Пациент отозвал согласие на переписку — уведомления не отправляются."
                : state is ConsentState.NeedsRenewal ? "Текст согласия на переписку обновился, пациент ещё не подтвердил новую редакцию."
                : "Нет согласия пациента на переписку (п. 2.3.2 Политики).";
        }

        return person.Unreachable ? "Пациент заблокировал бота или запретил сообщения — доставить уведомление нельзя." : null;
    }

    /// <summary>A bound patient's answer (a button under <paramref name="notification"/>, or typed text): queued for the clinic's system.</summary>
    public async Task AnswerAsync(Person person, PatientNotification? notification, string? answer, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var binding = store.BindingOf(person.Id) ?? throw new InvalidOperationException("The person is not a bound patient.");
        var now = Now;
        if (notification is not null)
        {
            (notification.Answer, notification.AnsweredAtUtc) = (answer, now);
        }

        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["patientId"] = binding.Id,
            ["notificationId"] = notification?.Id,
            ["answer"] = answer,
            ["text"] = text,
            ["at"] = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        });
        await store.AddCallbackAsync(notification, new PatientCallback { Body = body, PersonId = person.Id, CreatedAtUtc = now, NextAttemptAtUtc = now }, cancellationToken);
    }

    /// <summary>The <c>X-PdBot-Signature</c> value of a callback body: "sha256=" and the hex HMAC-SHA256 with the secret.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string Short(string externalId) => "sha256:" + Hash(externalId)[..12];

    private AuditEntry Entry(string evt, Person? person, string detail, string actor) => new()
    {
        TimeUtc = Now,
        Kind = AuditKind,
        Event = evt,
        Channel = person?.Channel ?? "api",
        PersonId = person?.Id,
        PurposeId = catalog.Patient?.Id,
        Actor = actor,
        Detail = detail,
    };
}
