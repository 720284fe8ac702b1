package io.github.bt4j.logging;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server whose answers a test scripts in code, request by request: for scenarios a
 * stub cannot express (answers that depend on a test clock, on how many requests came before, or
 * that wait on a gate). Records every request in the order it arrived.
 */
final class ScriptedServer implements AutoCloseable {
  /** Decides the answer to one request; may block (each request has its own thread). */
  @FunctionalInterface
  interface Script {
    Reply answer(Received request) throws Exception;
  }

  /** One request: its arrival index (from 0), path and JSON body. */
  record Received(int index, String path, JsonObject body) {
    /** The rows of an insert body ({@code events}) or feedback body ({@code feedback}). */
    List<JsonObject> rows() {
      List<JsonObject> rows = new ArrayList<>();
      JsonElement array = body.has("events") ? body.get("events") : body.get("feedback");
      if (array != null) {
        array.getAsJsonArray().forEach(r -> rows.add(r.getAsJsonObject()));
      }
      return rows;
    }

    /** The ids of {@link #rows()}. */
    List<String> ids() {
      return rows().stream().map(r -> r.get("id").getAsString()).toList();
    }
  }

  /** An answer. */
  record Reply(int status, String body, Map<String, String> headers) {
    static Reply status(int status, String body) {
      return new Reply(status, body, Map.of());
    }

    /** 200 with the {@code row_ids} of the request's rows, as the API answers an insert. */
    static Reply stored(Received request) {
      StringBuilder json = new StringBuilder("{\"row_ids\":[");
      List<String> ids = request.ids();
      for (int i = 0; i < ids.size(); i++) {
        json.append(i == 0 ? "\"" : ",\"").append(ids.get(i)).append('"');
      }
      return status(200, json.append("]}").toString());
    }

    Reply header(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(name, value);
      return new Reply(status, body, all);
    }
  }

  static {
    // The JDK server writes headers and body separately; without this, Nagle's algorithm and the
    // client's delayed ACK add about 40 ms to each answer. Read once, when the server first starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger arrivals = new AtomicInteger();
  private final Script script;

  ScriptedServer(Script script) throws IOException {
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** A server that stores every insert, answering only once {@code gate} opens. */
  static ScriptedServer storingOnceOpen(CountDownLatch gate) throws IOException {
    return new ScriptedServer(
        request -> {
          gate.await();
          return Reply.stored(request);
        });
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The requests received so far, in order of arrival. */
  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonObject body =
          text.isEmpty() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
      Received request =
          new Received(arrivals.getAndIncrement(), exchange.getRequestURI().getPath(), body);
      received.add(request);
      Reply reply;
      try {
        reply = script.answer(request);
      } catch (Exception e) {
        reply = Reply.status(500, "{\"error\":\"script failed: " + e + "\"}");
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
