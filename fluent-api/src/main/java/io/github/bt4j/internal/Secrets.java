package io.github.bt4j.internal;

/** How the library prints a secret: never its value. */
public final class Secrets {
  private Secrets() {}

  /** {@code "<set>"} or {@code "<unset>"}: a secret's only printable facts. */
  public static String mask(String secret) {
    return secret == null ? "<unset>" : "<set>";
  }
}
