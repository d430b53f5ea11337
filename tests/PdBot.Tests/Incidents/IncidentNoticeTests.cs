using PdBot.Core.Incidents;
using PdBot.Core.Operator;

namespace PdBot.Tests.Incidents;

/// <summary>Both notices to Roskomnadzor carry every item of the form (152-FZ Art. 21 part 3.1), each with the incident's own answer.</summary>
public sealed class IncidentNoticeTests
{
    private static readonly OperatorOptions Operator = new()
    {
        Name = "ООО «Клиника-Тест»",
        Address = "190000, Санкт-Петербург, ул. Тестовая, д. 1",
        Inn = "7800000001",
        Ogrn = "1027800000002",
        Phone = "+7 (812) 000-00-01",
        Email = "dpo@clinic.test",
    };

    private static readonly Incident Leak = new()
    {
        Id = 7,
        State = IncidentState.NoticeSent,
        DetectedAtUtc = new DateTime(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc),
        Summary = "Таблица с записями на приём отправлена в общий чат",
        DataCategories = "ФИО, телефоны, даты приёма",
        Channels = "Telegram",
        EstimatedPeople = 312,
        PresumedCauses = "Ошибка сотрудника при пересылке файла",
        Harm = "Риск нежелательных звонков",
        Measures = "Сообщение удалено, доступ к чату ограничен",
        ContactPerson = "Петрова А. А., ответственный за обработку ПДн, +7 (812) 000-00-02",
        InvestigationResults = "Файл был доступен 40 минут, скачан двумя участниками",
        ResponsiblePersons = "Администратор регистратуры",
        NoticeSentAtUtc = new DateTime(2026, 12, 4, 20, 0, 0, DateTimeKind.Utc),
        NoticeSentVia = "через портал pd.rkn.gov.ru",
    };

    public static TheoryData<string, string> FirstNoticeItems => new()
    {
        { "Наименование оператора", "ООО «Клиника-Тест»" },
        { "Адрес оператора", "190000, Санкт-Петербург, ул. Тестовая, д. 1" },
        { "ИНН / ОГРН оператора", "7800000001 / 1027800000002" },
        { "Контакты оператора (телефон, электронная почта)", "+7 (812) 000-00-01, dpo@clinic.test" },
        { "Дата и время выявления инцидента", "04.12.2026 18:00 МСК" },
        { "Описание инцидента (что произошло)", "Таблица с записями на приём отправлена в общий чат" },
        { "Категории персональных данных", "ФИО, телефоны, даты приёма" },
        { "Каналы и информационные системы, затронутые инцидентом", "Telegram" },
        { "Предполагаемое количество субъектов персональных данных", "312" },
        { "Предполагаемые причины, повлекшие нарушение прав субъектов персональных данных", "Ошибка сотрудника при пересылке файла" },
        { "Предполагаемый вред, нанесённый правам субъектов персональных данных", "Риск нежелательных звонков" },
        { "Принятые меры по устранению последствий инцидента", "Сообщение удалено, доступ к чату ограничен" },
        { "Лицо, уполномоченное оператором на взаимодействие с Роскомнадзором по вопросам инцидента", "Петрова А. А., ответственный за обработку ПДн, +7 (812) 000-00-02" },
    };

    public static TheoryData<string, string> ResultsNoticeItems => new()
    {
        { "Наименование оператора", "ООО «Клиника-Тест»" },
        { "Инцидент", "№ 7, выявлен 04.12.2026 18:00 МСК" },
        { "Первичное уведомление направлено", "04.12.2026 23:00 МСК, через портал pd.rkn.gov.ru" },
        { "Результаты внутреннего расследования", "Файл был доступен 40 минут, скачан двумя участниками" },
        { "Лица, действия которых стали причиной инцидента (если установлены)", "Администратор регистратуры" },
        { "Лицо, уполномоченное оператором на взаимодействие с Роскомнадзором по вопросам инцидента", "Петрова А. А., ответственный за обработку ПДн, +7 (812) 000-00-02" },
    };

    [Theory]
    [MemberData(nameof(FirstNoticeItems))]
    public void The_24_hour_notice_has_the_item(string label, string value)
    {
        var notice = IncidentNotices.First(Leak, Operator);

        Assert.Contains(new NoticeField(label, value), notice.Fields);
        Assert.Contains($"{label}: {value}", notice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ResultsNoticeItems))]
    public void The_72_hour_notice_has_the_item(string label, string value)
    {
        var notice = IncidentNotices.Results(Leak, Operator);

        Assert.Contains(new NoticeField(label, value), notice.Fields);
        Assert.Contains($"{label}: {value}", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_24_hour_notice_has_exactly_the_forms_items_in_order_and_cites_the_law()
    {
        var notice = IncidentNotices.First(Leak, Operator);

        Assert.Equal(FirstNoticeItems.Select(row => (string)row[0]), notice.Fields.Select(f => f.Label));
        Assert.Contains("ч. 3.1 ст. 21", notice.Title, StringComparison.Ordinal);
        Assert.Empty(notice.MissingFields);
    }

    [Fact]
    public void An_item_not_filled_in_reads_as_not_stated_so_the_operator_sees_what_is_missing()
    {
        var draft = new Incident { Id = 8, DetectedAtUtc = Leak.DetectedAtUtc, Summary = "Подозрение на утечку" };

        var missing = IncidentNotices.First(draft, Operator).MissingFields.Select(f => f.Label).ToList();

        Assert.Equal(
            [
                "Категории персональных данных",
                "Каналы и информационные системы, затронутые инцидентом",
                "Предполагаемое количество субъектов персональных данных",
                "Предполагаемые причины, повлекшие нарушение прав субъектов персональных данных",
                "Предполагаемый вред, нанесённый правам субъектов персональных данных",
                "Принятые меры по устранению последствий инцидента",
                "Лицо, уполномоченное оператором на взаимодействие с Роскомнадзором по вопросам инцидента",
            ],
            missing);
        Assert.Contains("Категории персональных данных: не указано", IncidentNotices.First(draft, Operator).Text, StringComparison.Ordinal);
    }
}
