package io.github.bt4j;

/** How the library prints a secret: never its value. */
final class Secrets {
  private Secrets() {}

  /** {@code "<set>"} or {@code "<unset>"}: a secret's only printable facts. */
  static String mask(String secret) {
    return secret == null ? "<unset>" : "<set>";
  }
}
