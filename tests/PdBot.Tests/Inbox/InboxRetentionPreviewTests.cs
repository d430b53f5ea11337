using PdBot.Core.Conversations;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Inbox;

/// <summary>The real <c>pdbot retention preview</c> verb lists inbox messages on the day their term ends, not before.</summary>
public sealed class InboxRetentionPreviewTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Preview_lists_a_conversations_messages_on_their_due_day_and_not_the_day_before()
    {
        string personId;
        using (var host = new PdBotTestHost(dbPath: Db))
        {
            await host.Chat().Send("оператор").SkipReplies().Send("перезвоните мне, пожалуйста").StartTestAsync();
            personId = host.ConversationOf().PersonId;
        }

        var before = await CliRunner.RunAsync("retention", "preview", "--until", "2026-12-22", "--db", Db);
        var on = await CliRunner.RunAsync("retention", "preview", "--until", "2026-12-23", "--db", Db);

        Assert.Equal((0, "До 22.12.2026 уничтожать и блокировать нечего."), (before.ExitCode, before.Out.Trim()));
        var lines = on.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("До 23.12.2026 задание хранения выполнит (1):", lines[0]);
        Assert.StartsWith("23.12.2026  2 сообщения входящих (беседа № 1)", lines[1], StringComparison.Ordinal);
        Assert.Contains($"субъект {personId}", lines[1], StringComparison.Ordinal);
        Assert.Contains($"цель «{InboxTexts.PurposeTitle}»", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("причина: истёк срок хранения (п. 6.2.9 Политики)  решение: уничтожение сообщений", lines[1], StringComparison.Ordinal);
    }
}
