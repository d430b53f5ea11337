namespace PdBot.Tests.Admin.Console;

/// <summary>
/// One console host for a whole test class (an xunit class fixture), with one signed-in HTTP client and one signed-in
/// browser per login, made when first asked for. Tests in a class run one after another, each on its own data.
/// </summary>
public class SharedConsoleHost : IAsyncLifetime
{
    private readonly Dictionary<string, ConsoleClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HeadlessChromium> _browsers = new(StringComparer.Ordinal);

    public ConsoleHost Host { get; private set; } = null!;

    /// <summary>Extra command-line settings of the host.</summary>
    protected virtual string[] Args => [];

    public async Task InitializeAsync()
    {
        Host = await ConsoleHost.StartAsync(Args);
        await SeedAsync(Host);
    }

    protected virtual Task SeedAsync(ConsoleHost host) => Task.CompletedTask;

    public async Task<ConsoleClient> ClientAsync(string login)
    {
        if (!_clients.TryGetValue(login, out var client))
        {
            client = await ConsoleClient.SignInAsync(Host, login);
            _clients[login] = client;
        }

        return client;
    }

    public HeadlessChromium Browser(string login)
    {
        if (!_browsers.TryGetValue(login, out var browser))
        {
            browser = new HeadlessChromium(Host.Address);
            browser.SignIn(login);
            _browsers[login] = browser;
        }

        return browser;
    }

    public async Task DisposeAsync()
    {
        foreach (var browser in _browsers.Values)
        {
            browser.Dispose();
        }

        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }
}
