using System.Net;
using PdBot.Adapters.Vk.Api;

namespace PdBot.Tests.Vk.Api;

public sealed class VkApiTests
{
    private static MessagesSendParams Send(long randomId = 777) => new() { PeerId = 123456789, RandomId = randomId, Message = "Привет & пока" };

    [Fact]
    public async Task Messages_send_posts_a_form_with_every_field_the_token_and_the_version()
    {
        using var kit = new VkApiTestKit("""{"response":985}""");
        var keyboard = new KeyboardBuilder().SetInline().AddCallbackButton("☑ Новости", """{"cmd":"untick"}""", KeyboardButtonColor.Positive).Build();

        var id = await kit.Api.Messages.SendAsync(new MessagesSendParams
        {
            PeerId = 123456789,
            UserId = 42,
            RandomId = 1234567890,
            Message = "Привет & пока",
            Keyboard = keyboard,
            Payload = """{"cmd":"start"}""",
            Intent = MessageIntent.ConfirmedNotification,
        }, CancellationToken.None);

        Assert.Equal(985, id);
        var r = Assert.Single(kit.Handler.Requests);
        Assert.Equal("http://127.0.0.1:9/method/messages.send", r.Uri.ToString());
        Assert.Equal("application/x-www-form-urlencoded", r.MediaType);
        Assert.Equal("123456789", r.Form["peer_id"]);
        Assert.Equal("42", r.Form["user_id"]);
        Assert.Equal("1234567890", r.Form["random_id"]);
        Assert.Equal("Привет & пока", r.Form["message"]);
        Assert.Equal(keyboard.ToJson(), r.Form["keyboard"]);
        Assert.Contains("\"payload\":\"{\\\"cmd\\\":\\\"untick\\\"}\"", r.Form["keyboard"], StringComparison.Ordinal);
        Assert.Equal("""{"cmd":"start"}""", r.Form["payload"]);
        Assert.Equal("confirmed_notification", r.Form["intent"]);
        Assert.Equal(VkApiTestKit.Token, r.Form["access_token"]);
        Assert.Equal("5.199", r.Form["v"]);
    }

    [Fact]
    public async Task A_zero_random_id_is_refused_before_anything_is_sent()
    {
        using var kit = new VkApiTestKit();
        await Assert.ThrowsAsync<ArgumentException>(() => kit.Api.Messages.SendAsync(Send(0), CancellationToken.None));
        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task Error_901_throws_CannotSendToUserFirstly_without_the_token_or_request_params_in_the_message()
    {
        using var kit = new VkApiTestKit($$$"""
            {"error":{"error_code":901,"error_msg":"Can't send messages for users without permission",
             "request_params":[{"key":"access_token","value":"{{{VkApiTestKit.Token}}}"},{"key":"peer_id","value":"123456789"}]}}
            """);

        var e = await Assert.ThrowsAsync<CannotSendToUserFirstlyException>(() => kit.Api.Messages.SendAsync(Send(), CancellationToken.None));

        Assert.Equal(901, e.ErrorCode);
        Assert.Equal("Can't send messages for users without permission", e.ErrorMsg);
        Assert.DoesNotContain(VkApiTestKit.Token, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("123456789", e.Message, StringComparison.Ordinal);
        Assert.Single(kit.Handler.Requests);
    }

    [Theory]
    [InlineData(6, typeof(TooManyRequestsException))]
    [InlineData(9, typeof(FloodControlException))]
    [InlineData(10, typeof(PublicServerErrorException))]
    [InlineData(900, typeof(CannotSendBlacklistedException))]
    [InlineData(902, typeof(CannotSendDuePrivacyException))]
    [InlineData(909, typeof(MessageEditExpiredException))]
    [InlineData(100, typeof(VkApiException))]
    public async Task Each_error_code_maps_to_its_typed_exception(int code, Type expected)
    {
        using var kit = new VkApiTestKit();
        kit.Handler.Fallback = $$$"""{"error":{"error_code":{{{code}}},"error_msg":"x"}}""";

        var send = kit.Api.Messages.SendAsync(Send(), CancellationToken.None);
        await kit.AdvanceUntilAsync(() => send.IsCompleted, TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAnyAsync<VkApiException>(() => send);
        Assert.IsType(expected, e);
        Assert.Equal(code, e.ErrorCode);
    }

    [Fact]
    public async Task Error_6_is_retried_after_waiting_on_the_clock_with_the_same_random_id()
    {
        using var kit = new VkApiTestKit("""{"error":{"error_code":6,"error_msg":"Too many requests per second"}}""", """{"response":986}""");

        var send = kit.Api.Messages.SendAsync(Send(555), CancellationToken.None);
        await VkApiTestKit.EventuallyAsync(() => kit.Handler.Requests.Count == 1);
        Assert.False(send.IsCompleted);

        var waited = await kit.AdvanceUntilAsync(() => kit.Handler.Requests.Count == 2, TimeSpan.FromSeconds(5));

        Assert.Equal(986, await send);
        Assert.True(waited >= TimeSpan.FromSeconds(1), $"retried after {waited}");
        Assert.All(kit.Handler.Requests, r => Assert.Equal("555", r.Form["random_id"]));
        Assert.Equal(kit.Handler.Requests[0].Body, kit.Handler.Requests[1].Body);
    }

    [Fact]
    public async Task Error_10_is_given_up_after_three_retries()
    {
        using var kit = new VkApiTestKit();
        kit.Handler.Fallback = """{"error":{"error_code":10,"error_msg":"Internal server error"}}""";

        var send = kit.Api.Messages.SendAsync(Send(), CancellationToken.None);
        await kit.AdvanceUntilAsync(() => send.IsCompleted, TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<PublicServerErrorException>(() => send);
        Assert.Equal(1 + VkApi.MaxRetries, kit.Handler.Requests.Count);
    }

    [Fact]
    public async Task Error_100_is_thrown_at_once_without_a_retry()
    {
        using var kit = new VkApiTestKit("""{"error":{"error_code":100,"error_msg":"One of the parameters specified was missing or invalid"}}""");

        var e = await Assert.ThrowsAsync<VkApiException>(() => kit.Api.Messages.SendAsync(Send(), CancellationToken.None));

        Assert.Equal(100, e.ErrorCode);
        Assert.Single(kit.Handler.Requests);
    }

    [Fact]
    public async Task A_non_200_status_throws_code_minus_one_with_the_status()
    {
        using var kit = new VkApiTestKit("bad gateway");
        kit.Handler.Status = HttpStatusCode.BadGateway;

        var e = await Assert.ThrowsAsync<VkApiException>(() => kit.Api.Messages.SendAsync(Send(), CancellationToken.None));

        Assert.Equal(-1, e.ErrorCode);
        Assert.Contains("502", e.Message, StringComparison.Ordinal);
        Assert.Single(kit.Handler.Requests);
    }

    [Fact]
    public async Task The_21st_call_within_one_second_waits_until_the_clock_moves_on()
    {
        using var kit = new VkApiTestKit();
        for (var i = 0; i < 20; i++)
        {
            await kit.Api.CallAsync("utils.getServerTime", [], CancellationToken.None);
        }

        var call21 = kit.Api.CallAsync("utils.getServerTime", [], CancellationToken.None);
        await Task.Delay(50);
        Assert.False(call21.IsCompleted);
        Assert.Equal(20, kit.Handler.Requests.Count);

        kit.Time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        Assert.Equal(20, kit.Handler.Requests.Count);

        kit.Time.Advance(TimeSpan.FromMilliseconds(1));
        await call21;
        Assert.Equal(21, kit.Handler.Requests.Count);
    }
}
