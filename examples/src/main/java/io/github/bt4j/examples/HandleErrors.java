package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.errors.ApiException;
import io.github.bt4j.errors.AuthenticationException;
import io.github.bt4j.errors.NotFoundException;
import java.util.UUID;

/**
 * What failures look like: a typed exception per HTTP status, carrying the server's message and
 * request id, and argument errors caught before anything is sent.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.HandleErrors</pre>
 */
public final class HandleErrors {
  private HandleErrors() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client);
    }
  }

  static void run(BraintrustClient client) {
    try {
      client.projects().get(UUID.randomUUID().toString());
    } catch (NotFoundException e) {
      System.out.println("404        " + e.serverMessage() + " (request id " + e.requestId() + ")");
    }
    try {
      client.projects().get("not-a-uuid");
    } catch (IllegalArgumentException e) {
      System.out.println("Rejected   " + e.getMessage() + " (nothing was sent)");
    }
    try (BraintrustClient wrongKey = client.withOptions(b -> b.apiKey("sk-wrong-key"))) {
      wrongKey.projects().list().firstPage(); // a list is lazy: ask for a page
    } catch (AuthenticationException e) {
      System.out.println("401        " + e.serverMessage());
    } catch (ApiException e) {
      System.out.println(e.statusCode() + "        " + e.serverMessage());
    }
  }
}
