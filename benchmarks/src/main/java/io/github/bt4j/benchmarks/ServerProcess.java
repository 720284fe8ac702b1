package io.github.bt4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A fake server running in a JVM of its own, on this JVM's class path: started with its main class,
 * it must print {@code PORT <n>} on standard output when ready and stop when its standard input
 * closes, which {@link #close()} does.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  /**
   * Starts the server and waits until it listens.
   *
   * @param heap the server JVM's heap option, such as {@code -Xmx256m}
   * @param mainClass the server's main class
   * @param args its arguments
   */
  ServerProcess(String heap, Class<?> mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("PORT ")) {
      process.destroyForcibly();
      throw new IOException(mainClass.getSimpleName() + " did not start: " + ready);
    }
    port = Integer.parseInt(ready.substring(5).trim());
  }

  /** The server's base URL on loopback. */
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /**
   * The server side of this protocol, for a server's main method: listens on a free loopback port,
   * hands each connection to {@code handler} on a thread of its own, prints {@code PORT <n>}, and
   * returns once standard input closes.
   */
  static void serveUntilStdinCloses(Consumer<Socket> handler) throws IOException {
    ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  Thread t = new Thread(() -> handler.accept(socket), "conn-" + socket.getPort());
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
    System.out.println("PORT " + server.getLocalPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Serve until the parent process closes our standard input.
    }
    server.close();
  }
}
