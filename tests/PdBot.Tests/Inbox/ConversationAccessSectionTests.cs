using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Conversations;
using PdBot.Core.Requests;

namespace PdBot.Tests.Inbox;

/// <summary>The access answer lists the person's stored inbox messages, who wrote them and until when they are kept.</summary>
public sealed class ConversationAccessSectionTests : IDisposable
{
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private ConversationAccessSection Section => _host.Services.GetServices<IAccessReportSection>().OfType<ConversationAccessSection>().Single();

    [Fact]
    public async Task The_section_lists_each_message_with_its_author_date_and_keep_until_date()
    {
        await _host.Chat().Send("когда мне перезвонят?").SkipReplies().StartTestAsync();
        var c = _host.ConversationOf();
        _host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True((await _host.Conversations().ReplyAsync(c.Id, "oleg", "Завтра до обеда")).Ok);

        var text = Section.Describe(c.PersonId);

        Assert.NotNull(text);
        Assert.StartsWith(InboxTexts.PurposeTitle + ": хранится 2 сообщения. Каждое хранится 30 дней", text, StringComparison.Ordinal);
        Assert.Contains("• 23.11.2026 12:00, вы: «когда мне перезвонят?» — хранится до 23.12.2026", text, StringComparison.Ordinal);
        Assert.Contains("• 25.11.2026 12:00, сотрудник клиники: «Завтра до обеда» — хранится до 25.12.2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("oleg", text, StringComparison.Ordinal);
        Assert.Null(Section.Describe("someone-else"));
    }
}
