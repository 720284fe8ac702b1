package io.github.bt4j.internal.http;

import java.util.Objects;
import java.util.function.Function;

/**
 * How the library's own parts (the event writer) reach a client's transport without the client
 * exposing it: the client registers the way in when its class loads. Not API.
 */
public final class ClientAccess {
  private static volatile Function<Object, Transport> transports;

  private ClientAccess() {}

  /**
   * Registers how to get a client's transport; called once, by the client class.
   *
   * @param access from a client to its transport
   */
  public static void register(Function<Object, Transport> access) {
    transports = Objects.requireNonNull(access, "access");
  }

  /**
   * The transport of {@code client}.
   *
   * @param client a {@code BraintrustClient}
   * @return its transport
   */
  public static Transport transportOf(Object client) {
    Function<Object, Transport> access = transports;
    if (access == null) {
      throw new IllegalStateException("no client class has registered its transport access");
    }
    return access.apply(Objects.requireNonNull(client, "client"));
  }
}
