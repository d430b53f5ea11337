using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Labels;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.People;

/// <summary>
/// The evidence pack for an inspection (Roskomnadzor, a court): one person's consents with the exact texts
/// they saw, their requests (document masked), the full timeline with each audit entry's place in the hash
/// chain, and the chain check made at export time. Built in memory: one person's history is small.
/// </summary>
public sealed class EvidencePack
{
    public const string Format = "pdbot-evidence-pack/1";

    public static readonly string[] CsvColumns =
        ["time_utc", "kind", "event", "channel", "purpose", "text_version", "text_hash", "actor", "detail", "seq", "entry_hash"];

    // Cyrillic stays readable for the inspector; the file is UTF-8 and is never embedded in HTML.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly PersonTimeline _timeline;
    private readonly IConsentStore _texts;
    private readonly ConsentCatalog _catalog;
    private readonly AuditVerification _verification;
    private readonly DateTime _generatedAtUtc;
    private readonly string _exportedBy;

    /// <param name="verification">The whole chain's check, made just before the export.</param>
    /// <param name="exportedBy">The admin's login.</param>
    public EvidencePack(PersonTimeline timeline, IConsentStore texts, ConsentCatalog catalog, AuditVerification verification, DateTime generatedAtUtc, string exportedBy)
    {
        _timeline = timeline ?? throw new ArgumentNullException(nameof(timeline));
        _texts = texts ?? throw new ArgumentNullException(nameof(texts));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _verification = verification ?? throw new ArgumentNullException(nameof(verification));
        _generatedAtUtc = generatedAtUtc;
        _exportedBy = exportedBy ?? "";
    }

    /// <summary>The mailings' delivery ledgers checked against their recorded hashes at export time (null: not checked).</summary>
    public LedgerVerification? Ledgers { get; init; }

    /// <summary>A file name without personal data: the pseudonymous id only.</summary>
    public string FileName(string extension) => $"evidence-{_timeline.Person.Id}.{extension}";

    public byte[] Json() => JsonSerializer.SerializeToUtf8Bytes(Document(), JsonOptions);

    public byte[] Csv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new Csv.CsvWriter(text);
        csv.WriteRow(CsvColumns);
        foreach (var e in _timeline.Events)
        {
            csv.WriteRow(CsvRow(e));
        }

