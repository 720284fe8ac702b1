package io.github.bt4j.streaming;

import io.github.bt4j.streaming.internal.ErrorMessages;
import io.github.bt4j.streaming.internal.SseLimitExceededException;
import io.github.bt4j.streaming.internal.SseReader;
import io.github.bt4j.streaming.internal.StreamConnection;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The decoded events of one {@code text/event-stream} response, read as they arrive.
 *
 * <p>Consume it once, in one of three ways: as an {@link Iterable} (for-each), as a {@link
 * #stream() Stream}, or with a callback through {@link #subscribe(Consumer)}. Always close it, for
 * example with try-with-resources; reaching the end or failing closes it too.
 *
 * <p>Errors surface as unchecked exceptions from the read that meets them, each carrying how many
 * events had arrived and the last event ID: an error event from the server as {@link
 * StreamErrorException}, a broken connection, an oversized event or an event the decoder rejects as
 * {@link StreamException}.
 *
 * <p>Only {@link #close()} may be called from another thread. It cancels the HTTP call at once,
 * which shuts the connection; a consumer blocked waiting for the next event then gets a {@link
 * StreamCancelledException}, and so does any later read.
 *
 * @param <T> the type events are decoded into
 */
public final class ServerSentEventStream<T> implements AutoCloseable, Iterable<T> {
  private final StreamConnection connection;
  private final SseReader reader;
  private final Function<? super SseEvent, ? extends T> decoder;
  private final Predicate<? super SseEvent> endOfStream;
  private final Function<? super SseEvent, String> errorMessage;
  private final AtomicBoolean consumed = new AtomicBoolean();
  private long eventsReceived;
  private String lastEventId;
  private boolean finished;

  private ServerSentEventStream(Builder<T> builder) {
    ResponseBody body = builder.response.body();
    if (body == null) {
      throw new IllegalArgumentException("The response has no body to stream");
    }
    this.connection = new StreamConnection(builder.call, builder.response);
    this.reader = new SseReader(body.source(), builder.maxEventBytes);
    this.decoder = builder.decoder;
    this.endOfStream = builder.endOfStream;
    this.errorMessage = builder.errorMessage;
  }

  /**
   * Starts configuring a stream over a response whose status the caller has already checked.
   *
   * @param call the call that produced the response; {@link #close()} cancels it
   * @param response the successful response
   * @param decoder turns each event into a value, or into null to skip the event
   * @param <T> the type events are decoded into
   * @return a builder
   */
  public static <T> Builder<T> builder(
      Call call, Response response, Function<? super SseEvent, ? extends T> decoder) {
    return new Builder<>(call, response, decoder);
  }

  /**
   * A stream that ends when the response ends or when {@code endOfStream} matches an event (such as
   * {@code data: [DONE]}), treating events named {@code error} as errors.
   *
   * @param call the call that produced the response; {@link #close()} cancels it
   * @param response the successful response
   * @param decoder turns each event into a value, or into null to skip the event
   * @param endOfStream matches the event that marks the end; that event is not decoded
   * @param <T> the type events are decoded into
   * @return the stream
   */
  public static <T> ServerSentEventStream<T> open(
      Call call,
      Response response,
      Function<? super SseEvent, ? extends T> decoder,
      Predicate<? super SseEvent> endOfStream) {
    return ServerSentEventStream.<T>builder(call, response, decoder)
        .endOfStream(endOfStream)
        .build();
  }

  /**
   * The events as an iterator. A stream can be iterated only once.
   *
   * @return an iterator whose {@code hasNext()} blocks until the next event or the end arrives
   * @throws IllegalStateException if the stream was already consumed
   */
  @Override
  public Iterator<T> iterator() {
    if (!consumed.compareAndSet(false, true)) {
      throw new IllegalStateException("A server-sent event stream can be consumed only once");
    }
    return new EventIterator();
  }

  /**
   * The events as a sequential {@link Stream}; closing it closes this event stream.
   *
   * @return the stream
   * @throws IllegalStateException if the stream was already consumed
   */
  public Stream<T> stream() {
    Spliterator<T> events =
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(events, false).onClose(this::close);
  }

  /**
   * Hands every event to {@code consumer} on the calling thread until the stream ends, then closes
   * it. Exceptions from the stream or the consumer close it and propagate.
   *
   * @param consumer receives each decoded event
   * @throws IllegalStateException if the stream was already consumed
   */
  public void subscribe(Consumer<? super T> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    try {
      for (T value : this) {
        consumer.accept(value);
      }
    } finally {
      close();
    }
  }

  /**
   * Same as {@link #subscribe(Consumer)}: consumes every event, then closes the stream.
   *
   * @param action receives each decoded event
   */
  @Override
  public void forEach(Consumer<? super T> action) {
    subscribe(action);
  }

  /**
   * How many events have been read so far, including skipped ones.
   *
   * @return the number of events
   */
  public long eventsReceived() {
    return eventsReceived;
  }

  /**
   * The last event ID the server set so far.
   *
   * @return the ID, or null when none was set
   */
  public String lastEventId() {
    return lastEventId;
  }

  /**
   * Closes the stream and its connection; safe from any thread and more than once. Closing before
   * the end cancels the call, so the connection is shut and not reused.
   */
  @Override
  public void close() {
    connection.cancel();
  }

  /**
   * Reads until the next value to hand out.
   *
   * @return the value, or null at the end of the stream
   */
  private T fetch() {
    while (!finished) {
      SseEvent event = read();
      if (event == null) {
        finish();
        return null;
      }
      lastEventId = event.id();
      T value;
      try {
        if (endOfStream.test(event)) {
          eventsReceived++;
          finish();
          return null;
        }
        String error = errorMessage.apply(event);
        if (error != null) {
          finish();
          throw new StreamErrorException(error, event.data(), eventsReceived, lastEventId);
        }
        value = decoder.apply(event);
      } catch (StreamException e) {
        throw e;
      } catch (RuntimeException e) {
        finish();
        throw new StreamException(
            "Could not decode an event of type '" + event.event() + "'",
            e,
            eventsReceived,
            lastEventId);
      }
      eventsReceived++;
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private SseEvent read() {
    if (!connection.beginRead()) {
      finished = true;
      throw new StreamCancelledException(null, eventsReceived, lastEventId);
    }
    try {
      return reader.next();
    } catch (IOException | RuntimeException e) {
      finish();
      if (connection.isCancelled()) {
        throw new StreamCancelledException(e, eventsReceived, lastEventId);
      }
      String what =
          e instanceof SseLimitExceededException
              ? e.getMessage()
              : "The event stream broke off: " + e;
      throw new StreamException(what, e, eventsReceived, lastEventId);
    } finally {
      connection.endRead();
    }
  }

  private void finish() {
    finished = true;
    connection.release();
  }

  /** Hands out decoded events, reading ahead at most one. */
  private final class EventIterator implements Iterator<T> {
    private T next;

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = fetch();
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T value = next;
      next = null;
      return value;
    }
  }

  /**
   * Configures a {@link ServerSentEventStream}.
   *
   * @param <T> the type events are decoded into
   */
  public static final class Builder<T> {
    private final Call call;
    private final Response response;
    private final Function<? super SseEvent, ? extends T> decoder;
    private Predicate<? super SseEvent> endOfStream = event -> false;
    private Function<? super SseEvent, String> errorMessage =
        event -> "error".equals(event.event()) ? ErrorMessages.fromData(event.data()) : null;
    private long maxEventBytes = SseReader.DEFAULT_MAX_EVENT_BYTES;

    private Builder(Call call, Response response, Function<? super SseEvent, ? extends T> decoder) {
      this.call = Objects.requireNonNull(call, "call");
      this.response = Objects.requireNonNull(response, "response");
      this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * Ends the stream at the first event this matches, such as {@code data: [DONE]}; that event is
     * not decoded. By default only the end of the response ends the stream.
     *
     * @param endOfStream matches the end marker
     * @return this builder
     */
    public Builder<T> endOfStream(Predicate<? super SseEvent> endOfStream) {
      this.endOfStream = Objects.requireNonNull(endOfStream, "endOfStream");
      return this;
    }

    /**
     * Recognises error events, which end the stream with a {@link StreamErrorException}. By default
     * an event named {@code error} is one, its message taken from a JSON string or a JSON object's
     * {@code message}.
     *
     * @param errorMessage returns the error message of an error event, or null for other events
     * @return this builder
     */
    public Builder<T> errorMessage(Function<? super SseEvent, String> errorMessage) {
      this.errorMessage = Objects.requireNonNull(errorMessage, "errorMessage");
      return this;
    }

    /**
     * Sets the largest line, and the largest data of one event, in bytes; beyond it the stream
     * fails rather than buffer without bound. The default is 16 MiB.
     *
     * @param maxEventBytes the limit, positive
     * @return this builder
     */
    public Builder<T> maxEventBytes(long maxEventBytes) {
      if (maxEventBytes < 1) {
        throw new IllegalArgumentException("maxEventBytes must be positive: " + maxEventBytes);
      }
      this.maxEventBytes = maxEventBytes;
      return this;
    }

    /**
     * Creates the stream; nothing is read until it is consumed.
     *
     * @return the stream
     */
    public ServerSentEventStream<T> build() {
      return new ServerSentEventStream<>(this);
    }
  }
}
