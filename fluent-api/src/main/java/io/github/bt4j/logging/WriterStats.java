package io.github.bt4j.logging;

/**
 * A snapshot of a writer's counters. Every accepted event ends up acknowledged or failed, so once
 * the writer has flushed, {@code accepted == acknowledged + failed}.
 *
 * @param accepted events taken by {@code log}, {@code merge}, {@code delete}, {@code feedback} or a
 *     span
 * @param acknowledged accepted events the server confirmed (events folded into one row count once
 *     each)
 * @param failed accepted events reported to the {@link WriterOptions.Builder#failureHandler failure
 *     handler}
 * @param dropped events refused by {@link QueueFullPolicy#dropAndReport()} (also reported, never
 *     accepted)
 * @param requests requests sent, not counting retries (the halves of a split batch count)
 * @param queuedEvents events waiting to be sent
 * @param queuedBytes the heap they occupy, as counted against {@link
 *     WriterOptions#maxQueuedBytes()}: their JSON and about 160 bytes each besides
 */
public record WriterStats(
    long accepted,
    long acknowledged,
    long failed,
    long dropped,
    long requests,
    long queuedEvents,
    long queuedBytes) {}
