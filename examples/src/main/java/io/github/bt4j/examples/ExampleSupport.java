package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.testing.FakeBraintrust;
import io.github.bt4j.testing.StreamPacing;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Function;

/**
 * Gives each example its client: the real Braintrust API when {@code BRAINTRUST_API_KEY} is set
 * ({@code BRAINTRUST_API_URL} then says where it is, as for {@link BraintrustClient#fromEnv()}),
 * otherwise a fresh {@link FakeBraintrust} on this machine (from bt4j-testing), which closing the
 * client stops.
 *
 * <pre>{@code
 * try (var client = ExampleSupport.client()) {
 *   Project project = client.projects().create(new CreateProject().name("rest_test"));
 * }
 * }</pre>
 */
public final class ExampleSupport {
  /** How long the stand-in waits between streamed words, so that they visibly trickle in. */
  static final Duration STREAM_DELAY = Duration.ofMillis(40);

  private ExampleSupport() {}

  /** The client an example runs with; prints one line saying which API it talks to. */
  public static BraintrustClient client() {
    return client(System::getenv, System.out);
  }

  /**
   * As {@link #client()}, reading the environment through {@code env} and printing to {@code out}.
   */
  static BraintrustClient client(Function<String, String> env, PrintStream out) {
    String key = env.apply("BRAINTRUST_API_KEY");
    if (key != null && !key.isBlank()) {
      BraintrustClient client = BraintrustClient.builder().fromEnv(env).build();
      String url = client.baseUrl().replaceAll("/$", "");
      out.println("Using the Braintrust API at " + url + " (BRAINTRUST_API_KEY is set)");
      return client;
    }
    FakeBraintrust standIn =
        FakeBraintrust.builder().streamPacing(StreamPacing.fixedDelay(STREAM_DELAY)).start();
    try {
      // Through fromEnv, so that BRAINTRUST_LOG still turns on HTTP logging.
      BraintrustClient client =
          BraintrustClient.builder().fromEnv(name -> standInEnv(name, standIn, env)).build();
      // The stand-in serves this client for the rest of the program.
      Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "stand-in-stop"));
      out.println(
          "Using a local stand-in for the Braintrust API at "
              + standIn.baseUrl()
              + " (set BRAINTRUST_API_KEY to use the real API)");
      return client;
    } catch (RuntimeException e) {
      standIn.close();
      throw e;
    }
  }

  private static String standInEnv(
      String name, FakeBraintrust standIn, Function<String, String> env) {
    return switch (name) {
      case "BRAINTRUST_API_KEY" -> standIn.apiKey();
      case "BRAINTRUST_API_URL" -> standIn.baseUrl();
      case "BRAINTRUST_BASE_URL" -> null;
      default -> env.apply(name);
    };
  }
}
