package io.github.bt4j.logging;

import java.util.List;

/**
 * What the server confirmed for one request of a writer: the rows it stored (or, for feedback, the
 * rows the feedback items it recorded are about). Handed to the {@link
 * WriterOptions.Builder#onAcknowledged handler} once per successful request. Together with the
 * {@link WriteFailure}s, the acknowledgements account for every accepted event exactly once.
 *
 * @param target where the request went, e.g. {@code project_logs 3c90c3cc-...}
 * @param feedback whether the request carried feedback items rather than rows
 * @param ids the ids of the rows the request carried and the server confirmed, in the request's
 *     order: the ids {@code log}, {@code merge} and {@code delete} returned. Events with the same
 *     id that were folded into one row appear once. For feedback, the ids of the rows the items are
 *     about.
 * @param serverRowIds the row ids as the server's answer listed them ({@code row_ids}, which the
 *     API returns for inserts), or an empty list if the answer listed none (feedback answers never
 *     do). Read only when a handler is set.
 * @param events how many accepted events the request settled; events folded into one row count once
 *     each, so this can exceed {@code ids().size()}
 */
public record Acknowledgement(
    String target, boolean feedback, List<String> ids, List<String> serverRowIds, int events) {

  /** Creates an acknowledgement, copying the lists. */
  public Acknowledgement {
    ids = List.copyOf(ids);
    serverRowIds = List.copyOf(serverRowIds);
  }

  @Override
  public String toString() {
    return String.format(
        "%s%d row%s acknowledged by %s (%d event%s)",
        feedback ? "feedback on " : "",
        ids.size(),
        ids.size() == 1 ? "" : "s",
        target,
        events,
        events == 1 ? "" : "s");
  }
}
