package io.github.bt4j.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The floor: what a careful programmer writes by hand with OkHttp and Gson's streaming reader, one
 * pooled client with TCP_NODELAY, each row parsed straight from the response stream. No retries, no
 * typed errors, no de-duplication.
 */
final class FloorClient implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http =
      new OkHttpClient.Builder().socketFactory(new NoDelaySockets()).build();
  private final String baseUrl;

  FloorClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Reads every event of the project's logs through the fetch cursor; returns the row count. */
  long fetchAll(String projectId, int perPage, long maxRows, Consumer<JsonObject> sink)
      throws IOException {
    String url = baseUrl + "/v1/project_logs/" + projectId + "/fetch";
    String cursor = null;
    long rows = 0;
    while (rows < maxRows) {
      String body =
          "{\"limit\":" + perPage + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}";
      Request request =
          new Request.Builder()
              .url(url)
              .header("Authorization", "Bearer floor")
              .post(RequestBody.create(body, JSON))
              .build();
      String next = null;
      int pageRows = 0;
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new IOException("HTTP " + response.code());
        }
        JsonReader reader = new JsonReader(response.body().charStream());
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (name.equals("events")) {
            reader.beginArray();
            while (reader.hasNext()) {
              sink.accept(JsonParser.parseReader(reader).getAsJsonObject());
              pageRows++;
            }
            reader.endArray();
          } else if (name.equals("cursor") && reader.peek() == JsonToken.STRING) {
            next = reader.nextString();
          } else {
            reader.skipValue();
          }
        }
      }
      rows += pageRows;
      if (pageRows == 0 || next == null) {
        break;
      }
      cursor = next;
    }
    return rows;
  }

  /** Runs a structured BTQL query in JSON lines, page after page; returns the row count. */
  long btqlAll(String from, int perPage, long maxRows, Consumer<JsonObject> sink)
      throws IOException {
    String cursor = null;
    long rows = 0;
    while (rows < maxRows) {
      String body =
          "{\"query\":{"
              + from
              + ",\"limit\":"
              + perPage
              + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"")
              + "},\"fmt\":\"jsonl\"}";
      Request request =
          new Request.Builder()
              .url(baseUrl + "/btql")
              .header("Authorization", "Bearer floor")
              .post(RequestBody.create(body, JSON))
              .build();
      int pageRows = 0;
      String next;
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new IOException("HTTP " + response.code());
        }
        next = response.header("x-bt-cursor");
        BufferedSource source = response.body().source();
        for (String line; (line = source.readUtf8Line()) != null; ) {
          if (!line.isEmpty()) {
            sink.accept(JsonParser.parseString(line).getAsJsonObject());
            pageRows++;
          }
        }
      }
      rows += pageRows;
      if (pageRows == 0 || next == null) {
        break;
      }
      cursor = next;
    }
    return rows;
  }

  /** Reads the fetch pages as bytes without parsing: how fast the server and the socket go. */
  long drainFetch(String projectId, int pages) throws IOException {
    String url = baseUrl + "/v1/project_logs/" + projectId + "/fetch";
    long bytes = 0;
    for (int k = 0; k < pages; k++) {
      String body =
          "{\"limit\":1000"
              + (k == 0 ? "" : ",\"cursor\":\"" + SyntheticPages.cursor(k) + "\"")
              + "}";
      Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
      try (Response response = http.newCall(request).execute()) {
        BufferedSource source = response.body().source();
        while (!source.exhausted()) {
          bytes += source.getBuffer().size();
          source.getBuffer().clear();
        }
      }
    }
    return bytes;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Sockets with Nagle's algorithm off, as the library's own. */
  static final class NoDelaySockets extends SocketFactory {
    private final SocketFactory delegate = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
