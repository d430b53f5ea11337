using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Inbox;
using PdBot.Adapters.Vk;
using PdBot.Core.Inbox;
using PdBot.Tests.Vk;
using static PdBot.Tests.Vk.FakeVkServer;

namespace PdBot.Tests.Security;

/// <summary>The VK Callback API endpoint against hostile bodies: the secret is checked before the body is parsed, ids are numbers.</summary>
public sealed class WebhookVkTests : IAsyncLifetime, IDisposable
{
    private const long User = 123456789;
    private readonly TempFolder _tmp = new();
    private FakeVkServer _vk = null!;

    public async Task InitializeAsync() => _vk = await FakeVkServer.StartAsync();

    public async Task DisposeAsync() => await _vk.DisposeAsync();

    public void Dispose() => _tmp.Dispose();

    private Task<VkTestHost> StartAsync() => VkTestHost.StartAsync(_vk, _tmp.File("pdbot.db"));

    private static IReadOnlyList<InboxItem> Stored(VkTestHost host) => host.Services.GetRequiredService<IInbox>().Unprocessed(VkActivityMapper.Channel);

    [Theory]
    [InlineData("wrong")]
    [InlineData(null)]
    public async Task A_wrong_secret_is_refused_from_a_scan_before_the_body_is_parsed(string? secret)
    {
        await using var host = await StartAsync();

        // Nearly 1 MiB that is not JSON at all after the envelope's first fields: a full parse would answer 400.
        var head = secret is null ? "{\"type\":\"message_new\",\"group_id\":229000000,\"event_id\":\"e1\",\"object\":{\"message\":{\"text\":\""
            : "{\"type\":\"message_new\",\"secret\":\"" + secret + "\",\"group_id\":229000000,\"event_id\":\"e1\",\"object\":{\"message\":{\"text\":\"";
        var (status, body) = await host.PostAsync(head + new string('ы', (WebhookBody.MaxBytes / 2) - 100) + "\u0001 not json");

        Assert.Equal(secret is null ? 400 : 403, status);
        Assert.Contains(secret is null ? "JSON" : "secret", body, StringComparison.Ordinal);
        Assert.Empty(Stored(host));
    }

    [Fact]
    public async Task A_valid_1_MiB_body_with_the_wrong_secret_at_its_end_gets_403_and_stores_nothing()
    {
        await using var host = await StartAsync();
        var big = JsonNode.Parse(MessageNew("e1", User, new string('ж', (WebhookBody.MaxBytes / 2) - 2000), secret: "wrong"))!;

        Assert.Equal(403, (await host.PostAsync(big.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))).Status);
        Assert.Empty(Stored(host));
    }

    [Fact]
    public async Task A_body_over_the_limit_in_bytes_gets_413_though_it_has_fewer_characters()
    {
        await using var host = await StartAsync();

        // 700 000 characters, 1.4 MB in UTF-8.
        var (status, _) = await host.PostAsync(MessageNew("e1", User, new string('я', 700_000), secret: VkTestHost.Secret));

        Assert.Equal(413, status);
        Assert.Empty(Stored(host));
    }

    [Fact]
    public async Task A_declared_content_length_over_the_limit_is_refused_unread()
    {
        await using var host = await StartAsync();
        using var client = new System.Net.Sockets.TcpClient();
        var uri = new Uri(host.Address);
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        var head = $"POST {VkEndpoints.Route} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\nContent-Length: {WebhookBody.MaxBytes + 1}\r\n\r\n";

        // Only the headers are sent: the answer comes without the body ever being written.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1e30")]
    [InlineData("2.5")]
    [InlineData("\"229000000\"")]
    [InlineData("null")]
    public async Task A_group_id_that_is_not_a_positive_integer_gets_400(string groupId)
    {
        await using var host = await StartAsync();
        var json = MessageNew("e1", User, "/start", secret: VkTestHost.Secret).Replace("\"group_id\":229000000", "\"group_id\":" + groupId, StringComparison.Ordinal);

        var (status, body) = await host.PostAsync(json);

        Assert.Equal(400, status);
        Assert.Contains("group_id", body, StringComparison.Ordinal);
        Assert.Empty(Stored(host));
    }

    [Fact]
    public async Task Another_communitys_event_gets_400_and_no_confirmation_code()
    {
        await using var host = await StartAsync();

        var (status, body) = await host.PostAsync(Confirmation(VkTestHost.Secret, groupId: 1));
        var (eventStatus, _) = await host.PostAsync(MessageNew("e1", User, "/start", secret: VkTestHost.Secret, groupId: 1));

        Assert.Equal((400, 400), (status, eventStatus));
        Assert.DoesNotContain(VkTestHost.Confirmation, body, StringComparison.Ordinal);
        Assert.Empty(Stored(host));
    }

    [Theory]
    [InlineData("from_id", "\"123456789\"")]
    [InlineData("peer_id", "\"123456789\"")]
    [InlineData("from_id", "1.5")]
    [InlineData("from_id", "1e30")]
    public async Task A_message_id_field_that_is_not_an_integer_gets_400_and_is_not_stored(string field, string value)
    {
        await using var host = await StartAsync();
        var json = MessageNew("e1", User, "/start", secret: VkTestHost.Secret)
            .Replace($"\"{field}\":{User.ToString(CultureInfo.InvariantCulture)}", $"\"{field}\":{value}", StringComparison.Ordinal);

        var (status, body) = await host.PostAsync(json);

        Assert.Equal(400, status);
        Assert.Contains(field, body, StringComparison.Ordinal);
        Assert.Contains("number", body, StringComparison.Ordinal);
        Assert.Empty(Stored(host));
    }

    [Fact]
    public async Task A_press_with_its_user_id_as_a_string_gets_400()
    {
        await using var host = await StartAsync();
        var json = MessageEvent("e1", User, """{"cmd":"x"}""", 1, "vk-ev-1", secret: VkTestHost.Secret)
            .Replace($"\"user_id\":{User.ToString(CultureInfo.InvariantCulture)}", $"\"user_id\":\"{User.ToString(CultureInfo.InvariantCulture)}\"", StringComparison.Ordinal);

        var (status, body) = await host.PostAsync(json);

        Assert.Equal(400, status);
        Assert.Contains("user_id", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_event_after_the_scan_is_still_stored_and_answered_ok()
    {
        await using var host = await StartAsync();

        // The secret first, the type last: the scan does not depend on the order VK uses.
        var node = JsonNode.Parse(MessageNew("e1", User, "/start", secret: VkTestHost.Secret))!.AsObject();
        var type = node["type"]!.GetValue<string>();
        node.Remove("type");
        node["type"] = type;

        Assert.Equal((200, "ok"), await host.PostAsync(node.ToJsonString()));
        Assert.Single(Stored(host));
    }
}
