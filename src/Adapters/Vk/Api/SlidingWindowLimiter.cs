namespace PdBot.Adapters.Vk.Api;

/// <summary>
/// At most <c>limit</c> acquisitions in any one-second window (a sliding window, not a fixed second: VK counts
/// per second and a burst straddling a second boundary would otherwise get 2× through). Waits on the injected clock.
/// </summary>
internal sealed class SlidingWindowLimiter(int limit, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<DateTimeOffset> _recent = new();

    public async Task WaitAsync(CancellationToken ct)
    {
        // One waiter at a time keeps the order fair; the HTTP call itself runs outside the gate.
        await _gate.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                while (_recent.Count > 0 && now - _recent.Peek() >= Window)
                {
                    _recent.Dequeue();
                }

                if (_recent.Count < Math.Max(1, limit))
                {
                    _recent.Enqueue(now);
                    return;
                }

                await Task.Delay(Window - (now - _recent.Peek()), time, ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
