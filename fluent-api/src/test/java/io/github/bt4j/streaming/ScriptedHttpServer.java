package io.github.bt4j.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection HTTP/1.1 server on the loopback address that answers with a chunked body ({@code
 * text/event-stream} unless told otherwise) written step by step, so a test decides exactly what
 * the client has received at each moment. WireMock's dribble delays time chunks by the clock; this
 * waits on latches.
 */
public final class ScriptedHttpServer implements AutoCloseable {
  private static final long STEP_TIMEOUT_SECONDS = 30;

  /** One thing the server does, in order. */
  public interface Step {
    void run(Exchange exchange) throws Exception;
  }

  /** The server side of the one connection. */
  public static final class Exchange {
    private final Socket socket;
    private final OutputStream out;

    private Exchange(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    /** Sends one HTTP chunk and flushes it onto the wire. */
    void chunk(String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /** Ends the chunked body properly. */
    void end() throws IOException {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /** Sends the start of a chunk and drops the connection in the middle of it. */
    void cutMidChunk(String partial) throws IOException {
      out.write("100\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(partial.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.setSoLinger(true, 0);
      socket.close();
    }
  }

  public static Step send(String text) {
    return exchange -> exchange.chunk(text);
  }

  public static Step await(CountDownLatch latch) {
    return exchange -> {
      if (!latch.await(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the test never released the server");
      }
    };
  }

  public static Step end() {
    return Exchange::end;
  }

  public static Step cutMidChunk(String partial) {
    return exchange -> exchange.cutMidChunk(partial);
  }

  private final ServerSocket serverSocket;
  private final String contentType;
  private final CompletableFuture<Void> scriptDone = new CompletableFuture<>();
  private final CompletableFuture<Void> clientClosed = new CompletableFuture<>();

  ScriptedHttpServer(Step... steps) throws IOException {
    this("text/event-stream", steps);
  }

  /** A server whose answer has the given content type. */
  public ScriptedHttpServer(String contentType, Step... steps) throws IOException {
    this.contentType = contentType;
    serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(() -> serve(List.of(steps)), "scripted-http-server");
    thread.setDaemon(true);
    thread.start();
  }

  String url() {
    return baseUrl() + "/stream";
  }

  /** The server's root, for a client's base URL (every path gets the same answer). */
  public String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort();
  }

  /** Completes when the script has run; fails with whatever went wrong on the server. */
  public CompletableFuture<Void> scriptDone() {
    return scriptDone;
  }

  /** Completes when, after the script, the client shuts the connection. */
  CompletableFuture<Void> clientClosed() {
    return clientClosed;
  }

  private void serve(List<Step> steps) {
    try (Socket socket = serverSocket.accept()) {
      socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(STEP_TIMEOUT_SECONDS));
      InputStream in = socket.getInputStream();
      readRequestHead(in);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\n"
                  + "Content-Type: "
                  + contentType
                  + "\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Exchange exchange = new Exchange(socket);
      for (Step step : steps) {
        step.run(exchange);
      }
      scriptDone.complete(null);
      if (!socket.isClosed()) {
        awaitClientClose(in);
      }
    } catch (Throwable t) {
      scriptDone.completeExceptionally(t);
      clientClosed.completeExceptionally(t);
    }
  }

  private void awaitClientClose(InputStream in) {
    try {
      while (in.read() != -1) {
        // The client sends nothing more after its request; anything here is ignored.
      }
      clientClosed.complete(null);
    } catch (java.net.SocketTimeoutException e) {
      clientClosed.completeExceptionally(e);
    } catch (IOException e) {
      clientClosed.complete(null); // a reset is a close too
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("the client closed before sending a request");
      }
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
