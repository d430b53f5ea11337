using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Patients;
using PdBot.Core.ApiKeys;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Outbox;
using PdBot.Core.Patients;
using PdBot.Core.Turns;
using PdBot.Tests.Api;

namespace PdBot.Tests.Patients;

/// <summary>
/// Patients over the API on the real host: a one-time link binds after the patient consent, notifications go only while
/// it holds, and answers reach the clinic's system signed (HMAC-SHA256), retried until accepted, and the inbox.
/// </summary>
public sealed class PatientNotificationTests : IAsyncLifetime
{
    private const string Secret = "test-callback-secret";
    private const string PatientBox = "☐ Согласен(на) на переписку о моих приёмах";
    private CallbackReceiver _receiver = null!;
    private ApiHost _host = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _receiver = await CallbackReceiver.StartAsync();
        _host = await ApiHost.StartAsync("--Telegram:BotUsername", "clinic_bot", "--Vk:Community", "medaclinic",
            "--Notifications:CallbackUrl", _receiver.Url, "--Notifications:CallbackSecret", Secret);
        var key = await _host.Keys.CreateAsync("his", ApiKeyScopes.Patients, "test");
        _api = _host.Client(key.Secret);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private IPatientStore Store => _host.Services.GetRequiredService<IPatientStore>();

    private CallbackSender Sender => _host.Services.GetRequiredService<CallbackSender>();

    private async Task<string> LinkAsync(string patient = "P-100")
    {
        using var response = await _api.PostAsync($"/api/v1/patients/{patient}/link", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var code = json.RootElement.GetProperty("code").GetString()!;
        Assert.Equal($"https://t.me/clinic_bot?start={code}", json.RootElement.GetProperty("telegram").GetString());
        Assert.Equal($"https://vk.me/medaclinic?ref={code}", json.RootElement.GetProperty("vk").GetString());
        return code;
    }

    private Task BindAsync(string code, string user = "p1") =>
        _host.Console.Chat(user).Send(Activity.Message("telegram", user, "/start", "s-" + user) with { Source = code })
            .AssertReply(PdBot.Bot.Conversation.Patients.PatientTexts.ConsentFirst)
            .AssertReply(r => Assert.Contains(PatientBox, r.Buttons.Select(b => b.Label)))
            .Press(PatientBox).SkipReplies().Press("Отправить").SkipReplies()
            .StartTestAsync();

    private Task<HttpResponseMessage> NotifyAsync(string json) => _api.PostAsync("/api/v1/notifications", ApiHost.Json(json));

    private static async Task<string> ReasonAsync(HttpResponseMessage response) =>
        string.Join(" ", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));

    [Fact]
    public async Task A_link_binds_the_patient_after_the_patient_consent_and_notifications_go_out_with_their_buttons()
    {
        var code = await LinkAsync();
        using (var before = await NotifyAsync("""{"patientId":"P-100","text":"Напоминаем о приёме"}"""))
        {
            Assert.Equal(HttpStatusCode.Conflict, before.StatusCode);
            Assert.Contains("не подключён", await ReasonAsync(before), StringComparison.Ordinal);
        }

        await BindAsync(code);
        var person = _host.Services.GetRequiredService<IConsentStore>().FindPerson("telegram", "p1")!;
        Assert.Equal("P-100", Store.BindingOf(person.Id)!.Id);

        using var sent = await NotifyAsync("""{"patientId":"P-100","text":"Напоминаем о приёме 25.11 в 10:00","buttons":["Подтверждаю","Перенести","Отменить"]}""");
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = Assert.Single(_host.Services.GetRequiredService<IOutbox>().Pending("telegram"), m => m.Kind == PatientService.NotificationKind);
        Assert.Equal((person.ChatId, "Напоминаем о приёме 25.11 в 10:00"), (message.ChatId, message.Text));
        Assert.Equal(["pn:confirm:1", "pn:reschedule:1", "pn:cancel:1"], OutboxButtons.Read(message.Buttons).SelectMany(r => r).Select(b => b.Payload));
        Assert.DoesNotContain(_host.Audit.ReadAll(), e => e.Detail?.Contains("P-100", StringComparison.Ordinal) == true || e.Detail?.Contains(code, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_pressed_answer_reaches_the_clinic_signed_and_the_inbox()
    {
        await BindAsync(await LinkAsync());
        using var sent = await NotifyAsync("""{"patientId":"P-100","text":"Приём 25.11 в 10:00","buttons":["Подтверждаю","Перенести"]}""");

        // The notification itself reaches the chat through the outbox at its own pace, so replies are not checked in order here.
        await _host.Console.Chat("p1").PressPayload("pn:reschedule:1", "n1").PressPayload("pn:confirm:1", "n1").StartTestAsync();

        Assert.Equal(PatientAnswers.Reschedule, Store.FindNotification(1)!.Answer);
        Assert.Equal(1, await Sender.RunOnceAsync(default));
        var (body, signature) = Assert.Single(_receiver.Received);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)), signature);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(("P-100", 1, "reschedule"), (json.RootElement.GetProperty("patientId").GetString(), json.RootElement.GetProperty("notificationId").GetInt32(), json.RootElement.GetProperty("answer").GetString()));

        var person = _host.Services.GetRequiredService<IConsentStore>().FindPerson("telegram", "p1")!;
        var conversation = _host.Services.GetRequiredService<IConversationStore>().LatestOf(person.Id)!;
        Assert.Equal(ConversationTopics.Patient, conversation.Topic);
    }

