using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PdBot.Bench.Webhook;

namespace PdBot.Bench.Hosts;

/// <summary>
/// A real <c>pdbot serve</c> process with Telegram in webhook mode against the fake API, for what only a process
/// shows: several hosts at once, and <c>kill -9</c> (<see cref="Kill"/>: SIGKILL, no shutdown code runs).
/// </summary>
internal sealed class HostChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private HostChild(Process process, string address)
    {
        (_process, Address) = (process, address);
        Webhook = new WebhookClient(address + "/webhooks/telegram", Secret, HostsBenchOptions.Connections);
    }

    public const string Secret = "bench-secret_123";

    public string Address { get; }

    public WebhookClient Webhook { get; }

    /// <param name="environment">Storage settings (the connection string comes from the environment, as in production).</param>
    public static async Task<HostChild> StartAsync(FakeTelegramApi telegram, string storagePath, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = ChildProcess.Dotnet("pdbot.dll", "serve", "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--Storage:Path", storagePath, "--Telegram:Token", FakeTelegramApi.Token, "--Telegram:ApiBaseUrl", telegram.BaseUrl,
            "--Telegram:Mode", "Webhook", "--Telegram:WebhookSecret", Secret, "--Logging:LogLevel:Default", "Warning");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var said = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(string? line)
        {
            // The last lines only: why a host did not start.
            if (line is not null)
            {
                said.Enqueue(line);
                while (said.Count > 20 && said.TryDequeue(out _))
                {
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostChild(process, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var waited = Stopwatch.StartNew();
        while (!await host.HealthyAsync())
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(90))
            {
                await host.DisposeAsync();
                throw new InvalidOperationException("pdbot serve did not start:\n" + string.Join('\n', said));
            }

            await Task.Delay(100);
        }

        return host;
    }

    /// <summary>Turns this host committed (its <c>pdbot_turns_total</c>, all results).</summary>
    public async Task<long> TurnsAsync()
    {
        try
        {
            var text = await _http.GetStringAsync(Address + "/metrics");
            return (long)text.Split('\n')
                .Where(l => l.StartsWith("pdbot_turns_total{", StringComparison.Ordinal))
                .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
        Webhook.Dispose();
    }

    private async Task<bool> HealthyAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(Address + "/health"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
