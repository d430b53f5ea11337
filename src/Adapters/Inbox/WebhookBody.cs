using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace PdBot.Adapters.Inbox;

/// <summary>
/// A platform's webhook body as UTF-8 bytes, read into a pooled buffer that grows only as far as the body does
/// and never past <see cref="MaxBytes"/>: no large buffer per request, and the bytes are parsed once, in place.
/// Dispose returns the buffer.
/// </summary>
public sealed class WebhookBody : IDisposable
{
    /// <summary>
    /// 1 MiB counted in bytes (never characters): far above a real update, far below what hurts. Not smaller: a VK
    /// message may carry up to 100 forwarded messages of 4096 characters each, and a Telegram update refused with 413
    /// is redelivered for a day and holds up every later update of the bot, so the headroom is worth more than the bytes.
    /// </summary>
    public const int MaxBytes = 1 << 20;
    private const int FirstRead = 16 * 1024;
    private byte[] _buffer;

    private WebhookBody(byte[] buffer, int length) => (_buffer, Length) = (buffer, length);

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <returns>The body, or null when it is over <see cref="MaxBytes"/> (a declared Content-Length over it is refused unread).</returns>
    public static async Task<WebhookBody?> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(MaxBytes + 1, request.ContentLength ?? FirstRead) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > MaxBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxBytes + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxBytes + 1) - length), request.HttpContext.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new WebhookBody(buffer, length);
    }

    public static IResult TooLarge() => Results.Text("body too large", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// 503 with Retry-After: the inbox holds as many unprocessed updates as it may, nothing was stored, and the platform
    /// delivers the update again later (Telegram and VK both retry a failed delivery).
    /// </summary>
    public static IResult InboxFull(HttpResponse response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Text("inbox full: try again later", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The body as stored text (invalid UTF-8 sequences become U+FFFD).</summary>
    public string Text() => System.Text.Encoding.UTF8.GetString(Span);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
