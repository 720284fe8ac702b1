package io.github.bt4j.logging;

import io.github.bt4j.logging.internal.EventEncoder;

/**
 * A change to a span's logged row, sent as a merge ({@code "_is_merge": true}): the fields set here
 * are deep-merged into the row, the others left as they are; tags and other arrays are replaced.
 * Get one from {@link Span#update()}, set values, then {@link #log()}.
 *
 * <pre>{@code
 * span.update().score("accuracy", 1.0).metadata("reviewed", true).log();
 * }</pre>
 */
public final class SpanUpdate extends SpanFields<SpanUpdate> {
  private final Span span;

  SpanUpdate(Span span, EventEncoder encoder) {
    super(encoder);
    this.span = span;
  }

  @Override
  void checkOpen() {
    // An update stays open: each log() sends what was set so far.
  }

  /**
   * Logs the change through the writer.
   *
   * @return the span's row id
   * @throws IllegalStateException if nothing was set
   */
  public String log() {
    if (isEmpty()) {
      throw new IllegalStateException("nothing to update: set at least one value before log()");
    }
    return span.logUpdate(fields());
  }
}
