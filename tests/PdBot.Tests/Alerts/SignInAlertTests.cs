using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Admin;
using PdBot.Core.Alerts;

namespace PdBot.Tests.Alerts;

public sealed class SignInAlertTests : IDisposable
{
    private readonly PdBotTestHost _host = new(AdminChat.Settings());

    public void Dispose() => _host.Dispose();

    private SignInFailureBurst Burst => _host.Services.GetRequiredService<SignInFailureBurst>();

    private async Task FailUnknownLoginsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Burst.Record(_host.Clock.GetUtcNow().UtcDateTime);
            _host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        // The burst ends after a quiet minute.
        _host.Clock.Advance(AdminEvents.FailureBurstQuiet);
        await Burst.LastFlush;
    }

    [Fact]
    public async Task A_burst_of_failed_sign_ins_with_unknown_logins_raises_an_alert_when_it_ends()
    {
        await FailUnknownLoginsAsync(SignInFailureBurst.AlertThreshold);

        var alert = Assert.Single(AdminChat.Open(_host.Services));
        Assert.Equal(AlertKinds.SignInBurst, alert.Kind);
        Assert.StartsWith($"Неудачных попыток входа в консоль с несуществующими логинами: {SignInFailureBurst.AlertThreshold} (", alert.Text, StringComparison.Ordinal);
        Assert.Contains("23.11.2026 12:00:00 МСК", alert.Text, StringComparison.Ordinal);
        Assert.Equal(alert.Text, Assert.Single(AdminChat.Messages(_host.Services)).Text);
    }

    [Fact]
    public async Task A_few_mistyped_logins_raise_no_alert_and_each_later_burst_raises_its_own()
    {
        await FailUnknownLoginsAsync(SignInFailureBurst.AlertThreshold - 1);
        Assert.Empty(AdminChat.Open(_host.Services));

        await FailUnknownLoginsAsync(SignInFailureBurst.AlertThreshold);
        await FailUnknownLoginsAsync(SignInFailureBurst.AlertThreshold + 5);

        Assert.Equal([AlertKinds.SignInBurst, AlertKinds.SignInBurst], AdminChat.Open(_host.Services).Select(a => a.Kind));
        Assert.Equal(2, AdminChat.Messages(_host.Services).Count);
    }

    [Fact]
    public async Task A_locked_out_account_raises_an_alert_without_its_login()
    {
        Assert.Null(await _host.Services.GetRequiredService<AdminEnrollment>().CreateAsync("Svetlana", AdminRole.Operator, "correct-horse-battery", "cli"));
        var signIn = _host.Services.GetRequiredService<AdminSignIn>();

        for (var i = 0; i < AdminEvents.MaxFailedAttempts - 1; i++)
        {
            await signIn.SignInAsync("svetlana", $"wrong-{i}");
        }

        Assert.Empty(AdminChat.Open(_host.Services));
        await signIn.SignInAsync("svetlana", "wrong-last");

        var alert = Assert.Single(AdminChat.Open(_host.Services));
        Assert.Equal(AlertKinds.Lockout, alert.Kind);
        Assert.Contains($"после {AdminEvents.MaxFailedAttempts} неудачных попыток входа", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("svetlana", alert.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(alert.Text, Assert.Single(AdminChat.Messages(_host.Services)).Text);
        Assert.NotNull(_host.Services.GetRequiredService<IAdminAccounts>().Find("svetlana")!.LockedUntilUtc);
    }
}
