package io.github.bt4j.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A fake Braintrust function-invoke and AI-proxy endpoint on 127.0.0.1 for {@link
 * StreamingBenchmark}, meant to run in a JVM of its own. A plain socket server (one thread per
 * connection, keep-alive) answering with {@code text/event-stream} bodies in chunked transfer
 * encoding, each rendered with its chunk framing once at start-up, so that serving one is a single
 * large write:
 *
 * <ul>
 *   <li>{@code POST /v1/function/{id}/invoke}: the text-delta stream of {@link StreamingBodies};
 *       for {@link StreamingBodies#PAUSING_FUNCTION}, one event, a pause of {@link
 *       StreamingBodies#PAUSE_MILLIS}, then the rest;
 *   <li>{@code POST /v1/proxy/chat/completions}: the chat-completion chunks, then {@code [DONE]}.
 * </ul>
 *
 * <p>It prints {@code PORT <n>} and serves until its standard input closes.
 */
public final class StreamingServer {
  private static final int CHUNK_BYTES = 64 << 10;
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final byte[] functionResponse;
  private final byte[] chatResponse;
  private final byte[] pausingFirst;
  private final byte[] pausingRest;

  private StreamingServer(StreamingBodies bodies) {
    this.functionResponse = response(bodies.functionEvents(), true);
    this.chatResponse = response(bodies.chatChunks(), true);
    this.pausingFirst = response(bodies.pausingFirst(), false);
    this.pausingRest = chunked(bodies.pausingRest(), true);
  }

  /**
   * Runs the server.
   *
   * @param args the number of events per stream (default 100,000)
   * @throws IOException if the server cannot start
   */
  public static void main(String[] args) throws IOException {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    StreamingServer streams = new StreamingServer(new StreamingBodies(events));
    ServerProcess.serveUntilStdinCloses(streams::serve);
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSendBufferSize(4 << 20);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 << 10);
      OutputStream out = socket.getOutputStream();
      for (String head; (head = LoopbackServer.readHead(in)) != null; ) {
        in.skipNBytes(LoopbackServer.contentLength(head));
        String path =
            head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
        if (path.equals("/v1/function/" + StreamingBodies.PAUSING_FUNCTION + "/invoke")) {
          out.write(pausingFirst);
          out.flush();
          pause();
          out.write(pausingRest);
        } else if (path.startsWith("/v1/function/") && path.endsWith("/invoke")) {
          out.write(functionResponse);
        } else if (path.equals("/v1/proxy/chat/completions")) {
          out.write(chatResponse);
        } else {
          out.write(
              "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      }
    } catch (IOException e) {
      // The client closed the connection.
    }
  }

  // The pause is the scenario being measured (a model thinking), not a stand-in for a signal.
  private static void pause() throws IOException {
    try {
      Thread.sleep(StreamingBodies.PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** A 200 answer's head and {@code body} in chunks, with the last chunk if {@code complete}. */
  private static byte[] response(byte[] body, boolean complete) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
    out.writeBytes(
        ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                + "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(chunked(body, complete));
    return out.toByteArray();
  }

  private static byte[] chunked(byte[] body, boolean complete) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
    for (int from = 0; from < body.length; from += CHUNK_BYTES) {
      int length = Math.min(CHUNK_BYTES, body.length - from);
      out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, from, length);
      out.writeBytes(new byte[] {'\r', '\n'});
    }
    if (complete) {
      out.writeBytes(LAST_CHUNK);
    }
    return out.toByteArray();
  }
}
