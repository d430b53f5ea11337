using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Api;

/// <summary>
/// Reads the body of <c>POST /api/v1/mailings</c> into a <see cref="MailingDraft"/>, or says in Russian what is wrong
/// with it. Reading is bounded (<see cref="MaxBodyBytes"/>), and an unknown field is an error rather than ignored, so a
/// misspelt "sendAt" is not silently sent now.
/// </summary>
public static partial class MailingRequestReader
{
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The draft, or the reasons it cannot be one (then the draft is null).</summary>
    public static async Task<(MailingDraft? Draft, IReadOnlyList<string> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadBoundedAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, [$"Тело запроса больше {MaxBodyBytes / 1024} КиБ."]);
        }

        CreateMailingRequest? parsed;
        try
        {
            parsed = body.Length == 0 ? null : JsonSerializer.Deserialize<CreateMailingRequest>(body, Json);
        }
        catch (JsonException ex)
        {
            // The path and line only: the exception's own message may quote what was sent.
            var where = ex.Path is { Length: > 1 } path ? $" (поле {path}, строка {ex.LineNumber + 1})" : $" (строка {ex.LineNumber + 1})";
            return (null, [$"Тело запроса — не JSON нужного вида{where}: проверьте синтаксис, типы значений и имена полей (text, topic, channels, kind, sendAt, buttons)."]);
        }

        if (parsed is null)
        {
            return (null, ["Тело запроса пусто: ожидается JSON-объект с полями text, topic, channels, kind."]);
        }

        var errors = new List<string>();
        var kind = MailingKinds.Parse(parsed.Kind);
        if (kind is null)
        {
            errors.Add(string.IsNullOrWhiteSpace(parsed.Kind)
                ? "Укажите вид рассылки kind: «advertising» (рекламная) или «informational» (информационная)."
                : $"Неизвестный вид рассылки «{parsed.Kind}»: допустимы «advertising» (рекламная) и «informational» (информационная).");
        }

        DateTimeOffset? sendAt = null;
        if (!string.IsNullOrWhiteSpace(parsed.SendAt))
        {
            if (TryParseSendAt(parsed.SendAt, out var at))
            {
                sendAt = at;
            }
            else
            {
                errors.Add($"Время отправки sendAt «{parsed.SendAt}» не понято: ожидается ISO 8601 со смещением, например 2026-12-01T12:00:00+03:00.");
            }
        }

        var draft = new MailingDraft(
            parsed.Text ?? "",
            parsed.Topic ?? "",
            parsed.Channels ?? [],
            kind ?? MailingKind.Advertising,
            sendAt,
            [.. (parsed.Buttons ?? []).Select(b => new MailingLink { Label = b?.Label ?? "", Url = b?.Url ?? "" })]);
        return errors.Count > 0 ? (null, errors) : (draft, []);
    }

    /// <summary>An instant with an explicit offset ("Z" or ±hh:mm): a local time without one would be a guess.</summary>
    public static bool TryParseSendAt(string text, out DateTimeOffset at)
    {
        at = default;
        return WithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out at);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
