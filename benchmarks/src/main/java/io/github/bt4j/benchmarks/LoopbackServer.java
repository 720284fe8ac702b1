package io.github.bt4j.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A fake Braintrust data plane on 127.0.0.1 for the benchmark, meant to run in a JVM of its own. A
 * plain socket server (one thread per connection, keep-alive, pre-rendered pages) so that it is
 * never what limits the clients: {@code POST /v1/project_logs/{id}/fetch} serves events with a
 * {@code cursor} in the body, {@code POST /btql} serves JSON lines with the cursor in {@code
 * x-bt-cursor}, {@code GET /v1/project} serves project pages for {@code starting_after}. It prints
 * {@code PORT <n>} and serves until its standard input closes, that is until the benchmark that
 * started it ends.
 */
public final class LoopbackServer {
  private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

  private LoopbackServer() {}

  /**
   * Runs the server.
   *
   * @param args total rows (default 1,000,000), rows per page (default 1000), projects (default
   *     20,000, in pages of 100)
   * @throws IOException if the server cannot start
   */
  public static void main(String[] args) throws IOException {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int perPage = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int projects = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    SyntheticPages pages = new SyntheticPages(rows, perPage);
    SyntheticProjects projectPages = new SyntheticProjects(projects, 100);
    ServerProcess.serveUntilStdinCloses(socket -> serve(socket, pages, projectPages));
  }

  private static void serve(Socket socket, SyntheticPages pages, SyntheticProjects projects) {
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSendBufferSize(4 << 20);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 << 10);
      OutputStream out = socket.getOutputStream();
      for (String head; (head = readHead(in)) != null; ) {
        byte[] body = in.readNBytes(contentLength(head));
        boolean list = head.startsWith("GET /v1/project?") || head.startsWith("GET /v1/project ");
        int k = list ? 0 : pageOf(new String(body, StandardCharsets.UTF_8));
        boolean btql = head.startsWith("POST /btql");
        byte[] page =
            list
                ? projects.pageAfter(queryParameter(head, "starting_after"))
                : btql ? pages.jsonLinesPage(k) : pages.fetchPage(k);
        String cursor = btql ? pages.cursorAfter(k) : null;
        String responseHead =
            "HTTP/1.1 200 OK\r\nContent-Type: "
                + (btql ? "application/x-jsonlines" : "application/json")
                + "\r\nContent-Length: "
                + page.length
                + (cursor == null ? "" : "\r\nx-bt-cursor: " + cursor)
                + "\r\n\r\n";
        out.write(responseHead.getBytes(StandardCharsets.US_ASCII));
        out.write(page);
        out.flush();
      }
    } catch (IOException e) {
      // The client closed the connection.
    }
  }

  /** The request line and headers, or null at the end of the connection. */
  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int matched = 0;
    while (matched < CRLF_CRLF.length) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == CRLF_CRLF[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** The value of the head's {@code Content-Length}, or 0 when it has none. */
  static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  /** The value of the query parameter {@code name} in the request line, or null. */
  private static String queryParameter(String head, String name) {
    String target = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
    int query = target.indexOf('?');
    for (String pair : target.substring(query + 1).split("&")) {
      if (query >= 0 && pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** The page a request asks for: the number in its {@code "cursor":"p0000123"}, else 0. */
  private static int pageOf(String body) {
    int at = body.indexOf("\"cursor\":\"p");
    if (at < 0) {
      return 0;
    }
    int from = at + "\"cursor\":\"p".length();
    return Integer.parseInt(body.substring(from, from + 7));
  }
}
