using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PdBot.Tests.Vk;

/// <summary>
/// The Bots Long Poll half: <c>GET {LongPollServerUrl}?act=a_check&amp;key=K&amp;ts=T&amp;wait=N</c>. Every enqueued event
/// gets the next ts number (from 1); a poll returns the events numbered ts and above, and the ts to ask for next.
/// </summary>
public sealed partial class FakeVkServer
{
    private const string LongPollPath = "/lp";

    private readonly List<(long Ts, string Json)> _events = [];
    private readonly List<(string Key, string Ts)> _polls = [];
    private readonly Queue<(int Failed, long? Ts)> _pollFailures = [];
    private TaskCompletionSource _eventArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextTs = 1;
    private long _position = 1;
    private int _keyNumber;
    private string? _key;
    private bool _historyLost;

    /// <summary>Every long poll request in order: its <c>key</c> and <c>ts</c> as sent ("" when missing).</summary>
    public IReadOnlyList<(string Key, string Ts)> Polls { get { lock (_gate) { return [.. _polls]; } } }

    /// <summary>The key a poll must send (the last one groups.getLongPollServer issued; null before the first call or after <see cref="ExpireKey"/>).</summary>
    public string? CurrentKey { get { lock (_gate) { return _key; } } }

    /// <summary>
    /// The ts groups.getLongPollServer answers: the first event not yet handed out by a poll (1 at start). Unlike VK, which
    /// answers the newest ts, events enqueued before the client connects are therefore still delivered.
    /// </summary>
    public long CurrentTs { get { lock (_gate) { return _position; } } }

    /// <summary>Queues a full update object (<c>{"type":…,"event_id":…,"v":…,"object":…,"group_id":…}</c>) under the next ts and wakes a waiting poll.</summary>
    public long EnqueueEvent(string eventJson)
    {
        using (JsonDocument.Parse(eventJson))
        {
            // only checks that it is JSON
        }

        TaskCompletionSource arrived;
        long ts;
        lock (_gate)
        {
            ts = _nextTs++;
            _events.Add((ts, eventJson));
            arrived = _eventArrived;
            _eventArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        return ts;
    }

    /// <summary>
    /// The next poll answers <c>{"failed":1,"ts":N}</c> (N = <paramref name="ts"/>, or the requested ts), <c>{"failed":2}</c>
    /// or <c>{"failed":3}</c>, once; the key and history stay valid (see <see cref="ExpireKey"/> and <see cref="LoseHistory"/>).
    /// </summary>
    public void FailNextPoll(int failed, long? ts = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failed, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(failed, 3);
        lock (_gate)
        {
            _pollFailures.Enqueue((failed, ts));
        }

        WakePolls();
    }

    /// <summary>The current key stops working: polls answer <c>{"failed":2}</c> until groups.getLongPollServer issues a new one.</summary>
    public void ExpireKey()
    {
        lock (_gate)
        {
            _key = null;
        }

        WakePolls();
    }

    /// <summary>Polls answer <c>{"failed":3}</c> until groups.getLongPollServer is called again (it answers a new key and <see cref="CurrentTs"/>).</summary>
    public void LoseHistory()
    {
        lock (_gate)
        {
            _historyLost = true;
        }

        WakePolls();
    }

    private void WakePolls()
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            arrived = _eventArrived;
            _eventArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    private JsonObject GetLongPollServer(VkRecordedCall call)
    {
        if (VkRecordedCall.Long(call.Fields, "group_id") is not { } groupId)
        {
            return Error(100, "One of the parameters specified was missing or invalid: group_id is undefined", call.Method, call.Fields);
        }

        if (groupId != GroupId)
        {
            return Error(15, "Access denied: no access to call this method", call.Method, call.Fields);
        }

        lock (_gate)
        {
            _key = "KEY" + Text(++_keyNumber);
            _historyLost = false;
            return Ok(new JsonObject { ["key"] = _key, ["server"] = LongPollServerUrl, ["ts"] = Text(_position) });
        }
    }

    private async Task<JsonObject> PollAsync(IQueryCollection query, CancellationToken aborted)
    {
        var key = query["key"].ToString();
        var tsText = query["ts"].ToString();
        var waitSeconds = long.TryParse(query["wait"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? Math.Clamp(w, 0, 90) : 0;
        var hasTs = long.TryParse(tsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ts);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        wait.CancelAfter(TimeSpan.FromSeconds(waitSeconds));
        lock (_gate)
        {
            _polls.Add((key, tsText));
        }

        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_pollFailures.TryDequeue(out var failure))
                {
                    return failure.Failed == 1
                        ? new JsonObject { ["failed"] = 1, ["ts"] = failure.Ts ?? (hasTs ? ts : _position) }
                        : new JsonObject { ["failed"] = failure.Failed };
                }

                if (_historyLost)
                {
                    return new JsonObject { ["failed"] = 3 };
                }

                if (_key is null || key != _key)
                {
                    return new JsonObject { ["failed"] = 2 };
                }

                if (!hasTs)
                {
                    return new JsonObject { ["failed"] = 1, ["ts"] = _position };
                }

                var ready = _events.Where(e => e.Ts >= ts).ToList();
                if (ready.Count > 0 || wait.IsCancellationRequested)
                {
                    var next = ready.Count > 0 ? ready[^1].Ts + 1 : ts;
                    _position = Math.Max(_position, next);
                    return new JsonObject { ["ts"] = Text(next), ["updates"] = new JsonArray([.. ready.Select(e => JsonNode.Parse(e.Json))]) };
                }

                arrived = _eventArrived.Task;
            }

            try
            {
                await arrived.WaitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // the wait is over, the client left or the server is stopping: answer what there is
            }
        }
    }
}
