using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Cli;

namespace PdBot.Tests.Cli;

public sealed class HostTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task The_host_starts_on_kestrel_with_the_root_configuration_and_answers_health()
    {
        await using var app = ServeVerb.BuildApp(["--urls", "http://127.0.0.1:0", "--Storage:Path", _tmp.File("pdbot.db")]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(address + "/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok","channels":[]}""", await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }

    [Fact]
    public async Task A_bad_policy_url_is_refused_with_a_clear_message()
    {
        var result = await CliRunner.RunWithInputAsync("hi\n", "chat", "--db", _tmp.File("x.db"), "--Operator:PolicyUrl", "not a url");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PolicyUrl", result.Error, StringComparison.Ordinal);
    }
}
