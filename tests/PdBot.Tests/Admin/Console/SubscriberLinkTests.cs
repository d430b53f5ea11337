using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;
using PdBot.Bot.Admin.Subscribers;

namespace PdBot.Tests.Admin.Console;

/// <summary>Subscription links per source: the names allowed, the settings they come from, the fallbacks.</summary>
public sealed class SubscriberLinkTests
{
    [Theory]
    [InlineData("poster-reception", true)]
    [InlineData("site_2026", true)]
    [InlineData("", false)]
    [InlineData("плакат", false)]
    [InlineData("poster reception", false)]
    [InlineData("poster?x=1", false)]
    public void A_source_name_is_latin_letters_digits_underscore_or_dash(string source, bool valid) =>
        Assert.Equal(valid, SubscriptionLinks.IsValidSource(source));

    [Fact]
    public void A_source_name_is_at_most_64_characters() =>
        Assert.Equal((true, false), (SubscriptionLinks.IsValidSource(new string('a', 64)), SubscriptionLinks.IsValidSource(new string('a', 65))));

    [Fact]
    public void Links_use_the_bot_username_without_its_at_and_the_community_name()
    {
        var links = SubscriptionLinks.Build("site", new TelegramOptions { BotUsername = "@meda_bot" }, new VkOptions { Community = "medaclinic", GroupId = 42 });

        Assert.Equal(("https://t.me/meda_bot?start=site", "https://vk.me/medaclinic?ref=site"), (links.Telegram, links.Vk));
        Assert.Empty(links.Missing);
    }

    [Fact]
    public void Vk_falls_back_to_the_club_id_and_a_missing_setting_is_named_instead_of_a_link()
    {
        var links = SubscriptionLinks.Build("site", new TelegramOptions(), new VkOptions { GroupId = 123456 });

        Assert.Null(links.Telegram);
        Assert.Equal("https://vk.me/club123456?ref=site", links.Vk);
        Assert.Equal("Telegram:BotUsername", Assert.Single(links.Missing).Setting);
        Assert.Equal("Vk:Community", Assert.Single(SubscriptionLinks.Build("site", new TelegramOptions { BotUsername = "b" }, new VkOptions()).Missing).Setting);
    }

    [Fact]
    public void A_qr_code_is_a_png_data_uri_that_differs_per_link()
    {
        var a = QrCodeImage.PngDataUri("https://t.me/meda_bot?start=site");
        var b = QrCodeImage.PngDataUri("https://t.me/meda_bot?start=poster");

        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }
}
