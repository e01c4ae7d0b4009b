/**
 * Group commit: calls that arrive while the database is busy are written together in one statement, so one
 * durable commit (one WAL append on SQLite, one WAL flush on PostgreSQL) acknowledges many webhooks. Nothing waits
 * for a timer: a lone call is flushed on the next turn of the event loop (setImmediate, after pending I/O has queued
 * its calls), so batching costs no latency when the server is quiet and grows by itself under load, up to the
 * number of requests in flight.
 *
 * If a batch fails, its items are retried one by one, so one bad item fails alone instead of taking its
 * neighbours with it.
 */
export function groupCommit<I, O>(writeBatch: (items: readonly I[]) => Promise<readonly O[]>, maxBatch = 100): (item: I) => Promise<O> {
  let queue: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;

  const settle = async (batch: typeof queue): Promise<void> => {
    try {
      const results = await writeBatch(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => entry.resolve(results[i] as O));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const entry of batch) await settle([entry]);
    }
  };

  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      await settle(batch);
    }
    scheduled = false;
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}
