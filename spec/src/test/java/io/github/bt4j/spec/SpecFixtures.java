package io.github.bt4j.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.bt4j.spec.ChangeReport.Change;
import io.github.bt4j.spec.ChangeReport.ChangedItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Small synthetic specs and look-ups shared by the spec module's tests. */
final class SpecFixtures {
  private SpecFixtures() {}

  /** A spec with the given {@code paths} and {@code components.schemas} (each unindented YAML). */
  static String spec(String paths, String schemas) {
    return spec(paths, schemas, "");
  }

  /** As {@link #spec(String, String)}, with {@code components.parameters} too. */
  static String spec(String paths, String schemas, String parameters) {
    return "openapi: 3.0.3\n"
        + "info: {title: test, version: '1'}\n"
        + "paths:\n"
        + paths.indent(2)
        + "components:\n"
        + "  schemas:\n"
        + schemas.indent(4)
        + "  parameters:\n"
        + parameters.indent(4);
  }

  /** Parses a spec written inline. */
  static SpecDocument parse(String yaml) {
    try {
      return SpecDocument.parse(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report from {@code oldYaml} to {@code newYaml}. */
  static ChangeReport diff(String oldYaml, String newYaml) {
    return SpecDiff.compare(parse(oldYaml), parse(newYaml));
  }

  /** The changes of the changed operation or model {@code name}; fails if it is not listed. */
  static List<Change> changesOf(List<ChangedItem> items, String name) {
    for (ChangedItem item : items) {
      if (item.name().equals(name)) {
        return item.changes();
      }
    }
    return fail(name + " is not among the changed items " + items);
  }

  /** Asserts that {@code changes} holds exactly this change. */
  static void assertChange(List<Change> changes, String subject, String detail, boolean breaking) {
    Change expected = new Change(subject, detail, breaking);
    assertTrue(changes.contains(expected), "expected " + expected + " in " + changes);
  }
}
