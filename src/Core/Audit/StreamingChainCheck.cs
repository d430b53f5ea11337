using System.Threading.Channels;

namespace PdBot.Core.Audit;

/// <summary>
/// Verifies a chain too long to hold in memory. The chain comes as chunks in sequence order; each chunk is read,
/// mapped and hashed on the thread pool (an entry's hash needs only its own fields, its stored previous hash among
/// them), handed on through a bounded channel in order, and the cheap order and link checks run on the caller's
/// thread. At most a few chunks exist at once, so memory does not grow with the chain.
/// </summary>
public static class StreamingChainCheck
{
    /// <summary>Chunks of an in-memory or lazily read sequence of entries.</summary>
    public const int ChunkSize = 1024;

    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSeqOrder, (long Seq, string Hash)? head, (long Seq, string Hash)? after = null)
    {
        ArgumentNullException.ThrowIfNull(entriesInSeqOrder);
        return Verify(entriesInSeqOrder.Chunk(ChunkSize).Select(c => (Func<IReadOnlyList<AuditEntry>>)(() => c)), e => e, head, after);
    }

    /// <param name="chunksInSeqOrder">Readers of consecutive chunks; each is called on a worker thread.</param>
    /// <param name="after">An entry already verified: the chunks start right after it and must link to its hash (an hourly check of new entries).</param>
    public static AuditVerification Verify<T>(IEnumerable<Func<IReadOnlyList<T>>> chunksInSeqOrder, Func<T, AuditEntry> toEntry, (long Seq, string Hash)? head, (long Seq, string Hash)? after = null)
    {
        ArgumentNullException.ThrowIfNull(chunksInSeqOrder);
        ArgumentNullException.ThrowIfNull(toEntry);

        // Enough chunks in flight to keep every core busy while the oldest is checked.
        var chunks = Channel.CreateBounded<Task<CheckedBatch>>(new BoundedChannelOptions(Environment.ProcessorCount + 1)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = new CancellationTokenSource();
        var handing = Task.Factory.StartNew(
            () => Hand(chunksInSeqOrder, toEntry, chunks.Writer, stop.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return CheckInOrder(chunks.Reader, head, after ?? (0, AuditChain.Genesis));
        }
        finally
        {
            // Stops handing out chunks early when a bad entry ends the check.
            stop.Cancel();
            handing.GetAwaiter().GetResult();
        }
    }

    private static void Hand<T>(IEnumerable<Func<IReadOnlyList<T>>> chunks, Func<T, AuditEntry> toEntry, ChannelWriter<Task<CheckedBatch>> writer, CancellationToken stop)
    {
        try
        {
            foreach (var read in chunks)
            {
                var checking = Task.Run(() => CheckedBatch.Check(read(), toEntry), CancellationToken.None);
                while (!writer.TryWrite(checking))
                {
                    if (!writer.WaitToWriteAsync(stop).AsTask().GetAwaiter().GetResult())
                    {
                        return;
                    }
                }
            }

            writer.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            // The caller sees the source's error, as it would have without the pipeline.
            writer.TryComplete(ex);
        }
    }

    private static AuditVerification CheckInOrder(ChannelReader<Task<CheckedBatch>> chunks, (long Seq, string Hash)? head, (long Seq, string Hash) after)
    {
        var expected = after.Seq + 1;
        var prev = after.Hash;
        while (chunks.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (chunks.TryRead(out var checking))
            {
                var batch = checking.GetAwaiter().GetResult();
                for (var i = 0; i < batch.Entries.Length; i++)
                {
                    var e = batch.Entries[i];
                    var problem =
                        e.Seq != expected ? (e.Seq > expected ? "missing" : "out of order") :
                        e.PrevHash != prev ? "previous-hash link broken" :
                        batch.Problems[i];
                    if (problem is not null)
                    {
                        return AuditVerification.Broken(expected - 1, expected, problem);
                    }

                    prev = e.Hash;
                    expected++;
                }
            }
        }

        var count = expected - 1;
        if (head is { } h && (h.Seq != count || h.Hash != prev))
        {
            return h.Seq > count
                ? AuditVerification.Broken(count, count + 1, "missing")
                : AuditVerification.Broken(count, h.Seq, "head does not match the last entry");
        }

        return AuditVerification.Intact(count);
    }
}
