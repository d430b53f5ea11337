using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace PdBot.Tests.Processing;

/// <summary>
/// The built <c>pdbot serve</c> as a real process on a loopback port, for what only a real process shows: a
/// <c>kill -9</c> in the middle of work. <see cref="Kill"/> is SIGKILL (no shutdown code runs).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private HostProcess(Process process, string address) => (_process, Address) = (process, address);

    public string Address { get; }

    public static async Task<HostProcess> StartAsync(params string[] args)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pdbot.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        await host.WaitUntilAsync(h => h is not null, TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>Posts <paramref name="body"/>; true only when the host answered 200 (the update is acknowledged).</summary>
    public async Task<bool> PostAsync(string path, string body, string headerName, string headerValue)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Address + path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add(headerName, headerValue);
            using var response = await _http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Polls <c>/health</c> (JSON) until <paramref name="condition"/> holds; a process start or a backlog takes real time.</summary>
    public async Task WaitUntilAsync(Func<JsonElement?, bool> condition, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"pdbot exited with {_process.ExitCode}");
            }

            if (await HealthAsync() is { } health && condition(health))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("pdbot did not reach the expected state: " + (await HealthAsync())?.GetRawText());
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
    }

    private async Task<JsonElement?> HealthAsync()
    {
        try
        {
            using var doc = JsonDocument.Parse(await _http.GetStringAsync(Address + "/health"));
            return doc.RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
