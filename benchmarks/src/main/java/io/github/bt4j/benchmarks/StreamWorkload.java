package io.github.bt4j.benchmarks;

import io.github.bt4j.BraintrustClient;

/**
 * Reading one server-sent event stream of {@link StreamingServer} to its end, with the streamed
 * text assembled and checked: the proxy chat stream ({@code chatCompletionsStream} against a
 * hand-written parse on OkHttp) or the function stream of {@code text_delta} events ({@code
 * invokeStream}), which also measures the time to the first event.
 */
final class StreamWorkload implements ClientWorkload {
  private final Side side;
  private final boolean chat;
  private final long events;
  private final String text;
  private final StreamingFloor floor;
  private final BraintrustClient client;

  /**
   * @param chat the chat stream if true, else the function stream
   * @param units the events the server sends a stream
   */
  StreamWorkload(Side side, String baseUrl, long units, boolean chat) {
    this.side = side;
    this.chat = chat;
    this.events = units;
    this.text = StreamingBodies.text((int) (chat ? units - 3 : units));
    this.floor = side == Side.FLOOR ? new StreamingFloor(baseUrl) : null;
    this.client = ClientWorkload.libraryClient(side, baseUrl);
  }

  @Override
  public long pass(long units) throws Exception {
    // A stream is always read to its end: every pass reads all the events.
    long start = System.nanoTime();
    StreamReaders.Outcome outcome;
    if (chat) {
      outcome =
          side == Side.FLOOR ? StreamReaders.floorChat(floor) : StreamReaders.fluentChat(client);
    } else {
      outcome =
          side == Side.FLOOR
              ? StreamReaders.floorInvoke(floor, false)
              : StreamReaders.fluentInvoke(client);
    }
    long elapsed = System.nanoTime() - start;
    StreamReaders.check(side.label(), outcome, events, text);
    return elapsed;
  }

  @Override
  public Sample extras(Sample timed) throws Exception {
    if (chat) {
      return timed;
    }
    long nanos =
        side == Side.FLOOR
            ? StreamReaders.floorFirstEvent(floor)
            : StreamReaders.fluentFirstEvent(client);
    return timed.withFirstEventMs(nanos / 1e6);
  }

  @Override
  public void close() throws Exception {
    ClientWorkload.closeAll(floor, client);
  }
}
