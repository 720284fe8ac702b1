package io.github.bt4j.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a URL's host is this machine, decided from the name alone (no DNS lookup). */
public final class Loopback {
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");

  private Loopback() {}

  /** {@code localhost}, an address in 127.0.0.0/8, or the IPv6 loopback address. */
  public static boolean isLoopbackHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches()) {
      return true;
    }
    if (!h.contains(":")) {
      return false; // a name: only a lookup could tell, and names other than localhost may move
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // an IPv6 literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
