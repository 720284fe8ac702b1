package io.github.bt4j.testsupport;

import io.github.bt4j.spec.SpecDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository's OpenAPI documents, as every test reads them: with the spec tool's own reader
 * ({@link SpecDocument}), each file once per test run. Tests only read the documents, never change
 * them, since they are shared.
 */
public final class Specs {
  private static final Map<Path, SpecDocument> READ = new ConcurrentHashMap<>();

  private Specs() {}

  /** The spec the generators ran on: the bundled spec after the spec tool's rules. */
  public static SpecDocument prepared() {
    return read(repoRoot().resolve("spec/target/prepared/openapi.yaml"));
  }

  /** The official spec as bundled, before any of our rules. */
  public static SpecDocument bundled() {
    return read(repoRoot().resolve("spec/src/main/openapi/openapi.yaml"));
  }

  /** What the project adds to the official spec ({@code bt4j-additions.yaml}). */
  public static SpecDocument additions() {
    return read(repoRoot().resolve("spec/src/main/openapi/bt4j-additions.yaml"));
  }

  /** The repository's root: Maven's {@code bt4j.repoRoot}, or the parent of the module's folder. */
  public static Path repoRoot() {
    String root = System.getProperty("bt4j.repoRoot");
    // Outside Maven (an IDE running a test in fluent-api/), the module's parent is the root.
    return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
  }

  private static SpecDocument read(Path file) {
    return READ.computeIfAbsent(
        file,
        f -> {
          try {
            return SpecDocument.read(f);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + "; build the spec module first", e);
          }
        });
  }
}