    [Fact]
    public async Task A_refused_callback_is_retried_after_its_backoff_and_delivered_once()
    {
        await BindAsync(await LinkAsync());
        _receiver.Statuses.Enqueue(500);
        await _host.Console.Chat("p1").Send("Хочу перенести приём на завтра").SkipReplies().StartTestAsync();

        // The hosted sender also runs on the fake clock's ticks: rounds never overlap, so what the receiver got is what counts.
        await Sender.RunOnceAsync(default);
        Assert.Single(_receiver.Received);
        _host.Clock.Advance(TimeSpan.FromSeconds(9));
        await Sender.RunOnceAsync(default);
        Assert.Single(_receiver.Received);

        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        await Sender.RunOnceAsync(default);
        _host.Clock.Advance(TimeSpan.FromHours(2));
        await Sender.RunOnceAsync(default);

        Assert.Equal(2, _receiver.Received.Count);
        using var json = JsonDocument.Parse(_receiver.Received.Last().Body);
        Assert.Equal("Хочу перенести приём на завтра", json.RootElement.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("notificationId").ValueKind);
    }

    [Fact]
    public async Task Withdrawing_the_patient_consent_stops_notifications()
    {
        await BindAsync(await LinkAsync());
        await _host.Console.Chat("p1").Send("Меню").SkipReplies().Press("Отозвать согласие: Переписка с пациентом").SkipReplies().StartTestAsync();

        using var response = await NotifyAsync("""{"patientId":"P-100","text":"Приём завтра"}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("отозвал согласие", await ReasonAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"patientId":"P-100","text":""}""", "пуст")]
    [InlineData("""{"patientId":"P-100","text":"Приём","buttons":["Оплатить"]}""", "Оплатить")]
    [InlineData("""{"text":"Приём"}""", "patientId")]
    [InlineData("""{"patientId":"P-100","text":"Приём","promo":true}""", "JSON")]
    public async Task Bad_notifications_are_refused_with_a_reason_and_nothing_is_stored(string json, string reason)
    {
        using var response = await NotifyAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await ReasonAsync(response), StringComparison.Ordinal);
        Assert.Null(Store.FindNotification(1));
    }

    [Fact]
    public async Task A_mailings_key_cannot_send_patient_notifications()
    {
        using var response = await _host.Http.PostAsync("/api/v1/notifications", ApiHost.Json("""{"patientId":"P-100","text":"Приём"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_used_link_cannot_bind_anyone_else()
    {
        var code = await LinkAsync();
        await BindAsync(code);

        await _host.Console.Chat("p2").Send(Activity.Message("telegram", "p2", "/start", "s-p2") with { Source = code })
            .AssertReply(PdBot.Bot.Conversation.Patients.PatientTexts.LinkUnusable)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_press_is_answered_once_and_a_second_press_is_told_the_first_answer()
    {
        await BindAsync(await LinkAsync());
        var person = _host.Services.GetRequiredService<IConsentStore>().FindPerson("telegram", "p1")!;
        var n = await _host.Services.GetRequiredService<PatientService>().NotifyAsync("P-100", "Приём 25.11", ["Подтверждаю"], "api:his");
        Assert.True(n.Ok);

        var adapter = new PdBot.Tests.Turns.TestAdapter("test", person.PlatformUserId);
        var session = ConsentSession.Open(_host.Services.GetRequiredService<IConsentStore>(), _host.Services.GetRequiredService<ConsentCatalog>(), _host.Clock, "telegram", "p1", person.ChatId);
        var dialog = _host.Services.GetRequiredService<PdBot.Bot.Conversation.Patients.PatientDialog>();
        await dialog.OnPressAsync(new TurnContext(adapter, Activity.Press("telegram", "p1", "pn:confirm:1", "m", "i1")), session, new("pn", "confirm:1"), default);
        await dialog.OnPressAsync(new TurnContext(adapter, Activity.Press("telegram", "p1", "pn:confirm:1", "m", "i2")), session, new("pn", "confirm:1"), default);

        Assert.Contains(adapter.Replies, r => r.Text == PdBot.Bot.Conversation.Patients.PatientTexts.AlreadyAnswered("Подтверждаю"));
        Assert.Single(Store.DueCallbacks(_host.Clock.GetUtcNow().UtcDateTime, 10));
    }

    [Fact]
    public async Task A_button_label_typed_answers_the_latest_notification_offering_it()
    {
        await BindAsync(await LinkAsync());
        using var sent = await NotifyAsync("""{"patientId":"P-100","text":"Приём 25.11 в 10:00","buttons":["Подтверждаю","Отменить"]}""");

        await _host.Console.Chat("p1").Send("Подтверждаю").StartTestAsync();

        Assert.Equal(PatientAnswers.Confirm, Store.FindNotification(1)!.Answer);
        await Sender.RunOnceAsync(default);
        using var json = JsonDocument.Parse(Assert.Single(_receiver.Received).Body);
        Assert.Equal((1, "confirm"), (json.RootElement.GetProperty("notificationId").GetInt32(), json.RootElement.GetProperty("answer").GetString()));
    }
}
