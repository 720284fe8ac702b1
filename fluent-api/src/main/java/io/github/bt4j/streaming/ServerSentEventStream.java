package io.github.bt4j.streaming;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The events of one streamed response ({@code text/event-stream}), read as they arrive: typed
 * events such as {@link FunctionEvent} or {@link ChatCompletionChunk}, or, through {@link
 * #rawEvents()}, the server-sent events themselves.
 *
 * <p>Consume it once, in one of three ways: as an {@link Iterable} (for-each), as a {@link
 * #stream() Stream}, or with a callback through {@link #forEach(Consumer)}. Always close it, for
 * example with try-with-resources; reaching the end or failing closes it too.
 *
 * <p>Errors surface as unchecked exceptions from the read that meets them, each carrying how many
 * events had arrived and the last event ID: an error event from the server as {@link
 * StreamErrorException}, a broken connection, an oversized event or an event that cannot be decoded
 * as {@link StreamException}.
 *
 * <p>Only {@link #close()} may be called from another thread. It cancels the HTTP call at once,
 * which shuts the connection; a consumer blocked waiting for the next event then gets a {@link
 * StreamCancelledException}, and so does any later read.
 *
 * <p>The client creates streams; an implementation of your own is useful as a test double.
 *
 * @param <T> the type events are decoded into
 */
public interface ServerSentEventStream<T> extends AutoCloseable, Iterable<T> {

  /**
   * The events as an iterator. A stream can be consumed only once, in whichever view.
   *
   * @return an iterator whose {@code hasNext()} blocks until the next event or the end arrives
   * @throws IllegalStateException if the stream was already consumed
   */
  @Override
  Iterator<T> iterator();

  /**
   * The events as a sequential {@link Stream}; closing it closes this event stream.
   *
   * @return the stream
   * @throws IllegalStateException if the stream was already consumed
   */
  default Stream<T> stream() {
    Spliterator<T> events =
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(events, false).onClose(this::close);
  }

  /**
   * Hands every event to {@code action} on the calling thread until the stream ends, then closes
   * it. Exceptions from the stream or the action close it and propagate.
   *
   * @param action receives each event
   * @throws IllegalStateException if the stream was already consumed
   */
  @Override
  default void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    try {
      for (T value : this) {
        action.accept(value);
      }
    } finally {
      close();
    }
  }

  /**
   * The same response read as the server-sent events it is made of, undecoded: each with its event
   * name, data, id and retry, as {@link SseEvent}. Use it to log or record the wire, to read event
   * types or fields the typed events leave out, or to resume from an event ID.
   *
   * <p>The view shares this stream's connection: reading either consumes both, closing either
   * closes both, and {@link #eventsReceived()} and {@link #lastEventId()} agree. Unlike the typed
   * view it hands out every event, the end marker (such as {@code data: [DONE]}) and error events
   * included, and throws nothing for them: after the end marker the stream ends. A broken
   * connection, an oversized event or a close still fail as a {@link StreamException}.
   *
   * @return the raw view; calling this on a raw view returns an equivalent view
   * @throws IllegalStateException if the stream was already consumed
   */
  ServerSentEventStream<SseEvent> rawEvents();

  /**
   * How many events have been read so far, including those the typed view skips (such as the end
   * marker).
   *
   * @return the number of events
   */
  long eventsReceived();

  /**
   * The last event ID the server set so far.
   *
   * @return the ID, or null when none was set
   */
  String lastEventId();

  /**
   * Closes the stream and its connection; safe from any thread and more than once. Closing before
   * the end cancels the call, so the connection is shut and not reused.
   */
  @Override
  void close();
}
