using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Fleet;
using PdBot.Core.Patients;

namespace PdBot.Bot.Patients;

/// <summary>
/// Delivers patients' answers to the clinic's system (<c>Notifications:CallbackUrl</c>): POST of the stored JSON body
/// signed with <c>X-PdBot-Signature: sha256=HMAC-SHA256(secret, body)</c>. A callback is done once the system answers
/// 2xx; until then it is retried with exponential backoff (10 s doubling, at most an hour), from the store, so a restart
/// loses nothing. Bodies (personal data) are never logged. With several hosts, the holder of
/// <see cref="DeploymentJobs.Callbacks"/> sends them.
/// </summary>
public sealed partial class CallbackSender(
    IPatientStore store, IOptions<NotificationsOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<CallbackSender> logger,
    IDeploymentLease? lease = null) : BackgroundService
{
    public const string SignatureHeader = "X-PdBot-Signature";
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _round = new(1, 1);
    private readonly IDeploymentLease _lease = lease ?? SingleProcessLease.Instance;
    private bool _warned;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                if (await _lease.TryHoldAsync(DeploymentJobs.Callbacks, stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the callbacks that are due (one pass at a time, so none is sent twice); returns how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _round.WaitAsync(ct);
        try
        {
            return await RoundAsync(ct);
        }
        finally
        {
            _round.Release();
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    private async Task<int> RoundAsync(CancellationToken ct)
    {
        var o = options.Value;
        var due = store.DueCallbacks(time.GetUtcNow().UtcDateTime, 50);
        if (due.Count == 0)
        {
            return 0;
        }

        if (string.IsNullOrWhiteSpace(o.CallbackUrl) || string.IsNullOrEmpty(o.CallbackSecret))
        {
            if (!_warned)
            {
                _warned = true;
                LogNotConfigured(due.Count);
            }

            return 0;
        }

        var delivered = 0;
        using var client = http.CreateClient(nameof(CallbackSender));
        client.Timeout = TimeSpan.FromSeconds(15);
        foreach (var c in due)
        {
            delivered += await SendAsync(client, o, c, ct) ? 1 : 0;
        }

        return delivered;
    }

    private async Task<bool> SendAsync(HttpClient client, NotificationsOptions o, PatientCallback c, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(c.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, o.CallbackUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, PatientService.Signature(o.CallbackSecret, body));
        string? error;
        try
        {
            using var response = await client.SendAsync(request, ct);
            error = response.IsSuccessStatusCode ? null : "HTTP " + (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            error = ex.GetType().Name;
        }

        var now = time.GetUtcNow().UtcDateTime;
        c.Attempts++;
        if (error is null)
        {
            c.DeliveredAtUtc = now;
            c.LastError = null;
        }
        else
        {
            var wait = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks << Math.Min(c.Attempts - 1, 20)));
            (c.NextAttemptAtUtc, c.LastError) = (now + wait, error);
            LogRetry(c.Id, c.Attempts, error, wait.TotalSeconds);
        }

        await store.SaveCallbackAsync(c, ct);
        return error is null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} patient answers wait: Notifications:CallbackUrl or Notifications:CallbackSecret is not set")]
    private partial void LogNotConfigured(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient callback {Id} attempt {Attempt} failed ({Error}); retry in {Seconds} s")]
    private partial void LogRetry(long id, int attempt, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Patient callback round failed ({Error}); it runs again shortly")]
    private partial void LogRoundFailed(string error);
}
