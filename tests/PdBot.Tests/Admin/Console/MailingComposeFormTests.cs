using PdBot.Bot.Admin.Mailings;
using PdBot.Core.Mailings;

namespace PdBot.Tests.Admin.Console;

/// <summary>The compose form and the preview without a host: what reaches the service, and what the platforms show.</summary>
public sealed class MailingComposeFormTests
{
    [Fact]
    public void Blank_link_slots_are_dropped_and_a_browsers_crlf_is_one_line_break()
    {
        var form = new MailingForm
        {
            Text = "Первая строка\r\nВторая",
            LinkLabels = ["", "Сайт", null, "", ""],
            LinkUrls = ["", "https://medaclinic.ru", null, "", ""],
            Channels = [MailingChannels.Telegram],
        };

        var (draft, errors) = form.ToDraft();

        Assert.Empty(errors);
        Assert.Equal("Первая строка\nВторая", draft.Text);
        Assert.Equal(("Сайт", "https://medaclinic.ru"), (Assert.Single(draft.Links).Label, draft.Links[0].Url));
        Assert.Null(draft.SendAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("завтра утром")]
    [InlineData("2026-13-01T10:00")]
    public void Sending_later_without_a_readable_time_is_a_russian_error(string? sendAt)
    {
        var (_, errors) = new MailingForm { Text = "Текст", Later = true, SendAt = sendAt }.ToDraft();

        Assert.Contains("Укажите дату и время отправки", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_clinic_time_becomes_utc_and_comes_back_the_same()
    {
        var (draft, _) = new MailingForm { Text = "Текст", Later = true, SendAt = "2026-12-31T09:30" }.ToDraft();

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 6, 30, 0, TimeSpan.Zero), draft.SendAt!.Value.ToUniversalTime());
        Assert.Equal("2026-12-31T09:30", MailingForm.LocalValue(draft.SendAt.Value.UtcDateTime));
    }

    [Fact]
    public void The_preview_shows_each_chosen_platform_its_limit_and_unsubscribe_as_the_last_button()
    {
        var mailing = new Mailing
        {
            Text = new string('я', 5000),
            Channels = [MailingChannels.Telegram, MailingChannels.Vk],
            Links = [new MailingLink { Label = "Записаться", Url = "https://medaclinic.ru/zapis" }],
        };

        var previews = MailingPreview.For(mailing);

        Assert.Equal([(MailingChannels.Telegram, 4096, true), (MailingChannels.Vk, 9000, false)], previews.Select(p => (p.Channel, p.Limit, p.TooLong)));
        Assert.All(previews, p => Assert.Equal(
            [new MailingPreviewButton("Записаться", "https://medaclinic.ru/zapis"), new MailingPreviewButton(MailingMessage.UnsubscribeLabel, null)],
            p.Buttons));
        Assert.Equal(2, MailingPreview.For(new Mailing { Text = "Текст" }).Count);
    }

    [Fact]
    public void Only_an_admin_other_than_the_author_sees_approve_and_an_auditor_sees_no_action()
    {
        var mailing = new Mailing { State = MailingState.AwaitingApproval, CreatedBy = "oleg" };
        var machine = new MailingMachine(mailing, requireApproval: true);

        Assert.Equal([MailingTrigger.Approve, MailingTrigger.Reject, MailingTrigger.Cancel], MailingActions.For(machine, mailing, canAct: true, isAdmin: true, "anna"));
        Assert.Equal([MailingTrigger.Reject, MailingTrigger.Cancel], MailingActions.For(machine, mailing, canAct: true, isAdmin: true, "OLEG"));
        Assert.Equal([MailingTrigger.Cancel], MailingActions.For(machine, mailing, canAct: true, isAdmin: false, "ivan"));
        Assert.Empty(MailingActions.For(machine, mailing, canAct: false, isAdmin: false, "irina"));
    }
}
