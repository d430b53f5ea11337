using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using PdBot.Adapters.Telegram;

namespace PdBot.Tests.Telegram;

/// <summary>A subscription link t.me/bot?start=SOURCE opens the chat with «/start SOURCE»: the source is kept, the bot reads «/start».</summary>
public sealed class TelegramStartSourceTests
{
    private static Core.Turns.Activity Map(string text) =>
        TelegramActivityMapper.ToActivity(JsonSerializer.Deserialize<Update>(FakeTelegramServer.TextUpdate(1, 42, text), JsonBotAPI.Options)!)!;

    [Theory]
    [InlineData("/start poster-reception", "poster-reception")]
    [InlineData("/start site_2026", "site_2026")]
    [InlineData("/start@ClinicBot poster", "poster")]
    public void A_start_parameter_becomes_the_source_and_the_text_plain_start(string text, string source)
    {
        var a = Map(text);

        Assert.Equal(("/start", source), (a.Text, a.Source));
    }

    [Theory]
    [InlineData("/start плакат")]
    [InlineData("/start a.b")]
    [InlineData("/start 12345678901234567890123456789012345678901234567890123456789012345")]
    public void An_invalid_parameter_is_ignored_and_the_conversation_still_starts(string text)
    {
        var a = Map(text);

        Assert.Equal(("/start", (string?)null), (a.Text, a.Source));
    }

    [Theory]
    [InlineData("/start")]
    [InlineData("Отписаться")]
    [InlineData("/stop poster")]
    public void Other_messages_keep_their_text_and_have_no_source(string text)
    {
        var a = Map(text);

        Assert.Equal((text, (string?)null), (a.Text, a.Source));
    }
}
