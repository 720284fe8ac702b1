package io.github.bt4j.testing.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events and flushes each one, so that it leaves as its own chunk: named events
 * ({@code event: text_delta} + {@code data: ...}) or bare {@code data:} events.
 */
final class SseWriter implements AutoCloseable {
  private final OutputStream out;
  private final FakeServer.Pacing pacing;
  private int sent;

  SseWriter(OutputStream out, FakeServer.Pacing pacing) {
    this.out = out;
    this.pacing = pacing;
  }

  /** Sends {@code event: <type>} with one line of data. */
  void event(String type, String data) throws IOException {
    write("event: " + type + "\ndata: " + data + "\n\n");
  }

  /** Sends a {@code data:} line without an event name. */
  void data(String data) throws IOException {
    write("data: " + data + "\n\n");
  }

  private void write(String text) throws IOException {
    try {
      pacing.beforeEvent(sent++);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the fake Braintrust is stopping");
    }
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
