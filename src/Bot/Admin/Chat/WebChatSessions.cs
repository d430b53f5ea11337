using System.Globalization;
using PdBot.Core.Turns;

namespace PdBot.Bot.Admin.Chat;

/// <summary>
/// The test chats of the console, in memory: which local-channel user each admin currently talks as, and
/// what was said. Only a demonstration aid — the consents themselves are stored and audited by the bot as
/// usual — so transcripts are capped and gone after a restart.
/// </summary>
/// <param name="isKnownPerson">
/// True when a local-channel user id already belongs to a person in the store, so «Начать заново» never
/// lands on someone with history (the numbering restarts with the process, the store does not).
/// </param>
public sealed class WebChatSessions(Func<string, bool> isKnownPerson)
{
    /// <summary>Every test chat user id starts with this, so web chats are told apart from the terminal's.</summary>
    public const string UserPrefix = "web-";

    /// <summary>Lines kept per chat: enough for any demonstration, bounded if a page is left posting.</summary>
    public const int MaxEntries = 200;

    /// <summary>Chats kept at once; the oldest that nobody talks as any more are dropped first.</summary>
    public const int MaxChats = 100;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<WebChatEntry>> _chats = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _age = new();

    public static bool IsWebChat(string chatId) => chatId.StartsWith(UserPrefix, StringComparison.Ordinal);

    /// <summary>The user id this admin talks to the bot as (the same one until «Начать заново»).</summary>
    public string UserIdOf(string login)
    {
        ArgumentException.ThrowIfNullOrEmpty(login);
        lock (_lock)
        {
            if (!_current.TryGetValue(login, out var userId))
            {
                userId = UserPrefix + login;
                _current[login] = userId;
            }

            return userId;
        }
    }

    /// <summary>Gives this admin a new person to be (web-LOGIN-2, -3, …), one the bot has never seen.</summary>
    public string Restart(string login)
    {
        var previous = UserIdOf(login);
        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{UserPrefix}{login}-{n}");
            lock (_lock)
            {
                if (_chats.ContainsKey(candidate) || _current.ContainsValue(candidate))
                {
                    continue;
                }
            }

            // Asked outside the lock: it reads the database.
            if (isKnownPerson(candidate))
            {
                continue;
            }

            lock (_lock)
            {
                _current[login] = candidate;
                Forget(previous);
                return candidate;
            }
        }
    }

    /// <summary>A snapshot of the chat, oldest line first.</summary>
    public IReadOnlyList<WebChatEntry> Transcript(string userId)
    {
        lock (_lock)
        {
            return _chats.TryGetValue(userId, out var entries) ? [.. entries] : [];
        }
    }

    public void Add(string userId, WebChatEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (!_chats.TryGetValue(userId, out var entries))
            {
                entries = [];
                _chats[userId] = entries;
                _age.AddLast(userId);
                DropOldChats();
            }

            entries.Add(entry);
            if (entries.Count > MaxEntries)
            {
                entries.RemoveRange(0, entries.Count - MaxEntries);
            }
        }
    }

    /// <summary>Replaces the buttons of a bot message in place, as a messenger edits a sent message.</summary>
    /// <returns>False when the message is not (or no longer) in the transcript.</returns>
    public bool UpdateButtons(string userId, string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons)
    {
        lock (_lock)
        {
            if (!_chats.TryGetValue(userId, out var entries))
            {
                return false;
            }

            var index = entries.FindIndex(e => e.Kind == WebChatEntryKind.Bot && e.MessageId == messageId);
            if (index < 0)
            {
                return false;
            }

            entries[index] = entries[index] with { Buttons = buttons };
            return true;
        }
    }

    /// <summary>
    /// The button with this payload as the message shows it now, or null: like a messenger, only a button
    /// that is on the screen can be pressed (a forged or outdated form presses nothing).
    /// </summary>
    public Button? FindButton(string userId, string messageId, string payload)
    {
        lock (_lock)
        {
            return _chats.TryGetValue(userId, out var entries)
                ? entries.LastOrDefault(e => e.Kind == WebChatEntryKind.Bot && e.MessageId == messageId)?.AllButtons.FirstOrDefault(b => b.Payload == payload)
                : null;
        }
    }

    private void Forget(string userId)
    {
        _chats.Remove(userId);
        _age.Remove(userId);
    }

    private void DropOldChats()
    {
        var node = _age.First;
        while (_chats.Count > MaxChats && node is not null)
        {
            var next = node.Next;
            if (!_current.ContainsValue(node.Value))
            {
                _chats.Remove(node.Value);
                _age.Remove(node);
            }

            node = next;
        }
    }
}