        return Utf8.GetBytes(text.ToString());
    }

    /// <summary>evidence.json, evidence.csv and README.txt (how to check the hashes, and the hashes of both files).</summary>
    public byte[] Zip()
    {
        var json = Json();
        var csv = Csv();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "evidence.json", json);
            Add(zip, "evidence.csv", csv);
            Add(zip, "README.txt", Utf8.GetBytes(Readme(json, csv)));
        }

        return buffer.ToArray();
    }

    private void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(_generatedAtUtc, DateTimeKind.Utc));
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static IEnumerable<string?> CsvRow(TimelineEvent e) =>
    [
        AdminFormat.IsoUtc(e.TimeUtc), e.Kind, e.Event, e.Channel, e.PurposeId, e.TextVersion?.ToString(CultureInfo.InvariantCulture), e.TextHash,
        e.Actor, CsvDetail(e), e.Seq?.ToString(CultureInfo.InvariantCulture), e.EntryHash,
    ];

    // The message text goes in the detail column so the CSV alone shows what the person was told.
    private static string? CsvDetail(TimelineEvent e) => e.MessageText is null ? e.Detail : $"{e.Detail}: {e.MessageText}";

    private object Document()
    {
        var p = _timeline.Person;
        return new
        {
            Format,
            GeneratedAtUtc = AdminFormat.IsoUtc(_generatedAtUtc),
            GeneratedBy = _exportedBy,
            Person = new
            {
                p.Id,
                p.Channel,
                PlatformUserId = _timeline.IsErased ? null : p.PlatformUserId,
                Erased = _timeline.IsErased,
                CreatedAtUtc = AdminFormat.IsoUtc(p.CreatedAtUtc),
                p.Source,
                p.Unreachable,
            },
            Consents = _timeline.Consents.Select(c => new
            {
                Purpose = c.PurposeId,
                PurposeTitle = _catalog.Find(c.PurposeId)?.Title,
                State = c.State.ToString(),
                StateRu = RussianLabels.State(c.State),
                c.TextVersion,
                c.TextHash,
                Text = _texts.FindText(c.PurposeId, c.TextVersion)?.Text,
                GivenAtUtc = Iso(c.GivenAtUtc),
                UpdatedAtUtc = AdminFormat.IsoUtc(c.UpdatedAtUtc),
                c.Buttons,

                // Mailing consent: the topics followed (null: every topic) and the subscription link it came through.
                c.Topics,
                c.Source,
            }),
            Texts = Texts(),

            // Every mailing the person was in the audience of, with the consent (version, text hash) that covered the send.
            Mailings = _timeline.Mailings.Select(d => new
            {
                Mailing = d.MailingId,
                d.Channel,
                Outcome = d.State.ToString(),
                OutcomeRu = TimelineLabels.Outcome(d.State),
                d.Reason,
                ReasonRu = MailingSkipReasons.Title(d.Reason),
                AtUtc = Iso(d.AtUtc),
                Purpose = d.ConsentVersion is null ? null : _catalog.Mailing.Id,
                d.ConsentVersion,
                d.ConsentTextHash,
                d.PlatformMessageId,
            }),
            Requests = _timeline.Requests.Select(r => new
            {
                r.Id,
                Type = r.Type.ToString(),
                State = r.State.ToString(),
                StateRu = RussianLabels.State(r.State),
                CreatedAtUtc = AdminFormat.IsoUtc(r.CreatedAtUtc),
                ReceivedAtUtc = Iso(r.ReceivedAtUtc),
                DueDate = r.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                OriginalDueDate = r.OriginalDueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.IdentityConfirmed,

                // Never the number itself: the identity check is the operator's, the pack only shows which document it was.
                r.MaskedDocument,
                Purpose = r.PurposeId,
                r.Statement,
                r.ExtensionReason,
                r.RefusalReason,
                r.AnswerText,
                AnswerDeliveredAtUtc = Iso(r.AnswerDeliveredAtUtc),
                History = r.History.Select(h => new { TimeUtc = AdminFormat.IsoUtc(h.TimeUtc), h.Action, h.Actor, h.Note }),
            }),
            Timeline = _timeline.Events.Select(e => new
            {
                TimeUtc = AdminFormat.IsoUtc(e.TimeUtc),
                e.Source,
                e.Kind,
                e.Event,
                EventRu = TimelineLabels.Event(e.Event),
                e.Channel,
                Purpose = e.PurposeId,
                e.TextVersion,
                e.TextHash,
                e.Buttons,
                e.Actor,
                e.Detail,
                e.RequestId,
                e.MailingId,
                e.Seq,
                e.PrevHash,
                e.EntryHash,
                e.UserDigest,
                e.MessageId,
                e.HashOk,
                e.MessageText,
                QueuedAtUtc = Iso(e.QueuedAtUtc),
                SentAtUtc = Iso(e.SentAtUtc),
            }),
            AccessLog = _timeline.AdminAccess.Select(a => new
            {
                TimeUtc = AdminFormat.IsoUtc(a.TimeUtc),
                a.Event,
                Admin = a.Actor,
                What = a.Detail,
                a.Seq,
                EntryHash = a.Hash,
            }),
            ChainVerification = new
            {
                VerifiedAtUtc = AdminFormat.IsoUtc(_generatedAtUtc),
                Intact = _verification.IsIntact,
                EntriesChecked = _verification.IntactCount,
                _verification.FirstBadSeq,
                _verification.Problem,
                MailingLedgersChecked = Ledgers?.Checked,
                MailingLedgerProblems = Ledgers?.Problems,
            },
        };
    }

    /// <summary>Every text version the person's consents or events refer to, with its hash recomputed from the stored text.</summary>
    private List<object> Texts()
    {
        var versions = _timeline.Consents.Select(c => (c.PurposeId, (int?)c.TextVersion))
            .Concat(_timeline.Events.Select(e => (e.PurposeId ?? "", e.TextVersion)))
            .Where(v => v.Item1.Length > 0 && v.Item2 is not null)
            .Distinct()
            .OrderBy(v => v.Item1, StringComparer.Ordinal).ThenBy(v => v.Item2);
        var texts = new List<object>();
        foreach (var (purpose, version) in versions)
        {
            var text = _texts.FindText(purpose, version!.Value);
            texts.Add(new { Purpose = purpose, Version = version, Sha256 = text?.Hash, Found = text is not null, Text = text?.Text });
        }

        return texts;
    }

    private string Readme(byte[] json, byte[] csv) =>
        $"""
        Пакет доказательств PdBot (формат {Format})
        Субъект (псевдонимный идентификатор): {_timeline.Person.Id}
        Сформирован: {AdminFormat.IsoUtc(_generatedAtUtc)} (UTC), выгрузил: {_exportedBy}
        Проверка цепочки журнала аудита при выгрузке: {(_verification.IsIntact ? $"цепочка цела, проверено записей: {_verification.IntactCount}" : $"НАРУШЕНА на записи № {_verification.FirstBadSeq} ({AuditVerification.ProblemText(_verification.Problem)})")}
        Проверка журналов доставки рассылок при выгрузке: {LedgerLine()}

        Состав
          evidence.json — субъект, согласия с точными текстами, запросы (номер документа скрыт, видны последние 4 цифры),
                          рассылки (mailings: исход, время, id сообщения на платформе, версия и SHA-256 текста
                          согласия, покрывшего отправку), полная хронология событий, журнал просмотров в консоли,
                          результат проверки цепочки и журналов доставки рассылок.
          evidence.csv  — хронология событий таблицей (время UTC, вид, событие, канал, цель, версия и SHA-256 текста,
                          кто, подробности, № записи журнала, хеш записи).

        Контрольные суммы файлов (SHA-256)
          evidence.json  {Sha256(json)}
          evidence.csv   {Sha256(csv)}
          Проверка: sha256sum evidence.json evidence.csv

        1. Текст согласия
           SHA-256 считается по байтам текста в UTF-8 без BOM, ровно как он показан человеку (поле texts[].text).
           Пример: jq -j '.texts[0].text' evidence.json | sha256sum
           Результат должен совпасть с texts[].sha256 и с text_hash событий «дано»/«отозвано» этой версии.

        2. Запись журнала аудита
           entry_hash = SHA-256 (UTF-8, шестнадцатеричный, строчные буквы) строки из полей, соединённых символом U+001F:
             v1, seq, time_utc (ГГГГ-ММ-ДДTчч:мм:сс.мммZ), kind, event, channel, user_digest, person_id, message_id,
             purpose, text_version, text_hash, buttons (соединены символом U+001E), actor, detail, prev_hash.
           Пустое поле — пустая строка. Поле hash_ok в evidence.json — результат такого пересчёта при выгрузке.
           Идентификатор пользователя платформы входит в цепочку только солёным хешем (user_digest), поэтому после
           уничтожения данных цепочка по-прежнему проверяется.

        3. Рассылки
           Строка журнала доставки рассылки хранит субъекта, исход, время, id сообщения на платформе и версию и
           SHA-256 текста согласия на рассылку, действовавшего в момент отправки (текст — в texts[]). Когда рассылка
           завершается, SHA-256 всего её журнала доставки записывается в журнал аудита; pdbot audit verify пересчитывает
           его, так что исправленная, добавленная или удалённая строка обнаруживается.

        4. Цепочка
           prev_hash каждой записи равен entry_hash предыдущей записи журнала (seq − 1); у записи № 1 это 64 нуля.
           Записи этого субъекта идут в общем журнале не подряд: полную цепочку проверяет PdBot (результат выше и в
           chain_verification), а проверяющий может сверить entry_hash любой записи с полной выгрузкой журнала аудита.

        Время в файлах — UTC; в консоли оно показано по Москве (МСК).
        """;

    private string LedgerLine() => Ledgers switch
    {
        null => "не выполнялась",
        { IsIntact: true } l => $"журналы целы, проверено рассылок: {l.Checked}",
        { } l => "НАРУШЕНА: " + string.Join(" ", l.Problems),
    };

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string? Iso(DateTime? utc) => utc is { } t ? AdminFormat.IsoUtc(t) : null;
}
