using PdBot.Core.Turns;
using PdBot.Tests.Turns;

namespace PdBot.Tests.Reviews;

/// <summary>One person's chat for the review tests: each step returns the bot's last message of that turn.</summary>
public sealed class ReviewChat(PdBotTestHost host, string userId = "u1")
{
    private readonly TestAdapter _adapter = host.NewAdapter(userId);

    public Task<BotMessage> SendAsync(string text) =>
        TurnAsync(() => _adapter.ProcessActivityAsync(Activity.Message(_adapter.Channel, _adapter.UserId, text, _adapter.NextInputId()), host.Bot, default));

    public Task<BotMessage> PressAsync(string label) => PressAsync(label, expectMessage: true);

    private Task<BotMessage> PressAsync(string label, bool expectMessage)
    {
        var (messageId, button) = _adapter.Sent.Reverse()
            .SelectMany(m => m.Value.AllButtons.Select(b => (m.Key, b)))
            .FirstOrDefault(x => x.b.Label == label);
        Assert.True(button is not null, $"No message shows a button labelled '{label}'");
        return TurnAsync(() => _adapter.ProcessActivityAsync(Activity.Press(_adapter.Channel, _adapter.UserId, button.Payload, messageId, _adapter.NextInputId()), host.Bot, default), expectMessage);
    }

    /// <summary>«Оставить отзыв» → the box → «Отправить»: the form's first question.</summary>
    public async Task<BotMessage> GiveConsentAsync()
    {
        await SendAsync("Оставить отзыв");
        await PressAsync("☐ " + host.Catalog.Review!.Label, expectMessage: false);
        return await PressAsync("Отправить");
    }

    private async Task<BotMessage> TurnAsync(Func<Task> turn, bool expectMessage = true)
    {
        var before = _adapter.Sent.Count;
        await turn();
        _adapter.Replies.Clear();
        Assert.True(!expectMessage || _adapter.Sent.Count > before, "The bot sent no message");
        return _adapter.Sent.Values.Last();
    }
}
