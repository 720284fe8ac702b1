package io.github.bt4j.realdata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A loopback HTTP server that answers each request with the next recorded exchange's status,
 * headers and body bytes, exactly as recorded, and keeps what each request carried.
 */
final class ReplayServer implements AutoCloseable {
  /** What the client sent. */
  record Received(String method, String path, String query, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static {
    // The JDK server writes headers and body apart; without no-delay each answer waits ~40 ms
    // for a delayed ACK. Read once, when the first server of the JVM starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final Deque<RealData.Exchange> answers = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();

  ReplayServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues the answers for the next requests, in order. */
  synchronized void answerWith(List<RealData.Exchange> exchanges) {
    answers.clear();
    received.clear();
    answers.addAll(exchanges);
  }

  /** What the client sent since the answers were queued. */
  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** How many queued answers were not asked for. */
  synchronized int unused() {
    return answers.size();
  }

  private void handle(HttpExchange http) throws IOException {
    RealData.Exchange answer;
    synchronized (this) {
      received.add(
          new Received(
              http.getRequestMethod(),
              http.getRequestURI().getRawPath(),
              http.getRequestURI().getRawQuery(),
              http.getRequestBody().readAllBytes()));
      answer = answers.poll();
    }
    try (http) {
      if (answer == null) {
        byte[] text = "no recorded answer left".getBytes(StandardCharsets.UTF_8);
        http.sendResponseHeaders(599, text.length);
        http.getResponseBody().write(text);
        return;
      }
      for (Map.Entry<String, String> h : answer.headers().entrySet()) {
        http.getResponseHeaders().add(h.getKey(), h.getValue());
      }
      byte[] body = answer.responseBytes();
      http.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = http.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
