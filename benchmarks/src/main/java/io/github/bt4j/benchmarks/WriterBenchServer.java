package io.github.bt4j.benchmarks;

import com.google.gson.stream.JsonReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Braintrust insert endpoint on loopback, in its own JVM: HTTP/1.1 keep-alive on raw
 * sockets, one thread per connection. It parses every insert body with Gson's streaming reader,
 * counts rows and distinct ids, and answers {@code {"row_ids": [...]}} like the API. With faults
 * on, it answers 503 to every fifth insert, stores then resets the connection (RST, no answer) on
 * one in twenty, and answers one 429 with {@code Retry-After: 1}.
 *
 * <p>Control: {@code POST /control/reset?faults=0|1} clears the counters; {@code GET
 * /control/stats} returns them as JSON. Prints {@code PORT n} on stdout when ready and exits when
 * stdin closes.
 */
public final class WriterBenchServer {
  private static final Object RESET = new Object();

  private final Set<String> distinct = ConcurrentHashMap.newKeySet();
  private final AtomicLong inserts = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong injected503 = new AtomicLong();
  private final AtomicLong injectedResets = new AtomicLong();
  private final AtomicLong injectedRetryAfter = new AtomicLong();
  private volatile boolean faults;

  private WriterBenchServer() {}

  /** Runs the server until stdin closes. */
  public static void main(String[] args) throws IOException {
    ServerSocket socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    WriterBenchServer server = new WriterBenchServer();
    Thread exitOnEof =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // wait for the parent to close our stdin
                }
              } catch (IOException ignored) {
                // parent gone
              }
              System.exit(0);
            });
    exitOnEof.setDaemon(true);
    exitOnEof.start();
    System.out.println("PORT " + socket.getLocalPort());
    System.out.flush();
    while (true) {
      Socket connection = socket.accept();
      Thread t = new Thread(() -> server.serve(connection), "conn-" + connection.getPort());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      while (true) {
        String requestLine = readLine(in);
        if (requestLine == null) {
          return;
        }
        long length = 0;
        boolean chunked = false;
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
          String header = h.toLowerCase(Locale.ROOT);
          if (header.startsWith("content-length:")) {
            length = Long.parseLong(header.substring(15).trim());
          } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
            chunked = true;
          }
        }
        byte[] body = chunked ? readChunked(in) : in.readNBytes((int) length);
        String target = requestLine.split(" ")[1];
        Object answer = route(target, body);
        if (answer == RESET) {
          socket.setSoLinger(true, 0);
          return;
        }
        out.write((byte[]) answer);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away; nothing to do
    }
  }

  private Object route(String target, byte[] body) throws IOException {
    if (target.startsWith("/control/reset")) {
      distinct.clear();
      inserts.set(0);
      rows.set(0);
      injected503.set(0);
      injectedResets.set(0);
      injectedRetryAfter.set(0);
      faults = target.contains("faults=1");
      return response(200, "{}", "");
    }
    if (target.startsWith("/control/stats")) {
      return response(
          200,
          "{\"inserts\":"
              + inserts.get()
              + ",\"rows\":"
              + rows.get()
              + ",\"distinct\":"
              + distinct.size()
              + ",\"injected503\":"
              + injected503.get()
              + ",\"injectedResets\":"
              + injectedResets.get()
              + ",\"injectedRetryAfter\":"
              + injectedRetryAfter.get()
              + "}",
          "");
    }
    if (!target.endsWith("/insert")) {
      return response(404, "{\"error\":\"not found\"}", "");
    }
    long n = inserts.incrementAndGet();
    if (faults && n == 7) {
      injectedRetryAfter.incrementAndGet();
      return response(429, "{\"error\":\"slow down\"}", "Retry-After: 1\r\n");
    }
    if (faults && n % 5 == 0) {
      injected503.incrementAndGet();
      return response(503, "{\"error\":\"injected\"}", "");
    }
    List<String> ids = ids(body);
    rows.addAndGet(ids.size());
    distinct.addAll(ids);
    if (faults && n % 20 == 3) {
      // Stored, but the client never hears so: its retry must not add the rows twice.
      injectedResets.incrementAndGet();
      return RESET;
    }
    StringBuilder json = new StringBuilder(ids.size() * 40 + 16).append("{\"row_ids\":[");
    for (int i = 0; i < ids.size(); i++) {
      json.append(i == 0 ? "\"" : ",\"").append(ids.get(i)).append('"');
    }
    return response(200, json.append("]}").toString(), "");
  }

  private static List<String> ids(byte[] body) throws IOException {
    List<String> ids = new ArrayList<>();
    JsonReader reader =
        new JsonReader(
            new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    reader.beginObject();
    while (reader.hasNext()) {
      if (!reader.nextName().equals("events")) {
        reader.skipValue();
        continue;
      }
      reader.beginArray();
      while (reader.hasNext()) {
        reader.beginObject();
        while (reader.hasNext()) {
          if (reader.nextName().equals("id")) {
            ids.add(reader.nextString());
          } else {
            reader.skipValue();
          }
        }
        reader.endObject();
      }
      reader.endArray();
    }
    reader.endObject();
    return ids;
  }

  private static byte[] response(int status, String body, String extraHeaders) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + (status == 200 ? " OK" : " Error")
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length
            + "\r\n"
            + extraHeaders
            + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + bytes.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
    return all;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        throw new EOFException("chunked body ended early");
      }
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine.trim(), 16);
      if (size == 0) {
        for (String trailer = readLine(in);
            trailer != null && !trailer.isEmpty();
            trailer = readLine(in)) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine(in);
    }
  }
}
