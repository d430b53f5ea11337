using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Incidents;
using PdBot.Core.Outbox;
using PdBot.Tests.Incidents;

namespace PdBot.Tests.Admin.Console;

/// <summary>The picture of an incident page in the README: docs/incident.png.</summary>
public sealed class IncidentScreenshotTests
{
    [ScreenshotFact]
    public async Task An_incident_page_with_its_notices_and_the_people_affected_is_saved_as_docs_incident_png()
    {
        await using var host = await ConsoleHost.StartAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var incidents = host.Services.GetRequiredService<IncidentService>();
        var affected = host.Services.GetRequiredService<AffectedPeople>();
        for (var i = 0; i < 4; i++)
        {
            await AffectedSeed.PersonAsync(host.Services, i % 2 == 0 ? "telegram" : "vk", $"81000{i}", "consultation", now.AddHours(-30 + i));
        }

        await AffectedSeed.PersonAsync(host.Services, "telegram", "810010", "consultation", now.AddHours(-29), blocked: true);
        await AffectedSeed.PersonAsync(host.Services, "vk", "810011", "consultation", now.AddHours(-28), erased: true);
        var incident = await incidents.RegisterAsync(new IncidentFields
        {
            DetectedAtUtc = now.AddHours(-5),
            Summary = "Сотрудник регистратуры отправил выгрузку заявок на консультацию в общий рабочий чат с внешним подрядчиком",
            DataCategories = "имя, номер телефона, желаемые дата и время консультации",
            Channels = "Telegram, ВКонтакте (заявки из бота)",
            EstimatedPeople = 6,
            PresumedCauses = "ошибка сотрудника при пересылке файла; выгрузка не была обезличена",
            Harm = "риск нежелательных звонков и мошенничества от имени клиники",
            Measures = "сообщение удалено через 25 минут, подрядчик подтвердил удаление; выгрузки из консоли ограничены ролью администратора",
            ContactPerson = "Петрова Анна Сергеевна, ответственная за организацию обработки ПДн, +7 (812) 459-03-20, dpo@medaclinic.ru",
        }, ConsoleHost.AdminLogin);
        await incidents.MarkNoticeSentAsync(incident.Id, now.AddHours(-2), "через портал pd.rkn.gov.ru", ConsoleHost.AdminLogin);
        await affected.SelectAsync(incident.Id, new AffectedQuery { PurposeId = "consultation" }, ConsoleHost.AdminLogin);
        await affected.SendAsync(incident.Id, ServiceNoticeText.Default(incident, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PdBot.Core.Operator.OperatorOptions>>().Value), ConsoleHost.AdminLogin);
        var outbox = host.Services.GetRequiredService<IOutbox>();
        foreach (var m in outbox.Pending("telegram").Concat(outbox.Pending("vk")).Where(m => m.Kind == OutboxKind.ServiceNotice).Take(3))
        {
            await outbox.MarkSentAsync(m, now);
        }

        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(1400, 2500);
        browser.Open($"/admin/incidents/{incident.Id}");

        Assert.Equal(nameof(IncidentState.NoticeSent), browser.Find("#state").GetAttribute("data-state"));
        Assert.Equal(3, browser.FindAll(".delivery-row[data-outcome=Sent]").Count);
        Assert.Single(browser.FindAll(".delivery-row[data-outcome=SkippedBlocked]"));
        var path = browser.Screenshot("incident-docs");
        File.Copy(path, Path.Combine(RepoRoot.Path, "docs", "incident.png"), overwrite: true);
    }
}
