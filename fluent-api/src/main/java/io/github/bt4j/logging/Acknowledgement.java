package io.github.bt4j.logging;

import java.util.List;

/**
 * What the server confirmed for one request of a writer: the rows it stored (or, for feedback, the
 * rows the feedback items it recorded are about). Handed to the {@link AcknowledgementHandler} once
 * per successful request. Together with the {@link WriteFailure}s, the acknowledgements account for
 * every accepted event exactly once.
 */
public final class Acknowledgement {
  private final String target;
  private final boolean feedback;
  private final List<String> ids;
  private final List<String> serverRowIds;
  private final int events;

  /**
   * Creates an acknowledgement.
   *
   * @param target where the request went, e.g. {@code project_logs 3c90c3cc-...}
   * @param feedback whether the request carried feedback items rather than rows
   * @param ids the ids of the rows the request carried, in order
   * @param serverRowIds the row ids the server's answer listed, in its order
   * @param events how many accepted events the request settled
   */
  public Acknowledgement(
      String target, boolean feedback, List<String> ids, List<String> serverRowIds, int events) {
    this.target = target;
    this.feedback = feedback;
    this.ids = List.copyOf(ids);
    this.serverRowIds = List.copyOf(serverRowIds);
    this.events = events;
  }

  /** Where the request went, e.g. {@code project_logs 3c90c3cc-...}. */
  public String target() {
    return target;
  }

  /** Whether the request carried feedback items rather than rows. */
  public boolean isFeedback() {
    return feedback;
  }

  /**
   * The ids of the rows the request carried and the server confirmed, in the request's order: the
   * ids {@code log}, {@code merge} and {@code delete} returned. Events with the same id that were
   * folded into one row appear once. For feedback, the ids of the rows the items are about.
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * The row ids as the server's answer listed them ({@code row_ids}, which the API returns for
   * inserts), or an empty list if the answer listed none (feedback answers never do). Read only
   * when an {@link AcknowledgementHandler} is set.
   */
  public List<String> serverRowIds() {
    return serverRowIds;
  }

  /**
   * How many accepted events the request settled; events folded into one row count once each, so
   * this can exceed {@code ids().size()}.
   */
  public int events() {
    return events;
  }

  @Override
  public String toString() {
    return (feedback ? "feedback on " : "")
        + ids.size()
        + (ids.size() == 1 ? " row" : " rows")
        + " acknowledged by "
        + target
        + " ("
        + events
        + (events == 1 ? " event)" : " events)");
  }
}
