using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Tests.Admin;

public sealed class AdminSignInTests : IDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private AdminSignIn SignIn => _host.Services.GetRequiredService<AdminSignIn>();

    private IAdminAccounts Accounts => _host.Services.GetRequiredService<IAdminAccounts>();

    private List<AuditEntry> AdminEntries() => [.. _host.Audit.ReadAll().Where(e => e.Kind == AdminEvents.Kind && e.Event != AdminEvents.AccountCreated)];

    private async Task CreateAnna() =>
        Assert.Null(await _host.Services.GetRequiredService<AdminEnrollment>().CreateAsync("Anna", AdminRole.Operator, Password, "cli"));

    [Fact]
    public async Task Sign_in_succeeds_and_is_audited()
    {
        await CreateAnna();

        var result = await SignIn.SignInAsync("ANNA", Password);

        Assert.True(result.Succeeded);
        Assert.Equal("anna", result.Login);
        Assert.Equal(AdminRole.Operator, result.Role);
        var entry = Assert.Single(AdminEntries());
        Assert.Equal(AdminEvents.SignIn, entry.Event);
        Assert.Equal("anna", entry.Actor);
        Assert.Equal("admin", entry.Channel);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, Accounts.Find("anna")!.LastSignInUtc);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_audited()
    {
        await CreateAnna();

        var result = await SignIn.SignInAsync("anna", "wrong-password");

        Assert.False(result.Succeeded);
        var entry = Assert.Single(AdminEntries());
        Assert.Equal(AdminEvents.SignInFailed, entry.Event);
        Assert.Equal("anna", entry.Actor);
        Assert.DoesNotContain("wrong-password", entry.Detail ?? "", StringComparison.Ordinal);
        Assert.Equal(1, Accounts.Find("anna")!.FailedAttempts);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_fifteen_minutes_pass()
    {
        await CreateAnna();
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await SignIn.SignInAsync("anna", $"wrong-password-{i}")).Succeeded);
        }

        Assert.Equal(AdminEvents.LockedOut, AdminEntries()[^1].Event);
        Assert.False((await SignIn.SignInAsync("anna", Password)).Succeeded);
        _host.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.False((await SignIn.SignInAsync("anna", Password)).Succeeded);

        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await SignIn.SignInAsync("anna", Password);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [.. Enumerable.Repeat(AdminEvents.SignInFailed, 4), AdminEvents.LockedOut, AdminEvents.SignInFailed, AdminEvents.SignInFailed, AdminEvents.SignIn],
            AdminEntries().Select(e => e.Event));
        Assert.Equal(0, Accounts.Find("anna")!.FailedAttempts);
        Assert.True(_host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_success_resets_the_failure_counter()
    {
        await CreateAnna();
        for (var i = 0; i < 4; i++)
        {
            await SignIn.SignInAsync("anna", "wrong-password");
        }

        Assert.True((await SignIn.SignInAsync("anna", Password)).Succeeded);
        Assert.False((await SignIn.SignInAsync("anna", "wrong-password")).Succeeded);

        Assert.True((await SignIn.SignInAsync("anna", Password)).Succeeded);
    }

    [Fact]
    public async Task An_unknown_login_gives_the_same_result_as_a_wrong_password()
    {
        await CreateAnna();

        var unknown = await SignIn.SignInAsync("nobody", Password);
        var wrong = await SignIn.SignInAsync("anna", "wrong-password");

        Assert.Equal(wrong, unknown);
        var entry = Assert.Single(AdminEntries());
        Assert.Equal((AdminEvents.SignInFailed, "anna"), (entry.Event, entry.Actor));
        Assert.Equal(1, _host.Services.GetRequiredService<SignInFailureBurst>().Pending);
        Assert.DoesNotContain(Password, entry.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_hundred_unknown_login_failures_make_one_audit_entry_with_their_count_when_the_burst_ends()
    {
        var burst = _host.Services.GetRequiredService<SignInFailureBurst>();
        var signIn = new AdminSignIn(Accounts, new PlainHasher(), new AdminAccountLocks(), burst, _host.Clock);
        var start = _host.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 300; i++)
        {
            Assert.False((await signIn.SignInAsync($"guess-{i}", "password")).Succeeded);
            _host.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        _host.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(_host.Audit.ReadAll());

        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        await burst.LastFlush;

        var entry = Assert.Single(_host.Audit.ReadAll(), e => e.Kind == AdminEvents.Kind);
        Assert.Equal((AdminEvents.SignInFailedBurst, AdminEvents.UnknownActor), (entry.Event, entry.Actor));
        Assert.Equal($"300 failed sign-ins with unknown logins between {start:HH\\:mm\\:ss} and {start.AddSeconds(29.9):HH\\:mm\\:ss} UTC", entry.Detail);
        Assert.DoesNotContain("guess", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(0, burst.Pending);
    }

    [Fact]
    public async Task A_failure_after_a_quiet_minute_starts_a_new_burst()
    {
        var burst = _host.Services.GetRequiredService<SignInFailureBurst>();
        var signIn = new AdminSignIn(Accounts, new PlainHasher(), new AdminAccountLocks(), burst, _host.Clock);

        await signIn.SignInAsync("nobody", "password");
        await signIn.SignInAsync("nobody", "password");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await burst.LastFlush;
        await signIn.SignInAsync("nobody", "password");
        await burst.FlushAsync();

        Assert.Equal(
            ["2 failed sign-ins", "1 failed sign-ins"],
            _host.Audit.ReadAll().Where(e => e.Event == AdminEvents.SignInFailedBurst).Select(e => e.Detail![..e.Detail!.IndexOf(" with", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task Sign_ins_for_different_logins_run_at_the_same_time()
    {
        // Anna's password check waits until Oleg's has finished: behind one global lock this never happens.
        using var hasher = new GatedHasher();
        await AddAccount("anna", hasher.Hash("anna-password"));
        await AddAccount("oleg", hasher.Hash("oleg-password"));
        var signIn = new AdminSignIn(Accounts, hasher, new AdminAccountLocks(), _host.Services.GetRequiredService<SignInFailureBurst>(), _host.Clock);

        var anna = Task.Run(() => signIn.SignInAsync("anna", "anna-password"));
        Assert.True(hasher.AnnaChecking.Wait(TimeSpan.FromSeconds(10)));
        var oleg = await signIn.SignInAsync("oleg", "oleg-password");

        Assert.True(oleg.Succeeded);
        Assert.True((await anna).Succeeded);
    }

    [Fact]
    public async Task Concurrent_failures_on_one_account_are_all_counted_and_lock_it()
    {
        await AddAccount("anna", new PlainHasher().Hash(Password));
        var signIn = new AdminSignIn(Accounts, new PlainHasher(), new AdminAccountLocks(), _host.Services.GetRequiredService<SignInFailureBurst>(), _host.Clock);

        await Task.WhenAll(Enumerable.Range(0, AdminEvents.MaxFailedAttempts).Select(i => Task.Run(() => signIn.SignInAsync("anna", $"wrong-{i}"))));

        Assert.NotNull(Accounts.Find("anna")!.LockedUntilUtc);
        Assert.Single(AdminEntries(), e => e.Event == AdminEvents.LockedOut);
    }

    private Task AddAccount(string login, string hash) =>
        Accounts.AddAsync(
            new AdminAccount { Login = login, Role = AdminRole.Operator, PasswordHash = hash },
            new AuditEntry { Kind = AdminEvents.Kind, Event = AdminEvents.AccountCreated, Channel = AdminEvents.Channel, Actor = "test" });

    /// <summary>No key stretching: these tests make hundreds of attempts.</summary>
    private sealed class PlainHasher : IAdminPasswordHasher
    {
        public string Hash(string password) => "plain:" + password;

        public PasswordCheck Verify(string passwordHash, string password) =>
            passwordHash == Hash(password) ? PasswordCheck.Success : PasswordCheck.Failed;
    }

    private sealed class GatedHasher : IAdminPasswordHasher, IDisposable
    {
        private readonly ManualResetEventSlim _olegChecked = new();

        public ManualResetEventSlim AnnaChecking { get; } = new();

        public string Hash(string password) => "plain:" + password;

        public PasswordCheck Verify(string passwordHash, string password)
        {
            if (passwordHash == Hash("anna-password"))
            {
                AnnaChecking.Set();
                if (!_olegChecked.Wait(TimeSpan.FromSeconds(10)))
                {
                    return PasswordCheck.Failed;
                }
            }

            var check = passwordHash == Hash(password) ? PasswordCheck.Success : PasswordCheck.Failed;
            if (passwordHash == Hash("oleg-password"))
            {
                _olegChecked.Set();
            }

            return check;
        }

        public void Dispose()
        {
            _olegChecked.Dispose();
            AnnaChecking.Dispose();
        }
    }
}
